import { getDb } from "~/db/db.server";
import { insertInternship } from "./factories-internships";

/**
 * A running internship of `employerId` whose trainee is `candidateId` (the matrix's own candidate), with one addendum
 * (a proroga of 2 months) awaiting the signatures: the addendum pages and PDF open for its officer and host.
 */
export async function insertInternshipAddendumRows(employerId: string, candidateId: string) {
  const row = await insertInternship(employerId, {
    state: "active",
    candidate_id: candidateId,
    start_date: "2026-09-01",
    end_date: "2027-02-28",
  });
  const addendum = await getDb()
    .insertInto("internship_addenda")
    .values({
      internship_id: row.id,
      sequence: 1,
      kind: "extension",
      extension_months: 2,
      previous_end_date: "2027-02-28",
      new_end_date: "2027-04-28",
      previous_planned_months: "6.0",
      new_planned_months: "8.0",
      reason: "Completare gli obiettivi formativi",
      check_result: JSON.stringify({ allowed: true }),
      document_hash: "0".repeat(64),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { internshipAddendum: { internshipId: row.id, addendumId: addendum.id } };
}
