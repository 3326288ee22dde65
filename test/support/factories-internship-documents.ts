import { getDb } from "~/db/db.server";
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
