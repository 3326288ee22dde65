import type { RequestHandler } from "express";
import pLimit from "p-limit";

/**
 * At most `limit` requests are inside the Remix handler at once; the others wait in arrival order.
 *
 * Without it, every request in flight interleaves with every other: at 200 concurrent officer searches
 * each one advanced a little at a time, so all of them finished late and the slowest waited more than
 * 10 s (bench:load: 9 timeouts at ~52 searches/s). In arrival order a request waits only for those ahead
 * of it: the same throughput, and the wait is bounded by the queue length over the throughput. Cached
 * public pages and static files are answered before this point and never wait. A client that goes
 * away while queued is dropped from the queue.
 */
export function admissionControl(limit: number): RequestHandler {
  const run = pLimit(limit);
  return (_req, res, next) => {
    let gone = false;
    res.once("close", () => (gone = true));
    void run(
      () =>
        new Promise<void>((done) => {
          if (gone) return done();
          res.once("close", () => done());
          next();
        }),
    );
  };
}
