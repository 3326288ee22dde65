/**
 * The essentials the officer's case page embeds so the promoter sees what to do without opening the sub-pages
 * (docs/decisions/tirocini.md#scheda-dell-operatore): the reminders, the PFI's signatures and CO, the open addendum and
 * the attendance summary (the detailed pages stay).
 */
import type { Db } from "~/db/db.server";
import { attendanceTotals } from "./monitoring/queries.server";
import { getInternshipDocuments } from "./pfi.server";
import { internshipReminders } from "./reminders.server";
import type { InternshipActor, InternshipRow } from "./transition.server";

const STARTED = ["active", "suspended", "interrupted", "completed", "attested", "closed_without_attestation"];

export async function caseEssentials(db: Db, actor: InternshipActor, row: InternshipRow, today: string) {
  const [reminders, documents, addendum] = await Promise.all([
    internshipReminders(db, today, row.id),
    row.candidate_id ? getInternshipDocuments(db, actor, row.id) : null,
    db
      .selectFrom("internship_addenda")
      .select(["id", "sequence", "kind"])
      .where("internship_id", "=", row.id)
      .where("state", "=", "awaiting_signatures")
      .executeTakeFirst(),
  ]);
  const started = STARTED.includes(row.state);
  const [totals, months] = started
    ? await Promise.all([
        attendanceTotals(db, row, today),
        db
          .selectFrom("internship_attendance")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("internship_id", "=", row.id)
          .executeTakeFirstOrThrow(),
      ])
    : [null, null];
  return {
    reminders: reminders.map((r) => ({ kind: r.kind, dueOn: r.dueOn, detail: r.detail })),
    signatures: documents
      ? {
          frozen: documents.internship.document_hash !== null,
          live: documents.signatures
            .filter((s) => s.voided_at === null && s.document_hash === documents.internship.document_hash)
            .map((s) => ({ party: s.party, signerName: s.signer_name, signedAt: s.signed_at.toISOString() })),
          missingParties: documents.missingParties as string[],
          convention: documents.internship.convention_number
            ? { number: documents.internship.convention_number, state: documents.internship.convention_state }
            : null,
          co: documents.internship.co_protocol
            ? { protocol: documents.internship.co_protocol, filedOn: documents.internship.co_filed_on }
            : null,
        }
      : null,
    openAddendum: addendum ?? null,
    attendance: totals
      ? {
          monthsRecorded: Number(months!.n),
          percentLabel: totals.percentLabel,
          plannedLabel: totals.plannedLabel,
          attendedLabel: totals.attendedLabel,
          attestationAllowed: totals.attestationAllowed,
        }
      : null,
  };
}
export type CaseEssentials = Awaited<ReturnType<typeof caseEssentials>>;
