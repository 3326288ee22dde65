import { createHash } from "node:crypto";
import type { Request, RequestHandler, Response } from "express";
import { rateLimit } from "express-rate-limit";
import { plural } from "~/utils/plural";
import { log } from "~/utils/logger.server";

/**
 * Per-IP request limits on what anyone may call without an account (express-rate-limit, counters in this process's
 * memory: with several instances each counts its own share). The key is the client address as Express sees it
 * (`req.ip`), so behind a proxy TRUST_PROXY must name it, or every client would share the proxy's one address
 * (README, "Più istanze"). IPv6 clients are counted per /56, as one home or office network.
 *
 * - public JSON, RSS and API endpoints (job feeds, lookups used by the registration forms, the L. 68 quota API, the
 *   sitemap): RATE_LIMIT_PUBLIC_PER_MINUTE requests a minute;
 * - one-time links that carry a token in the path (availability answer, invitation, activation, password reset,
 *   candidate e-mail confirmation): RATE_LIMIT_LINKS_PER_15_MINUTES requests per 15 minutes, so that tokens cannot be
 *   tried in bulk.
 *
 * - an integrator's calls to the open API (`/api/…` with `Authorization: Bearer …`): RATE_LIMIT_API_CLIENT_PER_MINUTE
 *   requests a minute per token, whatever the address (docs/decisions/open-api.md); they do not count against the
 *   per-IP limit. The key is the token's hash: an unknown token gets its own counter and a 401 from the route.
 *
 * Over the limit: 429 with an Italian message (JSON for JSON endpoints), `Retry-After` and the `RateLimit` headers.
 */
export const PUBLIC_ENDPOINTS = [/^\/api\//, /^\/offerte\/rss\/?$/, /^\/sitemap\.xml$/];
export const TOKEN_LINKS = [
  /^\/disponibilita\/[^/]+/,
  /^\/invito\/[^/]+/,
  /^\/attivazione\/[^/]+/,
  /^\/reimposta-password\/[^/]+/,
  /^\/registrazione\/candidato\/conferma\/[^/]+/,
];

/** The bearer token of an API call, or null. */
function bearerToken(req: Request): string | null {
  if (!req.path.startsWith("/api/")) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? "");
  return match ? match[1] : null;
}

function tooMany(req: Request, res: Response, minutes: number, who: string) {
  const message = `Troppe richieste ${who}: per sicurezza riprova tra ${plural(Math.max(1, minutes), "minuto", "minuti")}.`;
  log().warn({ path: req.path, ip: req.ip, reqId: (req as { id?: unknown }).id }, "[rate-limit] limite di richieste superato");
  res.status(429);
  if (req.path.startsWith("/api/") || req.accepts(["html", "json"]) === "json") res.json({ error: message });
  else res.type("text/plain; charset=utf-8").send(message);
}

function limiter(opts: {
  paths: RegExp[];
  windowMinutes: number;
  limit: () => number;
  /** Whom the message names: «da questo indirizzo» or «con questo token». */
  who?: string;
  /** Counts by this key instead of the client address. */
  keyOf?: (req: Request) => string;
  /** Which requests of `paths` this limit counts (all when absent). */
  when?: (req: Request) => boolean;
}): RequestHandler {
  const keyOf = opts.keyOf;
  const limit = rateLimit({
    ...(keyOf ? { keyGenerator: keyOf } : {}),
    windowMs: opts.windowMinutes * 60_000,
    limit: () => opts.limit(),
    standardHeaders: "draft-7",
    legacyHeaders: false,
    ...(keyOf ? {} : { ipv6Subnet: 56 as const }),
    handler: (req, res) => {
      const resetTime = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      tooMany(
        req,
        res,
        resetTime ? Math.ceil((resetTime.getTime() - Date.now()) / 60_000) : opts.windowMinutes,
        opts.who ?? "da questo indirizzo",
      );
    },
    logger: {
      error: (e, m) => log().error({ err: e }, `[rate-limit] ${m ?? ""}`),
      warn: (e, m) => log().warn({ err: e }, `[rate-limit] ${m ?? ""}`),
    },
  });
  const applies = (req: Request) => opts.paths.some((p) => p.test(req.path)) && (opts.when?.(req) ?? true);
  return (req, res, next) => (applies(req) ? limit(req, res, next) : next());
}

export function rateLimits(
  settings: () => {
    RATE_LIMIT_PUBLIC_PER_MINUTE: number;
    RATE_LIMIT_LINKS_PER_15_MINUTES: number;
    RATE_LIMIT_API_CLIENT_PER_MINUTE: number;
  },
): RequestHandler[] {
  return [
    limiter({
      paths: PUBLIC_ENDPOINTS,
      windowMinutes: 1,
      limit: () => settings().RATE_LIMIT_PUBLIC_PER_MINUTE,
      when: (req) => bearerToken(req) === null,
    }),
    limiter({
      paths: [/^\/api\//],
      windowMinutes: 1,
      limit: () => settings().RATE_LIMIT_API_CLIENT_PER_MINUTE,
      who: "con questo token",
      when: (req) => bearerToken(req) !== null,
      keyOf: (req) => `token:${createHash("sha256").update(bearerToken(req)!).digest("hex")}`,
    }),
    limiter({ paths: TOKEN_LINKS, windowMinutes: 15, limit: () => settings().RATE_LIMIT_LINKS_PER_15_MINUTES }),
  ];
}
