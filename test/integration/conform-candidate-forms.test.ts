import { describe, expect, it } from "vitest";
import * as erasure from "~/routes/candidato.cancellazione";
import * as selfEdit from "~/routes/candidato.modifica";
import * as forgotten from "~/routes/password-dimenticata";
import * as candidateRegistration from "~/routes/registrazione_.candidato";
import { request } from "../support/factories";
import { candidateForm, createCandidateWithAccount, uniquePersonTaxCode } from "../support/factories-candidates";
import { callRoute, formErrorsOf } from "../support/routes";

/** The candidate's and the public forms on conform: bad input gets the Italian message by the field and what was typed back, never a 500. */
const typed = (body: unknown) => (body as { result: { initialValue: Record<string, unknown> } }).result.initialValue;

describe("candidate forms on conform: bad input", () => {
  it("the candidate's own CV: a wrong date and a fourth preference, the rows typed kept", async () => {
    const me = await createCandidateWithAccount();
    const outcome = await callRoute(
      selfEdit.action,
      request("/candidato/modifica", {
        cookie: me.cookie,
        form: {
          ...candidateForm({ birthDate: "1985-02-30" }),
          "certificates.0.name": "Patentino muletto",
          "preferences.1.occupation": "5.2.2.3.2",
          "preferences.1.source": "work",
          "preferences.2.occupation": "4.3.1.2.0",
          "preferences.2.source": "training",
          "preferences.3.occupation": "6.2.1.7.0",
          "preferences.3.source": "work",
        },
      }),
    );
    expect(outcome.status).toBe(400);
    const errors = formErrorsOf(outcome.body);
    expect(errors.birthDate).toBe("La data di nascita: data inesistente");
    expect(errors["preferences.3.occupation"]).toMatch(/Al massimo tre propensioni/);
    const values = typed(outcome.body) as { birthDate: string; certificates: { name: string }[]; education: { title: string }[] };
    expect(values.birthDate).toBe("1985-02-30");
    expect(values.certificates[0].name).toBe("Patentino muletto");
    expect(values.education[0].title).toBe("Diploma di ragioneria");
  });

  it("the candidate registration: the codice fiscale is refused, the rest kept, passwords never sent back", async () => {
    const outcome = await callRoute(
      candidateRegistration.action,
      request("/registrazione/candidato", {
        form: {
          firstName: "Luca",
          lastName: "Ferri",
          taxCode: uniquePersonTaxCode(),
          birthDate: "1985-08-02",
          sex: "M",
          comune: "Milano (MI)",
          email: "luca.ferri.conform@example.it",
          password: "una frase lunga e sicura 2026",
          confirmPassword: "una frase lunga e sicura 2026",
          privacy: "on",
        },
      }),
    );
    expect(outcome.status).toBe(400);
    expect(formErrorsOf(outcome.body).taxCode).toMatch(/non corrisponde alla data di nascita/);
    const values = typed(outcome.body);
    expect(values).toMatchObject({ firstName: "Luca", email: "luca.ferri.conform@example.it", birthDate: "1985-08-02" });
    expect(values.password).toBeUndefined();
    expect(values.confirmPassword).toBeUndefined();
  });

  it("the password reset request: a malformed e-mail, kept", async () => {
    const outcome = await callRoute(forgotten.action, request("/password-dimenticata", { form: { email: "non-una-email" } }));
    expect(outcome.status).toBe(400);
    expect(formErrorsOf(outcome.body).email).toMatch(/e-mail/i);
    expect(typed(outcome.body).email).toBe("non-una-email");
  });

  it("the erasure: a wrong confirmation word is a 422 with the message, and nothing is erased", async () => {
    const me = await createCandidateWithAccount();
    const outcome = await callRoute(
      erasure.action,
      request("/candidato/cancellazione", { cookie: me.cookie, form: { confirmation: "cancel" } }),
    );
    expect(outcome.status).toBe(422);
    expect(formErrorsOf(outcome.body).confirmation).toBe("Scrivi CANCELLA per confermare la cancellazione");
    expect(typed(outcome.body).confirmation).toBe("cancel");
  });
});
