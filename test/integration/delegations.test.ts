import { describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import * as switchCompany from "~/routes/azienda.cambia-azienda";
import * as vacancies from "~/routes/azienda.offerte._index";
import * as vacancy from "~/routes/azienda.offerte.$vacancyId._index";
import * as users from "~/routes/azienda.utenti";
import * as acceptInvite from "~/routes/invito.$token";
import * as employerHome from "~/routes/azienda._index";
import { getCurrentUser } from "~/web/session.server";
import { cookieFor, createEmployer, createUserWithRole, request } from "../support/factories";
import { insertVacancy } from "../support/factories-vacancies";
import { callRoute, formErrorsOf } from "../support/routes";

/** A consultant delegated by A (first) and B, never by C; each company with one vacancy. */
async function world() {
  const [a, b, c] = [
    await createEmployer({ legalName: "Alfa S.r.l." }),
    await createEmployer({ legalName: "Beta S.r.l." }),
    await createEmployer(),
  ];
  const consultant = await createUserWithRole("employer", { employerId: a.id, employerRole: "delegate", alsoDelegatedBy: [b.id] });
  const repA = await createUserWithRole("employer", { employerId: a.id, employerRole: "legal_rep" });
  const repC = await createUserWithRole("employer", { employerId: c.id, employerRole: "legal_rep" });
  const vA = (await insertVacancy(a.id, { title: "Offerta di Alfa" })).id;
  const vB = (await insertVacancy(b.id, { title: "Offerta di Beta" })).id;
  const vC = (await insertVacancy(c.id, { title: "Offerta di Gamma" })).id;
  return { a, b, c, consultant, repA, repC, vA, vB, vC, cookie: await cookieFor(consultant.id) };
}

async function vacancyIds(cookie: string) {
  const outcome = await callRoute(vacancies.loader, request("/azienda/offerte", { cookie }));
  expect(outcome.status).toBe(200);
  return (outcome.body as { vacancies: { id: string }[] }).vacancies.map((v) => v.id);
}

const delegationIdOf = async (employerId: string, userId: string) =>
  (
    await getDb()
      .selectFrom("employer_delegations")
      .select("id")
      .where("employer_id", "=", employerId)
      .where("user_id", "=", userId)
      .where("revoked_at", "is", null)
      .executeTakeFirstOrThrow()
  ).id;

describe("labour consultant delegated by many companies", () => {
  it("works for one company at a time, switches, and never reaches a company that did not delegate them", async () => {
    const w = await world();
    const me = await getCurrentUser(request("/azienda", { cookie: w.cookie }));
    expect(me).toMatchObject({ employerId: w.a.id, employerRole: "delegate", employerName: "Alfa S.r.l." });
    expect(me!.companies.map((c) => c.name)).toEqual(["Alfa S.r.l.", "Beta S.r.l."]);
    expect(await vacancyIds(w.cookie)).toEqual([w.vA]);
    expect((await callRoute(vacancy.loader, request(`/azienda/offerte/${w.vB}`, { cookie: w.cookie }), { vacancyId: w.vB })).status).toBe(
      404,
    );

    const switched = await callRoute(
      switchCompany.action,
      request("/azienda/cambia-azienda", { cookie: w.cookie, form: { employerId: w.b.id } }),
    );
    expect(switched).toMatchObject({ status: 302, location: "/azienda" });
    expect(await vacancyIds(w.cookie)).toEqual([w.vB]);
    expect((await callRoute(vacancy.loader, request(`/azienda/offerte/${w.vB}`, { cookie: w.cookie }), { vacancyId: w.vB })).status).toBe(
      200,
    );
    expect((await callRoute(vacancy.loader, request(`/azienda/offerte/${w.vA}`, { cookie: w.cookie }), { vacancyId: w.vA })).status).toBe(
      404,
    );

    // C never delegated the consultant: switching is refused, the session stays on B, C's vacancy stays hidden.
    const refused = await callRoute(
      switchCompany.action,
      request("/azienda/cambia-azienda", { cookie: w.cookie, form: { employerId: w.c.id } }),
    );
    expect(refused.status).toBe(404);
    const bad = await callRoute(
      switchCompany.action,
      request("/azienda/cambia-azienda", { cookie: w.cookie, form: { employerId: "not-a-uuid" } }),
    );
    expect(bad.status).toBe(400);
    expect(await vacancyIds(w.cookie)).toEqual([w.vB]);
    expect((await callRoute(vacancy.loader, request(`/azienda/offerte/${w.vC}`, { cookie: w.cookie }), { vacancyId: w.vC })).status).toBe(
      404,
    );
    // A session row pointed at C by hand (a stale or forged choice) falls back to an allowed company.
    await getDb().updateTable("sessions").set({ active_employer_id: w.c.id }).where("user_id", "=", w.consultant.id).execute();
    expect((await getCurrentUser(request("/azienda", { cookie: w.cookie })))!.employerId).toBe(w.a.id);

    // Each session has its own active company.
    const other = await cookieFor(w.consultant.id);
    await callRoute(switchCompany.action, request("/azienda/cambia-azienda", { cookie: other, form: { employerId: w.b.id } }));
    expect(await vacancyIds(other)).toEqual([w.vB]);
    expect(await vacancyIds(w.cookie)).toEqual([w.vA]);

    const audit = await getDb()
      .selectFrom("audit_log")
      .select(["action", "employer_id"])
      .where("actor_user_id", "=", w.consultant.id)
      .where("action", "=", "session.employer_switched")
      .execute();
    expect(audit.map((r) => r.employer_id)).toEqual([w.b.id, w.b.id]);
  });

  it("a revoked delegation takes effect on the consultant's very next request, audited", async () => {
    const w = await world();
    expect(await vacancyIds(w.cookie)).toEqual([w.vA]);
    const delegationId = await delegationIdOf(w.a.id, w.consultant.id);

    // Not the consultant, not a colleague, not another company's legal representative.
    const colleague = await createUserWithRole("employer", { employerId: w.a.id, employerRole: "colleague" });
    for (const cookie of [w.cookie, await cookieFor(colleague.id)])
      expect((await callRoute(users.action, request("/azienda/utenti", { cookie, form: { intent: "revoke", delegationId } }))).status).toBe(
        403,
      );
    expect(
      (
        await callRoute(
          users.action,
          request("/azienda/utenti", { cookie: await cookieFor(w.repC.id), form: { intent: "revoke", delegationId } }),
        )
      ).status,
    ).toBe(404);

    const repCookie = await cookieFor(w.repA.id);
    const listed = await callRoute(users.loader, request("/azienda/utenti", { cookie: repCookie }));
    expect(
      (listed.body as { users: { id: string; delegation_id: string | null }[] }).users.find((u) => u.id === w.consultant.id)?.delegation_id,
    ).toBe(delegationId);
    const revoked = await callRoute(
      users.action,
      request("/azienda/utenti", { cookie: repCookie, form: { intent: "revoke", delegationId } }),
    );
    expect(revoked).toMatchObject({ status: 302, location: "/azienda/utenti" });
    expect(
      (await callRoute(users.action, request("/azienda/utenti", { cookie: repCookie, form: { intent: "revoke", delegationId } }))).status,
    ).toBe(404);

    // Same session, next request: A is gone, B is active, A's data unreachable, switching back refused.
    const me = await getCurrentUser(request("/azienda", { cookie: w.cookie }));
    expect(me!.companies.map((c) => c.id)).toEqual([w.b.id]);
    expect(me!.employerId).toBe(w.b.id);
    expect(await vacancyIds(w.cookie)).toEqual([w.vB]);
    expect((await callRoute(vacancy.loader, request(`/azienda/offerte/${w.vA}`, { cookie: w.cookie }), { vacancyId: w.vA })).status).toBe(
      404,
    );
    expect(
      (await callRoute(switchCompany.action, request("/azienda/cambia-azienda", { cookie: w.cookie, form: { employerId: w.a.id } })))
        .status,
    ).toBe(404);

    // Revoked by B as well: no company left, a page that says so (and no employer page answers).
    const repB = await createUserWithRole("employer", { employerId: w.b.id, employerRole: "legal_rep" });
    await callRoute(
      users.action,
      request("/azienda/utenti", {
        cookie: await cookieFor(repB.id),
        form: { intent: "revoke", delegationId: await delegationIdOf(w.b.id, w.consultant.id) },
      }),
    );
    const home = await callRoute(employerHome.loader, request("/azienda", { cookie: w.cookie }));
    expect(home).toMatchObject({ status: 200, body: { employer: null } });
    expect((await callRoute(vacancies.loader, request("/azienda/offerte", { cookie: w.cookie }))).status).toBe(403);

    const audit = await getDb()
      .selectFrom("audit_log")
      .select(["action", "actor_user_id", "entity_id"])
      .where("action", "=", "employer.delegation_revoked")
      .where("entity_id", "=", delegationId)
      .execute();
    expect(audit).toEqual([{ action: "employer.delegation_revoked", actor_user_id: w.repA.id, entity_id: delegationId }]);
    const row = await getDb()
      .selectFrom("employer_delegations")
      .select(["revoked_by", "revoked_at"])
      .where("id", "=", delegationId)
      .executeTakeFirstOrThrow();
    expect(row.revoked_by).toBe(w.repA.id);
    expect(row.revoked_at).toBeInstanceOf(Date);
  });

  it("an invitation to a consultant who already has an account attaches that account", async () => {
    const w = await world();
    const repCookie = await cookieFor(w.repC.id);
    const invited = await callRoute(
      users.action,
      request("/azienda/utenti", { cookie: repCookie, form: { email: w.consultant.email.toUpperCase(), employerRole: "delegate" } }),
    );
    expect(invited.status).toBe(200);
    expect(invited.body).toMatchObject({ existingAccount: true });
    const token = (invited.body as { link: string }).link.split("/invito/")[1];

    // The link page asks to log in; anonymous acceptance goes to the login page; someone else is refused.
    const page = await callRoute(acceptInvite.loader, request(`/invito/${token}`), { token });
    expect(page.body).toMatchObject({ invitation: { has_account: true }, isInvitee: false, loggedInAs: null });
    const anonymous = await callRoute(acceptInvite.action, request(`/invito/${token}`, { form: {} }), { token });
    expect(anonymous.location).toMatch(/^\/accedi/);
    const stranger = await callRoute(acceptInvite.action, request(`/invito/${token}`, { cookie: await cookieFor(w.repA.id), form: {} }), {
      token,
    });
    expect(stranger.status).toBe(409);

    const accepted = await callRoute(acceptInvite.action, request(`/invito/${token}`, { cookie: w.cookie, form: {} }), { token });
    expect(accepted).toMatchObject({ status: 302, location: "/azienda" });
    const me = await getCurrentUser(request("/azienda", { cookie: w.cookie }));
    expect(me!.companies).toHaveLength(3);
    expect(me!.employerId).toBe(w.c.id);
    expect(await vacancyIds(w.cookie)).toEqual([w.vC]);
    // Reused link: «già usato o scaduto», never a 500.
    const again = await callRoute(acceptInvite.action, request(`/invito/${token}`, { cookie: w.cookie, form: {} }), { token });
    expect(again.status).toBe(410);

    const granted = await getDb()
      .selectFrom("audit_log")
      .select(["actor_user_id", "details"])
      .where("action", "=", "employer.delegation_granted")
      .where("employer_id", "=", w.c.id)
      .execute();
    expect(granted).toHaveLength(1);
    expect(granted[0]).toMatchObject({ actor_user_id: w.consultant.id, details: { userId: w.consultant.id, grantedBy: w.repC.id } });

    // Already delegated; as a colleague of a second company; an officer's address: clear refusals.
    const refuse = async (email: string, employerRole: string) =>
      callRoute(users.action, request("/azienda/utenti", { cookie: repCookie, form: { email, employerRole } }));
    expect(formErrorsOf((await refuse(w.consultant.email, "delegate")).body)).toMatchObject({
      email: "Questa persona opera già per l'azienda",
    });
    expect(formErrorsOf((await refuse(w.repA.email, "colleague")).body)).toMatchObject({
      email: expect.stringMatching(/un collaboratore appartiene a una sola azienda/),
    });
    const officer = await createUserWithRole("preselection_officer");
    expect(formErrorsOf((await refuse(officer.email, "delegate")).body)).toMatchObject({ email: expect.stringMatching(/non è aziendale/) });
    // A legal representative of another company can be delegated (a consultancy firm): the role is per company.
    const repInvite = await refuse(w.repA.email, "delegate");
    expect(repInvite.body).toMatchObject({ existingAccount: true });
  });

  it("a new consultant account created from an invitation belongs to no company but the delegating one", async () => {
    const w = await world();
    const email = `nuovo-consulente-${Date.now()}@example.it`;
    const invited = await callRoute(
      users.action,
      request("/azienda/utenti", { cookie: await cookieFor(w.repC.id), form: { email, employerRole: "delegate" } }),
    );
    const token = (invited.body as { link: string }).link.split("/invito/")[1];
    const password = "ombrello-verde-del-lunedi";
    const accepted = await callRoute(
      acceptInvite.action,
      request(`/invito/${token}`, { form: { fullName: "Nuovo Consulente", password, confirmPassword: password } }),
      { token },
    );
    expect(accepted.status).toBe(302);
    const user = await getDb()
      .selectFrom("users")
      .select(["id", "employer_id", "employer_role"])
      .where("email", "=", email)
      .executeTakeFirstOrThrow();
    expect(user).toMatchObject({ employer_id: null, employer_role: "delegate" });
    const me = await getCurrentUser(request("/azienda", { cookie: await cookieFor(user.id) }));
    expect(me).toMatchObject({ employerId: w.c.id, employerRole: "delegate" });
  });
});
