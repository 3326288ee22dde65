import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import * as registration from "~/routes/registrazione";
import * as review from "~/routes/operatore.aziende.$employerId";
import * as employerHome from "~/routes/azienda._index";
import * as invite from "~/routes/azienda.utenti";
import * as acceptInvite from "~/routes/invito.$token";
import { cookieFor, createUserWithRole, request, uniqueCompanyTaxCode } from "../support/factories";
import { callRoute, formErrorsOf } from "../support/routes";

function registrationForm(overrides: Record<string, string> = {}) {
  const taxCode = uniqueCompanyTaxCode();
  return {
    fullName: "Giulia Bianchi",
    email: `legale-${taxCode}@example.it`,
    password: "una-password-lunga",
    confirmPassword: "una-password-lunga",
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
    "sites.0.label": "Laboratorio",
    "sites.0.address": "Via Rubattino 8",
    "sites.0.comune": "Segrate",
    privacy: "on",
    ...overrides,
  };
}

async function register(form: Record<string, string>) {
  return callRoute(registration.action, request("/registrazione", { form }));
}

describe("employer registration and validation", () => {
  it("registers a company as pending, then an officer validates it, all audited", async () => {
    const form = registrationForm();
    const outcome = await register(form);
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe("/azienda");

    const db = getDb();
    const employer = await db.selectFrom("employers").selectAll().where("tax_code", "=", form.taxCode).executeTakeFirstOrThrow();
    expect(employer.status).toBe("pending");
    const sites = await db.selectFrom("employer_sites").select(["label", "comune_code"]).where("employer_id", "=", employer.id).execute();
    expect(sites).toHaveLength(1);
    const legalRep = await db.selectFrom("users").selectAll().where("email", "=", form.email).executeTakeFirstOrThrow();
    expect(legalRep).toMatchObject({ role: "employer", employer_role: "legal_rep", employer_id: employer.id });
    expect(legalRep.password_hash).toMatch(/^\$argon2id\$/);

    // The legal rep sees the company as pending.
    const repCookie = await cookieFor(legalRep.id);
    const home = await callRoute(employerHome.loader, request("/azienda", { cookie: repCookie }));
    expect((home.body as { employer: { status: string } }).employer.status).toBe("pending");

    // Rejecting without a reason is refused and changes nothing.
    const officer = await createUserWithRole("preselection_officer");
    const officerCookie = await cookieFor(officer.id);
    const params = { employerId: employer.id };
    const noReason = await callRoute(
      review.action,
      request(`/operatore/aziende/${employer.id}`, { cookie: officerCookie, form: { decision: "reject", reason: "", version: "1" } }),
      params,
    );
    expect(noReason.status).toBe(400);
    expect(formErrorsOf(noReason.body).reason).toMatch(/perché/);

    const validated = await callRoute(
      review.action,
      request(`/operatore/aziende/${employer.id}`, { cookie: officerCookie, form: { decision: "validate", reason: "", version: "1" } }),
      params,
    );
    expect(validated.status).toBe(302);
    const after = await db
      .selectFrom("employers")
      .select(["status", "status_changed_by", "version"])
      .where("id", "=", employer.id)
      .executeTakeFirstOrThrow();
    expect(after).toMatchObject({ status: "validated", status_changed_by: officer.id, version: 2 });

    // A second officer working from the old page (version 1) gets a conflict, not a silent overwrite.
    const stale = await callRoute(
      review.action,
      request(`/operatore/aziende/${employer.id}`, {
        cookie: officerCookie,
        form: { decision: "reject", reason: "Dati della visura non coerenti", version: "1" },
      }),
      params,
    );
    expect(stale.status).toBe(409);

    const audit = await db
      .selectFrom("audit_log")
      .select(["action", "actor_user_id"])
      .where("employer_id", "=", employer.id)
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["user.created", "employer.registered", "employer.validate"]);
    expect(audit[2].actor_user_id).toBe(officer.id);
    const mail = await db
      .selectFrom("mail_outbox")
      .select("subject")
      .where("to_address", "=", "giulia@example.it")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(mail.subject).toMatch(/convalidata/);
  });

  it("refuses a bad codice fiscale, an unknown comune and a duplicate, keeping what was typed and saving nothing", async () => {
    const bad = registrationForm({ taxCode: "12345678901", vatNumber: "" });
    const outcome = await register(bad);
    expect(outcome.status).toBe(400);
    const values = (outcome.body as { result: { initialValue: Record<string, unknown> } }).result.initialValue;
    expect(formErrorsOf(outcome.body).taxCode).toMatch(/non valido/);
    expect(values.legalName).toBe(bad.legalName);
    expect(values.password).toBeUndefined();

    const unknownComune = await register(registrationForm({ legalComune: "Paperopoli" }));
    expect(unknownComune.status).toBe(400);
    expect(formErrorsOf(unknownComune.body).legalComune).toMatch(/Comune non trovato/);

    const first = registrationForm();
    expect((await register(first)).status).toBe(302);
    const duplicate = await register({ ...registrationForm(), taxCode: first.taxCode, vatNumber: "" });
    expect(duplicate.status).toBe(409);
    expect(formErrorsOf(duplicate.body).taxCode).toMatch(/già registrata/);
    const count = await getDb()
      .selectFrom("employers")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("tax_code", "=", first.taxCode)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it("refuses a common password or the applicant's own name, saving nothing", async () => {
    for (const [password, reason] of [
      ["Password2026!", /tra le più usate/],
      ["Bianchi-Giulia-Forneria", /il tuo nome o la tua e-mail/],
    ] as const) {
      const form = registrationForm({ password, confirmPassword: password });
      const outcome = await register(form);
      expect(outcome.status).toBe(400);
      expect(formErrorsOf(outcome.body).password).toMatch(reason);
      expect(await getDb().selectFrom("employers").select("id").where("tax_code", "=", form.taxCode).executeTakeFirst()).toBeUndefined();
    }
  });

  it("lets the legal representative invite a labour consultant who then acts for the same company", async () => {
    const form = registrationForm();
    await register(form);
    const db = getDb();
    const rep = await db.selectFrom("users").select(["id", "employer_id"]).where("email", "=", form.email).executeTakeFirstOrThrow();
    const repCookie = await cookieFor(rep.id);
    const invited = await callRoute(
      invite.action,
      request("/azienda/utenti", { cookie: repCookie, form: { email: `consulente-${form.taxCode}@example.it`, employerRole: "delegate" } }),
    );
    expect(invited.status).toBe(200);
    const link = (invited.body as { link: string }).link;
    const token = link.split("/invito/")[1];

    // A colleague (not the legal rep) cannot invite.
    const colleague = await createUserWithRole("employer", { employerId: rep.employer_id!, employerRole: "colleague" });
    const refused = await callRoute(
      invite.action,
      request("/azienda/utenti", { cookie: await cookieFor(colleague.id), form: { email: "x@example.it", employerRole: "colleague" } }),
    );
    expect(refused.status).toBe(403);

    const accepted = await callRoute(
      acceptInvite.action,
      request(`/invito/${token}`, {
        form: { fullName: "Marco Verdi", password: "ombrello-verde-del-lunedi", confirmPassword: "ombrello-verde-del-lunedi" },
      }),
      { token },
    );
    expect(accepted.status).toBe(302);
    const delegate = await db
      .selectFrom("users")
      .select(["id", "employer_id", "employer_role"])
      .where("email", "=", `consulente-${form.taxCode}@example.it`)
      .executeTakeFirstOrThrow();
    // A consultant belongs to no company: the company's delegation is a row of its own.
    expect(delegate).toMatchObject({ employer_id: null, employer_role: "delegate" });
    const delegations = await db
      .selectFrom("employer_delegations")
      .select(["employer_id", "granted_by"])
      .where("user_id", "=", delegate.id)
      .where("revoked_at", "is", null)
      .execute();
    expect(delegations).toEqual([{ employer_id: rep.employer_id, granted_by: rep.id }]);

    // The same link cannot be used twice: 410 with «invito già usato o scaduto».
    const again = await callRoute(
      acceptInvite.action,
      request(`/invito/${token}`, {
        form: { fullName: "Altro", password: "ombrello-verde-del-lunedi", confirmPassword: "ombrello-verde-del-lunedi" },
      }),
      { token },
    );
    expect(again.status).toBe(410);
    expect(formErrorsOf(again.body)._form).toMatch(/^Invito già usato o scaduto/);
  });

  it("keeps the audit log append-only, even for the database owner", async () => {
    const db = getDb();
    // A row of the test's own: the refusal is per row, so it must not depend on what earlier tests audited.
    await db.insertInto("audit_log").values({ action: "test.append_only", entity_type: "test" }).execute();
    await expect(sql`update audit_log set action = 'x'`.execute(db)).rejects.toThrow(/sola aggiunta/);
    await expect(sql`delete from audit_log`.execute(db)).rejects.toThrow(/sola aggiunta/);
  });
});
