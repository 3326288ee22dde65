import { addDays, todayInItaly } from "~/utils/dates";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import * as publicPage from "~/routes/offerte.$vacancyId";
import * as myApplications from "~/routes/candidato.candidature";
import * as officerDetail from "~/routes/operatore.offerte.$vacancyId";
import * as employerList from "~/routes/azienda.offerte._index";
import { cookieFor, createEmployer, createUserWithRole, request } from "../support/factories";
import { createCandidateWithAccount } from "../support/factories-candidates";
import { insertVacancy } from "../support/factories-vacancies";
import { callRoute, formErrorsOf } from "../support/routes";

let employerId: string;
let employerCookie: string;
let otherEmployerCookie: string;
let officerCookie: string;

beforeAll(async () => {
  employerId = (await createEmployer()).id;
  employerCookie = await cookieFor((await createUserWithRole("employer", { employerId })).id);
  const other = await createEmployer();
  otherEmployerCookie = await cookieFor((await createUserWithRole("employer", { employerId: other.id })).id);
  officerCookie = await cookieFor((await createUserWithRole("preselection_officer")).id);
});

const apply = (vacancyId: string, cookie: string | undefined, message = "Ho lavorato tre anni in un forno") =>
  callRoute(publicPage.action, request(`/offerte/${vacancyId}`, { cookie, form: { message } }), { vacancyId });

const applicationsOf = (vacancyId: string) =>
  getDb()
    .selectFrom("vacancy_applications")
    .select(["id", "candidate_id", "status", "version", "decline_reason"])
    .where("vacancy_id", "=", vacancyId)
    .orderBy("created_at")
    .execute();

async function decide(vacancyId: string, applicationId: string, form: Record<string, string>) {
  const version = String(
    (await getDb().selectFrom("vacancy_applications").select("version").where("id", "=", applicationId).executeTakeFirstOrThrow()).version,
  );
  return callRoute(
    officerDetail.action,
    request(`/operatore/offerte/${vacancyId}`, { cookie: officerCookie, form: { intent: "application", applicationId, version, ...form } }),
    { vacancyId },
  );
}

describe("self-applications", () => {
  it("a candidate applies once; the officer verifies, accepts or declines with a reason the candidate sees", async () => {
    const v = await insertVacancy(employerId, { status: "published" });
    const anna = await createCandidateWithAccount();
    const bruno = await createCandidateWithAccount();

    const anonymous = await apply(v.id, undefined);
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toMatch(/^\/accedi/);
    expect((await apply(v.id, employerCookie)).status).toBe(403);

    expect((await apply(v.id, anna.cookie)).status).toBe(302);
    const again = await apply(v.id, anna.cookie);
    expect(again.status).toBe(409);
    expect(formErrorsOf(again.body)._form).toMatch(/già candidato/);
    expect((await apply(v.id, bruno.cookie, "")).status).toBe(302);
    const [a, b] = await applicationsOf(v.id);
    expect([a.candidate_id, b.candidate_id]).toEqual([anna.id, bruno.id]);

    const page = await callRoute(publicPage.loader, request(`/offerte/${v.id}`, { cookie: anna.cookie }), { vacancyId: v.id });
    expect((page.body as { application: { status: string } }).application.status).toBe("submitted");

    const officerView = await callRoute(officerDetail.loader, request(`/operatore/offerte/${v.id}`, { cookie: officerCookie }), {
      vacancyId: v.id,
    });
    expect((officerView.body as { applications: unknown[] }).applications).toHaveLength(2);
    const viewed = await getDb()
      .selectFrom("audit_log")
      .select("details")
      .where("action", "=", "application.list_viewed")
      .where("entity_id", "=", v.id)
      .execute();
    expect(viewed).toHaveLength(1);

    const noChecks = await decide(v.id, a.id, { decision: "accept" });
    expect(noChecks.status).toBe(400);
    expect(formErrorsOf(noChecks.body).checks).toMatch(/tre verifiche/);
    expect(
      (await decide(v.id, a.id, { decision: "accept", checkRequirements: "on", checkCvCurrent: "on", checkConsent: "on" })).status,
    ).toBe(302);
    expect((await decide(v.id, b.id, { decision: "decline", reason: "" })).status).toBe(400);
    expect((await decide(v.id, b.id, { decision: "decline", reason: "Manca l'esperienza minima di due anni richiesta" })).status).toBe(302);
    expect(
      (await decide(v.id, b.id, { decision: "accept", checkRequirements: "on", checkCvCurrent: "on", checkConsent: "on" })).status,
    ).toBe(409);

    const brunoList = await callRoute(myApplications.loader, request("/candidato/candidature", { cookie: bruno.cookie }));
    expect((brunoList.body as { applications: { status: string; decline_reason: string }[] }).applications).toEqual([
      expect.objectContaining({ status: "declined", decline_reason: "Manca l'esperienza minima di due anni richiesta" }),
    ]);

    // The employer sees counts only, and only of its own vacancies.
    const own = await callRoute(employerList.loader, request("/azienda/offerte", { cookie: employerCookie }));
    expect((own.body as { counts: Record<string, { total: number; accepted: number }> }).counts[v.id]).toEqual({ total: 2, accepted: 1 });
    expect(JSON.stringify(own.body)).not.toContain(anna.input.lastName);
    const other = await callRoute(employerList.loader, request("/azienda/offerte", { cookie: otherEmployerCookie }));
    expect(JSON.stringify(other.body)).not.toContain(v.id);
  });

  it("refuses applications to a vacancy past its closing date or not public, changing nothing", async () => {
    const candidate = await createCandidateWithAccount();
    const expired = await insertVacancy(employerId, { status: "published", closingDate: addDays(todayInItaly(), -1) });
    const outcome = await apply(expired.id, candidate.cookie);
    expect(outcome.status).toBe(409);
    expect(formErrorsOf(outcome.body)._form).toMatch(/chiusa/);
    const internal = await insertVacancy(employerId, { status: "published", publicationMode: "internal" });
    expect((await apply(internal.id, candidate.cookie)).status).toBe(404);
    // A vacancy closed after publication keeps its page, which says it is closed: the application is refused (409).
    const closed = await insertVacancy(employerId, { status: "closed" });
    const late = await apply(closed.id, candidate.cookie);
    expect(late.status).toBe(409);
    expect(formErrorsOf(late.body)._form).toMatch(/chiusa/);
    expect(await getDb().selectFrom("vacancy_applications").select("id").where("candidate_id", "=", candidate.id).execute()).toEqual([]);
  });
});
