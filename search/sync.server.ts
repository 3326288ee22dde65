import { sql } from "kysely";
import type { EnqueuedTask, Meilisearch, Task } from "meilisearch";
import type { Db } from "~/db/db.server";
import { getMeili, indexUid } from "./client.server";
import { findIndexDefinition } from "./registry";
import { applySearchSettings } from "./setup.server";
import { log } from "~/utils/logger.server";

const BATCH = 500;
/**
 * One PostgreSQL advisory lock serialises "read the current rows → enqueue the
 * Meilisearch task" across every process (server, CLI, reindex). Meilisearch
 * applies tasks in the order they were enqueued, so an older read can never
 * overwrite a newer one, even with several workers.
 */
export const SEARCH_WRITE_LOCK = 72_400_117;
/**
 * Held (session lock, on one connection) by the one worker that is draining the
 * outbox: with several portal processes only one sweeps at a time, the others
 * try again shortly (their rows are then already sent, or picked up).
 */
export const SEARCH_SWEEP_LOCK = 72_400_118;

/** Meilisearch's answer to a task we must not silently lose. */
export class SearchTaskError extends Error {}

export async function waitForTasks(meili: Meilisearch, tasks: EnqueuedTask[], timeout = 120_000): Promise<Task[]> {
  const done: Task[] = [];
  for (const t of tasks) {
    const task = await meili.tasks.waitForTask(t, { timeout, interval: 10 });
    if (task.status !== "succeeded")
      throw new SearchTaskError(`Meilisearch: attività ${task.uid} (${task.type}) ${task.status}: ${task.error?.message ?? ""}`);
    done.push(task);
  }
  return done;
}

/** Takes the search write lock for the rest of this transaction. */
export async function lockSearchWrites(trx: Db): Promise<void> {
  await sql`select pg_advisory_xact_lock(${SEARCH_WRITE_LOCK})`.execute(trx);
}

/**
 * Reads the current state of these documents and enqueues it to the live
 * index and to a copy being rebuilt, if any. Caller holds the write lock.
 */
export async function enqueueCurrentState(trx: Db, meili: Meilisearch, name: string, ids: string[]): Promise<EnqueuedTask[]> {
  const def = findIndexDefinition(name);
  // Read the state *now*: later changes are already committed, so the index converges to PostgreSQL.
  const docs = await def.loadDocuments(trx, ids);
  const present = new Set(docs.map((d) => d.id));
  const gone = ids.filter((id) => !present.has(id));
  const targets = await trx.selectFrom("search_reindex_targets").select("target_uid").where("index_name", "=", name).execute();
  const tasks: EnqueuedTask[] = [];
  for (const uid of [indexUid(name), ...targets.map((t) => t.target_uid)]) {
    const index = meili.index(uid);
    if (docs.length) tasks.push(await index.addDocuments(docs, { primaryKey: "id" }));
    if (gone.length) tasks.push(await index.deleteDocuments(gone));
  }
  return tasks;
}

const state = globalThis as unknown as {
  __rosaSync?: { timer?: NodeJS.Timeout; running: boolean; again: boolean; failures: number; settingsFor?: string; stopping?: boolean };
};
const syncState = () => (state.__rosaSync ??= { running: false, again: false, failures: 0 });

/**
 * The settings must be in place before the first document reaches an index
 * (adding documents creates a bare index). Applied once per Meilisearch, and
 * again after it was unreachable (it may have come back empty).
 */
async function ensureSettings(meili: Meilisearch) {
  const s = syncState();
  const key = meili.config.host;
  if (s.settingsFor === key) return;
  await applySearchSettings(meili);
  s.settingsFor = key;
}

// Called once Meilisearch has applied changes to an index (e.g. the public page cache drops the board);
// on globalThis because the Remix build and the Express server hold separate module instances.
const syncedHooks = globalThis as unknown as { __rosaIndexSynced?: ((index: string) => void)[] };

export function onIndexSynced(cb: (index: string) => void) {
  (syncedHooks.__rosaIndexSynced ??= []).push(cb);
}

/**
 * Pushes one batch of pending outbox rows to Meilisearch and deletes them
 * only once Meilisearch has applied the change. Returns how many rows were
 * processed (0 = nothing pending). Throws if Meilisearch is unreachable: the
 * rows stay and the next run retries, so nothing is lost.
 */
