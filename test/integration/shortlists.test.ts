import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import * as matchRoute from "~/routes/operatore.preselezione.$vacancyId";
import * as officerRoute from "~/routes/operatore.rose.$shortlistId";
import * as employerRoute from "~/routes/azienda.rose.$shortlistId";
import * as employerPdf from "~/routes/azienda.rose.$shortlistId.pdf";
import * as candidateRoute from "~/routes/candidato.disponibilita";
import { cookieFor, createEmployer, createUserWithRole, request } from "../support/factories";
import { createMatchCandidate, createMatchVacancy, indexPending } from "../support/factories-shortlists";
import { callRoute } from "../support/routes";

let officer: string;
let officerUserId: string;
let employerCookie: string;
let otherEmployerCookie: string;
let employerId: string;

async function rows(shortlistId: string) {
  return getDb()
    .selectFrom("shortlist_candidates")
    .select(["id", "candidate_id", "state", "version"])
    .where("shortlist_id", "=", shortlistId)
    .execute();
}
const rowOf = async (shortlistId: string, candidateId: string) => (await rows(shortlistId)).find((r) => r.candidate_id === candidateId)!;

beforeAll(async () => {
  const employer = await createEmployer();
  employerId = employer.id;
  const other = await createEmployer();
  const officerUser = await createUserWithRole("preselection_officer");
  officerUserId = officerUser.id;
  officer = await cookieFor(officerUser.id);
  employerCookie = await cookieFor((await createUserWithRole("employer", { employerId: employer.id })).id);
  otherEmployerCookie = await cookieFor((await createUserWithRole("employer", { employerId: other.id })).id);
});

/**
 * What each test of the flow starts from, made for it alone (no state passes from one test to the next): an employer
 * with a published vacancy and three people who fit it — Anna with a candidate account, Bruno and Carla without.
 * Brescia and a private occupation code keep these people apart from other test files.
 */
async function newFlow() {
  const employer = await createEmployer();
  const employerUser = await createUserWithRole("employer", { employerId: employer.id });
  const candUser = await createUserWithRole("candidate");
  const cands = {
    anna: await createMatchCandidate({ comune: "Brescia", preferences: ["6.5.1.1.1"], userId: candUser.id, lastName: "Anna" }),
    bruno: await createMatchCandidate({ comune: "Brescia", preferences: ["6.5.1.1.1"], lastName: "Bruno" }),
    carla: await createMatchCandidate({ comune: "Brescia", preferences: ["6.5.1.1.1"], lastName: "Carla" }),
  };
  await indexPending();
  const vacancy = await createMatchVacancy({
    employerId: employer.id,
    comune: "Brescia",
    occupation: "6.5.1.1.1",
    positions: 1,
    status: "published",
  });
  return {
    employerId: employer.id,
    employerCookie: await cookieFor(employerUser.id),
    candidateCookie: await cookieFor(candUser.id),
    cands,
    vacancyId: vacancy.id,
  };
}
type Flow = Awaited<ReturnType<typeof newFlow>>;

/** The officer's «create the rosa» with the flow's three people: the outcome of the action. */
function postRosa(flow: Flow) {
  const form = new URLSearchParams({ title: "Rosa di prova", relaxed: "" });
  for (const id of Object.values(flow.cands)) form.append("candidateIds", id);
  return matchRoute.action({
    request: new Request(`http://localhost/operatore/preselezione/${flow.vacancyId}`, {
      method: "POST",
      headers: { Cookie: officer, "Content-Type": "application/x-www-form-urlencoded" },
      body: form,
    }),
    params: { vacancyId: flow.vacancyId },
    context: { clientIp: "127.0.0.1" },
  });
}

/** A rosa of the flow's three people, as the first step of the flow leaves it: created, then opened by the officer. */
async function createRosa(flow: Flow): Promise<string> {
  const res = (await postRosa(flow)) as Response;
  expect(res.status).toBe(302);
  const shortlistId = res.headers.get("Location")!.split("/").pop()!;
  expect(
    (await callRoute(officerRoute.loader, request(`/operatore/rose/${shortlistId}`, { cookie: officer }), { shortlistId })).status,
  ).toBe(200);
  return shortlistId;
}

const officerEvent = (shortlistId: string, form: Record<string, string>) =>
  callRoute(officerRoute.action, request(`/operatore/rose/${shortlistId}`, { cookie: officer, form }), { shortlistId });

