import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import * as officerDeskRoute from "~/routes/operatore._index";
import * as employerDeskRoute from "~/routes/azienda._index";
import * as officerRose from "~/routes/operatore.rose._index";
import * as officerRosa from "~/routes/operatore.rose.$shortlistId";
import * as vacancyQueue from "~/routes/operatore.offerte._index";
import * as requestQueue from "~/routes/operatore.richieste";
import * as employersList from "~/routes/operatore.aziende._index";
import * as l68Records from "~/routes/operatore.collocamento-mirato.pratiche._index";
import * as l68Workspace from "~/routes/operatore.collocamento-mirato._index";
import * as employerRose from "~/routes/azienda.rose._index";
import * as employerVacancies from "~/routes/azienda.offerte._index";
import * as employerL68 from "~/routes/azienda.collocamento-mirato._index";
import * as figures from "~/routes/operatore.preselezione.cifre";
import * as figuresCsv from "~/routes/operatore.preselezione.cifre.csv";
import * as audit from "~/routes/admin.audit";
import * as outplacementEvents from "~/routes/operatore.ricollocazione._index";
import * as outplacementDeadlines from "~/routes/operatore.ricollocazione.scadenze";
import { insertOutplacementEvent } from "../support/factories-outplacement";
import { cookieFor, createEmployer, createUserWithRole, request } from "../support/factories";
import { createMatchCandidate, createMatchVacancy, insertPresentedShortlist } from "../support/factories-shortlists";
import { callRoute, formErrorsOf } from "../support/routes";

type Item = { key: string; count: number; href: string };
const db = () => getDb();

let employerId: string;
let vacancyId: string;
let preselection: string;
let placement: string;
let admin: string;
let employerCookie: string;
let candidateIds: string[] = [];

async function addRow(shortlistId: string, candidateId: string, state: string, extra: Record<string, unknown> = {}) {
  return db()
    .insertInto("shortlist_candidates")
    .values({ shortlist_id: shortlistId, candidate_id: candidateId, rank: 1, score: 1, explanation: "{}", state: state as never, ...extra })
    .returning(["id", "version"])
    .executeTakeFirstOrThrow();
}

/** Calls the list a desk item links to and returns how many rows it shows. */
async function rowsOf(item: Item, cookie: string): Promise<number> {
  const url = item.href.split("#")[0];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const routes: Record<string, { loader: (args: any) => unknown; rows: (b: any) => number }> = {
    "/operatore/rose": { loader: officerRose.loader, rows: (b) => (expect(b.rows.length).toBe(b.total), b.rows.length) },
    "/operatore/offerte": { loader: vacancyQueue.loader, rows: (b) => b.total },
    "/operatore/richieste": { loader: requestQueue.loader, rows: (b) => b.requests.length },
    "/operatore/aziende": { loader: employersList.loader, rows: (b) => (expect(b.hasMore).toBe(false), b.employers.length) },
    "/operatore/collocamento-mirato/pratiche": { loader: l68Records.loader, rows: (b) => b.records.length },
    "/operatore/collocamento-mirato": { loader: l68Workspace.loader, rows: (b) => b.rows.length },
    "/operatore/ricollocazione": { loader: outplacementEvents.loader, rows: (b) => (expect(b.rows.length).toBe(b.total), b.total) },
    "/operatore/ricollocazione/scadenze": { loader: outplacementDeadlines.loader, rows: (b) => b.rows.length },
    "/azienda/rose": { loader: employerRose.loader, rows: (b) => b.shortlists.length },
    "/azienda/offerte": { loader: employerVacancies.loader, rows: (b) => b.vacancies.length },
    "/azienda/collocamento-mirato": { loader: employerL68.loader, rows: (b) => b.view.obligations.length },
  };
  const route = routes[url.split("?")[0]];
  expect(route, `a list for ${item.href}`).toBeDefined();
  const res = await callRoute(route.loader, request(url, { cookie }));
  expect(res.status).toBe(200);
  return route.rows(res.body);
}

