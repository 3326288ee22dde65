/**
 * SPID/CIE sign-in through an OpenID Connect gateway (docs/decisions/0027-spid-cie-sign-in-through-oidc.md): the authorization code flow with
 * PKCE, state and nonce, by `openid-client`. The verifier, state, nonce and where to go afterwards live in a short
 * signed cookie between the two legs; after the callback the verified identity waits in another signed cookie while a
 * person who has no linked account chooses how to link it.
 */
import { createCookie } from "@remix-run/node";
import * as oidc from "openid-client";
import { identityFromClaims, type IdentityProblem, type VerifiedIdentity } from "~/domain/identity/verified-identity";
import { getEnv } from "~/utils/env.server";
import { log } from "~/utils/logger.server";
import { publicBaseUrl } from "~/utils/public-url.server";

export const CALLBACK_PATH = "/accedi/spid/ritorno";
const FLOW_MINUTES = 10;
const PENDING_MINUTES = 15;

export function verifiedSignInEnabled(): boolean {
  const env = getEnv();
  return !!(env.OIDC_ISSUER && env.OIDC_CLIENT_ID);
}

const isLoopback = (url: URL) => ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);

// The provider's metadata is read once per configuration (issuer, client): the gateway's discovery document changes rarely.
let cached: { key: string; config: Promise<oidc.Configuration> } | undefined;
function configuration(): Promise<oidc.Configuration> {
  const env = getEnv();
  const key = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET].join("\u0000");
  if (cached?.key !== key) {
    const issuer = new URL(env.OIDC_ISSUER!);
    const auth = env.OIDC_CLIENT_SECRET ? oidc.ClientSecretBasic(env.OIDC_CLIENT_SECRET) : oidc.None();
    // http only on loopback (the demo's local gateway): env.server.ts refuses any other http issuer in production.
    const options = issuer.protocol === "http:" && isLoopback(issuer) ? { execute: [oidc.allowInsecureRequests] } : undefined;
    const config = oidc.discovery(issuer, env.OIDC_CLIENT_ID!, undefined, auth, options);
    // A failed discovery is not cached: the next sign-in tries again.
    config.catch(() => {
      if (cached?.config === config) cached = undefined;
    });
    cached = { key, config };
  }
  return cached.config;
}

function signedCookie(name: string, minutes: number) {
  const env = getEnv();
  if (!env.SESSION_SECRET) throw new Error("SESSION_SECRET non impostato");
  return createCookie(name, {
    httpOnly: true,
    // Lax: the gateway sends the browser back with a top-level GET, which carries the cookie.
    sameSite: "lax",
    path: "/accedi/spid",
    secure: (env.PUBLIC_URL ?? "").startsWith("https:"),
    secrets: [env.SESSION_SECRET],
    maxAge: minutes * 60,
  });
}
const flowCookie = () => signedCookie("rosa_spid_flow", FLOW_MINUTES);
const pendingCookie = () => signedCookie("rosa_spid_identity", PENDING_MINUTES);

interface Flow {
  verifier: string;
  state: string;
  nonce: string;
  redirectTo: string;
}

/** The gateway's authorization URL and the cookie that remembers this attempt; null when the gateway cannot be reached. */
export async function beginVerifiedSignIn(redirectTo: string): Promise<{ url: string; setCookie: string } | null> {
  let config: oidc.Configuration;
  try {
    config = await configuration();
  } catch (err) {
    log().warn({ err }, "SPID/CIE: il gestore dell'identità non risponde (discovery)");
    return null;
  }
  const flow: Flow = { verifier: oidc.randomPKCECodeVerifier(), state: oidc.randomState(), nonce: oidc.randomNonce(), redirectTo };
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: publicBaseUrl() + CALLBACK_PATH,
    scope: getEnv().OIDC_SCOPE,
    code_challenge: await oidc.calculatePKCECodeChallenge(flow.verifier),
    code_challenge_method: "S256",
    state: flow.state,
    nonce: flow.nonce,
    // Always a fresh authentication at the gateway (SPID's OpenID Connect rules ask for it): leaving Rosa and signing
    // in again on a shared computer must not reuse the previous person's gateway session.
    prompt: "login",
  });
  return { url: url.href, setCookie: await flowCookie().serialize(flow) };
}