/** Everybody contacted; Anna confirms in her account, Bruno by phone, Carla stays unconfirmed. */
async function recordAvailability(flow: Flow, shortlistId: string) {
  for (const id of Object.values(flow.cands)) {
    const r = await rowOf(shortlistId, id);
    expect(
      (await officerEvent(shortlistId, { intent: "event", rowId: r.id, event: "start_contact", version: String(r.version) })).status,
    ).toBe(302);
  }
  const annaRow = await rowOf(shortlistId, flow.cands.anna);
  const confirm = await callRoute(
    candidateRoute.action,
    request("/candidato/disponibilita", {
      cookie: flow.candidateCookie,
      form: { rowId: annaRow.id, response: "confirmed", shareContacts: "on" },
    }),
  );
  expect(confirm.status).toBe(302);
  const b = await rowOf(shortlistId, flow.cands.bruno);
  const call = await officerEvent(shortlistId, {
    intent: "contact",
    rowId: b.id,
    version: String(b.version),
    channel: "phone",
    attemptedAt: new Date(Date.now() - 60_000).toISOString().slice(0, 16),
    outcome: "available",
  });
  expect(call.status).toBe(302);
}

/** The officer presents the confirmed people (4 hours at the office). */
async function presentRosa(shortlistId: string) {
  const s = await getDb().selectFrom("shortlists").select("version").where("id", "=", shortlistId).executeTakeFirstOrThrow();
  return officerEvent(shortlistId, { intent: "present", version: String(s.version), minutes: "240", modality: "office" });
}

/** The flow's employer answers for a row of its rosa. */
async function employerFeedback(flow: Flow, shortlistId: string, form: Record<string, string>) {
  return callRoute(employerRoute.action, request(`/azienda/rose/${shortlistId}`, { cookie: flow.employerCookie, form }), { shortlistId });
}

const HIRE_FORM = {
  intent: "hire",
  contractType: "A.01.00",
  startDate: "2026-12-01",
  workingTime: "F",
  weeklyHours: "40",
  ccnl: "042",
  contractLevel: "4",
  qualification: "5.1.2.2.0.1",
  workComune: "Brescia (BS)",
};

/** Interview with Anna, then her hire: the flow's last step. */
async function hireAnna(flow: Flow, shortlistId: string) {
  const anna = await rowOf(shortlistId, flow.cands.anna);
  const interview = await employerFeedback(flow, shortlistId, {
    intent: "feedback",
    rowId: anna.id,
    version: String(anna.version),
    decision: "interview",
    interviewArrangement: "cpi",
  });
  expect(interview.status).toBe(302);
  const anna2 = await rowOf(shortlistId, flow.cands.anna);
  return employerFeedback(flow, shortlistId, { ...HIRE_FORM, rowId: anna2.id, version: String(anna2.version) });
}

