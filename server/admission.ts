import type { Request, RequestHandler, Response } from "express";
import pLimit from "p-limit";
import { log } from "~/utils/logger.server";

/** What an overloaded portal answers (HTML for pages, JSON for the API and for clients that ask for JSON). */
export const OVERLOAD_MESSAGE =
  "Il servizio è momentaneamente sovraccarico: troppe richieste in questo momento. Riprova tra qualche secondo.";
const RETRY_AFTER_SECONDS = 5;
const OVERLOAD_PAGE = `<!DOCTYPE html>
<html lang="it">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Servizio sovraccarico – Rosa</title></head>
<body>
<main>
<h1>Servizio momentaneamente sovraccarico</h1>
<p>${OVERLOAD_MESSAGE}</p>
<p><a href="">Ricarica la pagina</a> · <a href="/">Torna alla pagina iniziale</a></p>
</main>
</body>
</html>
`;

/** Load shedding: 503 with Retry-After, never cached; logged once per interval, not once per request. */
let shedSinceLog = 0;
let lastShedLog = 0;
function shed(req: Request, res: Response) {
  res.locals.shed = true;
  res.status(503).set({ "Retry-After": String(RETRY_AFTER_SECONDS), "Cache-Control": "no-store" });
  if (req.path.startsWith("/api/") || req.accepts(["html", "json"]) === "json") res.json({ error: OVERLOAD_MESSAGE });
  else res.type("html").send(OVERLOAD_PAGE);
  shedSinceLog++;
  const now = Date.now();
  if (now - lastShedLog >= 10_000) {
    log().warn({ shed: shedSinceLog }, `[admission] portale sovraccarico: ${shedSinceLog} richieste respinte con 503`);
    shedSinceLog = 0;
    lastShedLog = now;
  }
}

/**
 * At most `limit` requests are inside the Remix handler at once; the others wait in arrival order.
 *
 * Without it, every request in flight interleaves with every other: at 200 concurrent officer searches
 * each one advanced a little at a time, so all of them finished late and the slowest waited more than
 * 10 s (bench:load: 9 timeouts at ~52 searches/s). In arrival order a request waits only for those ahead
 * of it: the same throughput, and the wait is bounded by the queue length over the throughput. Cached
 * public pages and static files are answered before this point and never wait. A client that goes
 * away while queued is dropped from the queue.
 *
 * When the queue is longer than the portal can serve within `maxWaitMs` (the requests ahead, `limit` at a time,
 * each taking what the recent ones took inside), a new request is answered at once with 503 and `Retry-After`
 * (an Italian page, or JSON) instead of waiting until its client gives up; one that has waited longer than
 * `maxWaitMs` anyway gets the same answer when its turn comes (docs/performance.md).
 */
export function admissionControl(limit: number, opts: { maxWaitMs?: number } = {}): RequestHandler {
  const maxWaitMs = opts.maxWaitMs ?? Infinity;
  const run = pLimit(limit);
  /** Clients that left while queued: their turn, still in the queue, is skipped at once. */
  let left = 0;
  /** Recent time a request spent inside (exponentially weighted), 0 until one has finished. */
  let insideMs = 0;

  return (req, res, next) => {
    const waiting = run.pendingCount - left;
    const busy = run.activeCount >= limit || waiting > 0;
    if (busy && insideMs > 0 && ((waiting + 1) / limit) * insideMs > maxWaitMs) return shed(req, res);
    const queuedAt = performance.now();
    let gone = false;
    const leave = () => {
      gone = true;
      left++;
    };
    res.once("close", leave);
    void run(
      () =>
        new Promise<void>((done) => {
          res.off("close", leave);
          if (gone) {
            left--;
            return done();
          }
          if (performance.now() - queuedAt > maxWaitMs) {
            shed(req, res);
            return done();
          }
          const startedAt = performance.now();
          res.once("close", () => {
            const took = performance.now() - startedAt;
            insideMs = insideMs ? 0.9 * insideMs + 0.1 * took : took;
            done();
          });
          next();
        }),
    );
  };
}
