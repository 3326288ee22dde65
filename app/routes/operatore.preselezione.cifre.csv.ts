import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db/db.server";
import { recordAudit } from "~/domain/audit/commands.server";
import { figuresCsv } from "~/domain/shortlists/figures";
import { preselectionFigures } from "~/domain/shortlists/figures.server";
import { requireMatchingOfficer } from "~/domain/shortlists/policy.server";
import { actorOf } from "~/utils/session.server";
import { csvDownload } from "~/utils/csv";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireMatchingOfficer(request);
  const by = new URL(request.url).searchParams.get("per") === "ufficio" ? "office" : "officer";
  const rows = await preselectionFigures(getDb(), by);
  await recordAudit(getDb(), actorOf(user, context), { action: "preselection.figures_export", entityType: "report", details: { by, rows: rows.length } });
  return csvDownload(figuresCsv(rows, by === "office" ? "ufficio" : "operatore"), `preselezione-${by}.csv`);
}
