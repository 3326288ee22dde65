import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { getDb } from "~/db/db.server";
import { getCandidateImportErrors } from "~/domain/candidates/queries.server";
import { notFound, requirePermission } from "~/web/session.server";
import { csvDownload } from "~/utils/csv";

const ParamsSchema = z.object({ importId: z.uuid() });

/** The error report of a refused import, as CSV (one line per problem: row, codice fiscale, column, message). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "candidates:write");
  const parsed = ParamsSchema.safeParse(params);
  if (!parsed.success) throw notFound("Importazione non trovata");
  const job = await getCandidateImportErrors(getDb(), parsed.data.importId, user.id);
  if (!job?.error_report) throw notFound("Nessun rapporto degli errori per questa importazione");
  return csvDownload(job.error_report, `errori-${job.filename.replace(/[^\w.-]/g, "_").replace(/\.csv$/i, "")}.csv`);
}
