import type { LoaderFunctionArgs } from "@remix-run/node";
import { cohortTemplateCsv } from "~/domain/outplacement/index.server";
import { csvDownload } from "~/utils/csv";
import { requireCohortOfficer } from "~/web/cohort-guards.server";

/** The workers' list template: every column, two example rows (refused at import if left in the file). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireCohortOfficer(request, params);
  return csvDownload(cohortTemplateCsv(), "modello-elenco-lavoratori.csv");
}
