import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db/db.server";
import { recordAudit } from "~/domain/audit/index.server";
import { InternshipFiguresFilterSchema, figuresCsv } from "~/domain/internships";
import { internshipFigures } from "~/domain/internships/index.server";
import { csvDownload } from "~/utils/csv";
import { parseSearchParams } from "~/utils/forms";
import { requireInternshipOfficer } from "~/web/internship-monitoring.server";
import { actorOf } from "~/web/session.server";

/** The figures page's CSV: same grouping, same period. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireInternshipOfficer(request, context);
  const parsed = parseSearchParams(new URL(request.url), InternshipFiguresFilterSchema);
  if (!parsed.ok)
    return new Response(`Richiesta non valida: ${Object.values(parsed.errors).join("; ")}`, {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  const f = parsed.data;
  const rows = await internshipFigures(getDb(), f.per, { dal: f.dal, al: f.al });
  await recordAudit(getDb(), actorOf(user, context), {
    action: "internship.figures_export",
    entityType: "report",
    details: { per: f.per, dal: f.dal ?? null, al: f.al ?? null, rows: rows.length },
  });
  const suffix = f.dal || f.al ? `-${f.dal || "inizio"}_${f.al || "oggi"}` : "";
  return csvDownload(figuresCsv(rows, f.per), `tirocini-${f.per}${suffix}.csv`);
}
