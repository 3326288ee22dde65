import { describe, expect, it } from "vitest";
import * as adminUsers from "~/routes/admin.utenti";
import * as adminUser from "~/routes/admin.utenti_.$userId";
import * as article from "~/routes/admin.contenuti.$articleId";
import * as companyEdit from "~/routes/azienda.modifica";
import * as employerUsers from "~/routes/azienda.utenti";
import * as review from "~/routes/operatore.aziende.$employerId";
import * as officerVacancy from "~/routes/operatore.offerte.$vacancyId";
import * as erasure from "~/routes/operatore.candidati.$candidateId.cancellazione";
import { cookieFor, createEmployer, createUserWithRole, request } from "../support/factories";
import { createTestCandidate } from "../support/factories-candidates";
import { insertVacancy } from "../support/factories-vacancies";
import { callRoute, formErrorsOf } from "../support/routes";

/** What conform sends back to re-fill the form after an error (never a password). */
const keptValues = (body: unknown) =>
  ((body as { result?: { initialValue?: Record<string, unknown> } }).result?.initialValue ?? {}) as Record<string, unknown>;

describe("forms on conform: bad input gets the Italian message and keeps what was typed", () => {
  it("account forms of the administrator", async () => {
    const cookie = await cookieFor((await createUserWithRole("admin")).id);
    const created = await callRoute(
      adminUsers.action,
      request("/admin/utenti", {
        cookie,
        form: {
          fullName: "Giulia Neri",
          email: "non-una-email",
          role: "preselection_officer",
          officeProvince: "",
          password: "segretissima-1234",
        },
      }),
    );
    expect(created.status).toBe(400);
    expect(formErrorsOf(created.body).email).toBe("Indirizzo e-mail non valido");
    expect(formErrorsOf(created.body).officeProvince).toBe("Scegli la provincia di competenza dell'operatore");
    expect(keptValues(created.body)).toMatchObject({ fullName: "Giulia Neri", email: "non-una-email", role: "preselection_officer" });
    expect(keptValues(created.body).password).toBeUndefined();

    const officer = await createUserWithRole("preselection_officer");
    const updated = await callRoute(
      adminUser.action,
      request(`/admin/utenti/${officer.id}`, { cookie, form: { intent: "update", version: "1", fullName: "", email: officer.email } }),
      { userId: officer.id },
    );
    expect(updated.status).toBe(400);
    expect(Object.values(formErrorsOf(updated.body)).join(" ")).toMatch(/nome/i);
    expect(keptValues(updated.body)).toMatchObject({ intent: "update", email: officer.email });

    const unknown = await callRoute(adminUser.action, request(`/admin/utenti/${officer.id}`, { cookie, form: { intent: "boh" } }), {
      userId: officer.id,
    });
    expect(unknown.status).toBe(400);
    expect(formErrorsOf(unknown.body)._form).toBe("Operazione non riconosciuta: ricarica la pagina e riprova.");
  });

  it("an information page with a bad address and a short text", async () => {
    const cookie = await cookieFor((await createUserWithRole("admin")).id);
    const outcome = await callRoute(
      article.action,
      request("/admin/contenuti/nuovo", {
        cookie,
        form: { title: "Incentivi", slug: "Incentivi Assunzioni!", category: "", summary: "breve", body: "corto", published: "on" },
      }),
      { articleId: "nuovo" },
    );
    expect(outcome.status).toBe(400);
    const errors = formErrorsOf(outcome.body);
    expect(errors.slug).toMatch(/Solo lettere minuscole, cifre e trattini/);
    expect(errors.category).toBe("Scegli la sezione");
    expect(errors.summary).toBe("Scrivi un sommario di almeno 10 caratteri");
    expect(keptValues(outcome.body)).toMatchObject({ title: "Incentivi", slug: "Incentivi Assunzioni!", published: "on" });
  });

  it("the company's data, its invitations and the officer's review", async () => {
    const employer = await createEmployer({ status: "validated" });
    const rep = await createUserWithRole("employer", { employerId: employer.id, employerRole: "legal_rep" });
    const cookie = await cookieFor(rep.id);
    const loaded = await callRoute(companyEdit.loader, request("/azienda/modifica", { cookie }));
    const values = (loaded.body as { values: Record<string, string> }).values;
    const saved = await callRoute(
      companyEdit.action,
      request("/azienda/modifica", { cookie, form: { ...values, contactPhone: "telefono?", "sites.0.label": "Magazzino" } }),
    );
    expect(saved.status).toBe(400);
    expect(formErrorsOf(saved.body).contactPhone).toBe("Numero di telefono non valido");
    expect(formErrorsOf(saved.body)["sites.0.address"]).toBe("Indica l'indirizzo della sede");
    expect(keptValues(saved.body)).toMatchObject({
      legalName: values.legalName,
      contactPhone: "telefono?",
      sites: [{ label: "Magazzino" }],
    });

    const invited = await callRoute(
      employerUsers.action,
      request("/azienda/utenti", { cookie, form: { email: "mario.rossi@", employerRole: "" } }),
    );
    expect(invited.status).toBe(400);
    expect(formErrorsOf(invited.body)).toMatchObject({
      email: "Indirizzo e-mail non valido",
      employerRole: "Scegli il ruolo della persona invitata",
    });
    expect(keptValues(invited.body)).toMatchObject({ email: "mario.rossi@" });

    const pending = await createEmployer();
    const officer = await cookieFor((await createUserWithRole("preselection_officer")).id);
    const rejected = await callRoute(
      review.action,
      request(`/operatore/aziende/${pending.id}`, { cookie: officer, form: { decision: "reject", reason: "No", version: "1" } }),
      { employerId: pending.id },
    );
    expect(rejected.status).toBe(400);
    expect(formErrorsOf(rejected.body).reason).toBe("Spiega all'azienda perché la registrazione è respinta (almeno 10 caratteri)");
    expect(keptValues(rejected.body)).toMatchObject({ decision: "reject", reason: "No" });
  });

  it("a vacancy sent back without a reason, and an erasure without the confirmation word", async () => {
    const employer = await createEmployer({ status: "validated" });
    const vacancy = await insertVacancy(employer.id, { status: "submitted" });
    const officer = await cookieFor((await createUserWithRole("preselection_officer")).id);
    const returned = await callRoute(
      officerVacancy.action,
      request(`/operatore/offerte/${vacancy.id}`, { cookie: officer, form: { event: "return", version: "1", reason: "Breve" } }),
      { vacancyId: vacancy.id },
    );
    expect(returned.status).toBe(400);
    expect(formErrorsOf(returned.body).reason).toBe("Spiega all'azienda cosa correggere (almeno 10 caratteri)");
    expect(keptValues(returned.body)).toMatchObject({ event: "return", reason: "Breve" });

    const { id } = await createTestCandidate();
    const erased = await callRoute(
      erasure.action,
      request(`/operatore/candidati/${id}/cancellazione`, { cookie: officer, form: { confirmation: "forse" } }),
      { candidateId: id },
    );
    expect(erased.status).toBe(422);
    expect(formErrorsOf(erased.body).confirmation).toMatch(/per confermare la cancellazione/);
    expect(keptValues(erased.body)).toMatchObject({ confirmation: "forse" });
  });
});
