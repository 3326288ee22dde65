import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { DomainError } from "~/domain/errors";
import { addendumForPdf, listAddenda, renderDocumentPdf, type InternshipActor } from "~/domain/internships/index.server";
import { addGapProposal, setGapOutcome } from "~/domain/shortlists/commands.server";
import { listEmployerVacancies } from "~/domain/vacancies/queries.server";
import * as employerEdit from "~/routes/azienda.tirocini.$internshipId_.modifica";
import * as employerAddenda from "~/routes/azienda.tirocini.$internshipId_.integrazioni";
import * as questionnaire from "~/routes/azienda.servizi.questionario";
import * as newRequest from "~/routes/azienda.tirocini.nuovo";
import * as officerNew from "~/routes/operatore.tirocini.nuovo";
import * as officerAddenda from "~/routes/operatore.tirocini.$internshipId_.integrazioni";
import { cookieFor, createEmployer, createUserWithRole, request } from "../support/factories";
import { insertInternship } from "../support/factories-internships";
import { createMatchCandidate, insertPresentedShortlist } from "../support/factories-shortlists";
import { insertVacancy } from "../support/factories-vacancies";
import { callRoute, formErrorsOf } from "../support/routes";

/**
 * Requests on an employer's behalf, editing a request before the PFI is signed, the addenda after it, and the links
 * from the questionnaire, the rosa's «tirocinio» proposal and the vacancy list (docs/decisions/tirocini.md), on real
 * PostgreSQL.
 */

let employerA: string;
let employerB: string;
let cookieA: string;
let cookieB: string;
let officerCookie: string;
let officer: InternshipActor & { kind: "officer" };

const form = (overrides: Record<string, string> = {}) => ({
  title: "Tirocinio di addetto alle vendite",
  occupation: "5.1.2.2.0",
  comune: "Milano (MI)",
  activities: "Assistenza ai clienti, riordino degli scaffali, uso della cassa.",
  weeklyHours: "40",
  dailyHours: "8",
  plannedMonths: "6",
  monthlyIndemnity: "600",
  employeesPermanent: "21",
  ...overrides,
});

beforeAll(async () => {
  employerA = (await createEmployer()).id;
  employerB = (await createEmployer()).id;
  cookieA = await cookieFor((await createUserWithRole("employer", { employerId: employerA })).id);
  cookieB = await cookieFor((await createUserWithRole("employer", { employerId: employerB })).id);
  const o = await createUserWithRole("preselection_officer");
  officerCookie = await cookieFor(o.id);
  officer = { kind: "officer", userId: o.id, ip: "127.0.0.1" };
});

const idOf = (location: string | null) => location!.split("/").pop()!;
const row = (id: string) => getDb().selectFrom("internships").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

