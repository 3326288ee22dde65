import { todayInItaly } from "~/utils/dates";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import { addDays } from "~/domain/l68/calculator/dates";
import * as employerFile from "~/routes/azienda.collocamento-mirato._index";
import * as officerFile from "~/routes/operatore.collocamento-mirato.$employerId";
import * as workspace from "~/routes/operatore.collocamento-mirato._index";
import * as exportCsv from "~/routes/operatore.collocamento-mirato.esporta";
import { request } from "../support/factories";
import { createL68Employer, createPlacementOfficer, fileForm } from "../support/factories-l68";
import { callRoute, formErrorsOf } from "../support/routes";

const PAGE = "/azienda/collocamento-mirato";
const today = todayInItaly();

const snapshots = (employerId: string) =>
  getDb().selectFrom("l68_snapshots").selectAll().where("employer_id", "=", employerId).orderBy("id", "desc").execute();
const obligations = (employerId: string) =>
  getDb()
    .selectFrom("l68_obligations")
    .select(["cause", "units", "status", "arose_on", "due_on"])
    .select((eb) => [
      eb.fn("to_char", [eb.ref("arose_on"), eb.val("YYYY-MM-DD")]).as("arose"),
      eb.fn("to_char", [eb.ref("due_on"), eb.val("YYYY-MM-DD")]).as("due"),
    ])
    .where("employer_id", "=", employerId)
    .orderBy("created_at")
    .execute();

type L68Employer = Awaited<ReturnType<typeof createL68Employer>>;

const post = async (e: L68Employer, form: Record<string, string>, cookie = e.cookie) =>
  callRoute(employerFile.action, await fileForm(PAGE, cookie, e.employerId, form));

/** The workforce of the first test: 18 full-time and 4 half-time in Milan (base 20, one position to cover). */
async function declareWorkforce(e: L68Employer) {
  expect(
    (await post(e, { intent: "add-group", provinceCode: "mi", siteLabel: "Laboratorio", count: "18", contract: "indeterminato" })).status,
  ).toBe(302);
  expect(
    (
      await post(e, {
        intent: "add-group",
        provinceCode: "MI",
        count: "4",
        contract: "indeterminato",
        weeklyHours: "20",
        fullTimeHours: "40",
      })
    ).status,
  ).toBe(302);
}

/** A protected worker hired today covers the position. */
async function addProtectedWorker(e: L68Employer) {
  const r = await post(e, {
    intent: "add-worker",
    workerName: "Lucia Neri",
    provinceCode: "MI",
    category: "disabile_art4",
    contract: "indeterminato",
    hiredOn: today,
    disabilityPercent: "67",
  });
  expect(r.status, JSON.stringify(r.body)).toBe(302);
}

/** That worker leaves today. */
async function protectedWorkerLeft(e: L68Employer) {
  const worker = await getDb()
    .selectFrom("l68_protected_workers")
    .select("id")
    .where("employer_id", "=", e.employerId)
    .executeTakeFirstOrThrow();
  expect((await post(e, { intent: "worker-left", workerId: worker.id, leftOn: today })).status).toBe(302);
}

