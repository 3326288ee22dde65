import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { getDb } from "~/db/db.server";
import { DomainError } from "~/domain/errors";
import { getCohortImport } from "~/domain/outplacement/index.server";
import { csvDownload } from "~/utils/csv";
import { requireCohortOfficer } from "~/web/cohort-guards.server";
import { notFound } from "~/web/session.server";

/**
 * The report of an import as CSV (row, codice fiscale, column, message): the errors of a refused file, or with
 * `?tipo=avvisi` the warnings of an accepted one (CVs to complete, names differing from the CV).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { eventId } = await requireCohortOfficer(request, params);
  const parsed = z.object({ importId: z.uuid() }).safeParse(params);
  if (!parsed.success) throw notFound("Importazione non trovata");
  const warnings = new URL(request.url).searchParams.get("tipo") === "avvisi";
  try {
    const imp = await getCohortImport(getDb(), eventId, parsed.data.importId);
    const report = warnings ? imp.warning_report : imp.error_report;
    if (!report)
      throw notFound(warnings ? "Nessun avviso per questa importazione" : "Nessun rapporto degli errori per questa importazione");
    const name = imp.filename.replace(/[^\w.-]/g, "_").replace(/\.csv$/i, "");
    return csvDownload(report, `${warnings ? "avvisi" : "errori"}-${name}.csv`);
  } catch (e) {
    if (e instanceof DomainError) throw notFound(e.message);
    throw e;
  }
}
