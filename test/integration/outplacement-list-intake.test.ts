import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import { COHORT_COLUMNS } from "~/domain/outplacement/import";
import { applyCohortImport, discardCohortImport, importCohort, receiveEmployerList } from "~/domain/outplacement/index.server";
import { todayInItaly } from "~/utils/dates";
import * as importPage from "~/routes/operatore.ricollocazione.$eventId_.importa._index";
import * as decision from "~/routes/operatore.ricollocazione.$eventId_.importa.$importId";
import * as employerPage from "~/routes/azienda.ricollocazione.$eventId_.elenco";
import { cookieFor, createEmployer, createUserWithRole, request } from "../support/factories";
import { uniquePersonTaxCode } from "../support/factories-candidates";
import { insertOutplacementEvent } from "../support/factories-outplacement";
import { callRoute, formErrorsOf } from "../support/routes";
import { xlsxOf, type XlsxCell } from "../support/xlsx";

let officerId: string;
let employerId: string;
let employerUserId: string;
let otherEmployerId: string;
const cookies: Record<string, string> = {};
const actor = () => ({ userId: officerId, role: "preselection_officer", ip: "127.0.0.1" });
const employerActor = () => ({ userId: employerUserId, role: "employer", ip: "127.0.0.1" });

beforeAll(async () => {
  employerId = (await createEmployer()).id;
  otherEmployerId = (await createEmployer()).id;
  officerId = (await createUserWithRole("preselection_officer")).id;
  employerUserId = (await createUserWithRole("employer", { employerId, employerRole: "legal_rep" })).id;
  cookies.officer = await cookieFor(officerId);
  cookies.employer = await cookieFor(employerUserId);
  cookies.other = await cookieFor((await createUserWithRole("employer", { employerId: otherEmployerId, employerRole: "legal_rep" })).id);
});

const newEvent = async () => (await insertOutplacementEvent(employerId, { coordinatorUserId: officerId, state: "agreement_signed" })).id;

