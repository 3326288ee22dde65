import type { Db } from "~/db/db.server";
import { validateNationalXml, type XsdProblem } from "~/documents/xsd.server";
import { hireUnilavRecord, type HireUnilavRecord } from "~/domain/integrations/index.server";
import { buildBcnlVacancy, toXml } from "~/domain/vacancies/bcnl";
import { loadBcnlInput } from "~/domain/vacancies/bcnl.server";

/**
 * The open API's exports for authorised systems, one function per export: the only place where the API calls the
 * builders of the vacancies (ClicLavoro), hires (UNILAV) and services (SAP) contexts. When a builder changes, only
 * its function here changes; routes and the OpenAPI document stay.
 */

export type ExportOutcome<T> = { kind: "ok"; value: T } | { kind: "not_found"; message: string } | { kind: "unavailable"; message: string };

/**
 * The ClicLavoro «ricerca personale» XML of a vacancy on the public board (published or in preselection, not
 * internal), validated against the official XSD: an invalid document is never offered, its problems are returned.
 */
export async function exportVacancyClicLavoro(
  db: Db,
  vacancyId: string,
): Promise<ExportOutcome<{ xml: string; number: number }> | { kind: "invalid"; problems: XsdProblem[] }> {
  const input = await loadBcnlInput(db, { kind: "system" }, vacancyId);
  const published =
    input && ["published", "in_preselection"].includes(input.vacancy.status) && input.vacancy.publicationMode !== "internal";
  if (!input || !published) return { kind: "not_found", message: "Offerta non trovata tra quelle pubblicate" };
  const xml = toXml(buildBcnlVacancy(input));
  const check = await validateNationalXml("cliclavoroVacancy", xml);
  if (!check.valid) return { kind: "invalid", problems: check.problems };
  return { kind: "ok", value: { xml, number: input.vacancy.number } };
}

/** The UNILAV data of a hire recorded in Rosa. */
export async function exportHireUnilav(db: Db, hireId: string): Promise<ExportOutcome<HireUnilavRecord>> {
  const record = await hireUnilavRecord(db, hireId);
  return record ? { kind: "ok", value: record } : { kind: "not_found", message: "Assunzione non trovata" };
}

/**
 * The SAP active-policy section (Rev009_SAP.xsd) of a person: not built yet, so the API answers 501 with a clear
 * message instead of a document that the national system would refuse.
 */
export async function exportPersonSap(_db: Db, _personId: string): Promise<ExportOutcome<{ xml: string }>> {
  return { kind: "unavailable", message: "L'esportazione delle politiche attive SAP non è ancora disponibile in questa versione di Rosa." };
}
