import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { outplacementPriorityCandidates } from "~/domain/candidates/index.server";
import { COHORT_COLUMNS } from "~/domain/outplacement/import";
import { importCohort, markNoticeSent, transitionMember, assignProvider } from "~/domain/outplacement/index.server";
import { todayInItaly } from "~/utils/dates";
import * as cohortPage from "~/routes/operatore.ricollocazione.$eventId_.lavoratori._index";
import * as memberPage from "~/routes/operatore.ricollocazione.$eventId_.lavoratori.$memberId";
import * as importPage from "~/routes/operatore.ricollocazione.$eventId_.importa._index";
import * as template from "~/routes/operatore.ricollocazione.$eventId_.importa.modello";
import * as report from "~/routes/operatore.ricollocazione.$eventId_.importa.$importId.errori";
import * as providerList from "~/routes/ente.ricollocazione._index";
import * as providerMember from "~/routes/ente.ricollocazione.$memberId";
import { getMeili, indexUid } from "../../search/client.server";
import { drainOutbox } from "../../search/sync.server";
import { cookieFor, createEmployer, createUserWithRole, request } from "../support/factories";
import { createTestCandidate, uniquePersonTaxCode } from "../support/factories-candidates";
import { insertOutplacementEvent } from "../support/factories-outplacement";
import { callRoute, formErrorsOf } from "../support/routes";

let officerId: string;
let employerId: string;
const cookies: Record<string, string> = {};
const actor = () => ({ userId: officerId, role: "preselection_officer", ip: "127.0.0.1" });

beforeAll(async () => {
  const employer = await createEmployer();
  employerId = employer.id;
  officerId = (await createUserWithRole("preselection_officer")).id;
  cookies.officer = await cookieFor(officerId);
  cookies.employer = await cookieFor((await createUserWithRole("employer", { employerId, employerRole: "legal_rep" })).id);
  cookies.union = await cookieFor((await createUserWithRole("union_representative")).id);
  cookies.admin = await cookieFor((await createUserWithRole("admin")).id);
});

const newEvent = async () => (await insertOutplacementEvent(employerId, { coordinatorUserId: officerId, state: "agreement_signed" })).id;

/** A taxpayer code that no other test uses, with a birth date the row can state. */
const cf = () => uniquePersonTaxCode(); // born 1985-08-01, Milano

function row(o: Record<string, string> = {}): Record<string, string> {
  return {
    codice_fiscale: cf(),
    cognome: "Brambilla",
    nome: "Sergio",
    comune_residenza: "Milano (MI)",
    qualifica: "Saldatore",
    cp2021_code: "6.2.1.2.0",
    livello_inquadramento: "C2",
    sede_lavoro_comune: "Milano",
    situazione: "DISMISSED",
    data_cessazione: "2026-11-30",
    titolo_studio: "Licenza media",
    livello_eqf: "2",
    ...o,
  };
}

const DROPPED = ["carichi_famiglia", "punteggio_criteri"];
function csv(rows: (Record<string, string> | null)[], columns: string[] = [...COHORT_COLUMNS, ...DROPPED]) {
  return [columns.join(";"), ...rows.map((r) => (r === null ? "" : columns.map((c) => r[c] ?? "").join(";")))].join("\n");
}

const membersOf = (eventId: string) => getDb().selectFrom("outplacement_members").selectAll().where("event_id", "=", eventId).execute();

