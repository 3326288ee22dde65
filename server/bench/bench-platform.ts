import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Meilisearch } from "meilisearch";
import { closeDb, getDb, type Db } from "~/db/db.server";
import { parseEnv, setServiceUrls } from "~/utils/env.server";
import { createMeiliClient } from "../../search/client.server";
import { reindex, type ReindexResult } from "../../search/reindex.server";
import { drainOutbox } from "../../search/sync.server";
import { refreshExperienceYears } from "~/domain/candidates/index.server";
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

/** What a benchmark runs on; `kept` when its folder is the `--data-dir` one (see withBenchPlatform). */
export interface BenchPlatform {
  db: Db;
  meili: Meilisearch;
  dir: string;
  kept: boolean;
}

/**
 * A benchmark's own PostgreSQL and Meilisearch in a throwaway folder (never the portal's data): started,
 * handed to `run`, then stopped and removed whatever happens. The folder is world-readable because the
 * embedded PostgreSQL runs as the `postgres` OS user. With `keepDir` the folder is that one, created if
 * missing and kept afterwards, so that a later run can reuse its data (see `prepareBenchCandidates`).
 */
export async function withBenchPlatform<T>(
  prefix: string,
  run: (bench: BenchPlatform) => Promise<T>,
  opts: { beforeStop?: () => void; env?: Record<string, string>; keepDir?: string } = {},
): Promise<T> {
  const dir = opts.keepDir ? path.resolve(opts.keepDir) : fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.mkdirSync(dir, { recursive: true });
  fs.chmodSync(dir, 0o755);
  const platform = await startPlatform(
    parseEnv({ ...opts.env, DATA_DIR: dir, NODE_ENV: "production", PUBLIC_URL: "http://localhost:3000" }),
    {
      persistent: !!opts.keepDir,
      seed: false,
    },
  );
  try {
    setServiceUrls({ DATABASE_URL: platform.databaseUrl, MEILI_URL: platform.meiliUrl, MEILI_MASTER_KEY: platform.meiliKey });
    return await run({ db: getDb(), meili: createMeiliClient(platform.meiliUrl, platform.meiliKey, 120_000), dir, kept: !!opts.keepDir });
  } finally {
    opts.beforeStop?.();
    await closeDb().catch(() => {});
    await platform.stop();
    if (!opts.keepDir) fs.rmSync(dir, { recursive: true, force: true });
  }
}

const READY_FILE = "bench-candidates.json";

/** Whether a kept folder already holds `count` bench CVs, written and indexed by an earlier run that finished. */
export function benchCandidatesReady(dir: string, count: number): boolean {
  try {
    return (JSON.parse(fs.readFileSync(path.join(dir, READY_FILE), "utf8")) as { count?: number }).count === count;
  } catch {
    return false;
  }
}

/**
 * The bench CVs written to PostgreSQL and indexed, with their throughput printed (and their progress on a terminal); in
 * a kept folder (`--data-dir`) that already holds them, reused as they are (null: nothing was indexed). The folder is
 * marked only after both steps finished: a run cut short leaves no mark.
 */
export async function prepareBenchCandidates(
  bench: BenchPlatform,
  count: number,
  log: (line: string) => void,
): Promise<ReindexResult | null> {
  if (bench.kept && benchCandidatesReady(bench.dir, count)) {
    log(`Candidati e indice riusati da ${bench.dir}`);
    await refreshKeptIndex(bench, log);
    return null;
  }
  const fmt = new Intl.NumberFormat("it-IT");
  const progress = (label: string) => (n: number) => process.stdout.isTTY && process.stdout.write(`\r  ${label}: ${fmt.format(n)}`);
  const endProgress = () => process.stdout.isTTY && process.stdout.write("\n");
  const indexStartedAt = new Date();
  const t = performance.now();
  await writeBenchCandidates(bench.db, count, progress("scrittura in PostgreSQL"));
  endProgress();
  const writeSeconds = (performance.now() - t) / 1000;
  log(`PostgreSQL: ${fmt.format(count)} CV scritti in ${writeSeconds.toFixed(1)} s (${fmt.format(Math.round(count / writeSeconds))} CV/s)`);
  const index = await reindex(bench.db, bench.meili, "candidates", {
    batchSize: 5000,
    maxInFlight: 3,
    onProgress: progress("inviati a Meilisearch"),
  });
  endProgress();
  log(
    `Indicizzazione: ${fmt.format(index.documents)} documenti in ${index.seconds.toFixed(1)} s → ${fmt.format(Math.round(index.documents / index.seconds))} doc/s (indice interamente ricercabile, scambio incluso)`,
  );
  if (bench.kept)
    fs.writeFileSync(
      path.join(bench.dir, READY_FILE),
      JSON.stringify({ count, seed: "rosa-bench", at: new Date().toISOString(), indexStartedAt: indexStartedAt.toISOString() }),
    );
  return index;
}

/**
 * A kept index is as old as its folder: the years of jobs in progress have grown since (refreshExperienceYears), so the
 * CVs whose years changed are re-synced before anything is measured or checked against PostgreSQL. From the start of
 * the indexing (every document was built after it), or from the time the last refresh covered; folders written before
 * either was recorded: a day before they were marked ready, more than any indexing took.
 */
async function refreshKeptIndex(bench: BenchPlatform, log: (line: string) => void) {
  const file = path.join(bench.dir, READY_FILE);
  const ready = JSON.parse(fs.readFileSync(file, "utf8")) as { at: string; indexStartedAt?: string; yearsCoveredUntil?: string };
  const since = new Date(ready.yearsCoveredUntil ?? ready.indexStartedAt ?? Date.parse(ready.at) - 86_400_000);
  const t = performance.now();
  const run = await refreshExperienceYears(bench.db, new Date(), since);
  const scanned = performance.now();
  const synced = await drainOutbox(bench.db);
  fs.writeFileSync(file, JSON.stringify({ ...ready, yearsCoveredUntil: run.to.toISOString() }));
  const fmt = new Intl.NumberFormat("it-IT");
  const s = (ms: number) => `${(ms / 1000).toFixed(1).replace(".", ",")} s`;
  log(
    `Anni di esperienza dei lavori in corso aggiornati dal ${since.toISOString()}: ${fmt.format(run.queued)} CV cambiati su ${fmt.format(run.scanned)} letti in ${s(scanned - t)}, ${fmt.format(synced)} documenti sincronizzati in ${s(performance.now() - scanned)}`,
  );
}

/** `--data-dir` given: refuses a folder that holds something other than a finished run's `count` CVs. */
export function checkKeepDir(keepDir: string | undefined, count: number) {
  // Thrown like every other bad argument of the benches.
  if (keepDir && fs.existsSync(keepDir) && fs.readdirSync(keepDir).length && !benchCandidatesReady(keepDir, count))
    throw new Error(`--data-dir ${keepDir}: la cartella non è vuota e non contiene ${count} CV completi di un'esecuzione precedente`);
}
