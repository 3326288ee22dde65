import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db/db.server";
import { hireIdFrom, requireShortlistEmployer } from "~/web/guards.server";
import { hireUnilavDownload } from "~/web/national-exports.server";
import { actorOf } from "~/web/session.server";

/** The employer's own hire as UNILAV (reconstructed XML), to file it; another employer's hire is a 404. Audited. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, employerId } = await requireShortlistEmployer(request);
  return hireUnilavDownload(getDb(), actorOf(user, context), hireIdFrom(params), { employerId });
}