describe("cohort import", () => {
  it("refuses the whole file when one row is wrong, reporting the real line of the file after a blank line", async () => {
    const eventId = await newEvent();
    const good = row();
    const text = csv([good, null, row({ codice_fiscale: "RSSMRA70A01F205X" }), row({ situazione: "LICENZIATO" })]);
    const result = await importCohort(getDb(), actor(), eventId, { name: "elenco.csv", text });
    expect(result).toMatchObject({ status: "failed", badRows: 2 });
    expect(await membersOf(eventId)).toEqual([]);
    expect(await getDb().selectFrom("candidates").select("id").where("tax_code", "=", good.codice_fiscale).execute()).toEqual([]);
    const imp = await getDb().selectFrom("outplacement_imports").selectAll().where("id", "=", result.importId).executeTakeFirstOrThrow();
    // Header line 1, good row line 2, blank line 3: the bad rows are lines 4 and 5 of the file.
    expect(imp.error_report).toContain('"4";"RSSMRA70A01F205X";"codice_fiscale"');
    expect(imp.error_report).toMatch(/"5";"[A-Z0-9]{16}";"situazione"/);
    expect(imp.error_report).not.toContain("2026-11-30");

    const download = await callRoute(
      report.loader,
      request(`/operatore/ricollocazione/${eventId}/importa/${result.importId}/errori`, { cookie: cookies.officer }),
      { eventId, importId: result.importId },
    );
    expect(download.status).toBe(200);
    expect(String(download.body)).toContain("Codice fiscale non valido");
  });

  it("never stores family burden and selection scores, and links or creates the CVs by codice fiscale", async () => {
    const eventId = await newEvent();
    const existing = await createTestCandidate({ firstName: "Sergio", lastName: "Brambilla" });
    const rows = [
      row({ codice_fiscale: existing.input.taxCode, carichi_famiglia: "7731", punteggio_criteri: "88,4219" }),
      row({ carichi_famiglia: "7731", punteggio_criteri: "88,4219" }),
      row({
        cp2021_code: "",
        titolo_studio: "",
        livello_eqf: "",
        situazione: "CIGS_ZERO_HOURS",
        data_cessazione: "",
        cigs_dal: "2026-10-01",
      }),
    ];
    const result = await importCohort(getDb(), actor(), eventId, { name: "elenco.csv", text: csv(rows) });
    expect(result).toMatchObject({ status: "done", imported: 3, linked: 1, created: 1, warnings: 1, dropped: DROPPED });

    const members = await membersOf(eventId);
    const byCf = new Map(members.map((m) => [m.codice_fiscale, m]));
    expect(byCf.get(existing.input.taxCode)!.candidate_id).toBe(existing.id);
    const created = await getDb()
      .selectFrom("candidates")
      .select("id")
      .where("tax_code", "=", rows[1]!.codice_fiscale!)
      .executeTakeFirstOrThrow();
    expect(byCf.get(rows[1]!.codice_fiscale!)!.candidate_id).toBe(created.id);
    expect(byCf.get(rows[2]!.codice_fiscale!)!.candidate_id).toBeNull();
    for (const m of members) expect(m).toMatchObject({ state: "imported", legal_basis: "public_task", priority_from: todayInItaly() });

    // Nowhere in the database: not in the members, the import record, the audit log, the history.
    const leaks = await sql<{ n: string }>`
      select count(*) as n from (
        select to_jsonb(m)::text as t from outplacement_members m where event_id = ${eventId}
        union all select to_jsonb(i)::text from outplacement_imports i where event_id = ${eventId}
        union all select details::text from audit_log
        union all select to_jsonb(c)::text from candidates c
      ) x where t like '%88,4219%' or t like '%7731%'`.execute(getDb());
    expect(Number(leaks.rows[0]!.n)).toBe(0);
  });

  it("refuses a codice fiscale repeated in the file, also when the cohort already has workers", async () => {
    const eventId = await newEvent();
    const one = row();
    await importCohort(getDb(), actor(), eventId, { name: "a.csv", text: csv([one]) });
    const again = await importCohort(getDb(), actor(), eventId, {
      name: "b.csv",
      text: csv([one, row(), { ...row(), codice_fiscale: one.codice_fiscale! }]),
    });
    expect(again).toMatchObject({ status: "failed" });
    const imp = await getDb()
      .selectFrom("outplacement_imports")
      .select("error_report")
      .where("id", "=", again.importId)
      .executeTakeFirstOrThrow();
    expect(imp.error_report).toContain("ripetuto (già alla riga 2)");
    expect(await membersOf(eventId)).toHaveLength(1);
  });

  it("the import page refuses a file with a wrong header with a message, and the template downloads", async () => {
    const eventId = await newEvent();
    const form = new FormData();
    form.set("file", new File(["nome;cognome\nA;B\n"], "x.csv", { type: "text/csv" }));
    const res = await callRoute(
      importPage.action,
      new Request(`http://localhost/operatore/ricollocazione/${eventId}/importa`, {
        method: "POST",
        body: form,
        headers: { Cookie: cookies.officer },
      }),
      { eventId },
    );
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain("Mancano le colonne obbligatorie");
    expect(formErrorsOf(res.body).file).toContain("Mancano le colonne obbligatorie");
    const noFile = await callRoute(
      importPage.action,
      new Request(`http://localhost/operatore/ricollocazione/${eventId}/importa`, {
        method: "POST",
        body: new FormData(),
        headers: { Cookie: cookies.officer },
      }),
      { eventId },
    );
    expect(noFile.status).toBe(400);
    expect(formErrorsOf(noFile.body).file).toBe("Scegli un file da caricare");
    const tpl = await callRoute(
      template.loader,
      request(`/operatore/ricollocazione/${eventId}/importa/modello`, { cookie: cookies.officer }),
      { eventId },
    );
    expect(String(tpl.body)).toContain("codice_fiscale;cognome;nome");
  });
});

