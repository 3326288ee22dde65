import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db/db.server";
import { recordAudit } from "~/domain/audit/commands.server";
import { WorkspaceFilterSchema } from "~/domain/l68";
import { listProvinceEmployers } from "~/domain/l68/file/index.server";
import { csvDownload, toCsv } from "~/utils/csv";
import { actorOf, requirePermission } from "~/web/session.server";

/** CSV of the workspace list, same filters and order as the page (UTF-8 with BOM, ";" for Excel it-IT). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "l68:manage");
  const parsed = WorkspaceFilterSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return new Response("Parametri non validi", { status: 400 });
  const province = user.officeProvince;
  const rows = province
    ? await listProvinceEmployers(getDb(), province, { sort: parsed.data.ordina, onlyUncovered: parsed.data.scoperti === "1" })
    : [];
  await recordAudit(getDb(), actorOf(user, context), {
    action: "l68.workspace_exported",
    entityType: "l68_workspace",
    entityId: province,
    details: { rows: rows.length },
  });
  const csv = toCsv(
    [
      "Ragione sociale",
      "Codice fiscale",
      "Provincia sede legale",
      "Base di computo",
      "Quota disabili",
      "Coperti",
      "Scoperti disabili",
      "Scoperti art. 18",
      "Da coprire",
      "Prossima scadenza",
      "Scadenze superate",
    ],
    rows.map((r) => [
      r.legal_name,
      r.tax_code,
      r.legal_province,
      r.base_computo,
      r.quota_disabili,
      r.covered_disabili,
      r.uncovered_disabili,
      r.uncovered_art18,
      r.missing,
      r.next_due ?? "",
      r.overdue,
    ]),
  );
  return csvDownload(csv, `collocamento-mirato-${province ?? "nessuna"}.csv`);
}