/** A rosa already presented, written straight into the tables (for the tests that start after the presentation). */
async function presentedRosa(officerId: string, people: string[]) {
  const db = getDb();
  const vacancy = await createMatchVacancy({ employerId, comune: "Brescia", occupation: "6.5.1.1.1", positions: 3, status: "published" });
  const s = await db
    .insertInto("shortlists")
    .values({
      vacancy_id: vacancy.id,
      employer_id: employerId,
      title: "Rosa 4D",
      status: "presented",
      presented_at: new Date(),
      presented_by: officerId,
      search_snapshot: "{}",
      results_snapshot: "[]",
      index_uid: "x",
      settings_version: 3,
      created_by: officerId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const rowIds: string[] = [];
  for (const [i, candidateId] of people.entries())
    rowIds.push(
      (
        await db
          .insertInto("shortlist_candidates")
          .values({
            shortlist_id: s.id,
            candidate_id: candidateId,
            rank: i + 1,
            score: 40,
            explanation: "{}",
            state: "presented",
            presented_at: new Date(),
          })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id,
    );
  return { vacancyId: vacancy.id, shortlistId: s.id, rowIds };
}

/** People of the test's own, not indexed (for rosas written straight into the tables). */
const people = (n: number) =>
  Promise.all(Array.from({ length: n }, () => createMatchCandidate({ comune: "Brescia", preferences: ["6.5.1.1.1"] })));

// Each test builds the flow up to the step it checks with the helpers above: none relies on what another test did.
describe("preselection flow: match → rosa → availability → presentation → feedback → hire", () => {
  it("officer matches and creates a rosa with a stored snapshot; the vacancy moves to preselection", async () => {
    const flow = await newFlow();
    const { vacancyId, cands } = flow;
    const page = await callRoute(matchRoute.loader, request(`/operatore/preselezione/${vacancyId}`, { cookie: officer }), { vacancyId });
    expect(page.status).toBe(200);
    const body = page.body as { hits: { id: string }[]; error: string | null };
    expect(body.error).toBeNull();
    expect(body.hits.map((h) => h.id)).toEqual(expect.arrayContaining(Object.values(cands)));
    const res = await postRosa(flow);
    expect((res as Response).status).toBe(302);
    const shortlistId = (res as Response).headers.get("Location")!.split("/").pop()!;
    const s = await getDb().selectFrom("shortlists").selectAll().where("id", "=", shortlistId).executeTakeFirstOrThrow();
    expect(s.settings_version).toBeGreaterThanOrEqual(2);
    expect((s.search_snapshot as { filter: string }).filter).toContain('occupationClasses = "6.5.1"');
    expect((s.results_snapshot as unknown[]).length).toBeGreaterThanOrEqual(3);
    const v = await getDb().selectFrom("vacancies").select("status").where("id", "=", vacancyId).executeTakeFirstOrThrow();
    expect(v.status).toBe("in_preselection");
    const view = await callRoute(officerRoute.loader, request(`/operatore/rose/${shortlistId}`, { cookie: officer }), { shortlistId });
    expect((view.body as { results: unknown[] }).results.length).toBe((s.results_snapshot as unknown[]).length);
  });

  it("refuses presenting an unconfirmed candidate and a stale version", async () => {
    const flow = await newFlow();
    const shortlistId = await createRosa(flow);
    const r = await rowOf(shortlistId, flow.cands.bruno);
    const present = await callRoute(
      officerRoute.action,
      request(`/operatore/rose/${shortlistId}`, {
        cookie: officer,
        form: { intent: "event", rowId: r.id, event: "present", version: String(r.version) },
      }),
      { shortlistId },
    );
    expect(present.status).toBe(409);
    expect(JSON.stringify(present.body)).toContain("confermato la disponibilità");
    const stale = await callRoute(
      officerRoute.action,
      request(`/operatore/rose/${shortlistId}`, {
        cookie: officer,
        form: { intent: "event", rowId: r.id, event: "start_contact", version: String(r.version + 5) },
      }),
      { shortlistId },
    );
    expect(stale.status).toBe(409);
  });

  it("records availability: candidate confirms in their account, officer records a phone call, a third stays unconfirmed", async () => {
    const flow = await newFlow();
    const { cands, candidateCookie } = flow;
    const shortlistId = await createRosa(flow);
    for (const id of Object.values(cands)) {
      const r = await rowOf(shortlistId, id);
      const out = await callRoute(
        officerRoute.action,
        request(`/operatore/rose/${shortlistId}`, {
          cookie: officer,
          form: { intent: "event", rowId: r.id, event: "start_contact", version: String(r.version) },
        }),
        { shortlistId },
      );
      expect(out.status).toBe(302);
    }
    const annaRow = await rowOf(shortlistId, cands.anna);
    const confirm = await callRoute(
      candidateRoute.action,
      request("/candidato/disponibilita", {
        cookie: candidateCookie,
        form: { rowId: annaRow.id, response: "confirmed", shareContacts: "on" },
      }),
    );
    expect(confirm.status).toBe(302);
    const b = await rowOf(shortlistId, cands.bruno);
    const call = await callRoute(
      officerRoute.action,
      request(`/operatore/rose/${shortlistId}`, {
        cookie: officer,
        form: {
          intent: "contact",
          rowId: b.id,
          version: String(b.version),
          channel: "phone",
          attemptedAt: new Date(Date.now() - 60_000).toISOString().slice(0, 16),
          outcome: "available",
        },
      }),
      { shortlistId },
    );
    expect(call.status).toBe(302);
    expect((await rowOf(shortlistId, cands.anna)).state).toBe("available");
    expect((await rowOf(shortlistId, cands.bruno)).state).toBe("available");
    expect((await rowOf(shortlistId, cands.carla)).state).toBe("contacting");
  });

  it("presents only confirmed people; the employer sees them, never Carla, never another employer's rosa; views are audited", async () => {
    const flow = await newFlow();
    const { cands, employerCookie, employerId } = flow;
    const shortlistId = await createRosa(flow);
    await recordAvailability(flow, shortlistId);
    const present = await presentRosa(shortlistId);
    expect(present.status).toBe(302);
    const view = await callRoute(employerRoute.loader, request(`/azienda/rose/${shortlistId}`, { cookie: employerCookie }), {
      shortlistId,
    });
    expect(view.status).toBe(200);
    const seen = (view.body as { rows: { candidateId: string; contacts: unknown }[] }).rows;
    expect(seen.map((r) => r.candidateId).sort()).toEqual([cands.anna, cands.bruno].sort());
    expect(seen.find((r) => r.candidateId === cands.anna)!.contacts).not.toBeNull();
    expect(seen.find((r) => r.candidateId === cands.bruno)!.contacts).toBeNull(); // did not agree to share
    const other = await callRoute(employerRoute.loader, request(`/azienda/rose/${shortlistId}`, { cookie: otherEmployerCookie }), {
      shortlistId,
    });
    expect(other.status).toBe(404);
    const otherPdf = await callRoute(employerPdf.loader, request(`/azienda/rose/${shortlistId}/pdf`, { cookie: otherEmployerCookie }), {
      shortlistId,
    });
    expect(otherPdf.status).toBe(404);
    const pdf = await employerPdf.loader({
      request: request(`/azienda/rose/${shortlistId}/pdf`, { cookie: employerCookie }),
      params: { shortlistId },
      context: {},
    });
    expect((pdf as Response).headers.get("Content-Type")).toBe("application/pdf");
    expect(
      Buffer.from(await (pdf as Response).arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    const audits = await getDb().selectFrom("audit_log").select("action").where("entity_id", "=", shortlistId).execute();
    const actions = audits.map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "shortlist.create",
        "shortlist.view",
        "shortlist.present",
        "shortlist.employer_view",
        "shortlist.export_pdf",
      ]),
    );
    const delivery = await getDb()
      .selectFrom("service_deliveries")
      .select(["standard_code", "minutes"])
      .where("employer_id", "=", employerId)
      .execute();
    expect(delivery).toEqual([{ standard_code: "4C", minutes: 240 }]);
    // Feedback on a person not presented to the employer is refused (404: not in its view).
    const carla = await rowOf(shortlistId, cands.carla);
    const bad = await callRoute(
      employerRoute.action,
      request(`/azienda/rose/${shortlistId}`, {
        cookie: employerCookie,
        form: { intent: "feedback", rowId: carla.id, version: String(carla.version), decision: "interview", interviewArrangement: "cpi" },
      }),
      { shortlistId },
    );
    expect(bad.status).toBe(404);
  });

  it("feedback needs a reason; a hire with UNILAV fields closes the vacancy and tells the others", async () => {
    const flow = await newFlow();
    const { cands, employerCookie, employerId, vacancyId } = flow;
    const shortlistId = await createRosa(flow);
    await recordAvailability(flow, shortlistId);
    expect((await presentRosa(shortlistId)).status).toBe(302);
    const bruno = await rowOf(shortlistId, cands.bruno);
    const noReason = await callRoute(
      employerRoute.action,
      request(`/azienda/rose/${shortlistId}`, {
        cookie: employerCookie,
        form: { intent: "feedback", rowId: bruno.id, version: String(bruno.version), decision: "not_selected" },
      }),
      { shortlistId },
    );
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.body)).toContain("motivo");
    const anna = await rowOf(shortlistId, cands.anna);
    const interview = await callRoute(
      employerRoute.action,
      request(`/azienda/rose/${shortlistId}`, {
        cookie: employerCookie,
        form: { intent: "feedback", rowId: anna.id, version: String(anna.version), decision: "interview", interviewArrangement: "cpi" },
      }),
      { shortlistId },
    );
    expect(interview.status).toBe(302);
    const anna2 = await rowOf(shortlistId, cands.anna);
    const hire = await callRoute(
      employerRoute.action,
      request(`/azienda/rose/${shortlistId}`, {
        cookie: employerCookie,
        form: {
          intent: "hire",
          rowId: anna2.id,
          version: String(anna2.version),
          contractType: "A.01.00",
          startDate: "2026-12-01",
          workingTime: "F",
          weeklyHours: "40",
          ccnl: "042",
          contractLevel: "4",
          qualification: "5.1.2.2.0.1",
          workComune: "Brescia (BS)",
        },
      }),
      { shortlistId },
    );
    expect(hire.status).toBe(302);
    const v = await getDb().selectFrom("vacancies").select(["status", "outcome"]).where("id", "=", vacancyId).executeTakeFirstOrThrow();
    expect(v).toEqual({ status: "closed", outcome: "filled" });
    expect((await rowOf(shortlistId, cands.bruno)).state).toBe("not_selected");
    expect((await rowOf(shortlistId, cands.carla)).state).toBe("not_selected");
    const s = await getDb().selectFrom("shortlists").select("status").where("id", "=", shortlistId).executeTakeFirstOrThrow();
    expect(s.status).toBe("closed");
    const hires = await getDb()
      .selectFrom("hires")
      .select(["contract_type", "weekly_hours", "recorded_as", "request_channel"])
      .where("vacancy_id", "=", vacancyId)
      .execute();
    expect(hires).toEqual([{ contract_type: "A.01.00", weekly_hours: "40.0", recorded_as: "employer", request_channel: null }]);
    expect(employerId).toBeTruthy();
  });
});

