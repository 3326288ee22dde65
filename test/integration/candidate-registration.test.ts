import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { eraseCandidate } from "~/domain/candidates/erasure.server";
import * as register from "~/routes/registrazione_.candidato";
import * as confirm from "~/routes/registrazione_.candidato_.conferma.$token";
import * as firstCv from "~/routes/candidato.nuovo";
import * as myCv from "~/routes/candidato._index";
import * as publicPage from "~/routes/offerte.$vacancyId";
import * as officerCandidate from "~/routes/operatore.candidati.$candidateId._index";
import { cookieFor, createEmployer, createUserWithRole, request } from "../support/factories";
import { candidateForm, createTestCandidate, uniquePersonTaxCode } from "../support/factories-candidates";
import { insertVacancy } from "../support/factories-vacancies";
import { callRoute, formErrorsOf } from "../support/routes";

const db = () => getDb();
const PASSWORD = "Girasole Tramonto Bicicletta 77";
let seq = 0;
const email = () => `reg-${Date.now().toString(36)}-${seq++}@example.it`;

/** Born 01/08/1985, male: what uniquePersonTaxCode() encodes. */
function registrationForm(overrides: Record<string, string> = {}) {
  return {
    firstName: "Luca",
    lastName: "Ferri",
    taxCode: uniquePersonTaxCode(),
    birthDate: "1985-08-01",
    sex: "M",
    comune: "Milano (MI)",
    email: email(),
    password: PASSWORD,
    confirmPassword: PASSWORD,
    privacy: "on",
    ...overrides,
  };
}

const linkIn = async (to: string) => {
  const mail = await db()
    .selectFrom("mail_outbox")
    .select(["subject", "body_text"])
    .where("to_address", "=", to)
    .orderBy("created_at", "desc")
    .executeTakeFirstOrThrow();
  return { ...mail, token: /\/registrazione\/candidato\/conferma\/([A-Za-z0-9_-]+)/.exec(mail.body_text)?.[1] ?? null };
};

async function registerAndConfirm(form: Record<string, string>) {
  const started = await callRoute(register.action, request("/registrazione/candidato", { form }));
  expect(started.status).toBe(302);
  const { token } = await linkIn(form.email);
  const res = (await confirm.action({
    request: request(`/registrazione/candidato/conferma/${token}`, { method: "POST" }),
    params: { token: token! },
    context: { clientIp: "127.0.0.1" },
  })) as Response;
  return { res, token: token!, cookie: res.headers.get("Set-Cookie")?.split(";")[0] ?? "" };
}

let employerId: string;
beforeAll(async () => {
  employerId = (await createEmployer()).id;
});

