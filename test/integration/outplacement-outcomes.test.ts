import { describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { recordHire } from "~/domain/shortlists/commands.server";
import { todayInItaly, addDays } from "~/utils/dates";
import * as dashboard from "~/routes/operatore.ricollocazione.$eventId_.cruscotto";
import * as dashboardCsv from "~/routes/operatore.ricollocazione.$eventId_.cruscotto.csv";
import * as outcomes from "~/routes/operatore.ricollocazione.$eventId_.lavoratori.$memberId_.esiti";
import * as employerView from "~/routes/azienda.ricollocazione.$eventId";
import * as employerPdf from "~/routes/azienda.ricollocazione.$eventId.pdf";
import * as unionView from "~/routes/sindacato.ricollocazione.$eventId";
import { cookieFor, createEmployer, createUserWithRole, request } from "../support/factories";
import { insertOutplacementEvent } from "../support/factories-outplacement";
import { createMatchCandidate, createMatchVacancy, insertPresentedShortlist } from "../support/factories-shortlists";
import { callRoute } from "../support/routes";

const today = todayInItaly();
let n = 0;

async function addMembers(eventId: string, count: number, opts: { site?: (i: number) => string; candidateId?: string } = {}) {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    n++;
    const row = await getDb()
      .insertInto("outplacement_members")
      .values({
        event_id: eventId,
        candidate_id: i === 0 ? (opts.candidateId ?? null) : null,
        codice_fiscale: `RSSMRA80A01F${String(n).padStart(3, "0")}X`.slice(0, 16),
        first_name: "Mario",
        last_name: `Rossi ${n}`,
        site: opts.site ? opts.site(i) : "Milano",
        qualification: "Operaio",
        situation: "dismissed",
        dismissal_on: addDays(today, -220),
        t0_on: addDays(today, -220),
        state: "active",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    ids.push(row.id);
  }
  return ids;
}

async function addVerifiedJob(memberId: string, startOffset: number) {
  await getDb()
    .insertInto("outplacement_outcomes")
    .values({
      member_id: memberId,
      type: "EMPLOYED_OPEN_ENDED",
      state: "VERIFIED",
      start_on: addDays(today, -220 + startOffset),
      contract_type: "A.01.00",
      source: "CO_VERIFIED",
      co_code: "CO-TEST-1",
      verified_on: today,
    })
    .execute();
}

describe("a hire through a rosa", () => {
  it("closes the cohort worker's outcome in the same transaction, as re-hired when the dismissing employer hires", async () => {
    const dismissing = await createEmployer();
    const other = await createEmployer();
    const candidateId = await createMatchCandidate({});
    const event = await insertOutplacementEvent(dismissing.id, { state: "agreement_signed" });
    const [memberId] = await addMembers(event.id, 1, { candidateId });
    const officer = await createUserWithRole("preselection_officer");
    for (const [employerId, contractType, endDate] of [
      [other.id, "A.02.00", addDays(today, 90)],
      [dismissing.id, "A.01.00", null],
    ] as const) {
      const vacancy = await createMatchVacancy({ employerId, status: "published" });
      const shortlistId = await insertPresentedShortlist(employerId, vacancy.id);
      const row = await getDb()
        .insertInto("shortlist_candidates")
        .values({
          shortlist_id: shortlistId,
          candidate_id: candidateId,
          rank: 1,
          score: 1,
          explanation: "{}",
          state: "selected",
          presented_at: new Date(),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await withTransaction((trx) =>
        recordHire(
          trx,
          { userId: officer.id, role: "preselection_officer", ip: null },
          { kind: "officer", userId: officer.id },
          {
            rowId: row.id,
            version: 1,
            contractType,
            startDate: today,
            endDate,
            workingTime: "F",
            weeklyHours: 40,
            ccnl: "042",
            contractLevel: "4",
            qualification: "5.1.2.2.0.1",
            grossPay: null,
            workComune: "Milano (MI)",
            l68Reserved: false,
            requestChannel: "telefono",
          },
        ),
      );
    }
    const rows = await getDb()
      .selectFrom("outplacement_outcomes")
      .select(["type", "source", "state", "hire_id", "contract_type", "end_on"])
      .where("member_id", "=", memberId)
      .orderBy("created_at")
      .execute();
    expect(rows).toEqual([
      expect.objectContaining({ type: "EMPLOYED_FIXED_LT6M", source: "EMPLOYER", state: "DECLARED", contract_type: "A.02.00" }),
      expect.objectContaining({
        type: "REHIRED_SAME_EMPLOYER",
        source: "EMPLOYER",
        state: "DECLARED",
        contract_type: "A.01.00",
        end_on: null,
      }),
    ]);
    expect(rows.every((r) => r.hire_id)).toBe(true);
    const audit = await getDb().selectFrom("audit_log").select("action").where("action", "=", "outplacement.outcome_from_hire").execute();
    expect(audit.length).toBeGreaterThanOrEqual(2);
  });
});

describe("the aggregated view for the employer and the union", () => {
  it("shows no outcome below 10 workers, never a cell under 5, and only the employer's own or the union's linked events", async () => {
    const employer = await createEmployer();
    const legalRep = await createUserWithRole("employer", { employerId: employer.id, employerRole: "legal_rep" });
    const otherEmployer = await createEmployer();
    const otherRep = await createUserWithRole("employer", { employerId: otherEmployer.id, employerRole: "legal_rep" });
    const union = await createUserWithRole("union_representative");
    const unlinkedUnion = await createUserWithRole("union_representative");

    const small = await insertOutplacementEvent(employer.id, { state: "agreement_signed" });
    const smallIds = await addMembers(small.id, 9);
    for (const id of smallIds.slice(0, 6)) await addVerifiedJob(id, 40);
    const cookie = await cookieFor(legalRep.id);
    const tooSmall = await callRoute(employerView.loader, request(`/azienda/ricollocazione/${small.id}`, { cookie }), {
      eventId: small.id,
    });
    expect(tooSmall.status).toBe(200);
    expect((tooSmall.body as { view: { kind: string } }).view).toEqual({ kind: "too_small", members: 9, hours: 0 });

    const big = await insertOutplacementEvent(employer.id, { state: "agreement_signed" });
    await getDb().insertInto("outplacement_event_unions").values({ event_id: big.id, user_id: union.id }).execute();
    const ids = await addMembers(big.id, 14, { site: (i) => (i < 11 ? "Milano" : "Monza") });
    // 11 employed, 3 not: showing 11 would give the 3 away by subtraction from 14.
    for (const id of ids.slice(0, 11)) await addVerifiedJob(id, 30 + (id.charCodeAt(0) % 5));
    for (const [loader, c, path] of [
      [employerView.loader, cookie, `/azienda/ricollocazione/${big.id}`],
      [unionView.loader, await cookieFor(union.id), `/sindacato/ricollocazione/${big.id}`],
    ] as const) {
      const page = await callRoute(loader, request(path, { cookie: c }), { eventId: big.id });
      expect(page.status).toBe(200);
      const body = JSON.stringify(page.body);
      // No names, no worker ids, no site detail with small cells.
      expect(body).not.toContain("Rossi");
      for (const id of ids) expect(body).not.toContain(id);
      const view = (page.body as { view: { kind: string; current: Line; rates: { line: Line | null }[]; monthly: Line; bySite: unknown } })
        .view;
      expect(view.kind).toBe("view");
      expect(view.bySite).toBeNull();
      for (const l of [view.current, view.monthly, ...view.rates.flatMap((r) => (r.line ? [r.line] : []))]) {
        for (const cell of l.cells) if (cell.value !== null && cell.value > 0) expect(cell.value).toBeGreaterThanOrEqual(5);
        const hidden = l.cells.filter((x) => x.value === null).length;
        expect(hidden === 0 || hidden >= 2).toBe(true);
      }
    }
    const pdf = await callRoute(employerPdf.loader, request(`/azienda/ricollocazione/${big.id}/pdf`, { cookie }), { eventId: big.id });
    expect(pdf.status).toBe(200);

    // Another employer's event, an unlinked union: 404; and no individual route for either.
    const foreign = await callRoute(
      employerView.loader,
      request(`/azienda/ricollocazione/${big.id}`, { cookie: await cookieFor(otherRep.id) }),
      { eventId: big.id },
    );
    expect(foreign.status).toBe(404);
    const unlinked = await callRoute(
      unionView.loader,
      request(`/sindacato/ricollocazione/${big.id}`, { cookie: await cookieFor(unlinkedUnion.id) }),
      { eventId: big.id },
    );
    expect(unlinked.status).toBe(404);
    for (const [who, c] of [
      ["employer", cookie],
      ["union", await cookieFor(union.id)],
    ] as const) {
      for (const [loader, path, params] of [
        [dashboard.loader, `/operatore/ricollocazione/${big.id}/cruscotto`, { eventId: big.id }],
        [dashboardCsv.loader, `/operatore/ricollocazione/${big.id}/cruscotto/csv`, { eventId: big.id }],
        [outcomes.loader, `/operatore/ricollocazione/${big.id}/lavoratori/${ids[0]}/esiti`, { eventId: big.id, memberId: ids[0] }],
      ] as const) {
        const r = await callRoute(loader, request(path, { cookie: c }), params);
        expect([403, 404], `${who} on ${path}`).toContain(r.status);
      }
    }
    const audits = await getDb()
      .selectFrom("audit_log")
      .select("action")
      .where("entity_id", "=", big.id)
      .where("action", "in", ["outplacement.aggregate_view", "outplacement.aggregate_pdf"])
      .execute();
    expect(audits.length).toBe(3);
  });
});

type Line = { cells: { value: number | null }[] };

describe("the officer's dashboard", () => {
  it("gives exact counts at 3 and 6 months and the CSV", async () => {
    const employer = await createEmployer();
    const event = await insertOutplacementEvent(employer.id, { state: "agreement_signed" });
    const ids = await addMembers(event.id, 12);
    for (const id of ids.slice(0, 3)) await addVerifiedJob(id, 40);
    const officer = await createUserWithRole("preselection_officer");
    const cookie = await cookieFor(officer.id);
    const page = await callRoute(dashboard.loader, request(`/operatore/ricollocazione/${event.id}/cruscotto`, { cookie }), {
      eventId: event.id,
    });
    expect(page.status).toBe(200);
    const d = (page.body as { dashboard: { verified: { rates: { months: number; mature: number; employed: number; rawRate: number }[] } } })
      .dashboard;
    expect(d.verified.rates.slice(0, 2)).toEqual([
      expect.objectContaining({ months: 3, mature: 12, employed: 3, rawRate: 25 }),
      expect.objectContaining({ months: 6, mature: 12, employed: 3, rawRate: 25 }),
    ]);
    const csv = await callRoute(dashboardCsv.loader, request(`/operatore/ricollocazione/${event.id}/cruscotto/csv`, { cookie }), {
      eventId: event.id,
    });
    expect(csv.status).toBe(200);
  });
});
