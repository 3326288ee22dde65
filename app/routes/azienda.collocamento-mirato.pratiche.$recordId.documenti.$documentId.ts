import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { pdfResponse } from "~/web/upload.server";
import { getDb } from "~/db/db.server";
import { getDocument } from "~/domain/l68/records/index.server";
import { notFound } from "~/web/session.server";
import { requireL68Employer } from "~/web/guards.server";

const ParamsSchema = z.object({ recordId: z.uuid(), documentId: z.uuid() });

/** A document of one of the employer's own records (404 for anything else). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireL68Employer(request);
  const p = ParamsSchema.safeParse(params);
  const doc = p.success ? await getDocument(getDb(), user.employerId, p.data.recordId, p.data.documentId) : null;
  if (!doc) throw notFound("Documento non trovato");
  return pdfResponse(doc);
}
