import type { Trx } from "~/db/db.server";
import { FINAL_INTERNSHIP_STATES, type InternshipState } from "./states";
import { transitionInternship } from "./transition.server";

const REDACTED = "Dato cancellato";

/** States where an internship has started: its record is the promoter's legal documentation and stays. */
const STARTED: readonly InternshipState[] = ["active", "suspended", "interrupted", "completed", "attested", "closed_without_attestation"];

/**
 * A trainee's data are erased (docs/decisions/tirocini.md#cancellazione): an internship not yet started is cancelled
 * and the trainee's signed PDFs are deleted (their signatures voided); a started one stays as the promoter's record of
 * the activation (the CO, the attestazione) with the anonymised person. The free text of the timeline goes everywhere.
 * Called inside the erasure's transaction; returns how many internships were cancelled.
 */
export async function releaseErasedTrainee(trx: Trx, candidateId: string, now = new Date()): Promise<number> {
  const rows = await trx
    .selectFrom("internships")
    .select(["id", "state"])
    .where("candidate_id", "=", candidateId)
    .orderBy("id")
    .forUpdate()
    .execute();
  let cancelled = 0;
  for (const row of rows) {
    if (!FINAL_INTERNSHIP_STATES.includes(row.state) && !STARTED.includes(row.state)) {
      await transitionInternship(trx, {
        internshipId: row.id,
        event: "cancel",
        actor: { kind: "system" },
        note: "Annullato: la persona scelta ha chiesto la cancellazione dei suoi dati",
        now,
      });
      cancelled++;
    }
    if (!STARTED.includes(row.state))
      await trx
        .updateTable("internship_signatures")
        .set({ signed_pdf: null, signed_pdf_name: null, voided_at: now })
        .where("internship_id", "=", row.id)
        .where("party", "=", "trainee")
        .execute();
    await trx
      .updateTable("internship_transitions")
      .set({ note: REDACTED })
      .where("internship_id", "=", row.id)
      .where("note", "is not", null)
      .where("actor_kind", "<>", "system")
      .execute();
  }
  return cancelled;
}
