import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { homePathFor } from "~/domain/identity/roles";
import type { Role } from "~/db/types";
import { safeRedirectPath } from "~/utils/redirect";
import { getCurrentUser, notFound } from "~/web/session.server";
import { beginVerifiedSignIn, verifiedSignInEnabled } from "~/web/verified-identity.server";

/** «Entra con SPID o CIE»: off to the gateway, with PKCE, state and nonce (docs/decisions/0027-spid-cie-sign-in-through-oidc.md). */
export async function loader({ request }: LoaderFunctionArgs) {
  if (!verifiedSignInEnabled()) throw notFound("L'accesso con SPID e CIE non è attivo su questo portale.");
  const user = await getCurrentUser(request);
  if (user) throw redirect(homePathFor(user.role as Role));
  const redirectTo = safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"), "");
  const started = await beginVerifiedSignIn(redirectTo);
  if (!started) return redirect("/accedi?spid=unavailable");
  return redirect(started.url, { headers: { "Set-Cookie": started.setCookie, "Cache-Control": "no-store" } });
}
