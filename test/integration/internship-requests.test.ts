import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import { eraseCandidate } from "~/domain/candidates/erasure.server";
import * as employerPage from "~/routes/azienda.tirocini.$internshipId";
import * as newRequest from "~/routes/azienda.tirocini.nuovo";
import * as traineePage from "~/routes/candidato.tirocini.$internshipId";
import * as casePage from "~/routes/operatore.tirocini.$internshipId";
import { cookieFor, createEmployer, createUserWithRole, request } from "../support/factories";
import { SYSTEM_ACTOR, createTestCandidate } from "../support/factories-candidates";
import { insertInternship } from "../support/factories-internships";
import { callRoute, formErrorsOf } from "../support/routes";

let employerA: string;
let employerB: string;
let cookieA: string;
let cookieB: string;
let officerCookie: string;

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
  officerCookie = await cookieFor((await createUserWithRole("preselection_officer")).id);
});

async function submitRequest(values: Record<string, string>, cookie = cookieA) {
  return callRoute(newRequest.action, request("/azienda/tirocini/nuovo", { cookie, form: values }));
}

describe("employer request", () => {
  it("saves a valid request as requested, with the checker's result allowed", async () => {
    const out = await submitRequest(form());
    expect(out.status).toBe(302);
    const id = out.location!.split("/").pop()!;
    const row = await getDb().selectFrom("internships").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ state: "requested", source: "direct", region: "lombardia", employer_id: employerA });
    expect((row.check_result as { allowed: boolean }).allowed).toBe(true);
  });

  it("saves a request that breaks the rules and shows each violation in Italian", async () => {
    const out = await submitRequest(form({ monthlyIndemnity: "100", plannedMonths: "20" }));
    expect(out.status).toBe(302);
    const id = out.location!.split("/").pop()!;
    const page = await callRoute(employerPage.loader, request(`/azienda/tirocini/${id}`, { cookie: cookieA }), { internshipId: id });
    const body = page.body as { check: { allowed: boolean; check: { messages: { message: string; kind: string }[] } } };
    expect(body.check.allowed).toBe(false);
    const messages = body.check.check.messages.filter((m) => m.kind === "violation").map((m) => m.message);
    expect(messages.join(" ")).toMatch(/indennità/i);
    expect(messages.join(" ")).toMatch(/durata|mesi/i);
  });

  it("answers bad input with Italian messages per field", async () => {
    const out = await submitRequest(form({ weeklyHours: "abc", comune: "Paperopoli" }));
    expect(out.status).toBe(400);
    expect(formErrorsOf(out.body).weeklyHours).toMatch(/numero/);
  });

  it("links the request to the employer's «tirocinio» service request (screening)", async () => {
    const sr = await getDb()
      .insertInto("service_requests")
      .values({ employer_id: employerA, service_code: "R", queue: "preselection" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const out = await submitRequest(form({ serviceRequestId: sr.id }));
    const id = out.location!.split("/").pop()!;
    expect(
      await getDb().selectFrom("internships").select(["source", "service_request_id"]).where("id", "=", id).executeTakeFirst(),
    ).toEqual({
      source: "screening",
      service_request_id: sr.id,
    });
    // Another company's service request is not found.
    const other = await submitRequest(form({ serviceRequestId: sr.id }), cookieB);
    expect(other.status).toBe(404);
  });
});

describe("who sees what", () => {
  it("employer B cannot see nor move employer A's internship; the trainee sees only their own", async () => {
    const row = await insertInternship(employerA);
    const asB = await callRoute(employerPage.loader, request(`/azienda/tirocini/${row.id}`, { cookie: cookieB }), { internshipId: row.id });
    expect(asB.status).toBe(404);
    const cancelB = await callRoute(
      employerPage.action,
      request(`/azienda/tirocini/${row.id}`, { cookie: cookieB, form: { intent: "cancel", version: "1" } }),
      { internshipId: row.id },
    );
    expect(cancelB.status).toBe(404);
    const traineeUser = await createUserWithRole("candidate");
    const trainee = await createTestCandidate();
    await getDb().updateTable("candidates").set({ user_id: traineeUser.id }).where("id", "=", trainee.id).execute();
    const traineeCookie = await cookieFor(traineeUser.id);
    const mine = await insertInternship(employerA, { state: "candidate_chosen", candidate_id: trainee.id });
    const ok = await callRoute(traineePage.loader, request(`/candidato/tirocini/${mine.id}`, { cookie: traineeCookie }), {
      internshipId: mine.id,
    });
    expect(ok.status).toBe(200);
    const notMine = await callRoute(traineePage.loader, request(`/candidato/tirocini/${row.id}`, { cookie: traineeCookie }), {
      internshipId: row.id,
    });
    expect(notMine.status).toBe(404);
  });
});