export type CallbackResult =
  | { ok: true; identity: VerifiedIdentity; redirectTo: string }
  | { ok: false; problem: IdentityProblem | "cancelled" | "expired" | "failed" };

/** Completes the flow from the gateway's redirect: code exchange, ID token checks, userinfo, the identity. */
export async function finishVerifiedSignIn(request: Request): Promise<CallbackResult> {
  const requestUrl = new URL(request.url);
  if (requestUrl.searchParams.get("error") === "access_denied") return { ok: false, problem: "cancelled" };
  const flow = (await flowCookie().parse(request.headers.get("Cookie"))) as Flow | null;
  if (!flow || typeof flow !== "object" || typeof flow.verifier !== "string") return { ok: false, problem: "expired" };
  // The URL the gateway redirected to, on the configured public origin (the request's Host is not trusted).
  const currentUrl = new URL(CALLBACK_PATH + requestUrl.search, publicBaseUrl());
  try {
    const config = await configuration();
    const tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims()!;
    const userinfo = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub).catch((err: unknown) => {
      log().warn({ err }, "SPID/CIE: userinfo non disponibile, uso i dati del token");
      return {};
    });
    const found = identityFromClaims({ ...idClaims, ...userinfo }, getEnv().OIDC_FISCAL_NUMBER_CLAIM);
    return found.ok ? { ok: true, identity: found.identity, redirectTo: flow.redirectTo } : { ok: false, problem: found.problem };
  } catch (err) {
    log().warn({ err }, "SPID/CIE: risposta del gestore dell'identità non valida");
    return { ok: false, problem: "failed" };
  }
}

export const clearFlowCookie = async () => flowCookie().serialize("", { maxAge: 0 });

export async function rememberPendingIdentity(identity: VerifiedIdentity, redirectTo: string): Promise<string> {
  return pendingCookie().serialize({ identity, redirectTo });
}

export async function pendingIdentity(request: Request): Promise<{ identity: VerifiedIdentity; redirectTo: string } | null> {
  const value = (await pendingCookie().parse(request.headers.get("Cookie"))) as { identity?: VerifiedIdentity; redirectTo?: string } | null;
  if (!value?.identity || typeof value.identity.taxCode !== "string") return null;
  return { identity: value.identity, redirectTo: typeof value.redirectTo === "string" ? value.redirectTo : "" };
}

export const clearPendingIdentityCookie = async () => pendingCookie().serialize("", { maxAge: 0 });

/** Italian notices for /accedi?spid=<code>. */
export const SIGN_IN_NOTICES: Record<string, string> = {
  cancelled: "Accesso con SPID o CIE annullato.",
  expired: "La richiesta di accesso con SPID o CIE è scaduta: riprova.",
  failed: "Il gestore dell'identità ha risposto in modo non valido: riprova più tardi o accedi con e-mail e password.",
  unavailable: "Il gestore dell'identità SPID/CIE non è raggiungibile in questo momento: riprova più tardi o accedi con e-mail e password.",
  inactive: "Il tuo account Rosa è disattivato: rivolgiti al Centro per l'Impiego.",
  no_fiscal_number:
    "Il gestore dell'identità non ha comunicato il codice fiscale: senza il codice fiscale Rosa non può riconoscerti. Riprova o accedi con e-mail e password.",
  invalid_fiscal_number:
    "Il codice fiscale comunicato dal gestore dell'identità non è quello di una persona: accedi con e-mail e password oppure rivolgiti al Centro per l'Impiego.",
};