function row(o: Record<string, string> = {}): Record<string, string> {
  return {
    codice_fiscale: uniquePersonTaxCode(),
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
const COLUMNS = [...COHORT_COLUMNS, ...DROPPED];
const csv = (rows: Record<string, string>[]) =>
  [COLUMNS.join(";"), ...rows.map((r) => COLUMNS.map((c) => r[c] ?? "").join(";"))].join("\n");
const bytes = (text: string) => new TextEncoder().encode(text);
const membersOf = (eventId: string) =>
  getDb().selectFrom("outplacement_members").selectAll().where("event_id", "=", eventId).orderBy("last_name").execute();
const importOf = (id: string) => getDb().selectFrom("outplacement_imports").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

function uploadRequest(path: string, cookie: string, file: File) {
  const form = new FormData();
  form.set("file", file);
  return new Request(`http://localhost${path}`, { method: "POST", body: form, headers: { Cookie: cookie } });
}

describe("Excel list", () => {
  it("imports an .xlsx like a CSV: date and number cells, blank rows counted, family burden dropped", async () => {
    const eventId = await newEvent();
    const a = row({ cognome: "Colombo", carichi_famiglia: "3" });
    const b = row({
      cognome: "Donati",
      situazione: "CIGS_PARTIAL",
      data_cessazione: "",
      riduzione_orario_pct: "40",
      cigs_dal: "2026-10-01",
    });
    const cells = (r: Record<string, string>): XlsxCell[] =>
      COLUMNS.map((c) => {
        const v = r[c] ?? "";
        if (c === "data_cessazione" || c === "cigs_dal") return v ? new Date(`${v}T00:00:00Z`) : null;
        if ((c === "livello_eqf" || c === "riduzione_orario_pct" || c === "carichi_famiglia") && v) return Number(v);
        return v || null;
      });
    const file = xlsxOf([COLUMNS, cells(a), null, cells(b)]);
    const result = await importCohort(getDb(), actor(), eventId, { name: "elenco.xlsx", bytes: file });
    expect(result).toMatchObject({ status: "done", imported: 2, dropped: DROPPED });
    const [colombo, donati] = await membersOf(eventId);
    expect(colombo).toMatchObject({ last_name: "Colombo", dismissal_on: "2026-11-30", situation: "dismissed" });
    expect(donati).toMatchObject({ last_name: "Donati", cigs_from: "2026-10-01", hours_reduction_pct: 40 });
    expect((await importOf(result.importId)).file_format).toBe("xlsx");
  });

  it("refuses a wrong row naming the row of the sheet (after a blank row), and nothing is imported", async () => {
    const eventId = await newEvent();
    const good = row();
    const bad = row({ situazione: "LICENZIATO" });
    const asCells = (r: Record<string, string>) => COLUMNS.map((c) => r[c] ?? null);
    const result = await importCohort(getDb(), actor(), eventId, {
      name: "elenco.xlsx",
      bytes: xlsxOf([COLUMNS, asCells(good), null, null, asCells(bad)]),
    });
    expect(result).toMatchObject({ status: "failed", badRows: 1 });
    expect((await importOf(result.importId)).error_report).toMatch(/"5";"[A-Z0-9]{16}";"situazione"/);
    expect(await membersOf(eventId)).toEqual([]);
  });

  it("answers a corrupt, encrypted or macro workbook with an Italian message (400, never 500)", async () => {
    const eventId = await newEvent();
    const path = `/operatore/ricollocazione/${eventId}/importa`;
    const cases: [File, RegExp][] = [
      [new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5])], "rotto.xlsx"), /danneggiato/],
      [new File([new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0])], "protetto.xlsx"), /protetto da password/],
      [new File([xlsxOf([["a"]]).slice(0, 200)], "tagliato.xlsx"), /danneggiato|non è un foglio Excel/],
      [new File([bytes("codice_fiscale;cognome\n")], "elenco.xlsx"), /non è un foglio Excel/],
    ];
    for (const [file, message] of cases) {
      const res = await callRoute(importPage.action, uploadRequest(path, cookies.officer!, file), { eventId });
      expect(res.status, file.name).toBe(400);
      expect(formErrorsOf(res.body).file ?? JSON.stringify(res.body), file.name).toMatch(message);
    }
    expect(await getDb().selectFrom("outplacement_imports").select("id").where("event_id", "=", eventId).execute()).toEqual([]);
  });
});

