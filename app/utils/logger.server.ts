import { pino, stdTimeFunctions, type DestinationStream, type Logger } from "pino";
import { getEnv, type Env } from "./env.server";

/**
 * The portal's one logger: JSON lines on stdout (pino), with an ISO time, the level as a word and, for errors, the
 * stack (`log().error({ err }, "…")`). Request lines carry their id (`req.id`; also the `X-Request-Id` response header; see
 * server/app.ts). On globalThis because the Remix build and the Express server hold separate module instances.
 */
const holder = globalThis as unknown as { __rosaLogger?: Logger };

export function logLevel(env: Pick<Env, "LOG_LEVEL" | "NODE_ENV">): string {
  return env.LOG_LEVEL ?? (env.NODE_ENV === "test" ? "silent" : "info");
}

/** The logger's format; `destination` defaults to stdout (tests pass one that collects the lines). */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { pid: process.pid },
    timestamp: stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
  };
  return destination ? pino(options, destination) : pino(options);
}

export function log(): Logger {
  return (holder.__rosaLogger ??= createLogger(logLevel(getEnv())));
}

/** Tests: logs go to this logger (e.g. one writing into an array) until the returned function restores the old one. */
export function replaceLogger(logger: Logger): () => void {
  const previous = holder.__rosaLogger;
  holder.__rosaLogger = logger;
  return () => {
    holder.__rosaLogger = previous;
  };
}
