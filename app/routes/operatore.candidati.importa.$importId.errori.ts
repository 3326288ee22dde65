import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { getDb } from "~/db/db.server";
import { getCandidateImportErrors } from "~/domain/candidates/queries.server";
import { notFound, requirePermission } from "~/utils/session.server";

const ParamsSchema = z.object({ importId: z.uuid() });

/** The error report of a refused import, as CSV (one line per problem: row, codice fiscale, column, message). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "candidates:write");
  const parsed = ParamsSchema.safeParse(params);
  if (!parsed.success) throw notFound("Importazione non trovata");
  const job = await getCandidateImportErrors(getDb(), parsed.data.importId, user.id);
  if (!job?.error_report) throw notFound("Nessun rapporto degli errori per questa importazione");
  return new Response(job.error_report, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="errori-${job.filename.replace(/[^\w.-]/g, "_").replace(/\.csv$/i, "")}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
