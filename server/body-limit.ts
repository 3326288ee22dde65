import type { RequestHandler } from "express";

/** What is still drained of a refused body after the response, before the connection is closed. */
const DRAIN_BYTES = 1_048_576;
const DRAIN_MS = 2_000;

/**
 * Ends the connection of a request whose body was left unread. The actions read bodies to a limit
 * (`app/web/body.server.ts`) and answer 413 at the first byte over it; Node would then keep the socket paused
 * mid-body, and the client would stay blocked sending the rest. After the response we drain a little (so a body just
 * over the limit ends normally and a client that reads its response while sending sees it) and then close: the rest of
 * a 300 MB upload is never read.
 */
export const closeUnreadBodies: RequestHandler = (req, res, next) => {
  res.on("finish", () => {
    if (req.complete || req.destroyed) return;
    // The Remix adapter's stream stopped reading at the limit: replace it with a counter that discards.
    req.removeAllListeners("data");
    let drained = 0;
    const close = () => {
      clearTimeout(timer);
      req.socket.destroy();
    };
    const timer = setTimeout(close, DRAIN_MS);
    req.on("data", (chunk: Buffer) => {
      drained += chunk.length;
      if (drained > DRAIN_BYTES) close();
    });
    req.once("end", () => clearTimeout(timer));
    req.resume();
  });
  next();
};
