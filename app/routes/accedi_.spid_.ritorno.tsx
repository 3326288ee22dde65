import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getDb } from "~/db/db.server";
import { signInWithVerifiedIdentity } from "~/domain/identity/verified-login.server";
import { homePathFor } from "~/domain/identity/roles";
import type { Role } from "~/db/types";
import { safeRedirectPath } from "~/utils/redirect";
import { clientIp, sessionCookieHeader } from "~/web/session.server";
import { clearFlowCookie, finishVerifiedSignIn, rememberPendingIdentity } from "~/web/verified-identity.server";

/** The gateway sends the browser back here with the code: sign in, or ask how to link the identity. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const result = await finishVerifiedSignIn(request);
  const headers = new Headers({ "Set-Cookie": await clearFlowCookie(), "Cache-Control": "no-store" });
  if (!result.ok) return redirect(`/accedi?spid=${result.problem}`, { headers });
  const signIn = await signInWithVerifiedIdentity(getDb(), result.identity, clientIp(context));
  if (signIn.kind === "inactive") return redirect("/accedi?spid=inactive", { headers });
  if (signIn.kind === "unlinked") {
    headers.append("Set-Cookie", await rememberPendingIdentity(result.identity, result.redirectTo));
    return redirect("/accedi/spid/collega", { headers });
  }
  headers.append("Set-Cookie", await sessionCookieHeader(signIn.sessionId));
  return redirect(safeRedirectPath(result.redirectTo, homePathFor(signIn.role as Role)), { headers });
}