beforeAll(async () => {
  const employer = await createEmployer({ legalName: "Scrivania Prova S.r.l." });
  employerId = employer.id;
  await createEmployer({ status: "pending" });
  preselection = await cookieFor((await createUserWithRole("preselection_officer")).id);
  placement = await cookieFor((await createUserWithRole("placement_officer")).id);
  admin = await cookieFor((await createUserWithRole("admin")).id);
  employerCookie = await cookieFor((await createUserWithRole("employer", { employerId })).id);
  vacancyId = (await createMatchVacancy({ employerId, comune: "Milano", status: "published" })).id;
  // Closing in three days: «in scadenza».
  await db()
    .updateTable("vacancies")
    .set({ closing_date: sql`current_date + 3` as never })
    .where("id", "=", vacancyId)
    .execute();
  const submitted = await createMatchVacancy({ employerId, status: "validated" });
  await db().updateTable("vacancies").set({ status: "submitted", submitted_at: new Date() }).where("id", "=", submitted.id).execute();
  candidateIds = [
    await createMatchCandidate({ lastName: "Primo" }),
    await createMatchCandidate({ lastName: "Secondo" }),
    await createMatchCandidate({ lastName: "Terzo" }),
  ];
  // One presented rosa awaiting feedback, one with an availability answer due later today.
  const presented = await insertPresentedShortlist(employerId, vacancyId);
  await addRow(presented, candidateIds[0], "presented", { presented_at: new Date() });
  const contacting = await insertPresentedShortlist(employerId, vacancyId);
  await db().updateTable("shortlists").set({ status: "open", presented_at: null }).where("id", "=", contacting).execute();
  await addRow(contacting, candidateIds[1], "contacting", {
    availability_deadline: sql`(((now() at time zone 'Europe/Rome')::date + time '23:59') at time zone 'Europe/Rome')` as never,
  });
  // Ricollocazione: an employer's proposal to validate (and one already validated), deadlines overdue, due in 3 days,
  // due in 20 days and done (only the first two count).
  await insertOutplacementEvent(employerId, { proposed: true, state: "draft" });
  const validated = await insertOutplacementEvent(employerId, { proposed: true, state: "union_phase" });
  await db().updateTable("outplacement_events").set({ validated_at: new Date() }).where("id", "=", validated.id).execute();
  await db()
    .insertInto("outplacement_event_milestones")
    .values([
      { event_id: validated.id, rule_id: "L223-UNION", item: "a", due_on: sql`current_date - 2` as never },
      { event_id: validated.id, rule_id: "L223-ADMIN", item: "b", due_on: sql`current_date + 3` as never },
      { event_id: validated.id, rule_id: "L223-LIST", item: "c", due_on: sql`current_date + 20` as never },
      { event_id: validated.id, rule_id: "INFO", item: "d", due_on: sql`current_date - 5` as never, done_on: sql`current_date` as never },
    ])
    .execute();
  await db()
    .insertInto("service_requests")
    .values({ employer_id: employerId, service_code: "4C", queue: "preselection", answers: "{}" })
    .execute();
});

describe("desk per role: every count equals the rows of the list it links to", () => {
  it("preselection officer", async () => {
    const res = await callRoute(officerDeskRoute.loader, request("/operatore", { cookie: preselection }));
    const items = (res.body as { items: Item[] }).items;
    expect(items.map((i) => i.key)).toEqual([
      "employers",
      "vacancies",
      "feedback",
      "availability",
      "requests",
      "outplacement-deadlines",
      "outplacement-proposals",
    ]);
    const byKey = Object.fromEntries(items.map((i) => [i.key, i.count]));
    expect(byKey["outplacement-deadlines"]).toBe(2);
    expect(byKey["outplacement-proposals"]).toBe(1);
    for (const item of items) {
      expect(item.count).toBeGreaterThan(0);
      expect(await rowsOf(item, preselection), item.key).toBe(item.count);
    }
  });

  it("placement officer: L. 68 items scoped by the office's province", async () => {
    const res = await callRoute(officerDeskRoute.loader, request("/operatore", { cookie: placement }));
    const items = (res.body as { items: Item[] }).items;
    expect(items.map((i) => i.key)).toEqual(expect.arrayContaining(["l68-records", "l68-deadlines", "requests"]));
    for (const item of items) expect(await rowsOf(item, placement), item.key).toBe(item.count);
  });

  it("employer: rose to give feedback on, vacancies expiring, L. 68 deadlines", async () => {
    const res = await callRoute(employerDeskRoute.loader, request("/azienda", { cookie: employerCookie }));
    const items = (res.body as { items: Item[] }).items;
    expect(Object.fromEntries(items.map((i) => [i.key, i.count]))).toEqual({ feedback: 1, expiring: 1, l68: 0 });
    for (const item of items) expect(await rowsOf(item, employerCookie), item.key).toBe(item.count);
    // The filtered lists really filter: without the parameter the employer sees more.
    const all = await callRoute(employerVacancies.loader, request("/azienda/offerte", { cookie: employerCookie }));
    expect((all.body as { vacancies: unknown[] }).vacancies.length).toBe(2);
  });

  it("employer and vacancy filters on the officers' lists", async () => {
    const rose = await callRoute(officerRose.loader, request(`/operatore/rose?azienda=${employerId}`, { cookie: preselection }));
    expect((rose.body as { total: number }).total).toBe(2);
    const byVacancy = await callRoute(
      officerRose.loader,
      request(`/operatore/rose?offerta=${vacancyId}&attesa=riscontro`, { cookie: preselection }),
    );
    expect((byVacancy.body as { total: number }).total).toBe(1);
    const vacancies = await callRoute(
      vacancyQueue.loader,
      request(`/operatore/offerte?status=&azienda=${employerId}`, { cookie: preselection }),
    );
    expect((vacancies.body as { total: number }).total).toBe(2);
    expect((await callRoute(officerRose.loader, request("/operatore/rose?azienda=nope", { cookie: preselection }))).status).toBe(400);
  });
});

