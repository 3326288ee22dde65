import type { LoaderFunctionArgs } from "@remix-run/node";
import { SAMPLE_CSV } from "~/domain/candidates/csv-sample";
import { requirePermission } from "~/utils/session.server";

/** The documented CSV template with two example rows. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "candidates:write");
  return new Response(SAMPLE_CSV, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="modello-import-candidati.csv"' },
  });
}