describe("priority in the candidate index", () => {
  it("exposes the member's window on the linked CV, filterable and sortable", async () => {
    const eventId = await newEvent();
    const rows = [row(), row()];
    await importCohort(getDb(), actor(), eventId, { name: "elenco.csv", text: csv(rows) });
    await drainOutbox(getDb());
    const members = await membersOf(eventId);
    const ids = members.map((m) => m.candidate_id!).sort();
    const doc = (await getMeili().index(indexUid("candidates")).getDocument(ids[0]!)) as Record<string, unknown>;
    expect(doc.outplacementEventIds).toEqual([eventId]);
    expect(doc.outplacementPriorityFrom).toBe(Date.parse(`${todayInItaly()}T00:00:00Z`) / 1000);
    const found = await outplacementPriorityCandidates(getMeili(), { today: todayInItaly(), eventId });
    expect(found.total).toBe(2);
    expect(found.hits.map((h) => h.id).sort()).toEqual(ids);
    // Past the window, nobody of the event is in priority.
    const later = await outplacementPriorityCandidates(getMeili(), { today: "2099-01-01", eventId });
    expect(later.total).toBe(0);
  });
});

describe("member states and outreach", () => {
  it("marks the notice sent in bulk (imported → contacted) and refuses a stale version", async () => {
    const eventId = await newEvent();
    await importCohort(getDb(), actor(), eventId, { name: "elenco.csv", text: csv([row(), row()]) });
    const members = await membersOf(eventId);
    const n = await withTransaction((trx) =>
      markNoticeSent(trx, actor(), eventId, { memberIds: members.map((m) => m.id), sentOn: todayInItaly(), channel: "pec" }),
    );
    expect(n).toBe(2);
    const after = await membersOf(eventId);
    expect(after.map((m) => m.state)).toEqual(["contacted", "contacted"]);
    expect(after[0]!.notice_channel).toBe("pec");
    await expect(
      withTransaction((trx) =>
        transitionMember(trx, actor(), { kind: "officer" }, after[0]!.id, { event: "mark_unreachable", version: 1 }),
      ),
    ).rejects.toThrow(/modificato questi dati/);
    await expect(
      withTransaction((trx) =>
        transitionMember(trx, actor(), { kind: "officer" }, after[0]!.id, { event: "sign_plan", version: after[0]!.version }),
      ),
    ).rejects.toThrow(/Operazione non consentita/);
    const history = await getDb()
      .selectFrom("outplacement_member_history")
      .select(["event", "to_state"])
      .where("member_id", "=", after[0]!.id)
      .orderBy("created_at")
      .execute();
    expect(history).toEqual([
      { event: "import", to_state: "imported" },
      { event: "notify", to_state: "contacted" },
    ]);
  });
});

