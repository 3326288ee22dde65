import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db/db.server";
import { hireIdFrom, requireMatchingOfficer } from "~/web/guards.server";
import { hireUnilavDownload } from "~/web/national-exports.server";
import { actorOf } from "~/web/session.server";

/** The hire's UNILAV (reconstructed XML), offered only when complete and valid; audited. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = await requireMatchingOfficer(request);
  return hireUnilavDownload(getDb(), actorOf(user, context), hireIdFrom(params), {});
}