describe("figures for officers", () => {
  it("counts presented, hired and feedback per officer, and exports CSV", async () => {
    // A whole flow of its own: two people presented, one hired.
    const flow = await newFlow();
    const shortlistId = await createRosa(flow);
    await recordAvailability(flow, shortlistId);
    expect((await presentRosa(shortlistId)).status).toBe(302);
    expect((await hireAnna(flow, shortlistId)).status).toBe(302);
    const { preselectionFigures } = await import("~/domain/shortlists/figures.server");
    const rows = await preselectionFigures(getDb(), "officer");
    const total = rows.reduce((a, r) => ({ presented: a.presented + r.presented, hired: a.hired + r.hired }), { presented: 0, hired: 0 });
    expect(total.presented).toBeGreaterThanOrEqual(2);
    expect(total.hired).toBeGreaterThanOrEqual(1);
    const csv = await import("~/routes/operatore.preselezione.cifre.csv");
    const res = (await csv.loader({
      request: request("/operatore/preselezione/cifre/csv", { cookie: officer }),
      params: {},
      context: {},
    })) as Response;
    expect(res.headers.get("Content-Type")).toContain("text/csv");
    expect(await res.text()).toContain("candidati presentati");
  });
});

describe("when Meilisearch is down", () => {
  it("the officer gets a clear message and existing shortlists keep working", async () => {
    const { setServiceUrls, getEnv } = await import("~/utils/env.server");
    const realUrl = getEnv().MEILI_URL!;
    const anyShortlist = { id: (await presentedRosa(officerUserId, await people(2))).shortlistId };
    const open = await createMatchVacancy({ employerId, comune: "Brescia", occupation: "6.5.1.1.1" });
    try {
      setServiceUrls({ MEILI_URL: "http://127.0.0.1:9" });
      const page = await callRoute(matchRoute.loader, request(`/operatore/preselezione/${open.id}`, { cookie: officer }), {
        vacancyId: open.id,
      });
      expect(page.status).toBe(200);
      expect((page.body as { error: string }).error).toContain("Il motore di ricerca non risponde");
      const rosa = await callRoute(officerRoute.loader, request(`/operatore/rose/${anyShortlist.id}`, { cookie: officer }), {
        shortlistId: anyShortlist.id,
      });
      expect(rosa.status).toBe(200);
    } finally {
      setServiceUrls({ MEILI_URL: realUrl });
    }
  });
});

