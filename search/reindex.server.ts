import type { EnqueuedTask, Meilisearch } from "meilisearch";
import type { Db } from "~/db/db.server";
import { indexUid } from "./client.server";
import { findIndexDefinition, searchIndexes } from "./registry";
import { applyIndexSettings } from "./setup.server";
import { lockSearchWrites, waitForTasks } from "./sync.server";

export interface ReindexResult {
  name: string;
  documents: number;
  seconds: number;
  /** Time spent only waiting for Meilisearch after the last batch was sent. */
  drainSeconds: number;
}

export interface ReindexOptions {
  batchSize?: number;
  /** Batches sent but not yet indexed; bounds memory and keeps the lock short. */
  maxInFlight?: number;
  onProgress?: (done: number) => void;
}

const REBUILD_MARK = "__rebuild_";
/** A rebuild row older than this belongs to a run that died: take over. */
const STALE_AFTER_MS = 6 * 3600_000;

/**
 * Rebuilds one index from PostgreSQL with no downtime:
 *  1. a new index (uid `<live>__rebuild_<time>`) gets the settings;
 *  2. a row in search_reindex_targets makes the sync worker write every
 *     change to it as well, so changes committed during the rebuild are kept;
 *  3. every id is loaded and sent in batches (under the search write lock, so
 *     a batch never overwrites a newer change enqueued by the worker);
 *  4. once everything is indexed, the new index is swapped with the live one
 *     and the old copy deleted, under the lock again.
 * Searches run against the live uid throughout.
 */
export async function reindex(db: Db, meili: Meilisearch, name: string, opts: ReindexOptions = {}): Promise<ReindexResult> {
  const def = findIndexDefinition(name);
  const live = indexUid(name);
  const started = performance.now();
  const batchSize = opts.batchSize ?? 2000;
  const maxInFlight = opts.maxInFlight ?? 4;
  await claimRebuild(db, meili, name);
  const target = `${live}${REBUILD_MARK}${Date.now()}`;
  await applyIndexSettings(meili, target, def, 120_000);
  await db.insertInto("search_reindex_targets").values({ index_name: name, target_uid: target }).execute();
  let documents = 0;
  try {
    let inFlight: EnqueuedTask[] = [];
    for (let after: string | null = null; ;) {
      const ids = await def.listIds(db, after, batchSize);
      if (!ids.length) break;
      after = ids[ids.length - 1];
      const tasks = await db.transaction().execute(async (trx) => {
        await lockSearchWrites(trx);
        const docs = await def.loadDocuments(trx, ids);
        documents += docs.length;
        return docs.length ? [await meili.index(target).addDocuments(docs, { primaryKey: "id" })] : [];
      });
      inFlight.push(...tasks);
      if (inFlight.length >= maxInFlight) {
        await waitForTasks(meili, inFlight.splice(0, inFlight.length - 1), 0);
      }
      opts.onProgress?.(documents);
    }
    const drainStart = performance.now();
    await waitForTasks(meili, inFlight, 0);
    inFlight = [];
    const drainSeconds = (performance.now() - drainStart) / 1000;
    await swapIn(db, meili, name, live, target);
    return { name, documents, seconds: (performance.now() - started) / 1000, drainSeconds };
  } catch (e) {
    await db.deleteFrom("search_reindex_targets").where("index_name", "=", name).execute();
    await meili.deleteIndexIfExists(target).catch(() => false);
    throw e;
  }
}

/** Only one rebuild per index at a time; leftovers of a crashed run are removed. */
async function claimRebuild(db: Db, meili: Meilisearch, name: string) {
  const existing = await db.selectFrom("search_reindex_targets").selectAll().where("index_name", "=", name).executeTakeFirst();
  if (existing && Date.now() - existing.started_at.getTime() < STALE_AFTER_MS) {
    throw new Error(`L'indice ${name} è già in ricostruzione (iniziata ${existing.started_at.toISOString()}).`);
  }
  await db.deleteFrom("search_reindex_targets").where("index_name", "=", name).execute();
  const prefix = `${indexUid(name)}${REBUILD_MARK}`;
  const { results } = await meili.getRawIndexes({ limit: 1000 });
  for (const idx of results) if (idx.uid.startsWith(prefix)) await meili.deleteIndex(idx.uid).waitTask({ timeout: 60_000 });
}

async function swapIn(db: Db, meili: Meilisearch, name: string, live: string, target: string) {
  // The live index may not exist yet (first run on an empty Meilisearch): swap needs both.
  await meili.createIndex(live, { primaryKey: "id" }).waitTask({ timeout: 60_000 });
  const tasks = await db.transaction().execute(async (trx) => {
    await lockSearchWrites(trx);
    // Enqueued under the lock: every later write by the worker lands after the swap, on the new data.
    const swap = await meili.swapIndexes([{ indexes: [live, target], rename: false }]);
    await trx.deleteFrom("search_reindex_targets").where("index_name", "=", name).execute();
    const drop = await meili.deleteIndex(target);
    return [swap, drop];
  });
  await waitForTasks(meili, tasks, 120_000);
}

/** Rebuilds every registered index (the CLI). */
export async function reindexAll(db: Db, meili: Meilisearch, opts: ReindexOptions = {}): Promise<ReindexResult[]> {
  const out: ReindexResult[] = [];
  for (const def of searchIndexes()) out.push(await reindex(db, meili, def.name, opts));
  return out;
}