export async function processOutboxOnce(db: Db): Promise<number> {
  const rows = await db.selectFrom("search_outbox").select(["id", "index_uid", "document_id"]).orderBy("id").limit(BATCH).execute();
  if (!rows.length) return 0;
  const byIndex = new Map<string, Set<string>>();
  for (const r of rows) {
    if (!byIndex.has(r.index_uid)) byIndex.set(r.index_uid, new Set());
    byIndex.get(r.index_uid)!.add(r.document_id);
  }
  const meili = getMeili();
  try {
    await ensureSettings(meili);
    const tasks = await db.transaction().execute(async (trx) => {
      await lockSearchWrites(trx);
      const all: EnqueuedTask[] = [];
      for (const [name, ids] of byIndex) all.push(...(await enqueueCurrentState(trx, meili, name, [...ids])));
      return all;
    });
    await waitForTasks(meili, tasks, 60_000);
  } catch (e) {
    syncState().settingsFor = undefined;
    throw e;
  }
  await db
    .deleteFrom("search_outbox")
    .where(
      "id",
      "in",
      rows.map((r) => r.id),
    )
    .execute();
  for (const name of byIndex.keys()) for (const cb of syncedHooks.__rosaIndexSynced ?? []) cb(name);
  return rows.length;
}

/** Drains the outbox completely (tests, CLI). */
export async function drainOutbox(db: Db): Promise<number> {
  let total = 0;
  for (let n = await processOutboxOnce(db); n > 0; n = await processOutboxOnce(db)) total += n;
  return total;
}

/**
 * The in-process worker: runs after every commit that enqueued something
 * (kickSyncWorker) and every second as a safety net; backs off while
 * Meilisearch is down.
 */
export function kickSyncWorker(getDb: () => Db) {
  const s = syncState();
  if (s.stopping) return;
  if (s.running) {
    s.again = true;
    return;
  }
  s.running = true;
  void (async () => {
    try {
      const swept = await getDb()
        .connection()
        .execute(async (conn) => {
          const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_lock(${SEARCH_SWEEP_LOCK}) as locked`.execute(conn);
          if (!rows[0]?.locked) return false;
          try {
            do {
              s.again = false;
              // When the portal stops, the batch in flight finishes and the rest waits in the outbox for the next start.
              while (!s.stopping && (await processOutboxOnce(getDb())) > 0);
            } while (s.again && !s.stopping);
          } finally {
            await sql`select pg_advisory_unlock(${SEARCH_SWEEP_LOCK})`.execute(conn);
          }
          return true;
        });
      if (!swept) {
        // Another process is sweeping; it may have read the outbox before our commit: look again soon.
        setTimeout(() => kickSyncWorker(getDb), 250).unref();
        return;
      }
      if (s.failures) log().warn("[search-sync] Meilisearch di nuovo raggiungibile: indice aggiornato.");
      s.failures = 0;
    } catch (e) {
      if (s.failures++ === 0) log().error({ err: e }, "[search-sync] Meilisearch non raggiungibile, riprovo");
    } finally {
      s.running = false;
    }
  })();
}

/** Resolves once the worker is idle (tests). */
export async function syncWorkerIdle(): Promise<void> {
  while (syncState().running) await new Promise((r) => setTimeout(r, 5));
}

export function startSyncWorker(getDb: () => Db, intervalMs = 1000) {
  const s = syncState();
  s.stopping = false;
  if (s.timer) return;
  s.timer = setInterval(() => {
    // Back-off while failing: on average one attempt every 2^failures ticks, at most every 30 s.
    if (s.failures && Math.random() > 1 / Math.min(30, 2 ** s.failures)) return;
    kickSyncWorker(getDb);
  }, intervalMs);
  s.timer.unref();
}

export function stopSyncWorker() {
  const s = state.__rosaSync;
  if (s?.timer) clearInterval(s.timer);
  if (s) s.timer = undefined;
}

/** Graceful stop: no new sweep starts (not even after a commit) and the batch in flight is awaited. */
export async function shutdownSyncWorker(): Promise<void> {
  syncState().stopping = true;
  stopSyncWorker();
  await syncWorkerIdle();
}