describe("assessment plan (4D)", () => {
  it("adds steps to the vacancy's plan and records a justified result per person", async () => {
    const [anna] = await people(1);
    const rosa = await presentedRosa(officerUserId, [anna]);
    const vacancyId = rosa.vacancyId;
    const s = await getDb()
      .selectFrom("shortlists")
      .select(["id", "vacancy_id"])
      .where("vacancy_id", "=", vacancyId)
      .executeTakeFirstOrThrow();
    const add = await callRoute(
      officerRoute.action,
      request(`/operatore/rose/${s.id}`, {
        cookie: officer,
        form: { intent: "step", kind: "interview", description: "Colloquio tecnico", representative: "Sig.ra Bianchi" },
      }),
      { shortlistId: s.id },
    );
    expect(add.status).toBe(302);
    const step = await getDb().selectFrom("assessment_steps").select("id").where("vacancy_id", "=", vacancyId).executeTakeFirstOrThrow();
    const row = await rowOf(s.id, anna);
    const noWhy = await callRoute(
      officerRoute.action,
      request(`/operatore/rose/${s.id}`, {
        cookie: officer,
        form: { intent: "result", stepId: step.id, rowId: row.id, decision: "passed", justification: "" },
      }),
      { shortlistId: s.id },
    );
    expect(noWhy.status).toBe(400);
    const ok = await callRoute(
      officerRoute.action,
      request(`/operatore/rose/${s.id}`, {
        cookie: officer,
        form: { intent: "result", stepId: step.id, rowId: row.id, decision: "passed", justification: "Ottima conoscenza della cassa" },
      }),
      { shortlistId: s.id },
    );
    expect(ok.status).toBe(302);
    const view = await callRoute(officerRoute.loader, request(`/operatore/rose/${s.id}`, { cookie: officer }), { shortlistId: s.id });
    expect((view.body as { plan: { results: { decision: string }[] } }).plan.results).toEqual([
      expect.objectContaining({ decision: "passed" }),
    ]);
  });
});

