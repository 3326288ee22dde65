import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db/db.server";
import { recordAudit } from "~/domain/audit/commands.server";
import { recordsCsv } from "~/domain/l68";
import { listRecordsForExport } from "~/domain/l68/records/index.server";
import { actorOf } from "~/web/session.server";
import { csvDownload } from "~/utils/csv";
import { requireL68Employer } from "~/web/guards.server";

/** CSV of the employer's own records (scoped by the session's employer), as on the records page. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireL68Employer(request);
  const rows = await listRecordsForExport(getDb(), { employerId: user.employerId });
  await recordAudit(getDb(), actorOf(user, context), {
    action: "l68.records_exported",
    entityType: "l68_file",
    entityId: user.employerId,
    employerId: user.employerId,
    details: { rows: rows.length },
  });
  return csvDownload(recordsCsv(rows), "pratiche-collocamento-mirato.csv");
}
