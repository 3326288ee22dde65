import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestHandler } from "express";
import { pinoHttp } from "pino-http";
import { log } from "~/utils/logger.server";

/** An id a proxy may pass in X-Request-Id is kept when it is short and plain (it goes into logs and a header). */
const FORWARDED_ID = /^[A-Za-z0-9._:-]{8,100}$/;

/** One-time tokens in a path (activation, invitation, password reset, availability) never reach the log. */
const TOKEN_PATHS = /^\/(attivazione|invito|reimposta-password|disponibilita|registrazione\/candidato\/conferma)\/[^/?]+/;

export function loggedPath(url: string | undefined): string {
  const path = (url ?? "").split("?")[0] ?? "";
  return path.replace(TOKEN_PATHS, "/$1/…");
}

/**
 * The request log (pino-http): one JSON line per answered request with method, path (no query string, no tokens, no
 * cookies), status and time. Every request gets an id, sent back as `X-Request-Id` and carried by the log lines of
 * that request (`reqId`), so an error a user reports with its id can be found. Static files and /healthz are not
 * logged; 5xx answers are logged as errors, the others at info.
 */
export function requestLog(): RequestHandler {
  return pinoHttp({
    logger: log(),
    // The serializers below read the raw request and response: pino-std-serializers' wrappers would first build
    // a full copy of each (headers included) for every request, to be thrown away.
    wrapSerializers: false,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const forwarded = req.headers["x-request-id"];
      const id = typeof forwarded === "string" && FORWARDED_ID.test(forwarded) ? forwarded : randomUUID();
      res.setHeader("X-Request-Id", id);
      return id;
    },
    autoLogging: {
      ignore: (req) => /^\/(build|vendor|fonts|favicon)|^\/healthz$|\.(svg|png|ico|css|js|woff2?)$/.test(loggedPath(req.url)),
    },
    // A 4xx is the client's mistake (or a deliberate denial), part of normal traffic: info, like the rest.
    // A 503 of the admission control (load shed) is counted there, at warn.
    customLogLevel: (_req, res, err) =>
      err || (res.statusCode >= 500 && !(res as { locals?: { shed?: boolean } }).locals?.shed) ? "error" : "info",
    customSuccessMessage: (req, res, ms) => `${req.method} ${loggedPath(req.url)} ${res.statusCode} ${Math.round(ms)} ms`,
    customErrorMessage: (req, res, err) => `${req.method} ${loggedPath(req.url)} ${res.statusCode}: ${err.message}`,
    serializers: {
      req: (req: { id?: unknown; method?: string; url?: string }) => ({ id: req.id, method: req.method, path: loggedPath(req.url) }),
      res: (res: { statusCode?: number }) => ({ status: res.statusCode }),
    },
  }) as unknown as RequestHandler;
}
