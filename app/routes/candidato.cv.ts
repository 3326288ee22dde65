import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db/db.server";
import { requireOwnCandidateId } from "~/domain/candidates/policy.server";
import { getCvFile } from "~/domain/candidates/queries.server";
import { pdfResponse } from "~/domain/candidates/upload.server";
import { notFound, requirePermission } from "~/utils/session.server";

/** The candidate downloads their own PDF CV. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "candidate:self");
  const file = await getCvFile(getDb(), await requireOwnCandidateId(getDb(), user));
  if (!file) throw notFound("Non hai ancora caricato un CV in PDF");
  return pdfResponse(file);
}