/**
 * An employer and a published vacancy of their own, for the tests that add rose: the counts the desk tests check on the
 * shared employer stay the same whatever order the tests run in.
 */
async function ownVacancy() {
  const employer = await createEmployer();
  const vacancy = await createMatchVacancy({ employerId: employer.id, comune: "Milano", status: "published" });
  return { employerId: employer.id, vacancyId: vacancy.id };
}

describe("service register: the officer's time, one 4C row per rosa", () => {
  it("prefills from the standard, takes the officer's time and modality, and presenting twice keeps one row", async () => {
    const { employerId, vacancyId } = await ownVacancy();
    const s = await insertPresentedShortlist(employerId, vacancyId);
    await db().updateTable("shortlists").set({ status: "open", presented_at: null }).where("id", "=", s).execute();
    const a = await addRow(s, candidateIds[0], "available");
    const page = await callRoute(officerRosa.loader, request(`/operatore/rose/${s}`, { cookie: preselection }), { shortlistId: s });
    expect((page.body as { presentPrefill: unknown }).presentPrefill).toEqual({ minutes: 240, modality: "office", justification: null });
    const version = async () =>
      (await db().selectFrom("shortlists").select("version").where("id", "=", s).executeTakeFirstOrThrow()).version;
    const present = async (form: Record<string, string>) =>
      callRoute(
        officerRosa.action,
        request(`/operatore/rose/${s}`, { cookie: preselection, form: { intent: "present", version: String(await version()), ...form } }),
        { shortlistId: s },
      );
    // Outside the standard (4–8 h) without a justification: refused, nothing recorded.
    const short = await present({ minutes: "30", modality: "remote" });
    expect(short.status).toBe(400);
    expect(formErrorsOf(short.body).justification).toMatch(/inferiore allo standard/);
    expect((await present({ minutes: "300", modality: "company" })).status).toBe(302);
    const rowsNow = () =>
      db()
        .selectFrom("service_deliveries")
        .select(["standard_code", "minutes", "modality", "output"])
        .where("shortlist_id", "=", s)
        .execute();
    expect(await rowsNow()).toEqual([
      { standard_code: "4C", minutes: 300, modality: "company", output: expect.stringContaining("1 candidato presentato") },
    ]);
    expect(a.id).toBeTruthy();
    // A second presentation: the form now shows the recorded time; the same row is updated.
    await addRow(s, candidateIds[2], "available");
    const again = await callRoute(officerRosa.loader, request(`/operatore/rose/${s}`, { cookie: preselection }), { shortlistId: s });
    expect((again.body as { presentPrefill: unknown }).presentPrefill).toEqual({ minutes: 300, modality: "company", justification: null });
    expect((await present({ minutes: "360", modality: "office" })).status).toBe(302);
    expect(await rowsNow()).toEqual([
      { standard_code: "4C", minutes: 360, modality: "office", output: expect.stringContaining("2 candidati presentati") },
    ]);
  });

  it("the database refuses a second 4C row for the same rosa", async () => {
    const { employerId, vacancyId } = await ownVacancy();
    const s = await insertPresentedShortlist(employerId, vacancyId);
    const officer = await db().selectFrom("shortlists").select("created_by").where("id", "=", s).executeTakeFirstOrThrow();
    const row = {
      employer_id: employerId,
      standard_code: "4C",
      delivered_on: "2026-12-01",
      minutes: 240,
      modality: "office" as const,
      officer_id: officer.created_by,
      output: "x",
      shortlist_id: s,
    };
    await db().insertInto("service_deliveries").values(row).execute();
    await expect(db().insertInto("service_deliveries").values(row).execute()).rejects.toThrow(/service_deliveries_one_4c_per_shortlist/);
  });
});