describe("service delivery register: 4D once the assessed rosa yields the person to hire", () => {
  const select = async (shortlistId: string, rowId: string) => {
    const { version } = await getDb()
      .selectFrom("shortlist_candidates")
      .select("version")
      .where("id", "=", rowId)
      .executeTakeFirstOrThrow();
    const res = await callRoute(
      employerRoute.action,
      request(`/azienda/rose/${shortlistId}`, {
        cookie: employerCookie,
        form: { intent: "feedback", rowId, version: String(version), decision: "selected" },
      }),
      { shortlistId },
    );
    expect(res.status).toBe(302);
  };
  const deliveries = (shortlistId: string) =>
    getDb()
      .selectFrom("service_deliveries")
      .select(["standard_code", "minutes", "officer_id", "output"])
      .where("shortlist_id", "=", shortlistId)
      .orderBy("standard_code", "desc")
      .execute();

  it("records 4D (2 h + 2 h) by the officer who assessed, once per rosa, and links it from the register", async () => {
    const officerUser = await createUserWithRole("preselection_officer");
    const { vacancyId: vid, shortlistId, rowIds } = await presentedRosa(officerUser.id, await people(2));
    const { addAssessmentStep, recordAssessmentResult } = await import("~/domain/shortlists/assessment.server");
    const actor = { userId: officerUser.id, role: "preselection_officer" as const, ip: "127.0.0.1" };
    await getDb()
      .transaction()
      .execute(async (trx) => {
        const stepId = await addAssessmentStep(trx, actor, {
          vacancyId: vid,
          kind: "practical_trial",
          description: "Prova in negozio",
          representative: "Sig. Neri",
          sessionDate: null,
        });
        await recordAssessmentResult(trx, actor, {
          shortlistId,
          stepId,
          rowId: rowIds[0],
          decision: "passed",
          justification: "Prova superata",
        });
      });
    await select(shortlistId, rowIds[0]);
    await select(shortlistId, rowIds[1]);
    expect(await deliveries(shortlistId)).toEqual([
      {
        standard_code: "4D-VERIFICA",
        minutes: 120,
        officer_id: officerUser.id,
        output: expect.stringContaining("Competenze verificate: 1 candidato, 1 passo"),
      },
      {
        standard_code: "4D-SELEZIONE",
        minutes: 120,
        officer_id: officerUser.id,
        output: expect.stringContaining("Individuato il candidato da assumere"),
      },
    ]);
    const register = await import("~/routes/operatore.registro._index");
    const page = await callRoute(register.loader, request("/operatore/registro?servizio=4D-SELEZIONE", { cookie: officer }), {});
    expect(JSON.stringify(page.body)).toContain(shortlistId);
  });

  it("records no 4D when nobody was assessed (selection stays within 4C)", async () => {
    const officerUser = await createUserWithRole("preselection_officer");
    const { shortlistId, rowIds } = await presentedRosa(officerUser.id, await people(1));
    await select(shortlistId, rowIds[0]);
    expect(await deliveries(shortlistId)).toEqual([]);
  });
});
