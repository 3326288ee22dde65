import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { getDb } from "~/db/db.server";
import { recordAudit } from "~/domain/audit/commands.server";
import { pdfResponse } from "~/web/upload.server";
import { getDocument, recordEmployerId } from "~/domain/l68/records/index.server";
import { actorOf, notFound } from "~/web/session.server";
import { requireOfficerOn } from "~/web/guards.server";

const ParamsSchema = z.object({ recordId: z.uuid(), documentId: z.uuid() });

/** A record's document, for the placement officers of the employer's province (404 otherwise); downloads are logged. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const p = ParamsSchema.safeParse(params).data;
  const db = getDb();
  const { user, employerId } = await requireOfficerOn(request, p ? await recordEmployerId(db, p.recordId) : null);
  const doc = await getDocument(db, employerId, p!.recordId, p!.documentId);
  if (!doc) throw notFound("Documento non trovato");
  await recordAudit(db, actorOf(user, context), {
    action: "l68.record_document_downloaded",
    entityType: "l68_record",
    entityId: p!.recordId,
    employerId,
    details: { documentId: p!.documentId },
  });
  return pdfResponse(doc);
}