describe("re-import diff", () => {
  it("previews new, changed and missing workers, writes nothing until confirmed, then applies and flags the missing", async () => {
    const eventId = await newEvent();
    const a = row({ cognome: "Esposito", telefono: "+39 333 1234567" });
    const b = row({ cognome: "Ferrari" });
    await importCohort(getDb(), actor(), eventId, { name: "primo.csv", text: csv([a, b]) });
    const before = await membersOf(eventId);

    // a: new qualification, phone left empty (never erases); b: absent; c: new.
    const c = row({ cognome: "Galli" });
    const preview = await importCohort(getDb(), actor(), eventId, {
      name: "secondo.csv",
      text: csv([{ ...a, qualifica: "Saldatore TIG", telefono: "" }, c]),
    });
    expect(preview).toMatchObject({ status: "preview", added: 1, changed: 1, missing: 1 });
    expect(await membersOf(eventId)).toEqual(before);
    const waiting = await importOf(preview.importId);
    expect(waiting.status).toBe("preview");
    expect(waiting.diff).toMatchObject({
      added: [{ taxCode: c.codice_fiscale, line: 3 }],
      changed: [{ taxCode: a.codice_fiscale, changes: [{ field: "qualification", from: "Saldatore", to: "Saldatore TIG" }] }],
      unchanged: 0,
      missing: [{ taxCode: b.codice_fiscale, state: "imported" }],
    });

    // The page shows the preview block to the officer.
    const page = await callRoute(importPage.loader, request(`/operatore/ricollocazione/${eventId}/importa`, { cookie: cookies.officer }), {
      eventId,
    });
    expect(JSON.stringify(page.body)).toContain("Saldatore TIG");

    const res = await callRoute(
      decision.action,
      new Request(`http://localhost/operatore/ricollocazione/${eventId}/importa/${preview.importId}`, {
        method: "POST",
        body: new URLSearchParams({ intent: "applica" }),
        headers: { Cookie: cookies.officer!, "Content-Type": "application/x-www-form-urlencoded" },
      }),
      { eventId, importId: preview.importId },
    );
    expect(res.status).toBe(302);
    const after = await membersOf(eventId);
    expect(after.map((m) => m.last_name)).toEqual(["Esposito", "Ferrari", "Galli"]);
    const [esposito, ferrari, galli] = after;
    expect(esposito).toMatchObject({ qualification: "Saldatore TIG", phone: "+39 333 1234567", missing_from_import_id: null });
    expect(esposito!.version).toBe(before[0]!.version + 1);
    expect(ferrari!.missing_from_import_id).toBe(preview.importId);
    expect(galli!.import_id).toBe(preview.importId);
    const done = await importOf(preview.importId);
    expect(done).toMatchObject({ status: "done", records: null, reviewed_by: officerId });
    // Once applied, the diff keeps who and which fields, not the values.
    expect(JSON.stringify(done.diff)).not.toContain("Saldatore TIG");
    const history = await getDb()
      .selectFrom("outplacement_member_history")
      .select(["event", "note"])
      .where("member_id", "=", esposito!.id)
      .execute();
    expect(history.map((h) => h.event)).toContain("list_update");

    // A worker named again is no longer flagged.
    const third = await importCohort(getDb(), actor(), eventId, { name: "terzo.csv", text: csv([a, b, c]) });
    expect(third).toMatchObject({ status: "preview", added: 0, missing: 0 });
    await applyCohortImport(getDb(), actor(), eventId, third.importId);
    expect((await membersOf(eventId)).every((m) => m.missing_from_import_id === null)).toBe(true);
  });

  it("refuses to apply a preview when the cohort changed meanwhile, and sets a preview aside", async () => {
    const eventId = await newEvent();
    const a = row();
    await importCohort(getDb(), actor(), eventId, { name: "primo.csv", text: csv([a]) });
    const d = row({ cognome: "Riva" });
    const first = await importCohort(getDb(), actor(), eventId, { name: "x.csv", text: csv([a, d]) });
    const second = await importCohort(getDb(), actor(), eventId, { name: "y.csv", text: csv([a, d]) });
    await applyCohortImport(getDb(), actor(), eventId, first.importId);
    await expect(applyCohortImport(getDb(), actor(), eventId, second.importId)).rejects.toMatchObject({ kind: "conflict" });
    expect(await membersOf(eventId)).toHaveLength(2);
    await discardCohortImport(getDb(), actor(), eventId, second.importId);
    expect(await importOf(second.importId)).toMatchObject({ status: "discarded", records: null });
    await expect(applyCohortImport(getDb(), actor(), eventId, second.importId)).rejects.toMatchObject({ kind: "conflict" });
  });
});

