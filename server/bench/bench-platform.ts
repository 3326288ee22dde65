import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Meilisearch } from "meilisearch";
import { closeDb, getDb, type Db } from "~/db/db.server";
import { parseEnv, setServiceUrls } from "~/utils/env.server";
import { createMeiliClient } from "../../search/client.server";
import { startPlatform } from "../platform";
import { generateCandidates, generatorToday } from "../seed/candidate-writer";

/**
 * The synthetic CVs that bench:search, bench:match and bench:sync search: the same seed, so their figures at one count
 * are on the same people. Written without the outbox (the benchmarks build the index with a reindex).
 */
export function writeBenchCandidates(db: Db, count: number, onBatch?: (written: number) => void) {
  return generateCandidates(db, {
    count,
    seed: "rosa-bench",
    today: generatorToday(),
    createdBy: null,
    enqueue: false,
    batchSize: 5000,
    onBatch,
  });
}

/**
 * A benchmark's own PostgreSQL and Meilisearch in a throwaway folder (never the portal's data): started,
 * handed to `run`, then stopped and removed whatever happens. The folder is world-readable because the
 * embedded PostgreSQL runs as the `postgres` OS user.
 */
export async function withBenchPlatform<T>(
  prefix: string,
  run: (bench: { db: Db; meili: Meilisearch; dir: string }) => Promise<T>,
  opts: { beforeStop?: () => void; env?: Record<string, string> } = {},
): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.chmodSync(dir, 0o755);
  const platform = await startPlatform(
    parseEnv({ ...opts.env, DATA_DIR: dir, NODE_ENV: "production", PUBLIC_URL: "http://localhost:3000" }),
    {
      persistent: false,
      seed: false,
    },
  );
  try {
    setServiceUrls({ DATABASE_URL: platform.databaseUrl, MEILI_URL: platform.meiliUrl, MEILI_MASTER_KEY: platform.meiliKey });
    return await run({ db: getDb(), meili: createMeiliClient(platform.meiliUrl, platform.meiliKey, 120_000), dir });
  } finally {
    opts.beforeStop?.();
    await closeDb().catch(() => {});
    await platform.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
