import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { recordCandidateView } from "~/domain/candidates/commands.server";
import { getCvFile } from "~/domain/candidates/queries.server";
import { pdfResponse } from "~/web/upload.server";
import { actorOf, notFound, requirePermission } from "~/web/session.server";
import { candidateIdFrom } from "~/web/guards.server";

/** The candidate's PDF CV for an officer; the download is audited. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "candidates:read");
  const candidateId = candidateIdFrom(params);
  const file = await getCvFile(getDb(), candidateId);
  if (!file) throw notFound("Nessun CV in PDF per questo candidato");
  await withTransaction((trx) => recordCandidateView(trx, actorOf(user, context), candidateId, "cv_file"));
  return pdfResponse(file);
}
