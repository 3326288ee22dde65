import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db/db.server";
import { recordAudit } from "~/domain/audit/index.server";
import { cohortDashboard, dashboardCsv } from "~/domain/outplacement/index.server";
import { csvDownload } from "~/utils/csv";
import { todayInItaly } from "~/utils/dates";
import { requireOutcomeOfficer } from "~/web/outplacement-results.server";
import { actorOf } from "~/web/session.server";

/** The dashboard's figures as CSV: the cohort, then each site and each qualification (exact counts). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, event } = await requireOutcomeOfficer(request, params);
  const db = getDb();
  const today = todayInItaly();
  const dashboard = await cohortDashboard(db, event.id, today);
  await recordAudit(db, actorOf(user, context), {
    action: "outplacement.dashboard_export",
    entityType: "outplacement_event",
    entityId: event.id,
    employerId: event.employer_id,
    details: { members: dashboard.verified.members, asOf: today },
  });
  return csvDownload(dashboardCsv(dashboard), `ricollocazione-cruscotto-${today}.csv`);
}
