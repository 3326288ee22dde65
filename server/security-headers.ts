import { randomBytes } from "node:crypto";
import type { RequestHandler, Response } from "express";
import helmet from "helmet";

/**
 * Response headers that limit what a page can do even if an attacker manages to
 * inject markup into it (docs: OWASP Secure Headers; MDN CSP).
 *
 * The Content-Security-Policy allows scripts only from our origin plus the inline
 * scripts Remix and React write themselves, which carry a per-request nonce
 * (`<Scripts nonce>`, `<ScrollRestoration nonce>`, renderToPipeableStream's
 * `nonce`). No 'unsafe-inline' for scripts nor for styles: Bootstrap Italia is
 * a stylesheet of our origin, its icons and a font are data: URIs, and our pages
 * use classes instead of style attributes. HSTS is sent only when PUBLIC_URL is
 * https: sending it over plain http on a LAN address would pin browsers to https
 * for a host that has none.
 */
export function nonceOf(res: Response): string {
  return String(res.locals.cspNonce ?? "");
}

export function securityHeaders(opts: { publicUrl: string | undefined; development: boolean }): RequestHandler[] {
  const https = (opts.publicUrl ?? "").startsWith("https:");
  const assignNonce: RequestHandler = (_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString("base64");
    next();
  };
  const helmetHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'self'", (_req, res) => `'nonce-${nonceOf(res as Response)}'`],
        "script-src-attr": ["'none'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'", "data:"],
        // `remix dev` reloads the page through a WebSocket on another local port.
        "connect-src": opts.development ? ["'self'", "ws://localhost:*"] : ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        ...(https ? { "upgrade-insecure-requests": [] } : {}),
      },
    },
    strictTransportSecurity: https ? { maxAge: 365 * 24 * 60 * 60, includeSubDomains: true } : false,
    referrerPolicy: { policy: "same-origin" },
    xFrameOptions: { action: "deny" },
  });
  const permissionsPolicy: RequestHandler = (_req, res, next) => {
    // Not covered by helmet: Rosa never needs the camera, the microphone or the position.
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    next();
  };
  return [assignNonce, helmetHeaders, permissionsPolicy];
}