describe("the registration form", () => {
  it("checks the codice fiscale against birth date and sex, the password policy and the privacy notice", async () => {
    const wrongDay = await callRoute(
      register.action,
      request("/registrazione/candidato", { form: registrationForm({ birthDate: "1985-08-02" }) }),
    );
    expect(wrongDay.status).toBe(400);
    expect(formErrorsOf(wrongDay.body).taxCode).toMatch(/non corrisponde alla data di nascita/);
    const wrongSex = await callRoute(register.action, request("/registrazione/candidato", { form: registrationForm({ sex: "F" }) }));
    expect(formErrorsOf(wrongSex.body).taxCode).toMatch(/non corrisponde al sesso/);
    const weak = await callRoute(
      register.action,
      request("/registrazione/candidato", { form: registrationForm({ password: "password1234", confirmPassword: "password1234" }) }),
    );
    expect(formErrorsOf(weak.body).password).toMatch(/più usate/);
    const { privacy: _omit, ...noPrivacy } = registrationForm();
    const noNotice = await callRoute(register.action, request("/registrazione/candidato", { form: noPrivacy }));
    expect(formErrorsOf(noNotice.body).privacy).toMatch(/informativa/);
  });

  it("creates no account before the e-mail is confirmed; the link is single use", async () => {
    const form = registrationForm({ consentCvVisible: "on" });
    const started = await callRoute(register.action, request("/registrazione/candidato", { form }));
    expect(started.location).toBe("/registrazione/candidato?inviata=1");
    expect(await db().selectFrom("users").select("id").where("email", "=", form.email).execute()).toEqual([]);
    const { token, subject } = await linkIn(form.email);
    expect(subject).toBe("Rosa: conferma il tuo indirizzo e-mail");
    const page = await callRoute(confirm.loader, request(`/registrazione/candidato/conferma/${token}`), { token: token! });
    expect(page.status).toBe(200);
    // Opening the link (GET) activates nothing: mail scanners prefetch links.
    expect(await db().selectFrom("users").select("id").where("email", "=", form.email).execute()).toEqual([]);
    const res = (await confirm.action({
      request: request(`/registrazione/candidato/conferma/${token}`, { method: "POST" }),
      params: { token: token! },
      context: {},
    })) as Response;
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/candidato/nuovo");
    const user = await db()
      .selectFrom("users")
      .select(["id", "role", "active", "tax_code"])
      .where("email", "=", form.email)
      .executeTakeFirstOrThrow();
    expect(user).toMatchObject({ role: "candidate", active: true, tax_code: form.taxCode });
    const consents = await db()
      .selectFrom("user_consents")
      .select(["purpose", "granted", "legal_basis", "notice_version"])
      .where("user_id", "=", user.id)
      .orderBy("purpose")
      .execute();
    expect(consents.map((c) => [c.purpose, c.granted])).toEqual([
      ["cv_visible", true],
      ["job_alerts", false],
      ["privacy_notice", true],
    ]);
    expect(consents.find((c) => c.purpose === "privacy_notice")!.legal_basis).toMatch(/6\.1\.e/);
    const reg = await db()
      .selectFrom("candidate_registrations")
      .select(["password_hash", "verified_at"])
      .where("email", "=", form.email)
      .executeTakeFirstOrThrow();
    expect(reg.password_hash).toBeNull(); // kept only until the link is used
    const again = await callRoute(confirm.action, request(`/registrazione/candidato/conferma/${token}`, { method: "POST" }), {
      token: token!,
    });
    expect(again.status).toBe(404);
    const againPage = await callRoute(confirm.loader, request(`/registrazione/candidato/conferma/${token}`), { token: token! });
    expect(againPage.status).toBe(404);
  });

  it("an expired or superseded link does nothing", async () => {
    const form = registrationForm();
    await callRoute(register.action, request("/registrazione/candidato", { form }));
    const first = (await linkIn(form.email)).token!;
    await callRoute(register.action, request("/registrazione/candidato", { form }));
    const second = (await linkIn(form.email)).token!;
    expect((await callRoute(confirm.action, request(`/x`, { method: "POST" }), { token: first })).status).toBe(404);
    await db()
      .updateTable("candidate_registrations")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where("email", "=", form.email)
      .execute();
    expect((await callRoute(confirm.action, request(`/x`, { method: "POST" }), { token: second })).status).toBe(404);
    expect(await db().selectFrom("users").select("id").where("email", "=", form.email).execute()).toEqual([]);
  });

  it("an e-mail that already has an account gets the same answer on screen and a message, not a link", async () => {
    const existing = await createUserWithRole("employer", { employerId });
    const known = await db().selectFrom("users").select("email").where("id", "=", existing.id).executeTakeFirstOrThrow();
    const res = await callRoute(register.action, request("/registrazione/candidato", { form: registrationForm({ email: known.email }) }));
    expect(res.location).toBe("/registrazione/candidato?inviata=1");
    const mail = await linkIn(known.email);
    expect(mail.subject).toBe("Rosa: hai già un account");
    expect(mail.token).toBeNull();
  });
});

