/**
 * CSRF defence for every state-changing request, applied once in Express so
 * no route can forget it: the browser's Origin (or, failing that, Referer)
 * must be our own origin (OWASP "verifying origin with standard headers"),
 * on top of SameSite=Lax session cookies. A request with neither header and
 * no session cookie cannot ride on a user's session and is let through.
 */
export function isCrossSiteMutation(input: {
  method: string;
  origin: string | undefined;
  referer: string | undefined;
  hasSessionCookie: boolean;
  allowedOrigins: string[];
}): boolean {
  if (["GET", "HEAD", "OPTIONS"].includes(input.method.toUpperCase())) return false;
  const source = input.origin && input.origin !== "null" ? input.origin : refererOrigin(input.referer);
  if (!source) return input.hasSessionCookie;
  return !input.allowedOrigins.includes(source);
}

function refererOrigin(referer: string | undefined): string | undefined {
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return undefined;
  }
}

/**
 * Remix checks once more, after us, that an action's Origin names the host the
 * request was addressed to (X-Forwarded-Host, else Host), and throws — a 500 —
 * when it does not: that happens when a reverse proxy rewrites Host without
 * setting X-Forwarded-Host, even for an Origin equal to PUBLIC_URL. The same
 * comparison here turns it into a 403 with an explanation (and a log line for
 * whoever configures the proxy). Mirrors @remix-run/server-runtime actions.js.
 */
export function originMismatchesHost(input: {
  method: string;
  origin: string | undefined;
  forwardedHost: string | undefined;
  host: string | undefined;
}): boolean {
  if (!["POST", "PUT", "PATCH", "DELETE"].includes(input.method.toUpperCase())) return false;
  if (!input.origin || input.origin === "null") return false;
  let originHost: string;
  try {
    originHost = new URL(input.origin).host;
  } catch {
    return true;
  }
  const host = input.forwardedHost?.split(",")[0]?.trim() || input.host;
  return !host || originHost !== host;
}
