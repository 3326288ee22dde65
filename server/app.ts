import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { getEnv } from "~/utils/env.server";
import { guardBuild } from "~/web/request-guard.server";
import { admissionControl } from "./admission";
import { rateLimits } from "./rate-limit";
import { requestLog } from "./request-log";
import { closeUnreadBodies } from "./body-limit";
import { isCrossSiteMutation, originMismatchesHost } from "./csrf";
import { nonceOf, securityHeaders } from "./security-headers";
import { onIndexSynced } from "../search/sync.server";
import { COMPRESS_MIN_BYTES, invalidatePublicPages, publicPageCache, publicPageHits } from "./public-cache";
import { log } from "~/utils/logger.server";

const require = createRequire(import.meta.url);
const bootstrapItaliaDist = path.dirname(path.dirname(require.resolve("bootstrap-italia/dist/css/bootstrap-italia.min.css")));

export interface HealthCheck {
  (): Promise<{ ok: boolean; database: boolean; search: boolean }>;
}

export function createApp(opts: { getBuild: () => Promise<ServerBuild>; mode: string; health: HealthCheck }) {
  const app = express();
  app.disable("x-powered-by");
  // Which proxies may set X-Forwarded-For/-Proto (TRUST_PROXY, README "Più istanze"): req.ip is then the client's
  // address for the login lockout, the rate limits and the audit log, and req.protocol the one the browser used.
  app.set("trust proxy", getEnv().TRUST_PROXY);
  app.use(requestLog());
  // Anonymous job board pages already in the cache go out from here: the stored page carries the headers below.
  app.use(publicPageHits());

  app.use(securityHeaders({ publicUrl: getEnv().PUBLIC_URL, development: opts.mode === "development" }));

  app.use(closeUnreadBodies);

  app.get("/healthz", async (_req, res) => {
    const health = await opts.health();
    res.status(health.ok ? 200 : 503).json(health);
  });

  // Text compression (HTML, JSON, CSS, JS, SVG, XML feeds): gzip or Brotli as the browser asks. Rosa's pages are
  // rendered whole before they are sent (no deferred data), so buffering in the compressor delays no early bytes.
  app.use(compression({ threshold: COMPRESS_MIN_BYTES }));

  // Remix fingerprints everything under /build (JS, the Bootstrap Italia and Rosa CSS, fonts, icons): cached for a year.
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  // The unfingerprinted Bootstrap Italia files stay reachable for old links; pages use the copies in /build.
  app.use("/vendor/bootstrap-italia", express.static(bootstrapItaliaDist, { maxAge: "1d" }));
  app.get("/favicon.ico", (_req, res) => res.redirect(301, "/favicon.svg"));
  // Only for the names public/ holds (favicon.svg…): asking the disk about every page path cost a stat() per request.
  const publicFiles = express.static("public", { maxAge: "1d" });
  const publicNames = new Set(fs.existsSync("public") ? fs.readdirSync("public").filter((name) => name !== "build") : []);
  app.use((req, res, next) => (publicNames.has(req.path.split("/", 2)[1] ?? "") ? publicFiles(req, res, next) : next()));

  let publicOrigin: { url: string | undefined; origin: string[] } = { url: undefined, origin: [] };
  app.use((req, res, next) => {
    const publicUrl = getEnv().PUBLIC_URL;
    if (publicOrigin.url !== publicUrl) publicOrigin = { url: publicUrl, origin: publicUrl ? [new URL(publicUrl).origin] : [] };
    const allowedOrigins = [`${req.protocol}://${req.get("host")}`, ...publicOrigin.origin];
    const crossSite = isCrossSiteMutation({
      method: req.method,
      origin: req.get("origin"),
      referer: req.get("referer"),
      hasSessionCookie: /(?:^|;\s*)rosa_session=/.test(req.get("cookie") ?? ""),
      allowedOrigins,
    });
    if (crossSite) {
      res.status(403).type("text/plain; charset=utf-8").send("Richiesta rifiutata: proviene da un sito diverso da Rosa (protezione CSRF).");
      return;
    }
    if (
      originMismatchesHost({
        method: req.method,
        origin: req.get("origin"),
        forwardedHost: req.get("x-forwarded-host"),
        host: req.get("host"),
      })
    ) {
      log().warn(
        `[rosa] azione rifiutata: Origin ${req.get("origin")} diverso da Host ${req.get("host")} (il proxy deve conservare Host o impostare X-Forwarded-Host)`,
      );
      res
        .status(403)
        .type("text/plain; charset=utf-8")
        .send("Richiesta rifiutata: l'indirizzo di provenienza non corrisponde a quello del portale.");
      return;
    }
    next();
  });

  // Per-IP limits on the public JSON/RSS/API endpoints and on the one-time links (server/rate-limit.ts).
  app.use(rateLimits(getEnv));

  // Anonymous job board pages: short in-process cache + public HTTP caching (server/public-cache.ts).
  app.use(publicPageCache());
  onIndexSynced((index) => index === "vacancies" && invalidatePublicPages());

  app.use(admissionControl(getEnv().MAX_CONCURRENT_REQUESTS, { maxWaitMs: getEnv().MAX_QUEUE_WAIT_SECONDS * 1000 }));

  app.all(
    "*",
    createRequestHandler({
      build: async () => guardBuild(await opts.getBuild()),
      mode: opts.mode,
      getLoadContext: (req, res) => ({
        clientIp: req.ip ?? req.socket.remoteAddress ?? "0.0.0.0",
        cspNonce: nonceOf(res),
        requestId: String(req.id ?? ""),
      }),
    }),
  );
  return app;
}
