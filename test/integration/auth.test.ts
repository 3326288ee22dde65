import { describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import * as login from "~/routes/accedi";
import * as logout from "~/routes/esci";
import * as password from "~/routes/profilo.password";
import * as officerHome from "~/routes/operatore._index";
import { cookieFor, createUserWithRole, request, TEST_PASSWORD } from "../support/factories";
import { callRoute, formErrorsOf } from "../support/routes";

describe("login, sessions and password", () => {
  it("logs in with the right password, audits it, and sends the officer to their desk", async () => {
    const officer = await createUserWithRole("preselection_officer");
    const ok = await callRoute(login.action, request("/accedi", { form: { email: officer.email.toUpperCase(), password: TEST_PASSWORD } }));
    expect(ok.status).toBe(302);
    expect(ok.location).toBe("/operatore");
    const entry = await getDb()
      .selectFrom("audit_log")
      .select("action")
      .where("actor_user_id", "=", officer.id)
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(entry.action).toBe("auth.login");
  });

  it("gives the same message for a wrong password and an unknown e-mail, then locks after repeated failures", async () => {
    const user = await createUserWithRole("admin");
    const wrong = await callRoute(login.action, request("/accedi", { form: { email: user.email, password: "sbagliata" } }));
    const unknown = await callRoute(login.action, request("/accedi", { form: { email: "nessuno@example.it", password: "sbagliata" } }));
    expect(wrong.status).toBe(400);
    expect(formErrorsOf(wrong.body)._form).toBe("E-mail o password non corrette.");
    expect(formErrorsOf(unknown.body)._form).toBe("E-mail o password non corrette.");
    for (let i = 0; i < 4; i++) await callRoute(login.action, request("/accedi", { form: { email: user.email, password: "sbagliata" } }));
    const locked = await callRoute(login.action, request("/accedi", { form: { email: user.email, password: TEST_PASSWORD } }));
    expect(locked.status).toBe(429);
    expect(formErrorsOf(locked.body)._form).toMatch(/bloccato/);
  });

  it("validates the login form with Italian messages", async () => {
    const outcome = await callRoute(login.action, request("/accedi", { form: { email: "non-una-email", password: "" } }));
    expect(outcome.status).toBe(400);
    const errors = formErrorsOf(outcome.body);
    expect(errors.email).toBe("Indirizzo e-mail non valido");
    expect(errors.password).toBe("Indica la password");
  });

  it("sends an expired or revoked session back to the login page with a notice", async () => {
    const officer = await createUserWithRole("placement_officer");
    const cookie = await cookieFor(officer.id);
    expect((await callRoute(officerHome.loader, request("/operatore", { cookie }))).status).toBe(200);
    await callRoute(logout.action, request("/esci", { cookie, method: "POST" }));
    const after = await callRoute(officerHome.loader, request("/operatore", { cookie }));
    expect(after.status).toBe(302);
    expect(after.location).toMatch(/^\/accedi\?redirectTo=%2Foperatore&scaduta=1$/);
  });

  it("changes the password only with the current one, and closes the other sessions", async () => {
    const officer = await createUserWithRole("preselection_officer");
    const current = await cookieFor(officer.id);
    const other = await cookieFor(officer.id);
    const wrong = await callRoute(
      password.action,
      request("/profilo/password", {
        cookie: current,
        form: { currentPassword: "sbagliata", newPassword: "nuova-password-lunga", confirmPassword: "nuova-password-lunga" },
      }),
    );
    expect(wrong.status).toBe(400);
    expect(formErrorsOf(wrong.body).currentPassword).toMatch(/non è corretta/);
    const mismatch = await callRoute(
      password.action,
      request("/profilo/password", {
        cookie: current,
        form: { currentPassword: TEST_PASSWORD, newPassword: "nuova-password-lunga", confirmPassword: "diversa-password" },
      }),
    );
    expect(formErrorsOf(mismatch.body).confirmPassword).toMatch(/non coincidono/);
    const ok = await callRoute(
      password.action,
      request("/profilo/password", {
        cookie: current,
        form: { currentPassword: TEST_PASSWORD, newPassword: "nuova-password-lunga", confirmPassword: "nuova-password-lunga" },
      }),
    );
    expect(ok.status).toBe(302);
    expect((await callRoute(officerHome.loader, request("/operatore", { cookie: current }))).status).toBe(200);
    expect((await callRoute(officerHome.loader, request("/operatore", { cookie: other }))).status).toBe(302);
    const relogin = await callRoute(login.action, request("/accedi", { form: { email: officer.email, password: "nuova-password-lunga" } }));
    expect(relogin.status).toBe(302);
  });

  it("refuses a common password or one made of the user's own e-mail, explaining why, and keeps the old one", async () => {
    const officer = await createUserWithRole("preselection_officer");
    const cookie = await cookieFor(officer.id);
    const change = (newPassword: string) =>
      callRoute(
        password.action,
        request("/profilo/password", { cookie, form: { currentPassword: TEST_PASSWORD, newPassword, confirmPassword: newPassword } }),
      );
    const common = await change("password1234");
    expect(common.status).toBe(400);
    expect(formErrorsOf(common.body).newPassword).toMatch(/tra le più usate/);
    const own = await change(officer.email);
    expect(formErrorsOf(own.body).newPassword).toMatch(/il tuo nome o la tua e-mail/);
    const relogin = await callRoute(login.action, request("/accedi", { form: { email: officer.email, password: TEST_PASSWORD } }));
    expect(relogin.status).toBe(302);
  });
});
