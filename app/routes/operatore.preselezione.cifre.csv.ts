import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db/db.server";
import { recordAudit } from "~/domain/audit/commands.server";
import { figuresCsv } from "~/domain/shortlists/figures";
import { preselectionFigures } from "~/domain/shortlists/figures.server";
import { FiguresFilterSchema } from "~/domain/shortlists/schema";
import { actorOf } from "~/web/session.server";
import { csvDownload } from "~/utils/csv";
import { parseSearchParams } from "~/utils/forms";
import { requireMatchingOfficer } from "~/web/guards.server";

/** The figures page's CSV: same grouping, same period (rose created from/to). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireMatchingOfficer(request);
  const parsed = parseSearchParams(new URL(request.url), FiguresFilterSchema);
  if (!parsed.ok) {
    return new Response(`Richiesta non valida: ${Object.values(parsed.errors).join("; ")}`, {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const f = parsed.data;
  const by = f.per === "ufficio" ? "office" : "officer";
  const rows = await preselectionFigures(getDb(), by, { dal: f.dal || undefined, al: f.al || undefined });
  await recordAudit(getDb(), actorOf(user, context), {
    action: "preselection.figures_export",
    entityType: "report",
    details: { by, dal: f.dal || null, al: f.al || null, rows: rows.length },
  });
  const suffix = f.dal || f.al ? `-${f.dal || "inizio"}_${f.al || "oggi"}` : "";
  return csvDownload(figuresCsv(rows, f.per), `preselezione-${by}${suffix}.csv`);
}
