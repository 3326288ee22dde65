import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db/db.server";
import { recordAudit } from "~/domain/audit/commands.server";
import { RecordListFilterSchema, recordsCsv } from "~/domain/l68";
import { listRecordsForExport } from "~/domain/l68/records/index.server";
import { parseSearchParams } from "~/utils/forms";
import { actorOf, requirePermission } from "~/web/session.server";
import { csvDownload } from "~/utils/csv";

/** CSV of the records of the office's province, same filters as the records page (UTF-8 with BOM, ";" for Excel it-IT). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "l68:manage");
  const filter = parseSearchParams(new URL(request.url), RecordListFilterSchema);
  if (!filter.ok) return new Response("Parametri non validi", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const province = user.officeProvince;
  const { stato, azienda } = filter.data;
  const rows = province ? await listRecordsForExport(getDb(), { province, employerId: azienda }, stato || undefined) : [];
  await recordAudit(getDb(), actorOf(user, context), {
    action: "l68.records_exported",
    entityType: "l68_workspace",
    entityId: province,
    details: { rows: rows.length, status: stato || null, employerId: azienda ?? null },
  });
  return csvDownload(recordsCsv(rows), `pratiche-collocamento-mirato-${province ?? "nessuna"}.csv`);
}
