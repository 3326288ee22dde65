import type { LoaderFunctionArgs } from "@remix-run/node";
import { SAMPLE_CSV } from "~/domain/candidates/csv-sample";
import { requirePermission } from "~/web/session.server";
import { csvDownload } from "~/utils/csv";

/** The documented CSV template with two example rows. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "candidates:write");
  return csvDownload(SAMPLE_CSV, "modello-import-candidati.csv");
}
