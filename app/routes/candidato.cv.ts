import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db/db.server";
import { getCvFile } from "~/domain/candidates/queries.server";
import { pdfResponse } from "~/web/upload.server";
import { notFound, requirePermission } from "~/web/session.server";
import { requireOwnCandidateId } from "~/web/guards.server";

/** The candidate downloads their own PDF CV. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "candidate:self");
  const file = await getCvFile(getDb(), await requireOwnCandidateId(getDb(), user));
  if (!file) throw notFound("Non hai ancora caricato un CV in PDF");
  return pdfResponse(file);
}
