import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import * as employerRosa from "~/routes/azienda.rose.$shortlistId";
import * as officerRosa from "~/routes/operatore.rose.$shortlistId";
import * as newCandidate from "~/routes/operatore.candidati.nuovo";
import * as editCandidate from "~/routes/operatore.candidati.$candidateId.modifica";
import { cookieFor, createEmployer, createUserWithRole, request } from "../support/factories";
import { candidateForm, createTestCandidate } from "../support/factories-candidates";
import { createMatchCandidate, createMatchVacancy } from "../support/factories-shortlists";
import { callRoute, formErrorsOf, formFields } from "../support/routes";

/**
 * The rosa pages and the officer's CV pages on conform: bad input gets the Italian message by the field, and what was
 * typed comes back in the reply (`result.initialValue`), never a 500; the reply names the form it answers (intent, row).
 */
const typed = (body: unknown) => (body as { result: { initialValue: Record<string, unknown> } }).result.initialValue;

let officer: string;
let officerId: string;
let employerCookie: string;
let employerId: string;

beforeAll(async () => {
  employerId = (await createEmployer()).id;
  const officerUser = await createUserWithRole("preselection_officer");
  officerId = officerUser.id;
  officer = await cookieFor(officerUser.id);
  employerCookie = await cookieFor((await createUserWithRole("employer", { employerId })).id);
});

