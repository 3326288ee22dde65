import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import type { Actor } from "~/domain/audit/index.server";
import { conventionContent } from "~/domain/internships/documents";
import { renderDocumentPdf } from "~/domain/internships/documents-pdf.server";
import { ConventionSchema, PfiSchema, type PfiInput } from "~/domain/internships/documents-schema";
import { conventionData, signConvention } from "~/domain/internships/conventions.server";
import { addDays, todayInItaly } from "~/utils/dates";
import { insertInternship } from "./factories-internships";
import { createTestCandidate } from "./factories-candidates";
import { uniqueCompanyTaxCode } from "./factories";

/**
 * For the authorization matrix: a draft convention and an internship in drafting (with a trainee) of the matrix's own
 * employer (`internshipDocs` = { conventionId, internshipId }), so the employer's routes reach a row of theirs.
 */
export async function insertInternshipDocumentRows(employerId: string) {
  const convention = await getDb()
    .insertInto("internship_conventions")
    .values({
      employer_id: employerId,
      valid_from: "2026-01-01",
      valid_to: "2028-12-31",
      promoter_name: "Centro per l'Impiego di Milano",
      promoter_tax_code: uniqueCompanyTaxCode(),
      promoter_kind: "Servizi per l'impiego",
      host_representative: "Mario Rossi",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const candidate = await createTestCandidate();
  const internship = await insertInternship(employerId, { state: "drafting", candidate_id: candidate.id, convention_id: convention.id });
  return { internshipDocs: { conventionId: convention.id, internshipId: internship.id } };
}

/** The convention form as the officer fills it (a fresh promoter tax code unless `over` gives one). */
export const conventionTestInput = (employerId: string, over: Record<string, string> = {}) =>
  ConventionSchema.parse({
    employerId,
    validFrom: addDays(todayInItaly(), -10),
    validTo: addDays(todayInItaly(), 365),
    promoterName: "Centro per l'Impiego di Milano",
    promoterTaxCode: uniqueCompanyTaxCode(),
    promoterKind: "Servizi per l'impiego",
    promoterOffice: "Via Strozzi 11, Milano",
    hostRepresentative: "Mario Rossi",
    inailPosition: "12345678/90",
    rcPolicy: "RC 2027/55",
    version: "0",
    ...over,
  });

/** A PFI that passes the checks: 6 months of 40 hours a week from 20 days on, 600 € a month. */
export const pfiTestInput = (conventionId: string | null, version: number, over: Record<string, string> = {}): PfiInput =>
  PfiSchema.parse({
    conventionId: conventionId ?? "",
    title: "Tirocinio di addetto alle vendite",
    occupationCode: "5.1.2.2.0",
    eqfLevel: "3",
    activities: "Accoglienza dei clienti, sistemazione degli scaffali, cassa",
    objectives: "Conoscere il lavoro del punto vendita",
    competences: "Gestire la cassa; esporre la merce",
    weeklyHours: "40",
    dailyHours: "8",
    fullTimeWeeklyHours: "40",
    plannedMonths: "6",
    startDate: addDays(todayInItaly(), 20),
    endDate: addDays(todayInItaly(), 200),
    monthlyIndemnity: "600",
    employeesPermanent: "21",
    hostTutorName: "Luca Verdi",
    hostTutorRole: "Responsabile del negozio",
    traineeCategory: "01",
    internshipType: "A",
    version: String(version),
    ...over,
  });

/** The officer records one party's signature of the convention's current version (the PDF Rosa renders of it). */
export async function officerSignsConvention(officerAudit: Actor, conventionId: string, party: "host" | "promoter") {
  const { version, document_hash } = await getDb()
    .selectFrom("internship_conventions")
    .select(["version", "document_hash"])
    .where("id", "=", conventionId)
    .executeTakeFirstOrThrow();
  const bytes = await renderDocumentPdf(conventionContent((await conventionData(getDb(), conventionId))!), "prova");
  return withTransaction((trx) =>
    signConvention(
      trx,
      officerAudit,
      "officer",
      { kind: "officer" },
      conventionId,
      {
        party,
        signerName: party === "host" ? "Mario Rossi" : "Paola Bianchi",
        documentHash: document_hash!,
        pdf: { name: "c.pdf", bytes },
        version,
      },
      todayInItaly(),
    ),
  );
}
