import type { Db } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { sapPersonOfCandidate } from "~/domain/sap/index.server";
import { hireUnilav } from "~/domain/shortlists/index.server";
import { exportVacancyClicLavoro as clicLavoroOfVacancy } from "~/domain/vacancies/index.server";
import { sapExport } from "./national-exports.server";

/**
 * The open API's exports for authorised systems, one function per export: the only place where the API calls the
 * builders of the vacancies (ClicLavoro), hires (UNILAV) and SAP contexts — the same builders, validations and
 * «what is missing» lists the officers' downloads use. Routes and the OpenAPI document depend only on these outcomes.
 */

export interface ExportProblem {
  line: number | null;
  message: string;
}

export type ExportOutcome<T> =
  { kind: "ok"; value: T } | { kind: "not_found"; message: string } | { kind: "invalid"; message: string; problems: ExportProblem[] };

const problems = (messages: string[]): ExportProblem[] => messages.map((message) => ({ line: null, message }));

/**
 * The ClicLavoro «ricerca personale» XML of a published vacancy (never an internal one), validated against the official
 * XSD: an invalid document is never offered, its problems are returned. Read-only: the message is not recorded as sent.
 */
export async function exportVacancyClicLavoro(db: Db, vacancyId: string): Promise<ExportOutcome<{ xml: string; number: number }>> {
  const outcome = await clicLavoroOfVacancy(db, vacancyId);
  if (outcome.kind === "not_found") return outcome;
  if (outcome.kind === "invalid")
    return {
      kind: "invalid",
      message: "Il documento ClicLavoro di questa offerta non rispetta lo schema ufficiale: va completato prima dell'invio.",
      problems: problems(outcome.problems.map((p) => p.message)),
    };
  return { kind: "ok", value: { xml: outcome.xml, number: outcome.number } };
}

/** The UNILAV (reconstructed structure, validated) of a hire recorded in Rosa; what is missing when incomplete. */
export async function exportHireUnilav(
  db: Db,
  hireId: string,
): Promise<ExportOutcome<{ xml: string; personId: string; employerId: string; vacancyNumber: number }>> {
  const found = await hireUnilav(db, hireId);
  if (!found) return { kind: "not_found", message: "Assunzione non trovata" };
  if (!found.result.ok)
    return { kind: "invalid", message: "La UNILAV di questa assunzione è da completare.", problems: problems(found.result.missing) };
  return {
    kind: "ok",
    value: {
      xml: found.result.xml,
      personId: found.hire.candidate_id,
      employerId: found.hire.employer_id,
      vacancyNumber: found.hire.vacancy_number,
    },
  };
}

/**
 * The SAP active-policy section (Rev009_SAP.xsd) of a person of the CV database; the sender is the region of the
 * person's domicile (the CPI competent for them).
 */
export async function exportPersonSap(db: Db, candidateId: string): Promise<ExportOutcome<{ xml: string }>> {
  const person = await sapPersonOfCandidate(db, candidateId);
  if (!person) return { kind: "not_found", message: "Persona non trovata" };
  const result = await withTransaction((trx) => sapExport(trx, person.provinceCode, person));
  if (!result.ok)
    return { kind: "invalid", message: "La sezione SAP delle politiche attive non si può esportare.", problems: problems(result.problems) };
  return { kind: "ok", value: { xml: result.xml } };
}
