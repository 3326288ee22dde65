import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { broadcastDevReady, type ServerBuild } from "@remix-run/node";
import { closeDb, getDb } from "~/db/db.server";
import { registerInstance } from "~/db/instances.server";
import { EnvError, getEnv, setServiceUrls } from "~/utils/env.server";
import { createApp } from "./app";
import { startBackgroundJobs } from "./jobs";
import { startPlatform, type Platform } from "./platform";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./seed/index";
import { ServiceStartError } from "./embedded-services";

const startedAt = performance.now();
const BUILD_PATH = path.resolve("build/index.js");

function fail(message: string, code = 1): never {
  console.error(`Rosa non si avvia: ${message}`);
  process.exit(code);
}

async function importBuild(): Promise<ServerBuild> {
  if (!fs.existsSync(BUILD_PATH)) throw new ServiceStartError("manca la build dell'interfaccia (build/index.js): esegui prima `npm run build`.");
  const url = pathToFileURL(BUILD_PATH).href + "?t=" + fs.statSync(BUILD_PATH).mtimeMs;
  return (await import(url)) as ServerBuild;
}

async function main() {
  let env;
  try {
    env = getEnv();
  } catch (e) {
    if (e instanceof EnvError) fail(e.message, 2);
    throw e;
  }
  let platform: Platform | undefined;
  let stopJobs = () => {};
  let releaseInstance = async () => {};
  const shutdown = async (code: number) => {
    stopJobs();
    await releaseInstance();
    await closeDb().catch(() => {});
    await platform?.stop();
    process.exit(code);
  };
  try {
    platform = await startPlatform(env);
    setServiceUrls({ DATABASE_URL: platform.databaseUrl, MEILI_URL: platform.meiliUrl, MEILI_MASTER_KEY: platform.meiliKey, SESSION_SECRET: platform.sessionSecret });
    let build = await importBuild();
    // Before listening: imports started by this process carry its id (several processes may share the database).
    releaseInstance = await registerInstance(getDb(), platform.databaseUrl);
    const app = createApp({
      getBuild: async () => build,
      mode: env.NODE_ENV === "production" ? "production" : "development",
      health: async () => {
        const database = await getDb().selectNoFrom((eb) => eb.val(1).as("one")).execute().then(() => true, () => false);
        const search = await fetch(`${platform!.meiliUrl}/health`).then((r) => r.ok, () => false);
        return { ok: database && search, database, search };
      },
    });
    // Which proxies may set X-Forwarded-* (README, "Più istanze"); createApp's default is loopback.
    app.set("trust proxy", env.TRUST_PROXY);
    const server = app.listen(env.PORT, env.HOST, async () => {
      const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
      const url = `http://localhost:${env.PORT}`;
      console.log(`Rosa è pronto su ${url} (avvio in ${seconds} s)`);
      console.log(`  PostgreSQL: ${platform!.embedded.postgres ? "incorporato" : "esterno"}; Meilisearch: ${platform!.embedded.meilisearch ? "incorporato" : "esterno"}`);
      if (platform!.seeded) console.log("  Dati dimostrativi caricati.");
      console.log(`  Account dimostrativi (password ${DEMO_PASSWORD}):`);
      for (const a of DEMO_ACCOUNTS) console.log(`    ${a.email.padEnd(26)} ${a.role}`);
      if (env.NODE_ENV === "development") broadcastDevReady(build);
      stopJobs = startBackgroundJobs();
    });
    server.on("error", async (e: NodeJS.ErrnoException) => {
      console.error(`Rosa non si avvia: ${e.code === "EADDRINUSE" ? `la porta ${env.PORT} è già in uso (imposta PORT)` : e.message}`);
      await shutdown(1);
    });
    if (env.NODE_ENV === "development") {
      // `remix dev --manual` rewrites build/version.txt after each rebuild.
      fs.watchFile(path.resolve("build/version.txt"), { interval: 300 }, async () => {
        build = await importBuild();
        broadcastDevReady(build);
      });
    }
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      process.once(signal, () => {
        server.close(() => void shutdown(0));
        // Keep-alive connections would hold close() open; give requests in flight 2 s.
        setTimeout(() => server.closeAllConnections(), 2000).unref();
      });
    }
  } catch (e) {
    await releaseInstance();
    await closeDb().catch(() => {});
    await platform?.stop();
    const message = e instanceof ServiceStartError ? e.message : (e as Error)?.message ?? String(e);
    fail(message);
  }
}

void main();