describe("who sees a member", () => {
  let eventId: string;
  let mine: string;
  let other: string;
  let providerA: string;
  let providerB: string;
  beforeAll(async () => {
    eventId = await newEvent();
    await importCohort(getDb(), actor(), eventId, { name: "elenco.csv", text: csv([row(), row()]) });
    [mine, other] = (await membersOf(eventId)).map((m) => m.id) as [string, string];
    providerA = (await createUserWithRole("outplacement_provider")).id;
    providerB = (await createUserWithRole("outplacement_provider")).id;
    cookies.providerA = await cookieFor(providerA);
    cookies.providerB = await cookieFor(providerB);
    await withTransaction((trx) => assignProvider(trx, actor(), eventId, { memberIds: [mine], providerUserId: providerA }));
  });

  it("the provider's operator sees only the members assigned to them, each view audited", async () => {
    const list = await callRoute(providerList.loader, request("/ente/ricollocazione", { cookie: cookies.providerA }));
    expect((list.body as { members: { id: string }[] }).members.map((m) => m.id)).toEqual([mine]);
    const page = await callRoute(providerMember.loader, request(`/ente/ricollocazione/${mine}`, { cookie: cookies.providerA }), {
      memberId: mine,
    });
    expect(page.status).toBe(200);
    for (const [cookie, id] of [
      [cookies.providerA, other],
      [cookies.providerB, mine],
    ] as const)
      expect((await callRoute(providerMember.loader, request(`/ente/ricollocazione/${id}`, { cookie }), { memberId: id })).status).toBe(
        404,
      );
    const audits = await getDb()
      .selectFrom("audit_log")
      .select("action")
      .where("actor_user_id", "=", providerA)
      .where("action", "in", ["outplacement.member.viewed", "outplacement.assigned_members_listed"])
      .execute();
    expect(audits.map((a) => a.action).sort()).toEqual(["outplacement.assigned_members_listed", "outplacement.member.viewed"]);
  });

  it("the employer, the union representative and the administrator never reach a member's data", async () => {
    const routes: [(a: never) => unknown, string, Record<string, string>][] = [
      [cohortPage.loader, `/operatore/ricollocazione/${eventId}/lavoratori`, { eventId }],
      [cohortPage.action, `/operatore/ricollocazione/${eventId}/lavoratori`, { eventId }],
      [memberPage.loader, `/operatore/ricollocazione/${eventId}/lavoratori/${mine}`, { eventId, memberId: mine }],
      [memberPage.action, `/operatore/ricollocazione/${eventId}/lavoratori/${mine}`, { eventId, memberId: mine }],
      [importPage.loader, `/operatore/ricollocazione/${eventId}/importa`, { eventId }],
      [template.loader, `/operatore/ricollocazione/${eventId}/importa/modello`, { eventId }],
      [providerList.loader, "/ente/ricollocazione", {}],
      [providerMember.loader, `/ente/ricollocazione/${mine}`, { memberId: mine }],
    ];
    for (const who of ["employer", "union", "admin"])
      for (const [handler, path, params] of routes) {
        const isAction = handler === cohortPage.action || handler === memberPage.action;
        const res = await callRoute(
          handler as never,
          request(path, { cookie: cookies[who], ...(isAction ? { form: { intent: "notice" } } : {}) }),
          params,
        );
        expect([403, 404], `${who} ${path}`).toContain(res.status);
      }
  });

  it("an officer of another province, not coordinating the event, does not find its cohort", async () => {
    const turin = await createUserWithRole("preselection_officer");
    await getDb().updateTable("users").set({ office_province: "TO" }).where("id", "=", turin.id).execute();
    const res = await callRoute(
      cohortPage.loader,
      request(`/operatore/ricollocazione/${eventId}/lavoratori`, { cookie: await cookieFor(turin.id) }),
      { eventId },
    );
    expect(res.status).toBe(404);
  });

  it("the officer's member page is audited and a member of another event is not found", async () => {
    const otherEvent = await newEvent();
    const ok = await callRoute(
      memberPage.loader,
      request(`/operatore/ricollocazione/${eventId}/lavoratori/${mine}`, { cookie: cookies.officer }),
      {
        eventId,
        memberId: mine,
      },
    );
    expect(ok.status).toBe(200);
    const wrong = await callRoute(
      memberPage.loader,
      request(`/operatore/ricollocazione/${otherEvent}/lavoratori/${mine}`, { cookie: cookies.officer }),
      { eventId: otherEvent, memberId: mine },
    );
    expect(wrong.status).toBe(404);
  });
});
