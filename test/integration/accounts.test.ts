import { describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import { setUserActive, updateUserAccount } from "~/domain/identity/accounts.server";
import { DomainError } from "~/domain/errors";
import { requestPasswordReset } from "~/domain/identity/password-reset.server";
import * as login from "~/routes/accedi";
import * as adminUsers from "~/routes/admin.utenti";
import * as adminUser from "~/routes/admin.utenti_.$userId";
import * as employerUsers from "~/routes/azienda.utenti";
import * as employerHome from "~/routes/azienda._index";
import * as acceptInvite from "~/routes/invito.$token";
import * as officerHome from "~/routes/operatore._index";
import * as forgotten from "~/routes/password-dimenticata";
import * as changePassword from "~/routes/profilo.password";
import * as resetLink from "~/routes/reimposta-password.$token";
import { cookieFor, createEmployer, createUserWithRole, request, TEST_PASSWORD } from "../support/factories";
import { callRoute, formErrorsOf } from "../support/routes";

const db = () => getDb();
const NEW_PASSWORD = "girasole-tranquillo-sul-tetto";
/** The messages of a form's answer, whether the form is on conform or not yet. */
const errorsOf = (outcome: { body: unknown }) => formErrorsOf(outcome.body);

async function lastMailTo(email: string) {
  return db()
    .selectFrom("mail_outbox")
    .select(["body_text", "subject"])
    .where("to_address", "=", email)
    .orderBy("id", "desc")
    .executeTakeFirst();
}
const tokenIn = (body: string, path: string) => new RegExp(`/${path}/([A-Za-z0-9_-]+)`).exec(body)![1];

async function auditActions(entityId: string) {
  const rows = await db().selectFrom("audit_log").select("action").where("entity_id", "=", entityId).orderBy("id").execute();
  return rows.map((r) => r.action);
}

const ipContext = (ip: string) => ({ clientIp: ip });
const forgot = (email: string, ip = "198.51.100.1") =>
  forgotten.action({ request: request("/password-dimenticata", { form: { email } }), params: {}, context: ipContext(ip) });

describe("invitations: a reused or superseded link never answers 500", () => {
  async function invite(cookie: string, email: string) {
    const outcome = await callRoute(
      employerUsers.action,
      request("/azienda/utenti", { cookie, form: { email, employerRole: "colleague" } }),
    );
    expect(outcome.status, JSON.stringify(outcome.body)).toBe(200);
    return tokenIn((outcome.body as { link: string }).link, "invito");
  }
  const accept = (token: string) =>
    callRoute(
      acceptInvite.action,
      request(`/invito/${token}`, { form: { fullName: "Paola Neri", password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD } }),
      { token },
    );

  it("two companies invite the same e-mail: after the first is accepted the second link says «invito già usato o scaduto»", async () => {
    const repA = await createUserWithRole("employer", { employerId: (await createEmployer()).id });
    const repB = await createUserWithRole("employer", { employerId: (await createEmployer()).id });
    const email = `doppio-${Date.now()}@example.it`;
    const first = await invite(await cookieFor(repA.id), email);
    const second = await invite(await cookieFor(repB.id), email);
    expect((await accept(first)).status).toBe(302);
    const page = await callRoute(acceptInvite.loader, request(`/invito/${second}`), { token: second });
    expect(page.status).toBe(410);
    const submitted = await accept(second);
    expect(submitted.status).toBe(410);
    expect(errorsOf(submitted)._form).toMatch(/^Invito già usato o scaduto/);
  });

  it("inviting the same person again supersedes the first link; cancelling an invitation stops its link", async () => {
    const employer = await createEmployer();
    const rep = await createUserWithRole("employer", { employerId: employer.id });
    const cookie = await cookieFor(rep.id);
    const email = `di-nuovo-${Date.now()}@example.it`;
    const old = await invite(cookie, email);
    const fresh = await invite(cookie, email);
    expect((await accept(old)).status).toBe(410);
    const invitation = await db()
      .selectFrom("employer_invitations")
      .select("id")
      .where("email", "=", email)
      .where("revoked_at", "is", null)
      .executeTakeFirstOrThrow();
    const cancelled = await callRoute(
      employerUsers.action,
      request("/azienda/utenti", { cookie, form: { intent: "cancel_invitation", invitationId: invitation.id } }),
    );
    expect(cancelled.status).toBe(302);
    expect((await accept(fresh)).status).toBe(410);
    // Cancelling it again (a second tab) is a clear 409, not a 500.
    const again = await callRoute(
      employerUsers.action,
      request("/azienda/utenti", { cookie, form: { intent: "cancel_invitation", invitationId: invitation.id } }),
    );
    expect(again.status).toBe(409);
    expect(await auditActions(invitation.id)).toContain("employer.invitation_cancelled");
  });

  it("two invitations to one e-mail accepted at the same time: one account, the other told the invitation is used", async () => {
    const repA = await createUserWithRole("employer", { employerId: (await createEmployer()).id });
    const repB = await createUserWithRole("employer", { employerId: (await createEmployer()).id });
    const email = `insieme-${Date.now()}@example.it`;
    const [a, b] = [await invite(await cookieFor(repA.id), email), await invite(await cookieFor(repB.id), email)];
    const outcomes = await Promise.all([accept(a), accept(b)]);
    // 410 whether the second request came while the first was creating the account or after it had finished.
    expect(outcomes.map((o) => o.status).sort()).toEqual([302, 410]);
    expect(errorsOf(outcomes.find((o) => o.status === 410)!)._form).toMatch(/^Invito già usato o scaduto/);
    expect((await db().selectFrom("users").select("id").where("email", "=", email).execute()).length).toBe(1);
  });
});

describe("password reset by e-mail link", () => {
  it("answers the same for a known and an unknown e-mail, mails only the known one, and the link works once", async () => {
    const officer = await createUserWithRole("preselection_officer");
    const known = await forgot(officer.email, "198.51.100.10");
    const unknown = await forgot(`nessuno-${Date.now()}@example.it`, "198.51.100.10");
    expect(JSON.stringify(known)).toBe(JSON.stringify(unknown).replace(/nessuno-\d+@example\.it/, officer.email));
    const mail = await lastMailTo(officer.email);
    expect(mail?.subject).toBe("Rosa: reimposta la password");
    const token = tokenIn(mail!.body_text, "reimposta-password");

    const other = await cookieFor(officer.id);
    expect((await callRoute(resetLink.loader, request(`/reimposta-password/${token}`), { token })).status).toBe(200);
    const weak = await callRoute(
      resetLink.action,
      request(`/reimposta-password/${token}`, { form: { newPassword: "password1234", confirmPassword: "password1234" } }),
      { token },
    );
    expect(weak.status).toBe(400);
    expect(errorsOf(weak).newPassword).toMatch(/tra le più usate/);
    const ok = await callRoute(
      resetLink.action,
      request(`/reimposta-password/${token}`, { form: { newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD } }),
      { token },
    );
    expect(ok.status).toBe(302);
    expect(ok.location).toBe("/accedi");
    // Every session of the account is closed; the new password works, the old one no longer.
    expect((await callRoute(officerHome.loader, request("/operatore", { cookie: other }))).location).toMatch(/^\/accedi/);
    expect((await callRoute(login.action, request("/accedi", { form: { email: officer.email, password: TEST_PASSWORD } }))).status).toBe(
      400,
    );
    expect((await callRoute(login.action, request("/accedi", { form: { email: officer.email, password: NEW_PASSWORD } }))).status).toBe(
      302,
    );
    // Used once: the page and the form say so.
    expect((await callRoute(resetLink.loader, request(`/reimposta-password/${token}`), { token })).status).toBe(410);
    const reused = await callRoute(
      resetLink.action,
      request(`/reimposta-password/${token}`, { form: { newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD } }),
      { token },
    );
    expect(reused.status).toBe(410);
    expect(errorsOf(reused)._form).toMatch(/già usato o scaduto/);
    expect(await auditActions(officer.id)).toEqual(expect.arrayContaining(["auth.password_reset_requested", "user.password_reset"]));
  });

  it("a newer link supersedes the older one, an expired link is refused, a disabled account gets no e-mail", async () => {
    const officer = await createUserWithRole("placement_officer");
    await forgot(officer.email, "198.51.100.11");
    const first = tokenIn((await lastMailTo(officer.email))!.body_text, "reimposta-password");
    await forgot(officer.email, "198.51.100.11");
    const second = tokenIn((await lastMailTo(officer.email))!.body_text, "reimposta-password");
    expect((await callRoute(resetLink.loader, request(`/reimposta-password/${first}`), { token: first })).status).toBe(410);
    await db()
      .updateTable("password_resets")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where("user_id", "=", officer.id)
      .execute();
    expect((await callRoute(resetLink.loader, request(`/reimposta-password/${second}`), { token: second })).status).toBe(410);

    const disabled = await createUserWithRole("preselection_officer");
    await db().updateTable("users").set({ active: false }).where("id", "=", disabled.id).execute();
    expect((await forgot(disabled.email, "198.51.100.12")) as unknown).toEqual({
      sent: disabled.email,
      errors: undefined,
      values: undefined,
    });
    expect(await lastMailTo(disabled.email)).toBeUndefined();
  });

  it("clears the failed-login lockout of the account", async () => {
    const officer = await createUserWithRole("preselection_officer");
    for (let i = 0; i < 5; i++)
      await callRoute(login.action, request("/accedi", { form: { email: officer.email, password: "sbagliata" } }));
    expect((await callRoute(login.action, request("/accedi", { form: { email: officer.email, password: TEST_PASSWORD } }))).status).toBe(
      429,
    );
    await forgot(officer.email, "198.51.100.13");
    const token = tokenIn((await lastMailTo(officer.email))!.body_text, "reimposta-password");
    await callRoute(
      resetLink.action,
      request(`/reimposta-password/${token}`, { form: { newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD } }),
      { token },
    );
    expect((await callRoute(login.action, request("/accedi", { form: { email: officer.email, password: NEW_PASSWORD } }))).status).toBe(
      302,
    );
  });

  it("limits requests per e-mail and per IP, for existing and unknown addresses alike", async () => {
    const email = `limite-${Date.now()}@example.it`;
    const limits = { perEmail: 3, perIp: 5, windowMinutes: 60 };
    const base = { ip: `203.0.113.${Math.floor(Math.random() * 200)}`, baseUrl: "http://localhost" };
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await requestPasswordReset(db(), { ...base, email }, limits));
    expect(results.map((r) => r.ok)).toEqual([true, true, true, false]);
    // Same IP, other addresses: the fifth request from the IP is the last accepted.
    const more = [];
    for (let i = 0; i < 3; i++) more.push(await requestPasswordReset(db(), { ...base, email: `altro-${i}-${email}` }, limits));
    expect(more.map((r) => r.ok)).toEqual([true, true, false]);
    // Parallel requests cannot slip past the limit.
    const fresh = `parallelo-${Date.now()}@example.it`;
    const parallel = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        requestPasswordReset(db(), { ip: `203.0.114.${i}`, baseUrl: "http://localhost", email: fresh }, limits),
      ),
    );
    expect(parallel.filter((r) => r.ok).length).toBe(3);
    // The route answers 429 with an Italian message.
    for (let i = 0; i < 3; i++) await forgot(email, "198.51.100.14");
    const limited = await callRoute(forgotten.action as never, request("/password-dimenticata", { form: { email } }));
    expect(limited.status).toBe(429);
    expect(errorsOf(limited)._form).toMatch(/Troppe richieste/);
  });

  it("takes a similar time whether or not the e-mail exists", async () => {
    const officer = await createUserWithRole("preselection_officer");
    const time = async (email: string, i: number) => {
      const started = performance.now();
      await requestPasswordReset(
        db(),
        { email, ip: `192.0.2.${i}`, baseUrl: "http://localhost" },
        { perEmail: 100, perIp: 100, windowMinutes: 60 },
      );
      return performance.now() - started;
    };
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 15; i++) {
      known.push(await time(officer.email, i));
      unknown.push(await time(`assente-${i}-${Date.now()}@example.it`, i));
    }
    const [k, u] = [median(known), median(unknown)];
    console.log(`reset request: median ${k.toFixed(1)} ms for an existing account, ${u.toFixed(1)} ms for an unknown e-mail`);
    expect(Math.abs(k - u)).toBeLessThan(Math.max(15, 0.5 * Math.max(k, u)));
  });
});