describe("the employer's list", () => {
  it("shows the employer its own rows' errors, keeps an accepted list pending, marks L223-LIST received; the officer checks and applies it", async () => {
    const eventId = await newEvent();
    await getDb()
      .insertInto("outplacement_event_milestones")
      .values({
        event_id: eventId,
        rule_id: "L223-LIST",
        item: "list",
        starts_on: "2026-11-30",
        computed_due_on: "2026-12-07",
        due_on: "2026-12-07",
      })
      .execute();
    const path = `/azienda/ricollocazione/${eventId}/elenco`;
    const ok = row({ cognome: "Lombardi" });

    const refused = await callRoute(
      employerPage.action,
      uploadRequest(path, cookies.employer!, new File([csv([ok, row({ data_cessazione: "31/02/2026" })])], "elenco.csv")),
      { eventId },
    );
    expect(refused.status).toBe(302);
    const page = await callRoute(employerPage.loader, request(path, { cookie: cookies.employer }), { eventId });
    const body = page.body as { uploads: { status: string; errors: string[][] }[] };
    expect(body.uploads[0]).toMatchObject({ status: "failed" });
    expect(body.uploads[0]!.errors[0]!.slice(0, 3)).toEqual(["3", expect.any(String), "data_cessazione"]);

    const xlsx = xlsxOf([COLUMNS, COLUMNS.map((c) => ok[c] ?? null)]);
    const sent = await callRoute(employerPage.action, uploadRequest(path, cookies.employer!, new File([xlsx], "elenco.xlsx")), { eventId });
    expect(sent.status).toBe(302);
    const pending = await getDb()
      .selectFrom("outplacement_imports")
      .selectAll()
      .where("event_id", "=", eventId)
      .where("status", "=", "pending")
      .executeTakeFirstOrThrow();
    expect(pending).toMatchObject({ source: "employer", file_format: "xlsx", total_rows: 1 });
    expect(await membersOf(eventId)).toEqual([]);
    const milestone = await getDb()
      .selectFrom("outplacement_event_milestones")
      .select(["done_on", "note"])
      .where("event_id", "=", eventId)
      .where("rule_id", "=", "L223-LIST")
      .executeTakeFirstOrThrow();
    expect(milestone.done_on).toBe(todayInItaly());
    expect(milestone.note).toContain("Elenco ricevuto dall'azienda");
    const mail = await getDb().selectFrom("mail_outbox").select("subject").where("body_text", "like", `%${eventId}%`).execute();
    expect(mail.map((m) => m.subject)).toContain("Rosa: elenco dei lavoratori ricevuto dall'azienda");

    const post = (intent: string) =>
      callRoute(
        decision.action,
        new Request(`http://localhost/operatore/ricollocazione/${eventId}/importa/${pending.id}`, {
          method: "POST",
          body: new URLSearchParams({ intent }),
          headers: { Cookie: cookies.officer!, "Content-Type": "application/x-www-form-urlencoded" },
        }),
        { eventId, importId: pending.id },
      );
    expect((await post("applica")).status).toBe(302); // not a preview yet: a conflict, told on the page
    expect(await membersOf(eventId)).toEqual([]);
    expect((await post("verifica")).status).toBe(302);
    expect(await importOf(pending.id)).toMatchObject({ status: "preview", diff: { added: [{ taxCode: ok.codice_fiscale }] } });
    expect((await post("applica")).status).toBe(302);
    expect((await membersOf(eventId)).map((m) => m.last_name)).toEqual(["Lombardi"]);
    const again = await callRoute(employerPage.loader, request(path, { cookie: cookies.employer }), { eventId });
    expect((again.body as { uploads: { status: string }[] }).uploads[0]).toMatchObject({ status: "done" });
    // The employer's page says nothing of the officer's analysis.
    expect(JSON.stringify(again.body)).not.toContain("diff");
  });

  it("another employer's event is not found, and a bad file gets its Italian message", async () => {
    const eventId = await newEvent();
    const path = `/azienda/ricollocazione/${eventId}/elenco`;
    const other = await callRoute(employerPage.loader, request(path, { cookie: cookies.other }), { eventId });
    expect(other.status).toBe(404);
    await expect(
      receiveEmployerList(getDb(), employerActor(), otherEmployerId, eventId, { name: "e.csv", text: csv([row()]) }),
    ).rejects.toMatchObject({ kind: "not_found" });
    const res = await callRoute(
      employerPage.action,
      uploadRequest(path, cookies.employer!, new File([new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])], "vecchio.xls")),
      { eventId },
    );
    expect(res.status).toBe(400);
    expect(formErrorsOf(res.body).file).toMatch(/vecchio formato \.xls/);
  });
});