/** A presented rosa with one person presented to the employer and one being contacted. */
async function rosa() {
  const presented = await createMatchCandidate({ comune: "Cremona", lastName: "Presentata" });
  const contacting = await createMatchCandidate({ comune: "Cremona", lastName: "Contattata" });
  const vacancyId = (await createMatchVacancy({ employerId, comune: "Cremona", positions: 1, status: "in_preselection" })).id;
  const s = await getDb()
    .insertInto("shortlists")
    .values({
      vacancy_id: vacancyId,
      employer_id: employerId,
      title: "Rosa dei moduli",
      status: "presented",
      presented_at: new Date(),
      presented_by: officerId,
      search_snapshot: JSON.stringify({ conditions: [], filter: "", sort: [], relaxed: [], total: 2 }),
      results_snapshot: "[]",
      index_uid: "rosa_candidates",
      settings_version: 2,
      created_by: officerId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const rows = await getDb()
    .insertInto("shortlist_candidates")
    .values([
      { shortlist_id: s.id, candidate_id: presented, rank: 1, score: 1, explanation: "{}", state: "presented", presented_at: new Date() },
      { shortlist_id: s.id, candidate_id: contacting, rank: 2, score: 1, explanation: "{}", state: "contacting" },
    ])
    .returning(["id", "version"])
    .execute();
  return { shortlistId: s.id, presented: rows[0]!, contacting: rows[1]! };
}

describe("the employer's rosa page", () => {
  it("feedback without its reason: the Italian message by the field, the comment typed kept, the reply names the person", async () => {
    const { shortlistId, presented } = await rosa();
    const outcome = await callRoute(
      employerRosa.action,
      request(`/azienda/rose/${shortlistId}`, {
        cookie: employerCookie,
        form: {
          intent: "feedback",
          rowId: presented.id,
          version: String(presented.version),
          decision: "not_selected",
          comment: "Persona molto cortese",
        },
      }),
      { shortlistId },
    );
    expect(outcome.status).toBe(400);
    expect(formErrorsOf(outcome.body).reason).toBe("Indica il motivo per cui non è stato selezionato");
    expect(typed(outcome.body)).toMatchObject({
      intent: "feedback",
      rowId: presented.id,
      decision: "not_selected",
      comment: "Persona molto cortese",
    });
    expect(await getDb().selectFrom("employer_feedback").select("id").where("shortlist_candidate_id", "=", presented.id).execute()).toEqual(
      [],
    );
  });

  it("a hire with a wrong date and an unknown CCNL: every message at once, what was typed kept", async () => {
    const { shortlistId, presented } = await rosa();
    const outcome = await callRoute(
      employerRosa.action,
      request(`/azienda/rose/${shortlistId}`, {
        cookie: employerCookie,
        form: {
          intent: "hire",
          rowId: presented.id,
          version: String(presented.version),
          contractType: "A.01.00",
          startDate: "2027-02-30",
          workingTime: "F",
          ccnl: "ZZZ",
          contractLevel: "Quarto livello",
          qualification: "5.1.2.2.0.1",
          workComune: "Cremona (CR)",
        },
      }),
      { shortlistId },
    );
    expect(outcome.status).toBe(400);
    const errors = formErrorsOf(outcome.body);
    expect(errors.startDate).toContain("Data inesistente");
    expect(errors.ccnl).toContain("CCNL sconosciuto");
    expect(typed(outcome.body)).toMatchObject({ intent: "hire", rowId: presented.id, contractLevel: "Quarto livello", ccnl: "ZZZ" });
  });
});

describe("the officer's rosa page", () => {
  it("a contact attempt with a wrong date and a proposal too short: the messages by their fields, the note and the gap typed kept", async () => {
    const { shortlistId, contacting } = await rosa();
    const contact = await callRoute(
      officerRosa.action,
      request(`/operatore/rose/${shortlistId}`, {
        cookie: officer,
        form: {
          intent: "contact",
          rowId: contacting.id,
          version: String(contacting.version),
          channel: "phone",
          attemptedAt: "2026-02-30T10:00",
          outcome: "available",
          note: "Richiamare dopo le 18",
        },
      }),
      { shortlistId },
    );
    expect(contact.status).toBe(400);
    expect(formErrorsOf(contact.body).attemptedAt).toMatch(/inesistente|data e ora/i);
    expect(typed(contact.body)).toMatchObject({ intent: "contact", rowId: contacting.id, note: "Richiamare dopo le 18" });

    const gap = await callRoute(
      officerRosa.action,
      request(`/operatore/rose/${shortlistId}`, {
        cookie: officer,
        form: { intent: "gap", rowId: "", gap: "Uso del muletto", kind: "training", description: "ok" },
      }),
      { shortlistId },
    );
    expect(gap.status).toBe(400);
    expect(formErrorsOf(gap.body).description).toBe("Descrivi la proposta (almeno 3 caratteri)");
    expect(typed(gap.body)).toMatchObject({ intent: "gap", gap: "Uso del muletto" });
  });

  it("an unknown operation is refused with a message, not a 500", async () => {
    const { shortlistId } = await rosa();
    const outcome = await callRoute(
      officerRosa.action,
      request(`/operatore/rose/${shortlistId}`, { cookie: officer, form: { intent: "teleport" } }),
      { shortlistId },
    );
    expect(outcome.status).toBe(400);
    expect(Object.values(formErrorsOf(outcome.body))).toContain("Operazione non valida");
  });
});

describe("the officer's CV pages", () => {
  it("a new CV with an impossible birth date: the message by the field, every row typed kept", async () => {
    const page = await callRoute(newCandidate.loader, request("/operatore/candidati/nuovo", { cookie: officer }));
    const rows = (page.body as { values: Record<string, unknown[]> }).values;
    expect([rows.education.length, rows.preferences.length, rows.experiences.length]).toEqual([1, 3, 1]);
    const form = candidateForm({ birthDate: "1985-02-30", "certificates.0.name": "Patentino muletto" });
    const outcome = await callRoute(newCandidate.action, request("/operatore/candidati/nuovo", { cookie: officer, form }));
    expect(outcome.status).toBe(400);
    expect(formErrorsOf(outcome.body).birthDate).toBe("La data di nascita: data inesistente");
    const values = typed(outcome.body) as { taxCode: string; certificates: { name: string }[]; education: { title: string }[] };
    expect(values.taxCode).toBe(form.taxCode);
    expect(values.certificates[0].name).toBe("Patentino muletto");
    expect(values.education[0].title).toBe("Diploma di ragioneria");
    expect(await getDb().selectFrom("candidates").select("id").where("tax_code", "=", form.taxCode).execute()).toEqual([]);
  });

  it("a correction with an unknown comune: the message by the field, the phone typed kept, nothing saved", async () => {
    const { id } = await createTestCandidate();
    const loaded = await callRoute(editCandidate.loader, request(`/operatore/candidati/${id}/modifica`, { cookie: officer }), {
      candidateId: id,
    });
    const values = formFields((loaded.body as { values: unknown }).values);
    const outcome = await callRoute(
      editCandidate.action,
      request(`/operatore/candidati/${id}/modifica`, {
        cookie: officer,
        form: { ...values, comune: "Atlantide (ZZ)", phone: "02 1112223" },
      }),
      { candidateId: id },
    );
    expect(outcome.status).toBe(400);
    expect(formErrorsOf(outcome.body).comune).toMatch(/Comune non trovato/);
    expect(typed(outcome.body)).toMatchObject({ comune: "Atlantide (ZZ)", phone: "02 1112223" });
    const row = await getDb().selectFrom("candidates").select("phone").where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.phone).not.toBe("02 1112223");
  });
});
