import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db/db.server";
import type { CoStatus } from "~/domain/shortlists/index.server";
import { requireMatchingOfficer } from "~/web/guards.server";
import { hiresUnilavBatchDownload } from "~/web/national-exports.server";
import { actorOf } from "~/web/session.server";

const STATUS: Record<string, CoStatus | undefined> = {
  tutte: undefined,
  "senza-co": "missing",
  differenze: "differs",
  allineate: "matches",
};

/** The complete UNILAV of the hires in the reconciliation list (same filter), in one file; audited. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireMatchingOfficer(request);
  const key = new URL(request.url).searchParams.get("stato") ?? "tutte";
  return hiresUnilavBatchDownload(getDb(), actorOf(user, context), STATUS[key]);
}