describe("forced password change for accounts created by an administrator", () => {
  it("sends the new officer to the change-password page from every page until they change it", async () => {
    const admin = await createUserWithRole("admin");
    const email = `nuovo-operatore-${Date.now()}@example.it`;
    const created = await callRoute(
      adminUsers.action,
      request("/admin/utenti", {
        cookie: await cookieFor(admin.id),
        form: {
          fullName: "Luca Bianchi",
          email,
          role: "preselection_officer",
          officeProvince: "MI",
          password: "provvisoria-lunga-casuale",
        },
      }),
    );
    expect(created.status, JSON.stringify(created.body)).toBe(302);
    const loggedIn = await callRoute(
      login.action,
      request("/accedi", { form: { email, password: "provvisoria-lunga-casuale", redirectTo: "/operatore/offerte" } }),
    );
    expect(loggedIn.location).toBe("/profilo/password");
    const cookie =
      loggedIn.status === 302
        ? await cookieFor((await db().selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id)
        : "";
    expect((await callRoute(officerHome.loader, request("/operatore", { cookie }))).location).toBe("/profilo/password");
    const page = await callRoute(changePassword.loader, request("/profilo/password", { cookie }));
    expect(page.body).toEqual({ forced: true });
    const changed = await callRoute(
      changePassword.action,
      request("/profilo/password", {
        cookie,
        form: { currentPassword: "provvisoria-lunga-casuale", newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
      }),
    );
    expect(changed.status).toBe(302);
    expect((await callRoute(officerHome.loader, request("/operatore", { cookie }))).status).toBe(200);
  });
});

describe("administrator user management", () => {
  async function edit(adminCookie: string, userId: string, form: Record<string, string>) {
    return callRoute(adminUser.action, request(`/admin/utenti/${userId}`, { cookie: adminCookie, form }), { userId });
  }
  const versionOf = async (id: string) =>
    (await db().selectFrom("users").select("version").where("id", "=", id).executeTakeFirstOrThrow()).version;

  it("edits name, e-mail, province and role, refusing a province not in the list, all audited", async () => {
    const admin = await createUserWithRole("admin");
    const cookie = await cookieFor(admin.id);
    const officer = await createUserWithRole("preselection_officer");
    const officerCookie = await cookieFor(officer.id);
    const bad = await edit(cookie, officer.id, {
      intent: "update",
      version: "1",
      fullName: "Anna Rossi",
      email: officer.email,
      role: "preselection_officer",
      officeProvince: "XX",
    });
    expect(bad.status).toBe(400);
    expect(errorsOf(bad).officeProvince).toBe("Scegli la provincia dall'elenco");
    const newEmail = `anna-${Date.now()}@example.it`;
    const ok = await edit(cookie, officer.id, {
      intent: "update",
      version: "1",
      fullName: "Anna Rossi",
      email: newEmail,
      role: "placement_officer",
      officeProvince: "tn",
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(302);
    const row = await db()
      .selectFrom("users")
      .select(["full_name", "email", "role", "office_province", "version"])
      .where("id", "=", officer.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ full_name: "Anna Rossi", email: newEmail, role: "placement_officer", office_province: "TN", version: 2 });
    // A new role: the open sessions start again from the login.
    expect((await callRoute(officerHome.loader, request("/operatore", { cookie: officerCookie }))).location).toMatch(/^\/accedi/);
    // A stale tab (old version) is told to reload.
    const stale = await edit(cookie, officer.id, {
      intent: "update",
      version: "1",
      fullName: "Anna Verdi",
      email: newEmail,
      role: "placement_officer",
      officeProvince: "TN",
    });
    expect(stale.status).toBe(409);
    // Creating an officer with "XX" is refused too.
    const created = await callRoute(
      adminUsers.action,
      request("/admin/utenti", {
        cookie,
        form: {
          fullName: "Ugo Neri",
          email: `ugo-${Date.now()}@example.it`,
          role: "preselection_officer",
          officeProvince: "XX",
          password: NEW_PASSWORD,
        },
      }),
    );
    expect(errorsOf(created).officeProvince).toBe("Scegli la provincia dall'elenco");
    const audit = await db()
      .selectFrom("audit_log")
      .select("details")
      .where("entity_id", "=", officer.id)
      .where("action", "=", "user.updated")
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({
      changes: { role: { from: "preselection_officer", to: "placement_officer" }, officeProvince: { from: "MI", to: "TN" } },
    });
  });

  it("disables an account (no login, open sessions end) and enables it again; refuses disabling oneself", async () => {
    const admin = await createUserWithRole("admin");
    const cookie = await cookieFor(admin.id);
    const employer = await createEmployer();
    const rep = await createUserWithRole("employer", { employerId: employer.id });
    const repCookie = await cookieFor(rep.id);
    const disabled = await edit(cookie, rep.id, { intent: "disable", version: String(await versionOf(rep.id)) });
    expect(disabled.status).toBe(302);
    expect((await callRoute(employerHome.loader, request("/azienda", { cookie: repCookie }))).location).toMatch(/^\/accedi/);
    expect((await callRoute(login.action, request("/accedi", { form: { email: rep.email, password: TEST_PASSWORD } }))).status).toBe(400);
    // The same button in a second tab: nothing to do, no error.
    expect((await edit(cookie, rep.id, { intent: "disable", version: "1" })).status).toBe(409);
    expect((await edit(cookie, rep.id, { intent: "enable", version: String(await versionOf(rep.id)) })).status).toBe(302);
    expect((await callRoute(login.action, request("/accedi", { form: { email: rep.email, password: TEST_PASSWORD } }))).status).toBe(302);
    const self = await edit(cookie, admin.id, { intent: "disable", version: String(await versionOf(admin.id)) });
    expect(self.status).toBe(409);
    const demote = await edit(cookie, admin.id, {
      intent: "update",
      version: String(await versionOf(admin.id)),
      fullName: "Io Stesso",
      email: admin.email,
      role: "preselection_officer",
      officeProvince: "MI",
    });
    expect(errorsOf(demote).role).toMatch(/Non puoi togliere a te stesso/);
    // An employer's role is not the administrator's to change.
    const role = await edit(cookie, rep.id, {
      intent: "update",
      version: String(await versionOf(rep.id)),
      fullName: "Mario Rossi",
      email: rep.email,
      role: "admin",
    });
    expect(errorsOf(role).role).toMatch(/non si può cambiare/);
    expect(await auditActions(rep.id)).toEqual(expect.arrayContaining(["user.disabled", "user.enabled"]));
  });

  it("keeps at least one active administrator when two disable each other from stale pages", async () => {
    const a = await createUserWithRole("admin");
    const b = await createUserWithRole("admin");
    const actor = (id: string) => ({ userId: id, role: "admin", ip: "127.0.0.1" });
    const refused = await db()
      .transaction()
      .execute(async (trx) => {
        // Only these two are active administrators (rolled back below).
        await trx.updateTable("users").set({ active: false }).where("role", "=", "admin").where("id", "not in", [a.id, b.id]).execute();
        await setUserActive(trx, actor(a.id), { userId: b.id, version: 1, active: false });
        const error = await updateUserAccount(trx, actor(b.id), {
          userId: a.id,
          version: 1,
          fullName: "A",
          email: a.email,
          role: "preselection_officer",
          officeProvince: "MI",
        }).catch((e: unknown) => e);
        const error2 = await setUserActive(trx, actor(b.id), { userId: a.id, version: 1, active: false }).catch((e: unknown) => e);
        await trx.updateTable("users").set({ active: true }).where("id", "=", "00000000-0000-0000-0000-000000000000").execute();
        throw Object.assign(new Error("rollback"), { outcome: [error, error2] });
      })
      .catch((e: { outcome: unknown[] }) => e.outcome);
    for (const e of refused) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).message).toBe("Deve restare almeno un amministratore attivo");
    }
  });

  it("sends a reset link the user can use; the administrator never learns the password", async () => {
    const admin = await createUserWithRole("admin");
    const officer = await createUserWithRole("placement_officer");
    const sent = await edit(await cookieFor(admin.id), officer.id, { intent: "reset" });
    expect(sent.status).toBe(302);
    const mail = await lastMailTo(officer.email);
    expect(mail?.body_text).toMatch(/L'amministratore di Rosa ti ha inviato/);
    const token = tokenIn(mail!.body_text, "reimposta-password");
    const ok = await callRoute(
      resetLink.action,
      request(`/reimposta-password/${token}`, { form: { newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD } }),
      { token },
    );
    expect(ok.status).toBe(302);
    expect(await auditActions(officer.id)).toEqual(expect.arrayContaining(["user.password_reset_sent", "user.password_reset"]));
  });
});

describe("the legal representative manages the company's people", () => {
  it("removes a colleague (no login, sessions end, no longer listed); a colleague cannot; the legal representative cannot be removed", async () => {
    const employer = await createEmployer();
    const rep = await createUserWithRole("employer", { employerId: employer.id, employerRole: "legal_rep" });
    const colleague = await createUserWithRole("employer", { employerId: employer.id, employerRole: "colleague" });
    const other = await createUserWithRole("employer", { employerId: (await createEmployer()).id, employerRole: "colleague" });
    const repCookie = await cookieFor(rep.id);
    const colleagueCookie = await cookieFor(colleague.id);
    const refused = await callRoute(
      employerUsers.action,
      request("/azienda/utenti", { cookie: colleagueCookie, form: { intent: "remove", userId: rep.id } }),
    );
    expect(refused.status).toBe(403);
    const self = await callRoute(
      employerUsers.action,
      request("/azienda/utenti", { cookie: repCookie, form: { intent: "remove", userId: rep.id } }),
    );
    expect(self.status).toBe(400);
    const foreign = await callRoute(
      employerUsers.action,
      request("/azienda/utenti", { cookie: repCookie, form: { intent: "remove", userId: other.id } }),
    );
    expect(foreign.status).toBe(409);
    expect((await db().selectFrom("users").select("active").where("id", "=", other.id).executeTakeFirstOrThrow()).active).toBe(true);
    const removed = await callRoute(
      employerUsers.action,
      request("/azienda/utenti", { cookie: repCookie, form: { intent: "remove", userId: colleague.id } }),
    );
    expect(removed.status).toBe(302);
    expect((await callRoute(employerHome.loader, request("/azienda", { cookie: colleagueCookie }))).location).toMatch(/^\/accedi/);
    expect((await callRoute(login.action, request("/accedi", { form: { email: colleague.email, password: TEST_PASSWORD } }))).status).toBe(
      400,
    );
    const list = await callRoute(employerUsers.loader, request("/azienda/utenti", { cookie: repCookie }));
    expect((list.body as { users: { id: string }[] }).users.map((u) => u.id)).toEqual([rep.id]);
    // Removing again from a stale tab: a clear message.
    const twice = await callRoute(
      employerUsers.action,
      request("/azienda/utenti", { cookie: repCookie, form: { intent: "remove", userId: colleague.id } }),
    );
    expect(twice.status).toBe(409);
    expect(await auditActions(colleague.id)).toContain("employer.user_removed");
  });
});
