import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createDb } from "~/db/db.server";
import type { Env } from "~/utils/env.server";
import { Meilisearch } from "meilisearch";
import { applySearchSettings } from "../search/setup.server";
import { migrateToLatest } from "./migrate";
import { registerPortalSearchIndexes } from "./search-indexes";
import { syncReferenceData } from "./reference-data/sync";
import { seedDemoData } from "./seed/index";
import { prepareDir, startMeilisearch, startPostgres, type RunningService } from "./embedded-services";
import { log } from "~/utils/logger.server";

export interface Platform {
  databaseUrl: string;
  meiliUrl: string;
  meiliKey: string | undefined;
  sessionSecret: string;
  embedded: { postgres?: RunningService; meilisearch?: RunningService };
  seeded: boolean;
  stop(): Promise<void>;
}

/** A secret that survives restarts of a local install; production passes SESSION_SECRET. */
function persistentSecret(dataDir: string, name: string, bytes: number): string {
  const file = path.join(dataDir, name);
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  const secret = randomBytes(bytes).toString("hex");
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/**
 * Starts what is not configured externally (embedded PostgreSQL when
 * DATABASE_URL is unset, embedded Meilisearch when MEILI_URL is unset),
 * migrates, loads reference data and, into an empty database, the demo data.
 * Whatever started is stopped again if a later step fails.
 */
export async function startPlatform(env: Env, opts: { persistent?: boolean; seed?: boolean } = {}): Promise<Platform> {
  registerPortalSearchIndexes();
  const embedded: Platform["embedded"] = {};
  const stop = async () => {
    await Promise.allSettled([embedded.postgres?.stop(), embedded.meilisearch?.stop()]);
  };
  try {
    // Also for the generated session secret when only external servers are configured (CLI commands).
    if (!env.DATABASE_URL || !env.MEILI_URL || !env.SESSION_SECRET) prepareDir(env.DATA_DIR);
    const meiliKey = env.MEILI_URL
      ? env.MEILI_MASTER_KEY
      : (env.MEILI_MASTER_KEY ?? persistentSecret(env.DATA_DIR, "meili-master-key", 24));
    const [pg, meili] = await Promise.all(
      [
        env.DATABASE_URL
          ? undefined
          : startPostgres({ dataDir: env.DATA_DIR, port: env.EMBEDDED_PG_PORT, persistent: opts.persistent ?? true }),
        env.MEILI_URL
          ? undefined
          : startMeilisearch({
              dataDir: env.DATA_DIR,
              port: env.EMBEDDED_MEILI_PORT,
              masterKey: meiliKey!,
              indexingThreads: env.EMBEDDED_MEILI_INDEXING_THREADS,
            }),
      ].map((p) => p?.catch((e) => ({ error: e as Error }))),
    );
    for (const [name, s] of [
      ["postgres", pg],
      ["meilisearch", meili],
    ] as const) {
      if (s && !("error" in s)) embedded[name] = s;
    }
    const failed = [pg, meili].find((s) => s && "error" in s) as { error: Error } | undefined;
    if (failed) throw failed.error;

    const databaseUrl = env.DATABASE_URL ?? embedded.postgres!.url;
    const meiliUrl = env.MEILI_URL ?? embedded.meilisearch!.url;
    const db = createDb(databaseUrl, 2);
    let seeded = false;
    try {
      await migrateToLatest(db);
      // The parsed ISTAT tables are kept under DATA_DIR between starts (server/reference-data/read.ts).
      await syncReferenceData(db, { cacheDir: path.join(env.DATA_DIR, "cache") });
      if (opts.seed ?? env.SEED_DEMO) seeded = await seedDemoData(db);
    } finally {
      await db.destroy();
    }
    try {
      await applySearchSettings(new Meilisearch({ host: meiliUrl, apiKey: meiliKey }));
    } catch (e) {
      // An external Meilisearch may be down: the portal still starts, writes go to the outbox.
      if (embedded.meilisearch) throw e;
      log().error({ err: e }, "Meilisearch non raggiungibile: la ricerca si aggiornerà quando tornerà disponibile.");
    }
    const sessionSecret = env.SESSION_SECRET ?? persistentSecret(env.DATA_DIR, "session-secret", 32);
    return { databaseUrl, meiliUrl, meiliKey, sessionSecret, embedded, seeded, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
