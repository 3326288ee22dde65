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