describe("figures page: period", () => {
  it("counts only the rose created in the period; the CSV follows it; bad periods are refused", async () => {
    const { employerId, vacancyId } = await ownVacancy();
    const s = await insertPresentedShortlist(employerId, vacancyId);
    await db()
      .updateTable("shortlists")
      .set({ created_at: new Date("2026-03-10T10:00:00Z") })
      .where("id", "=", s)
      .execute();
    await addRow(s, candidateIds[0], "hired", { presented_at: new Date("2026-03-11T10:00:00Z") });
    const officerName = (
      await db()
        .selectFrom("shortlists")
        .innerJoin("users", "users.id", "shortlists.created_by")
        .select("full_name")
        .where("shortlists.id", "=", s)
        .executeTakeFirstOrThrow()
    ).full_name;
    const load = (qs: string) => callRoute(figures.loader, request(`/operatore/preselezione/cifre?${qs}`, { cookie: preselection }));
    const inMarch = (await load("dal=2026-03-01&al=2026-03-31")).body as {
      rows: { label: string; shortlists: number; presented: number; hired: number }[];
      query: string;
    };
    expect(inMarch.rows).toHaveLength(1);
    expect(inMarch.rows[0]).toMatchObject({ label: officerName, shortlists: 1, presented: 1, hired: 1 });
    expect(((await load("dal=2026-04-01&al=2026-04-30")).body as { rows: unknown[] }).rows).toHaveLength(0);
    // The 10th (Italian day) is included at both ends.
    expect(((await load("dal=2026-03-10&al=2026-03-10")).body as { rows: unknown[] }).rows).toHaveLength(1);
    expect((await load("dal=2026-02-30")).status).toBe(400);
    expect((await load("dal=2026-03-31&al=2026-03-01")).status).toBe(400);
    const csv = await figuresCsv.loader({
      request: request(`/operatore/preselezione/cifre/csv?${inMarch.query}`, { cookie: preselection }),
      params: {},
      context: {},
    });
    const lines = (await (csv as Response).text()).trim().split(/\r?\n/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(officerName);
    expect((csv as Response).headers.get("Content-Disposition")).toContain("2026-03-01_2026-03-31");
    expect(
      (await callRoute(figuresCsv.loader, request("/operatore/preselezione/cifre/csv?al=2026-13-01", { cookie: preselection }))).status,
    ).toBe(400);
  });
});

describe("audit log: readable and filtered", () => {
  it("Italian labels, names instead of ids, filters by person, data and period; reading is audited", async () => {
    const actor = await createUserWithRole("placement_officer");
    await db().updateTable("users").set({ full_name: "Ornella Registro" }).where("id", "=", actor.id).execute();
    await db()
      .insertInto("audit_log")
      .values([
        {
          actor_user_id: actor.id,
          actor_role: "placement_officer",
          action: "employer.validate",
          entity_type: "employer",
          entity_id: employerId,
          employer_id: employerId,
          details: "{}",
          at: new Date("2026-05-05T09:00:00Z"),
        },
        {
          actor_user_id: actor.id,
          actor_role: "placement_officer",
          action: "vacancy.validate",
          entity_type: "vacancy",
          entity_id: vacancyId,
          employer_id: employerId,
          details: "{}",
          at: new Date("2026-06-05T09:00:00Z"),
        },
      ])
      .execute();
    type Body = {
      entries: { action: string; actor_name: string | null; entity_name: string | null; employer_name: string | null }[];
      actions: [string, string][];
    };
    const load = async (qs: string) => {
      const res = await callRoute(audit.loader, request(`/admin/audit?${qs}`, { cookie: admin }));
      expect(res.status).toBe(200);
      return res.body as Body;
    };
    const byPerson = await load("actor=ornella");
    expect(byPerson.entries.map((e) => e.action).sort()).toEqual(["employer.validate", "vacancy.validate"]);
    expect(byPerson.entries.find((e) => e.action === "employer.validate")).toMatchObject({
      actor_name: "Ornella Registro",
      entity_name: "Scrivania Prova S.r.l.",
    });
    expect(byPerson.entries.find((e) => e.action === "vacancy.validate")!.entity_name).toMatch(/^n\. \d+ — Addetto alle vendite$/);
    expect(byPerson.actions).toEqual(expect.arrayContaining([["employer.validate", "Azienda convalidata"]]));
    expect((await load("actor=ornella&from=2026-06-01&to=2026-06-30")).entries.map((e) => e.action)).toEqual(["vacancy.validate"]);
    expect((await load("actor=ornella&entity=scrivania prova&entityType=employer")).entries.map((e) => e.action)).toEqual([
      "employer.validate",
    ]);
    expect((await load("actor=ornella&action=vacancy.")).entries.map((e) => e.action)).toEqual(["vacancy.validate"]);
    expect((await callRoute(audit.loader, request("/admin/audit?from=2026-06-30&to=2026-06-01", { cookie: admin }))).status).toBe(400);
    const reads = await db().selectFrom("audit_log").select(["details"]).where("action", "=", "audit.viewed").execute();
    expect(reads.some((r) => (r.details as { filter: { actor?: string } }).filter.actor === "ornella")).toBe(true);
  });
});