describe("officer's request on an employer's behalf", () => {
  it("creates the request with source «officer», the same checks and a timeline note", async () => {
    const out = await callRoute(
      officerNew.action,
      request(`/operatore/tirocini/nuovo?azienda=${employerA}`, { cookie: officerCookie, form: form({ monthlyIndemnity: "300" }) }),
    );
    expect(out.status).toBe(302);
    const saved = await row(idOf(out.location));
    expect(saved).toMatchObject({
      source: "officer",
      employer_id: employerA,
      officer_id: officer.userId === saved.created_by ? officer.userId : saved.officer_id,
    });
    expect((saved.check_result as { allowed: boolean }).allowed).toBe(false);
    const step = await getDb()
      .selectFrom("internship_transitions")
      .select(["event", "note", "actor_kind"])
      .where("internship_id", "=", saved.id)
      .execute();
    expect(step[0]).toMatchObject({ event: "request", actor_kind: "officer" });
    expect(step[0]!.note).toMatch(/per conto dell'azienda/);
  });

  it("refuses a company not validated, and asks for the company first", async () => {
    const pending = await createEmployer({ status: "pending" });
    const refused = await callRoute(
      officerNew.action,
      request(`/operatore/tirocini/nuovo?azienda=${pending.id}`, { cookie: officerCookie, form: form() }),
    );
    expect(refused.status).toBe(409);
    const none = await callRoute(officerNew.action, request("/operatore/tirocini/nuovo", { cookie: officerCookie, form: form() }));
    expect(none.status).toBe(400);
    const search = await callRoute(officerNew.loader, request("/operatore/tirocini/nuovo?q=x", { cookie: officerCookie }));
    expect(search.status).toBe(200);
  });
});

describe("editing the request before the PFI is signed", () => {
  it("re-runs the checker on every save and stores the violations in Italian; another company's is not found", async () => {
    const created = await callRoute(newRequest.action, request("/azienda/tirocini/nuovo", { cookie: cookieA, form: form() }));
    const id = idOf(created.location);
    const before = await row(id);
    const page = await callRoute(employerEdit.loader, request(`/azienda/tirocini/${id}/modifica`, { cookie: cookieA }), {
      internshipId: id,
    });
    expect(page.status).toBe(200);
    expect((page.body as { values: Record<string, string> }).values).toMatchObject({ comune: "Milano (MI)", monthlyIndemnity: "600" });
    const bad = await callRoute(
      employerEdit.action,
      request(`/azienda/tirocini/${id}/modifica`, {
        cookie: cookieA,
        form: { ...form({ monthlyIndemnity: "200" }), version: String(before.version) },
      }),
      { internshipId: id },
    );
    expect(bad.status).toBe(302);
    const saved = await row(id);
    expect(saved.monthly_indemnity_cents).toBe(20000);
    const check = saved.check_result as { allowed: boolean; check: { messages: { kind: string; message: string }[] } };
    expect(check.allowed).toBe(false);
    expect(
      check.check.messages
        .filter((m) => m.kind === "violation")
        .map((m) => m.message)
        .join(" "),
    ).toMatch(/indennità/i);
    // A stale version is refused; bad input gets Italian messages; employer B gets 404.
    const stale = await callRoute(
      employerEdit.action,
      request(`/azienda/tirocini/${id}/modifica`, { cookie: cookieA, form: { ...form(), version: String(before.version) } }),
      { internshipId: id },
    );
    expect(stale.status).toBe(409);
    const invalid = await callRoute(
      employerEdit.action,
      request(`/azienda/tirocini/${id}/modifica`, {
        cookie: cookieA,
        form: { ...form({ weeklyHours: "tante" }), version: String(saved.version) },
      }),
      { internshipId: id },
    );
    expect(invalid.status).toBe(400);
    expect(formErrorsOf(invalid.body).weeklyHours).toMatch(/numero/);
    const other = await callRoute(
      employerEdit.action,
      request(`/azienda/tirocini/${id}/modifica`, { cookie: cookieB, form: { ...form(), version: String(saved.version) } }),
      { internshipId: id },
    );
    expect(other.status).toBe(404);
    const audit = await getDb()
      .selectFrom("audit_log")
      .select("details")
      .where("entity_id", "=", id)
      .where("action", "=", "internship.request_edited")
      .execute();
    expect(audit).toHaveLength(1);
  });

  it("sends a PFI ready to sign back to drafting and voids its signatures; after the three signatures it points to an addendum", async () => {
    const ready = await insertInternship(employerA, {
      state: "partially_signed",
      start_date: "2027-03-01",
      end_date: "2027-08-31",
      document_hash: "a".repeat(64),
    });
    await getDb()
      .insertInto("internship_signatures")
      .values({
        internship_id: ready.id,
        document: "pfi",
        party: "host",
        method: "uploaded_pdf",
        signer_name: "Anna Rossi",
        document_hash: "a".repeat(64),
      })
      .execute();
    const out = await callRoute(
      employerEdit.action,
      request(`/azienda/tirocini/${ready.id}/modifica`, {
        cookie: cookieA,
        form: { ...form({ startDate: "2027-04-01" }), version: String(ready.version) },
      }),
      { internshipId: ready.id },
    );
    expect(out.status).toBe(302);
    const saved = await row(ready.id);
    expect(saved.state).toBe("ready_to_sign");
    expect(saved.end_date).toBe("2027-09-30");
    const live = await getDb()
      .selectFrom("internship_signatures")
      .select("id")
      .where("internship_id", "=", ready.id)
      .where("voided_at", "is", null)
      .execute();
    expect(live).toHaveLength(0);
    const signed = await insertInternship(employerA, { state: "awaiting_co", start_date: "2027-03-01", end_date: "2027-08-31" });
    const refused = await callRoute(
      employerEdit.action,
      request(`/azienda/tirocini/${signed.id}/modifica`, { cookie: cookieA, form: { ...form(), version: String(signed.version) } }),
      { internshipId: signed.id },
    );
    expect(refused.status).toBe(409);
    expect(formErrorsOf(refused.body)._form ?? JSON.stringify(refused.body)).toMatch(/addendum/);
  });
});

async function signAll(internshipId: string, addendumId: string, parties: ("promoter" | "host" | "trainee")[]) {
  const found = await addendumForPdf(getDb(), internshipId, addendumId);
  const pdf = await renderDocumentPdf(found!.content, "prova");
  let last: { complete: boolean } = { complete: false };
  for (const party of parties) {
    const a = await getDb().selectFrom("internship_addenda").select("version").where("id", "=", addendumId).executeTakeFirstOrThrow();
    const { signAddendum } = await import("~/domain/internships/index.server");
    last = await withTransaction((trx) =>
      signAddendum(
        trx,
        officer,
        internshipId,
        addendumId,
        {
          party,
          signerName: "Firmatario",
          documentHash: found!.addendum.document_hash,
          pdf: { name: "a.pdf", bytes: pdf },
          version: a.version,
        },
        "2026-12-06",
      ),
    );
  }
  return last;
}

describe("addendum after the three signatures", () => {
  it("an extension is re-checked against the maximum and applied only with the third signature", async () => {
    const candidateId = await createMatchCandidate({});
    // Lombardia EQF 4: 12 months at most; 6 planned, a suspension already moved the end by 10 days.
    const active = await insertInternship(employerA, {
      state: "active",
      candidate_id: candidateId,
      eqf_level: 4,
      start_date: "2026-09-01",
      end_date: "2027-03-10",
    });
    const tooLong = await callRoute(
      officerAddenda.action,
      request(`/operatore/tirocini/${active.id}/integrazioni`, {
        cookie: officerCookie,
        form: { intent: "extension", months: "7", reason: "Completare gli obiettivi", version: String(active.version) },
      }),
      { internshipId: active.id },
    );
    expect(tooLong.status).toBe(409);
    expect(JSON.stringify(tooLong.body)).toMatch(/Proroga non ammessa/);
    const ok = await callRoute(
      officerAddenda.action,
      request(`/operatore/tirocini/${active.id}/integrazioni`, {
        cookie: officerCookie,
        form: { intent: "extension", months: "6", reason: "Completare gli obiettivi", version: String(active.version) },
      }),
      { internshipId: active.id },
    );
    expect(ok.status).toBe(302);
    const [addendum] = await listAddenda(getDb(), active.id);
    expect(addendum).toMatchObject({ kind: "extension", state: "awaiting_signatures", new_end_date: "2027-09-10", sequence: 1 });
    expect(addendum!.missingParties).toEqual(["promoter", "host", "trainee"]);
    // A second addendum waits for the first.
    const second = await callRoute(
      officerAddenda.action,
      request(`/operatore/tirocini/${active.id}/integrazioni`, {
        cookie: officerCookie,
        form: { intent: "extension", months: "1", reason: "Ancora un mese", version: String(active.version) },
      }),
      { internshipId: active.id },
    );
    expect(second.status).toBe(409);
    expect(await signAll(active.id, addendum!.id, ["promoter", "host"])).toMatchObject({ complete: false });
    expect((await row(active.id)).end_date).toBe("2027-03-10");
    expect(await signAll(active.id, addendum!.id, ["trainee"])).toMatchObject({ complete: true });
    const after = await row(active.id);
    expect(after).toMatchObject({ end_date: "2027-09-10", planned_months: "12.0", state: "active" });
    const [applied] = await listAddenda(getDb(), active.id);
    expect(applied!.state).toBe("applied");
    const events = await getDb()
      .selectFrom("internship_transitions")
      .select("event")
      .where("internship_id", "=", active.id)
      .orderBy("id")
      .execute();
    expect(events.map((e) => e.event)).toEqual([
      "addendum_proposed",
      "addendum_signed",
      "addendum_signed",
      "addendum_signed",
      "extend",
      "addendum_applied",
    ]);
    const unilav = await getDb().selectFrom("internship_unilav_changes").select("kind").where("internship_id", "=", active.id).execute();
    expect(unilav).toEqual([{ kind: "proroga" }]);
  });

  it("a change is checked, signed by the three parties and then written into the PFI", async () => {
    const candidateId = await createMatchCandidate({});
    const waiting = await insertInternship(employerA, {
      state: "awaiting_co",
      candidate_id: candidateId,
      start_date: "2027-03-01",
      end_date: "2027-08-31",
    });
    const belowMinimum = await callRoute(
      employerAddenda.action,
      request(`/azienda/tirocini/${waiting.id}/integrazioni`, {
        cookie: cookieA,
        form: { intent: "change", monthlyIndemnity: "300", reason: "Riduzione dell'orario", version: String(waiting.version) },
      }),
      { internshipId: waiting.id },
    );
    expect(belowMinimum.status).toBe(409);
    expect(JSON.stringify(belowMinimum.body)).toMatch(/Modifica non ammessa/);
    const empty = await callRoute(
      employerAddenda.action,
      request(`/azienda/tirocini/${waiting.id}/integrazioni`, {
        cookie: cookieA,
        form: { intent: "change", reason: "Niente", version: "1" },
      }),
      { internshipId: waiting.id },
    );
    expect(empty.status).toBe(400);
    const ok = await callRoute(
      employerAddenda.action,
      request(`/azienda/tirocini/${waiting.id}/integrazioni`, {
        cookie: cookieA,
        form: {
          intent: "change",
          hostTutorName: "Marco Neri",
          monthlyIndemnity: "650",
          reason: "Cambio del tutor aziendale",
          version: String(waiting.version),
        },
      }),
      { internshipId: waiting.id },
    );
    expect(ok.status).toBe(302);
    const [a] = await listAddenda(getDb(), waiting.id);
    expect(a!.changes).toMatchObject({ hostTutorName: { to: "Marco Neri" }, monthlyIndemnity: { from: 60000, to: 65000 } });
    // Employer B does not see it.
    const hidden = await callRoute(employerAddenda.loader, request(`/azienda/tirocini/${waiting.id}/integrazioni`, { cookie: cookieB }), {
      internshipId: waiting.id,
    });
    expect(hidden.status).toBe(404);
    await signAll(waiting.id, a!.id, ["promoter", "host", "trainee"]);
    const after = await row(waiting.id);
    expect(after).toMatchObject({ host_tutor_name: "Marco Neri", monthly_indemnity_cents: 65000, state: "awaiting_co" });
  });

  it("a withdrawn addendum voids its signatures and lets a new one be prepared", async () => {
    const active = await insertInternship((await createEmployer()).id, {
      state: "active",
      start_date: "2026-09-01",
      end_date: "2027-02-28",
    });
    const { proposeChange, withdrawAddendum } = await import("~/domain/internships/index.server");
    const first = await withTransaction((trx) =>
      proposeChange(
        trx,
        officer,
        active.id,
        { ...nulls, objectives: "Nuovi obiettivi", reason: "Nuovi obiettivi", version: active.version },
        "2026-12-06",
      ),
    );
    await signAll(active.id, first.id, ["promoter"]);
    await withTransaction((trx) => withdrawAddendum(trx, officer, active.id, first.id, { version: 2 }));
    const sigs = await getDb().selectFrom("internship_signatures").select("voided_at").where("addendum_id", "=", first.id).execute();
    expect(sigs.every((s) => s.voided_at !== null)).toBe(true);
    const again = await withTransaction((trx) =>
      proposeChange(
        trx,
        officer,
        active.id,
        { ...nulls, objectives: "Altri obiettivi", reason: "Altri obiettivi", version: active.version },
        "2026-12-06",
      ),
    );
    expect(again.sequence).toBe(2);
    const refused = await withTransaction((trx) =>
      proposeChange(
        trx,
        officer,
        active.id,
        { ...nulls, objectives: "Altri obiettivi", reason: "Terzo", version: active.version },
        "2026-12-06",
      ),
    ).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
  });
});

const nulls = {
  activities: null,
  objectives: null,
  competences: null,
  weeklyHours: null,
  dailyHours: null,
  monthlyIndemnity: null,
  hostTutorName: null,
  hostTutorRole: null,
  hostTutorEmail: null,
};

describe("links", () => {
  it("the questionnaire's «tirocinio» answer leads to the request form pre-filled with that service request", async () => {
    const employer = await createEmployer();
    const cookie = await cookieFor((await createUserWithRole("employer", { employerId: employer.id })).id);
    const out = await callRoute(
      questionnaire.action,
      request("/azienda/servizi/questionario", { cookie, form: { internship: "on", note: "Cerchiamo una persona per il magazzino" } }),
    );
    expect(out.status).toBe(302);
    expect(out.location).toMatch(/^\/azienda\/tirocini\/nuovo\?richiesta=[0-9a-f-]{36}$/);
    const requestId = out.location!.split("=")[1]!;
    const page = await callRoute(newRequest.loader, request(out.location!, { cookie }));
    expect(page.body).toMatchObject({ serviceRequestId: requestId, comune: "Milano (MI)", note: "Cerchiamo una persona per il magazzino" });
    // Another company's service request pre-fills nothing.
    const other = await callRoute(newRequest.loader, request(out.location!, { cookie: cookieB }));
    expect(other.body).toMatchObject({ serviceRequestId: null });
  });

  it("an accepted «tirocinio» proposal of a rosa opens one internship request with gap_proposal_id", async () => {
    const vacancy = await insertVacancy(employerA, { status: "published" });
    const shortlistId = await insertPresentedShortlist(employerA, vacancy.id);
    const actor = { userId: officer.userId, role: "preselection_officer", ip: null };
    await withTransaction((trx) =>
      addGapProposal(trx, actor, {
        shortlistId,
        rowId: null,
        gap: "Uso del gestionale di magazzino",
        kind: "internship",
        description: "Sei mesi in azienda",
      }),
    );
    const proposal = await getDb()
      .selectFrom("gap_proposals")
      .select("id")
      .where("shortlist_id", "=", shortlistId)
      .executeTakeFirstOrThrow();
    await withTransaction((trx) => setGapOutcome(trx, actor, { shortlistId, proposalId: proposal.id, outcome: "accepted" }));
    await withTransaction((trx) => setGapOutcome(trx, actor, { shortlistId, proposalId: proposal.id, outcome: "accepted" }));
    const opened = await getDb().selectFrom("internships").selectAll().where("gap_proposal_id", "=", proposal.id).execute();
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({ source: "gap_proposal", state: "requested", employer_id: employerA, region: "lombardia" });
    expect(opened[0]!.activities).toMatch(/gestionale di magazzino/);
    expect(opened[0]!.check_result).not.toBeNull();
  });

  it("the employer's vacancy list hides the internships' scouting vacancies", async () => {
    const job = await insertVacancy(employerB, { status: "published", title: "Magazziniere" });
    const scouting = await insertVacancy(employerB, { status: "in_preselection", title: "Tirocinio di magazzino" });
    await getDb().updateTable("vacancies").set({ kind: "internship" }).where("id", "=", scouting.id).execute();
    const ids = (await listEmployerVacancies(getDb(), employerB)).map((v) => v.id);
    expect(ids).toContain(job.id);
    expect(ids).not.toContain(scouting.id);
  });
});

describe("reminders", () => {
  it("lists what the promoter must not forget, counts each internship once per kind, and e-mails each reminder once", async () => {
    const { internshipReminders, reminderCounts, sendInternshipReminders } = await import("~/domain/internships/index.server");
    const employer = (await createEmployer()).id;
    const today = "2026-12-06";
    const co = await insertInternship(employer, {
      state: "awaiting_co",
      start_date: "2026-12-07",
      end_date: "2027-06-06",
      officer_id: officer.userId,
    });
    const running = await insertInternship(employer, {
      state: "active",
      start_date: "2026-09-01",
      end_date: "2027-02-28",
      officer_id: officer.userId,
    });
    await getDb()
      .insertInto("internship_attendance")
      .values({ internship_id: running.id, month: "2026-10-01", planned_hours: "176", attended_hours: "170", recorded_as: "officer" })
      .execute();
    const ended = await insertInternship(employer, { state: "completed", start_date: "2026-05-01", end_date: "2026-10-31" });
    const mine = (await internshipReminders(getDb(), today)).filter((r) => [co.id, running.id, ended.id].includes(r.internshipId));
    const kinds = (id: string) => mine.filter((r) => r.internshipId === id).map((r) => `${r.kind}:${r.dueOn}`);
    expect(kinds(co.id)).toEqual(["co_missing:2026-12-07"]);
    expect(kinds(running.id)).toEqual(["attendance_missing:2026-09-01", "attendance_missing:2026-11-01"]);
    expect(kinds(ended.id)).toContain("attestation_due:2026-10-31");
    expect(reminderCounts(mine)).toMatchObject({ co_missing: 1, attendance_missing: 2, attestation_due: 1 });
    const first = await withTransaction((trx) => sendInternshipReminders(trx, today, "https://rosa.example.it"));
    expect(first).toBeGreaterThanOrEqual(3);
    expect(await withTransaction((trx) => sendInternshipReminders(trx, today, null))).toBe(0);
    const mail = await getDb()
      .selectFrom("mail_outbox")
      .select(["subject", "body_text"])
      .where("subject", "like", `Tirocinio n. ${co.number}:%`)
      .execute();
    expect(mail).toHaveLength(1);
    expect(mail[0]!.body_text).toMatch(/UNILAV non è registrata/);
    const queue = await callRoute(
      (await import("~/routes/operatore.tirocini._index")).loader,
      request("/operatore/tirocini?promemoria=co_missing", { cookie: officerCookie }),
    );
    const body = queue.body as { rows: { id: string }[]; reminders: { kind: string; count: number }[] };
    expect(body.rows.map((r) => r.id)).toContain(co.id);
    expect(body.rows.map((r) => r.id)).not.toContain(running.id);
  });
});