describe("scouting and the choice of the trainee", () => {
  it("start_scouting opens an internal vacancy of kind internship in preselection", async () => {
    const row = await insertInternship(employerA);
    const out = await callRoute(
      casePage.action,
      request(`/operatore/tirocini/${row.id}`, { cookie: officerCookie, form: { intent: "start_scouting", version: "1" } }),
      { internshipId: row.id },
    );
    expect(out.status).toBe(302);
    const after = await getDb()
      .selectFrom("internships")
      .select(["state", "vacancy_id"])
      .where("id", "=", row.id)
      .executeTakeFirstOrThrow();
    expect(after.state).toBe("scouting");
    const v = await getDb().selectFrom("vacancies").selectAll().where("id", "=", after.vacancy_id!).executeTakeFirstOrThrow();
    expect(v).toMatchObject({ kind: "internship", status: "in_preselection", publication_mode: "internal", contract_type: "C.01.00" });
  });

  it("refuses a named trainee hired by the host in the last 24 months, and accepts an eligible one", async () => {
    const row = await insertInternship(employerA, { state: "scouting" });
    const person = await createTestCandidate();
    const p = await getDb()
      .selectFrom("candidates")
      .select(["tax_code", "last_name"])
      .where("id", "=", person.id)
      .executeTakeFirstOrThrow();
    const hired = await insertInternship(employerA, { state: "attested", candidate_id: person.id });
    expect(hired.id).toBeTruthy();
    const refused = await callRoute(
      casePage.action,
      request(`/operatore/tirocini/${row.id}`, {
        cookie: officerCookie,
        form: { intent: "choose_candidate", version: "1", traineeTaxCode: p.tax_code, traineeLastName: p.last_name },
      }),
      { internshipId: row.id },
    );
    expect(refused.status).toBe(409);
    expect(JSON.stringify(refused.body)).toMatch(/già svolto un tirocinio presso questa azienda/);
    const other = await createTestCandidate();
    const o = await getDb().selectFrom("candidates").select(["tax_code", "last_name"]).where("id", "=", other.id).executeTakeFirstOrThrow();
    const ok = await callRoute(
      casePage.action,
      request(`/operatore/tirocini/${row.id}`, {
        cookie: officerCookie,
        form: { intent: "choose_candidate", version: "1", traineeTaxCode: o.tax_code, traineeLastName: o.last_name },
      }),
      { internshipId: row.id },
    );
    expect(ok.status).toBe(302);
    expect(await getDb().selectFrom("internships").select(["state", "candidate_id"]).where("id", "=", row.id).executeTakeFirst()).toEqual({
      state: "candidate_chosen",
      candidate_id: other.id,
    });
  });

  it("erasing the chosen trainee cancels an internship not yet started", async () => {
    const person = await createTestCandidate();
    const row = await insertInternship(employerA, { state: "drafting", candidate_id: person.id });
    const running = await insertInternship(employerA, { state: "active", candidate_id: person.id });
    await getDb()
      .transaction()
      .execute((trx) => eraseCandidate(trx, SYSTEM_ACTOR, person.id, "officer"));
    const states = await getDb().selectFrom("internships").select(["id", "state"]).where("candidate_id", "=", person.id).execute();
    expect(Object.fromEntries(states.map((s) => [s.id, s.state]))).toEqual({ [row.id]: "cancelled", [running.id]: "active" });
  });
});
