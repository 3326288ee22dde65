import { describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import * as login from "~/routes/accedi";
import * as logout from "~/routes/esci";
import * as registration from "~/routes/registrazione";
import * as review from "~/routes/operatore.aziende.$employerId";
import * as officerVacancy from "~/routes/operatore.offerte.$vacancyId";
import * as employerUsers from "~/routes/azienda.utenti";
import * as acceptInvite from "~/routes/invito.$token";
import * as candidateDetail from "~/routes/operatore.candidati.$candidateId._index";
import * as activate from "~/routes/attivazione.$token";
import * as forgotten from "~/routes/password-dimenticata";
import * as resetLink from "~/routes/reimposta-password.$token";
import * as changePassword from "~/routes/profilo.password";
import * as adminUser from "~/routes/admin.utenti_.$userId";
import { cookieFor, createEmployer, createUserWithRole, request, TEST_PASSWORD, uniqueCompanyTaxCode } from "../support/factories";
import { createTestCandidate } from "../support/factories-candidates";
import { insertVacancy } from "../support/factories-vacancies";
import { callRoute, type RouteOutcome } from "../support/routes";

/**
 * No action answers 500 to the sequences people produce by ordinary use: the same form sent twice
 * (double click, back button and resend), a link from an e-mail opened again (invitation, candidate
 * activation, password reset), and a tab left open on a record someone else (or the same person in
 * another tab) has changed meanwhile. Each step runs through the real route against PostgreSQL; each
 * repeated step must answer a clear 4xx (or a harmless redirect), never a 5xx and never a thrown error.
 */

const PASSWORD = "mandorla-silenziosa-di-marzo";
type Step = () => Promise<RouteOutcome>;

/** Runs the steps in order and returns their statuses; callRoute rethrows anything that is not a Response. */
async function run(...steps: Step[]): Promise<number[]> {
  const statuses: number[] = [];
  for (const step of steps) {
    const outcome = await step();
    expect(outcome.status, JSON.stringify(outcome.body).slice(0, 300)).toBeLessThan(500);
    statuses.push(outcome.status);
  }
  return statuses;
}

/** The same request twice at the same moment (a double click that the browser did not stop). */
async function twiceAtOnce(step: Step): Promise<number[]> {
  const outcomes = await Promise.all([step(), step()]);
  for (const o of outcomes) expect(o.status, JSON.stringify(o.body).slice(0, 300)).toBeLessThan(500);
  return outcomes.map((o) => o.status).sort();
}

const tokenIn = async (email: string, path: string) => {
  const mail = await getDb()
    .selectFrom("mail_outbox")
    .select("body_text")
    .where("to_address", "=", email)
    .orderBy("id", "desc")
    .executeTakeFirstOrThrow();
  return new RegExp(`/${path}/([A-Za-z0-9_-]+)`).exec(mail.body_text)![1];
};

describe("ordinary sequences of use never answer 500", () => {
  it("registration sent twice, one after the other and at the same moment", async () => {
    const form = () => {
      const taxCode = uniqueCompanyTaxCode();
      return {
        fullName: "Giulia Bianchi",
        email: `doppio-${taxCode}@example.it`,
        password: PASSWORD,
        confirmPassword: PASSWORD,
        legalName: `Forneria ${taxCode} S.r.l.`,
        taxCode,
        vatNumber: taxCode,
        atecoCode: "10",
        headcountBand: "15-35",
        legalAddress: "Via Padova 1",
        legalComune: "Milano (MI)",
        contactName: "Giulia Bianchi",
        contactEmail: "giulia@example.it",
        contactPhone: "02 1234567",
        privacy: "on",
      };
    };
    const one = form();
    const send = (f: Record<string, string>) => () => callRoute(registration.action, request("/registrazione", { form: f }));
    expect(await run(send(one), send(one))).toEqual([302, 409]);
    // Another company with an e-mail that already has an account (it answered 500 before).
    expect(await run(send({ ...form(), email: one.email }))).toEqual([409]);
    const statuses = await twiceAtOnce(send(form()));
    expect(statuses[0]).toBe(302);
    expect(statuses[1]).toBeGreaterThanOrEqual(400);
  });

  it("login resent after logout (back button), logout twice, a form posted from a tab whose session ended", async () => {
    const officer = await createUserWithRole("preselection_officer");
    const cookie = await cookieFor(officer.id);
    const loginStep = () => callRoute(login.action, request("/accedi", { form: { email: officer.email, password: TEST_PASSWORD } }));
    const logoutStep = () => callRoute(logout.action, request("/esci", { cookie, method: "POST" }));
    const change = () =>
      callRoute(
        changePassword.action,
        request("/profilo/password", {
          cookie,
          form: { currentPassword: TEST_PASSWORD, newPassword: PASSWORD, confirmPassword: PASSWORD },
        }),
      );
    expect(await run(loginStep, logoutStep, logoutStep, change, loginStep)).toEqual([302, 302, 302, 302, 302]);
  });

  it("password change sent twice: the second is told the current password is wrong", async () => {
    const officer = await createUserWithRole("placement_officer");
    const cookie = await cookieFor(officer.id);
    const change = () =>
      callRoute(
        changePassword.action,
        request("/profilo/password", {
          cookie,
          form: { currentPassword: TEST_PASSWORD, newPassword: PASSWORD, confirmPassword: PASSWORD },
        }),
      );
    expect(await run(change, change)).toEqual([302, 400]);
  });

  it("invitation: the same link twice, at the same moment, and after the invitation was cancelled", async () => {
    const rep = await createUserWithRole("employer", { employerId: (await createEmployer()).id });
    const cookie = await cookieFor(rep.id);
    const invite = (email: string) => () =>
      callRoute(employerUsers.action, request("/azienda/utenti", { cookie, form: { email, employerRole: "colleague" } }));
    const accept = (token: string) => () =>
      callRoute(
        acceptInvite.action,
        request(`/invito/${token}`, { form: { fullName: "Paola Neri", password: PASSWORD, confirmPassword: PASSWORD } }),
        { token },
      );
    const first = `invitata-${Date.now()}@example.it`;
    await run(invite(first), invite(first)); // sent twice: the second supersedes the first
    const token = await tokenIn(first, "invito");
    expect(await twiceAtOnce(accept(token))).toEqual([302, 410]);
    expect(await run(accept(token), () => callRoute(acceptInvite.loader, request(`/invito/${token}`), { token }))).toEqual([410, 410]);
    const second = `annullata-${Date.now()}@example.it`;
    await run(invite(second));
    const cancelledToken = await tokenIn(second, "invito");
    const invitation = await getDb().selectFrom("employer_invitations").select("id").where("email", "=", second).executeTakeFirstOrThrow();
    const cancel = () =>
      callRoute(
        employerUsers.action,
        request("/azienda/utenti", { cookie, form: { intent: "cancel_invitation", invitationId: invitation.id } }),
      );
    expect(await run(cancel, cancel, accept(cancelledToken))).toEqual([302, 409, 410]);
  });

  it("candidate activation link used twice, and at the same moment", async () => {
    const officer = await createUserWithRole("preselection_officer");
    const cookie = await cookieFor(officer.id);
    const activateWith = (token: string) => () =>
      callRoute(
        activate.action,
        request(`/attivazione/${token}`, {
          form: { fullName: "Giulia Verdi", password: PASSWORD, confirmPassword: PASSWORD, privacy: "on" },
        }),
        { token },
      );
    for (const atOnce of [false, true]) {
      const { id } = await createTestCandidate();
      const email = `attiva-${id.slice(0, 8)}@example.it`;
      const invite = () =>
        callRoute(candidateDetail.action, request(`/operatore/candidati/${id}`, { cookie, form: { intent: "invite", email } }), {
          candidateId: id,
        });
      await run(invite, invite); // the officer clicked twice: the second link supersedes the first
      const token = await tokenIn(email, "attivazione");
      const statuses = atOnce ? await twiceAtOnce(activateWith(token)) : await run(activateWith(token), activateWith(token));
      expect(statuses.filter((s) => s === 302).length).toBe(1);
    }
  });

  it("password reset: request twice, the link used twice and at the same moment, the older link after a newer one", async () => {
    const officer = await createUserWithRole("preselection_officer");
    const ask = () => callRoute(forgotten.action, request("/password-dimenticata", { form: { email: officer.email } }));
    await run(ask);
    const older = await tokenIn(officer.email, "reimposta-password");
    await run(ask);
    const newer = await tokenIn(officer.email, "reimposta-password");
    const reset = (token: string) => () =>
      callRoute(resetLink.action, request(`/reimposta-password/${token}`, { form: { newPassword: PASSWORD, confirmPassword: PASSWORD } }), {
        token,
      });
    expect(await run(reset(older))).toEqual([410]);
    expect(await twiceAtOnce(reset(newer))).toEqual([302, 409]);
    expect(await run(reset(newer))).toEqual([410]);
  });

  it("stale tabs: a vacancy validated twice, a company reviewed twice, an account disabled twice", async () => {
    const employer = await createEmployer({ status: "pending" });
    const vacancy = await insertVacancy((await createEmployer()).id, { status: "submitted" });
    const officer = await createUserWithRole("preselection_officer");
    const cookie = await cookieFor(officer.id);
    const validate = () =>
      callRoute(
        officerVacancy.action,
        request(`/operatore/offerte/${vacancy.id}`, { cookie, form: { event: "validate", version: String(vacancy.version) } }),
        { vacancyId: vacancy.id },
      );
    expect(await run(validate, validate)).toEqual([302, 409]);
    const reviewStep = () =>
      callRoute(
        review.action,
        request(`/operatore/aziende/${employer.id}`, { cookie, form: { decision: "validate", version: String(employer.version) } }),
        { employerId: employer.id },
      );
    expect(await run(reviewStep, reviewStep)).toEqual([302, 409]);
    const reject = () =>
      callRoute(
        review.action,
        request(`/operatore/aziende/${employer.id}`, {
          cookie,
          form: { decision: "reject", reason: "Dati della sede da correggere", version: String(employer.version + 1) },
        }),
        { employerId: employer.id },
      );
    expect((await run(reject))[0]).toBe(409); // validated meanwhile: cannot be rejected from the old page

    const admin = await createUserWithRole("admin");
    const adminCookie = await cookieFor(admin.id);
    const target = await createUserWithRole("placement_officer");
    const disable = () =>
      callRoute(
        adminUser.action,
        request(`/admin/utenti/${target.id}`, { cookie: adminCookie, form: { intent: "disable", version: "1" } }),
        { userId: target.id },
      );
    const enable = () =>
      callRoute(
        adminUser.action,
        request(`/admin/utenti/${target.id}`, { cookie: adminCookie, form: { intent: "enable", version: "1" } }),
        { userId: target.id },
      );
    expect(await run(disable, disable, enable)).toEqual([302, 409, 409]);
    const reset = () =>
      callRoute(adminUser.action, request(`/admin/utenti/${target.id}`, { cookie: adminCookie, form: { intent: "reset" } }), {
        userId: target.id,
      });
    expect(await run(reset)).toEqual([409]); // disabled: re-enable first
  });

  it("a colleague removed twice, and removed while their own tab is still open", async () => {
    const employer = await createEmployer();
    const rep = await createUserWithRole("employer", { employerId: employer.id });
    const colleague = await createUserWithRole("employer", { employerId: employer.id, employerRole: "colleague" });
    const repCookie = await cookieFor(rep.id);
    const colleagueCookie = await cookieFor(colleague.id);
    const remove = () =>
      callRoute(employerUsers.action, request("/azienda/utenti", { cookie: repCookie, form: { intent: "remove", userId: colleague.id } }));
    const colleagueActs = () =>
      callRoute(
        changePassword.action,
        request("/profilo/password", {
          cookie: colleagueCookie,
          form: { currentPassword: TEST_PASSWORD, newPassword: PASSWORD, confirmPassword: PASSWORD },
        }),
      );
    const statuses = await run(remove, remove, colleagueActs);
    expect(statuses.slice(0, 2)).toEqual([302, 409]);
  });
});
