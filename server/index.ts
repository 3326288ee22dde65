import fs from "node:fs";
import type { Server } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { broadcastDevReady, type ServerBuild } from "@remix-run/node";
import closeWithGrace from "close-with-grace";
import { closeDb, getDb } from "~/db/db.server";
import { registerInstance } from "~/db/instances.server";
import { EnvError, getEnv, setServiceUrls } from "~/utils/env.server";
import { log } from "~/utils/logger.server";
import { createApp } from "./app";
import { startBackgroundJobs } from "./jobs";
import { startPlatform, type Platform } from "./platform";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./seed/index";
import { startDemoSignIn } from "./demo-sign-in";
import { releaseStartupSignalHooks, ServiceStartError } from "./embedded-services";

const startedAt = performance.now();
const BUILD_PATH = path.resolve("build/index.js");

function fail(message: string, code = 1, err?: unknown): never {
  log().fatal(err instanceof Error && !(err instanceof ServiceStartError) ? { err } : {}, `Rosa non si avvia: ${message}`);
  process.exit(code);
}

async function importBuild(): Promise<ServerBuild> {
  if (!fs.existsSync(BUILD_PATH))
    throw new ServiceStartError("manca la build dell'interfaccia (build/index.js): esegui prima `npm run build`.");
  const url = pathToFileURL(BUILD_PATH).href + "?t=" + fs.statSync(BUILD_PATH).mtimeMs;
  return (await import(url)) as ServerBuild;
}

async function main() {
  let env;
  try {
    env = getEnv();
  } catch (e) {
    // Without a valid environment there is no logger configuration either: one plain line for the operator.
    if (e instanceof EnvError) {
      process.stderr.write(`Rosa non si avvia: ${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
  let platform: Platform | undefined;
  let stopJobs = async () => {};
  let releaseInstance = async () => {};
  let stopDemoSignIn = async () => {};
  /** Background work first (it may still write), then this process's lock, the pool and the embedded servers. */
  const stopEverything = async () => {
    await stopJobs();
    await releaseInstance();
    await closeDb().catch(() => {});
    await stopDemoSignIn();
    await platform?.stop();
  };
  try {
    platform = await startPlatform(env);
    setServiceUrls({
      DATABASE_URL: platform.databaseUrl,
      MEILI_URL: platform.meiliUrl,
      MEILI_MASTER_KEY: platform.meiliKey,
      SESSION_SECRET: platform.sessionSecret,
    });
    // The local SPID/CIE test provider, only where the demo accounts and their published password already are.
    const demoSignIn = await startDemoSignIn(env, platform);
    stopDemoSignIn = demoSignIn.stop;
    let build = await importBuild();
    // Before listening: imports started by this process carry its id (several processes may share the database).
    releaseInstance = await registerInstance(getDb(), platform.databaseUrl);
    const app = createApp({
      getBuild: async () => build,
      mode: env.NODE_ENV === "production" ? "production" : "development",
      health: async () => {
        const database = await getDb()
          .selectNoFrom((eb) => eb.val(1).as("one"))
          .execute()
          .then(
            () => true,
            () => false,
          );
        const search = await fetch(`${platform!.meiliUrl}/health`).then(
          (r) => r.ok,
          () => false,
        );
        return { ok: database && search, database, search };
      },
    });
    const server = app.listen(env.PORT, env.HOST, async () => {
      const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
      const url = `http://localhost:${env.PORT}`;
      const postgres = platform!.embedded.postgres ? "incorporato" : "esterno";
      const meilisearch = platform!.embedded.meilisearch ? "incorporato" : "esterno";
      log().info(
        { url, startupSeconds: Number(seconds), postgres, meilisearch },
        `Rosa è pronto su ${url} (avvio in ${seconds} s; PostgreSQL ${postgres}, Meilisearch ${meilisearch})`,
      );
      // The demo password only when this run loaded the demo accounts (README, "Account dimostrativi").
      if (platform!.seeded) {
        const accounts = DEMO_ACCOUNTS.map((a) => `${a.email} (${a.role})`).join(", ");
        log().info(
          { accounts: DEMO_ACCOUNTS.map((a) => a.email) },
          `Dati dimostrativi caricati. Account dimostrativi (password ${DEMO_PASSWORD}): ${accounts}`,
        );
      }
      if (env.NODE_ENV === "development") broadcastDevReady(build);
      stopJobs = startBackgroundJobs();
      stopGracefully(server, stopEverything);
    });
    server.on("error", async (e: NodeJS.ErrnoException) => {
      log().fatal(
        { err: e },
        `Rosa non si avvia: ${e.code === "EADDRINUSE" ? `la porta ${env.PORT} è già in uso (imposta PORT)` : e.message}`,
      );
      await stopEverything();
      process.exit(1);
    });
    if (env.NODE_ENV === "development") {
      // `remix dev --manual` rewrites build/version.txt after each rebuild.
      fs.watchFile(path.resolve("build/version.txt"), { interval: 300 }, async () => {
        build = await importBuild();
        broadcastDevReady(build);
      });
    }
  } catch (e) {
    await releaseInstance();
    await closeDb().catch(() => {});
    await platform?.stop();
    const message = e instanceof ServiceStartError ? e.message : ((e as Error)?.message ?? String(e));
    fail(message, 1, e);
  }
}

/** Longest wait for a graceful stop; past it the process exits with code 1 (the embedded servers die with it). */
const SHUTDOWN_TIMEOUT_MS = 30_000;
/** Requests still running this long after the stop began have their connections closed. */
const REQUEST_GRACE_MS = 5_000;

/**
 * On SIGTERM/SIGINT (and on an uncaught error) the portal stops in order (close-with-grace): it stops accepting
 * connections, lets the requests in flight finish (idle keep-alive connections close at once, the others after
 * REQUEST_GRACE_MS), waits for the periodic jobs and the search sync batch in flight, then closes the database pool and
 * stops the embedded servers. Exit code 0 after a signal, 1 after an error or past SHUTDOWN_TIMEOUT_MS.
 */
function stopGracefully(server: Server, stopEverything: () => Promise<void>) {
  releaseStartupSignalHooks();
  closeWithGrace(
    {
      delay: SHUTDOWN_TIMEOUT_MS,
      logger: {
        error: (message: unknown) =>
          log().error(
            message instanceof Error ? { err: message } : {},
            `[arresto] ${message instanceof Error ? message.message : String(message)}`,
          ),
      },
      // 'beforeExit' never fires while the server listens; the signals Node reserves for debuggers and crashes stay Node's.
      skip: ["beforeExit", "SIGUSR2", "SIGILL", "SIGTRAP", "SIGBUS", "SIGFPE", "SIGSEGV"],
    },
    async ({ signal, err }) => {
      if (err) log().fatal({ err }, "[arresto] errore non gestito: arresto ordinato del portale");
      log().info(
        { signal },
        `[arresto] ${signal ?? "errore"}: non accetto nuove richieste e attendo quelle in corso, i job e la sincronizzazione della ricerca`,
      );
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const force = setTimeout(() => server.closeAllConnections(), REQUEST_GRACE_MS);
      await closed;
      clearTimeout(force);
      await stopEverything();
      log().info("[arresto] completato");
    },
  );
}

void main();