describe("a codice fiscale already in the CV database", () => {
  it("is linked when the confirmed e-mail is the one the CPI recorded on the CV", async () => {
    const address = email();
    const cv = await createTestCandidate({ email: address, consent: "" });
    const { res } = await registerAndConfirm(registrationForm({ taxCode: cv.input.taxCode, email: address, consentCvVisible: "on" }));
    expect(res.headers.get("Location")).toBe("/candidato");
    const row = await db()
      .selectFrom("candidates")
      .select(["user_id", "consent_visible"])
      .where("id", "=", cv.id)
      .executeTakeFirstOrThrow();
    expect(row.user_id).not.toBeNull();
    expect(row.consent_visible).toBe(true);
    const audit = await db()
      .selectFrom("audit_log")
      .select("details")
      .where("entity_id", "=", cv.id)
      .where("action", "=", "candidate.account_linked")
      .executeTakeFirstOrThrow();
    expect(audit.details).toEqual({ method: "verified_email_on_cv" });

    // Erasure takes the registration (codice fiscale, name, birth date) with the CV.
    await withTransaction((trx) => eraseCandidate(trx, { userId: null, role: "system", ip: null }, cv.id, "officer"));
    expect(await db().selectFrom("candidate_registrations").select("id").where("tax_code", "=", cv.input.taxCode).execute()).toEqual([]);
    expect(await db().selectFrom("candidate_registrations").select("id").where("email", "=", address).execute()).toEqual([]);
  });

  it("is NOT handed over to someone who only knows the codice fiscale: an officer checks identity first", async () => {
    const cv = await createTestCandidate({ email: "vera.persona@example.it" });
    const { res, cookie } = await registerAndConfirm(registrationForm({ taxCode: cv.input.taxCode }));
    expect(res.headers.get("Location")).toBe("/candidato/nuovo");
    expect((await db().selectFrom("candidates").select("user_id").where("id", "=", cv.id).executeTakeFirstOrThrow()).user_id).toBeNull();
    // The new account sees no CV and cannot create a second one with that codice fiscale.
    const home = await callRoute(myCv.loader, request("/candidato", { cookie }));
    expect(home.location).toBe("/candidato/nuovo");
    const waiting = await callRoute(firstCv.loader, request("/candidato/nuovo", { cookie }));
    expect((waiting.body as { pendingSince: unknown }).pendingSince).not.toBeNull();
    expect(JSON.stringify(waiting.body)).not.toContain("vera.persona@example.it");

    const officer = await cookieFor((await createUserWithRole("preselection_officer")).id);
    const page = await callRoute(officerCandidate.loader, request(`/operatore/candidati/${cv.id}`, { cookie: officer }), {
      candidateId: cv.id,
    });
    const [pending] = (page.body as { linkRequests: { id: string; reason: string }[] }).linkRequests;
    expect(pending.reason).toBe("email_differs");
    const link = await callRoute(
      officerCandidate.action,
      request(`/operatore/candidati/${cv.id}`, {
        cookie: officer,
        form: { intent: "link_request", requestId: pending.id, decision: "link" },
      }),
      { candidateId: cv.id },
    );
    expect(link.status).toBe(302);
    expect(
      (await db().selectFrom("candidates").select("user_id").where("id", "=", cv.id).executeTakeFirstOrThrow()).user_id,
    ).not.toBeNull();
    expect((await callRoute(myCv.loader, request("/candidato", { cookie }))).status).toBe(200);
    const twice = await callRoute(
      officerCandidate.action,
      request(`/operatore/candidati/${cv.id}`, {
        cookie: officer,
        form: { intent: "link_request", requestId: pending.id, decision: "link" },
      }),
      { candidateId: cv.id },
    );
    expect(twice.status).toBe(404);
  });
});

describe("from the public board to an application", () => {
  it("a visitor registers from a vacancy, writes the first CV and applies", async () => {
    const vacancy = await insertVacancy(employerId, { status: "published", publicationMode: "public" });
    const anonymous = await callRoute(publicPage.loader, request(`/offerte/${vacancy.id}`), { vacancyId: vacancy.id });
    expect(anonymous.body).toMatchObject({ viewer: "anonymous", acceptsApplications: true });
    const form = registrationForm({ redirectTo: `/offerte/${vacancy.id}` });
    const { res, cookie } = await registerAndConfirm(form);
    expect(res.headers.get("Location")).toBe(`/candidato/nuovo?redirectTo=${encodeURIComponent(`/offerte/${vacancy.id}`)}`);
    const prefill = await callRoute(firstCv.loader, request("/candidato/nuovo", { cookie }));
    expect((prefill.body as { values: Record<string, string> }).values).toMatchObject({
      firstName: "Luca",
      lastName: "Ferri",
      taxCode: form.taxCode,
      comune: "Milano (MI)",
      birthDate: "1985-08-01",
    });
    // A forged codice fiscale in the form is ignored: the account's verified one is used.
    const cvForm = candidateForm({ firstName: "Luca", lastName: "Ferri", email: form.email, taxCode: uniquePersonTaxCode() });
    const saved = await callRoute(
      firstCv.action,
      request(`/candidato/nuovo?redirectTo=${encodeURIComponent(`/offerte/${vacancy.id}`)}`, { cookie, form: cvForm }),
    );
    expect(saved.status).toBe(302);
    expect(saved.location).toBe(`/offerte/${vacancy.id}`);
    const cv = await db()
      .selectFrom("candidates")
      .select(["id", "tax_code", "protected_category"])
      .where("tax_code", "=", form.taxCode)
      .executeTakeFirstOrThrow();
    expect(cv.protected_category).toBe("none");
    const applied = await callRoute(
      publicPage.action,
      request(`/offerte/${vacancy.id}`, { cookie, form: { message: "Disponibile da subito" } }),
      { vacancyId: vacancy.id },
    );
    expect(applied.status).toBe(302);
    const rows = await db()
      .selectFrom("vacancy_applications")
      .select(["candidate_id", "status"])
      .where("vacancy_id", "=", vacancy.id)
      .execute();
    expect(rows).toEqual([{ candidate_id: cv.id, status: "submitted" }]);
  });
});
