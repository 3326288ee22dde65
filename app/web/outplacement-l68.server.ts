/**
 * The L. 68 suspension record filed from a redundancy event (docs/decisions/outplacement.md «Sospensione L. 68
 * dall'evento»): a placement officer files it for the dismissing employer with the event's computed window, and the
 * record is linked to the event in the same transaction. The web tier joins the two contexts (outplacement may not
 * reach the L. 68 records context itself); the filing is the officer's record action with one more step.
 */
import type { Actor } from "~/domain/audit/index.server";
import { DomainError } from "~/domain/errors";
import { linkL68Record, type EventScope } from "~/domain/outplacement/index.server";
import { handleNewRecord, type RecordActionResult } from "./actions/l68-record.server";

export function fileSuspensionFromEvent(
  request: Request,
  actor: Actor,
  scope: EventScope,
  event: { id: string; employer_id: string },
): Promise<RecordActionResult> {
  return handleNewRecord(request, actor, event.employer_id, true, {
    details: { outplacementEventId: event.id },
    inTransaction: async (trx, recordId, form) => {
      const version = Number(form.get("eventVersion"));
      if (!Number.isInteger(version) || version < 1)
        throw new DomainError("Versione dell'evento mancante: ricarica la pagina", "_form", "conflict");
      await linkL68Record(trx, actor, scope, event.id, version, recordId);
    },
  });
}