// Each test starts from an employer of its own, brought by the helpers above to the state it checks.
describe("the employer's L. 68 file", () => {
  let officer: Awaited<ReturnType<typeof createPlacementOfficer>>;
  beforeAll(async () => {
    officer = await createPlacementOfficer("MI");
  });

  it("declaring the workforce recomputes the quota, keeps a snapshot and opens a 60-day obligation", async () => {
    const e = await createL68Employer();
    const r = await post(e, { intent: "add-group", provinceCode: "mi", siteLabel: "Laboratorio", count: "18", contract: "indeterminato" });
    expect(r.status, JSON.stringify(r.body)).toBe(302);
    await post(e, {
      intent: "add-group",
      provinceCode: "MI",
      count: "4",
      contract: "indeterminato",
      weeklyHours: "20",
      fullTimeHours: "40",
    });
    const [latest] = await snapshots(e.employerId);
    expect(latest).toMatchObject({
      base_computo: 20,
      band: "15-35",
      quota_disabili: 1,
      uncovered_disabili: 1,
      missing_after_exemptions: 1,
    });
    const result = latest.result as { explanation: string[] };
    expect(result.explanation.join(" ")).toContain("art. 3 c. 1 lett. c");
    const obs = await obligations(e.employerId);
    expect(obs).toHaveLength(1);
    expect(obs[0]).toMatchObject({ cause: "threshold", units: 1, status: "open", arose: today, due: addDays(today, 60) });
    const page = await callRoute(employerFile.loader, request(PAGE, { cookie: e.cookie }));
    const view = (page.body as { view: { latest: { result: { baseComputo: number; explanation: string[] } } } }).view;
    expect(view.latest.result.baseComputo).toBe(20);
  });

  it("refuses bad input with the field and saves nothing", async () => {
    const e = await createL68Employer();
    await declareWorkforce(e);
    const before = (await snapshots(e.employerId)).length;
    const r = await post(e, {
      intent: "add-group",
      provinceCode: "MI",
      count: "3",
      contract: "indeterminato",
      weeklyHours: "45",
      fullTimeHours: "40",
    });
    expect(r.status).toBe(400);
    expect(formErrorsOf(r.body).weeklyHours).toMatch(/supera l'orario a tempo pieno/);
    const r2 = await post(e, { intent: "add-group", provinceCode: "Milano", count: "-2", contract: "determinato" });
    expect(Object.keys(formErrorsOf(r2.body))).toEqual(expect.arrayContaining(["provinceCode", "count"]));
    expect((await snapshots(e.employerId)).length).toBe(before);
  });

  it("refuses a stale version (409) without changing anything", async () => {
    const e = await createL68Employer();
    await declareWorkforce(e);
    const r = await callRoute(
      employerFile.action,
      request(PAGE, {
        cookie: e.cookie,
        form: { version: "1", intent: "add-group", provinceCode: "MI", count: "1", contract: "indeterminato" },
      }),
    );
    expect(r.status).toBe(409);
  });

  it("a protected worker covers the position and closes the obligation; disability details stay with the officer", async () => {
    const e = await createL68Employer();
    await declareWorkforce(e);
    const r = await post(e, {
      intent: "add-worker",
      workerName: "Lucia Neri",
      provinceCode: "MI",
      category: "disabile_art4",
      contract: "indeterminato",
      hiredOn: today,
      disabilityPercent: "67",
    });
    expect(r.status, JSON.stringify(r.body)).toBe(302);
    const [latest] = await snapshots(e.employerId);
    expect(latest).toMatchObject({ covered_disabili: 1, missing_after_exemptions: 0 });
    expect((await obligations(e.employerId))[0].status).toBe("met");

    const employerPage = await callRoute(employerFile.loader, request(PAGE, { cookie: e.cookie }));
    // Not a bare "67": ids and timestamps may contain it by chance.
    expect(JSON.stringify(employerPage.body)).not.toMatch(/disability_percent|":67[,}]|67%/);
    const officerPage = await callRoute(
      officerFile.loader,
      request(`/operatore/collocamento-mirato/${e.employerId}`, { cookie: officer.cookie }),
      { employerId: e.employerId },
    );
    const worker = (officerPage.body as { view: { workers: { disability_percent: number }[] } }).view.workers[0];
    expect(worker.disability_percent).toBe(67);
    const viewed = await getDb()
      .selectFrom("audit_log")
      .select("action")
      .where("employer_id", "=", e.employerId)
      .where("action", "=", "l68.file_viewed")
      .execute();
    expect(viewed.length).toBeGreaterThan(0);
  });

  it("a protected worker leaving opens an obligation from the last day", async () => {
    const e = await createL68Employer();
    await declareWorkforce(e);
    await addProtectedWorker(e);
    const worker = await getDb()
      .selectFrom("l68_protected_workers")
      .select("id")
      .where("employer_id", "=", e.employerId)
      .executeTakeFirstOrThrow();
    const r = await post(e, { intent: "worker-left", workerId: worker.id, leftOn: today });
    expect(r.status, JSON.stringify(r.body)).toBe(302);
    const obs = await obligations(e.employerId);
    expect(obs.at(-1)).toMatchObject({ cause: "worker_left", status: "open", units: 1, arose: today, due: addDays(today, 60) });
    const future = await post(e, { intent: "worker-left", workerId: worker.id, leftOn: addDays(today, 3) });
    expect(future.status).toBe(400);
  });

  it("the officer of the province sees the employer in the workspace and the CSV; another province does not", async () => {
    const e = await createL68Employer();
    await declareWorkforce(e);
    await addProtectedWorker(e);
    await protectedWorkerLeft(e);
    const list = await callRoute(
      workspace.loader,
      request("/operatore/collocamento-mirato?ordina=scoperti&scoperti=1", { cookie: officer.cookie }),
    );
    const rows = (list.body as { rows: { id: string; missing: number; next_due: string }[] }).rows;
    const row = rows.find((x) => x.id === e.employerId);
    expect(row).toMatchObject({ missing: 1, next_due: addDays(today, 60) });
    const csv = await callRoute(
      exportCsv.loader,
      request("/operatore/collocamento-mirato/esporta?ordina=nome", { cookie: officer.cookie }),
    );
    expect(csv.status).toBe(200);
    expect(String(csv.body)).toContain(e.legalName);

    const turin = await createPlacementOfficer("TO");
    const other = await callRoute(workspace.loader, request("/operatore/collocamento-mirato", { cookie: turin.cookie }));
    expect((other.body as { rows: { id: string }[] }).rows.find((x) => x.id === e.employerId)).toBeUndefined();
    const denied = await callRoute(
      officerFile.loader,
      request(`/operatore/collocamento-mirato/${e.employerId}`, { cookie: turin.cookie }),
      { employerId: e.employerId },
    );
    expect(denied.status).toBe(404);
    const bad = await callRoute(workspace.loader, request("/operatore/collocamento-mirato?ordina=x", { cookie: officer.cookie }));
    expect(bad.status).toBe(400);
  });

  it("an officer changes the file of an employer of the province (same rules, audited)", async () => {
    const e = await createL68Employer();
    await declareWorkforce(e);
    await addProtectedWorker(e);
    await protectedWorkerLeft(e);
    const r = await callRoute(
      officerFile.action,
      await fileForm(`/operatore/collocamento-mirato/${e.employerId}`, officer.cookie, e.employerId, {
        intent: "add-group",
        provinceCode: "TO",
        count: "40",
        contract: "indeterminato",
      }),
      { employerId: e.employerId },
    );
    expect(r.status, JSON.stringify(r.body)).toBe(302);
    const [latest] = await snapshots(e.employerId);
    expect(latest.base_computo).toBe(60);
    const provinces = (latest.result as { provinces: { province: string; quota: number }[] }).provinces;
    expect(provinces.map((p) => p.province)).toEqual(["MI", "TO"]);
    expect(provinces.reduce((n, p) => n + p.quota, 0)).toBe(4); // R(7% × 60 = 4.2) = 4
  });
});

describe("art. 4 c. 3-bis alternative routes in the file (health data stay with the officer)", () => {
  it("a war-table category or a psychic disability above 45 % covers; both are stored and shown only to the officer", async () => {
    const e = await createL68Employer();
    const officer = await createPlacementOfficer("MI");
    const post = async (form: Record<string, string>) => callRoute(employerFile.action, await fileForm(PAGE, e.cookie, e.employerId, form));
    expect((await post({ intent: "add-group", provinceCode: "MI", count: "40", contract: "indeterminato" })).status).toBe(302); // quota 2
    const worker = { intent: "add-worker", provinceCode: "MI", category: "disabile_art4", contract: "indeterminato", hiredOn: today };

    // Refused where they make no sense, or without the percentage the 45 % test needs: nothing saved.
    const wrong = await post({ ...worker, workerName: "Aldo Neri", category: "art18", invalidityCategory: "3", psychicDisability: "on" });
    expect(wrong.status).toBe(400);
    const errors = formErrorsOf(wrong.body);
    expect(errors.invalidityCategory).toMatch(/^La categoria di invalidità vale solo per un disabile ex art\. 4 c\. 3-bis/);
    expect(errors.psychicDisability).toMatch(/art\. 4 c\. 3-bis/);
    const noPercent = await post({ ...worker, workerName: "Aldo Neri", psychicDisability: "on" });
    expect(formErrorsOf(noPercent.body).disabilityPercent).toMatch(/45%/);
    const outOfRange = await post({ ...worker, workerName: "Aldo Neri", invalidityCategory: "9" });
    expect(formErrorsOf(outOfRange.body).invalidityCategory).toMatch(/da 1 a 8/);

    expect((await post({ ...worker, workerName: "Bruno Villa", invalidityCategory: "6" })).status).toBe(302);
    expect((await post({ ...worker, workerName: "Carla Sala", disabilityPercent: "45,01", psychicDisability: "on" })).status).toBe(302);
    // Category 7 alone and a psychic disability at exactly 45 % do not count.
    expect((await post({ ...worker, workerName: "Dario Riva", invalidityCategory: "7" })).status).toBe(302);
    expect((await post({ ...worker, workerName: "Elsa Gatti", disabilityPercent: "45", psychicDisability: "on" })).status).toBe(302);

    const [latest] = await snapshots(e.employerId);
    expect(latest).toMatchObject({ quota_disabili: 2, covered_disabili: 2, uncovered_disabili: 0 });
    const stored = await getDb()
      .selectFrom("l68_protected_workers")
      .select(["worker_name", "invalidity_category", "psychic_disability", "disability_percent"])
      .where("employer_id", "=", e.employerId)
      .orderBy("worker_name")
      .execute();
    expect(stored.map((w) => [w.worker_name, w.invalidity_category, w.psychic_disability, w.disability_percent])).toEqual([
      ["Bruno Villa", 6, false, null],
      ["Carla Sala", null, true, "45.01"],
      ["Dario Riva", 7, false, null],
      ["Elsa Gatti", null, true, "45.00"],
    ]);
    const explanation = (latest.result as { explanation: string[] }).explanation.join(" ");
    expect(explanation).toContain("prima alla sesta categoria delle tabelle delle pensioni di guerra");
    expect(explanation).toContain("disabilità intellettiva o psichica con riduzione della capacità lavorativa superiore al 45%");

    const employerPage = JSON.stringify((await callRoute(employerFile.loader, request(PAGE, { cookie: e.cookie }))).body);
    expect(employerPage).not.toMatch(/invalidity_category|psychic_disability|disability_percent/);
    const officerPage = await callRoute(
      officerFile.loader,
      request(`/operatore/collocamento-mirato/${e.employerId}`, { cookie: officer.cookie }),
      { employerId: e.employerId },
    );
    const workers = (
      officerPage.body as { view: { workers: { worker_name: string; invalidity_category: number | null; psychic_disability: boolean }[] } }
    ).view.workers;
    expect(workers.find((w) => w.worker_name === "Bruno Villa")).toMatchObject({ invalidity_category: 6, psychic_disability: false });
    expect(workers.find((w) => w.worker_name === "Carla Sala")).toMatchObject({ invalidity_category: null, psychic_disability: true });
  });
});
