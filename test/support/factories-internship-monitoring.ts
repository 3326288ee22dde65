import { getDb } from "~/db/db.server";
import { insertInternship } from "./factories-internships";

/**
 * An attested internship of `employerId` whose trainee is `candidateId` (the matrix's own candidate), with its
 * attestazione: the during-and-after pages and the three attestazione downloads open for its officer, host and trainee.
 */
export async function insertAttestedInternship(employerId: string, candidateId: string, officerId: string) {
  const row = await insertInternship(employerId, {
    state: "attested",
    candidate_id: candidateId,
    start_date: "2026-01-05",
    end_date: "2026-07-04",
    actual_end_date: "2026-07-04",
  });
  await getDb()
    .insertInto("internship_attestations")
    .values({
      internship_id: row.id,
      issued_on: "2026-07-10",
      planned_hours: "1000.00",
      attended_hours: "900.00",
      competences: "Vendita assistita",
      host_signer_name: "Anna Bianchi",
      document_hash: "0".repeat(64),
      issued_by: officerId,
    })
    .execute();
  return { attestedInternship: { internshipId: row.id } };
}
