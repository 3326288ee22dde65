import type { Db } from "~/db/db.server";
import { getMeili, indexUid } from "./client.server";
import { findIndexDefinition } from "./registry";

const BATCH = 500;

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
  for (const [name, idSet] of byIndex) {
    const def = findIndexDefinition(name);
    const ids = [...idSet];
    // Read the state *now*: later changes are already committed, so the index converges to PostgreSQL.
    const docs = await def.loadDocuments(db, ids);
    const present = new Set(docs.map((d) => d.id));
    const gone = ids.filter((id) => !present.has(id));
    const index = meili.index(indexUid(name));
    if (docs.length) await index.addDocuments(docs, { primaryKey: "id" }).waitTask({ timeout: 60_000 });
    if (gone.length) await index.deleteDocuments(gone).waitTask({ timeout: 60_000 });
  }
  const maxId = rows[rows.length - 1].id;
  await db.deleteFrom("search_outbox").where("id", "<=", maxId).where("id", "in", rows.map((r) => r.id)).execute();
  return rows.length;
}

/** Drains the outbox completely (tests, CLI). */
export async function drainOutbox(db: Db): Promise<number> {
  let total = 0;
  for (let n = await processOutboxOnce(db); n > 0; n = await processOutboxOnce(db)) total += n;
  return total;
}

const state = globalThis as unknown as { __rosaSync?: { timer?: NodeJS.Timeout; running: boolean; again: boolean; failures: number } };

/**
 * The in-process worker: runs after every commit that enqueued something
 * (kickSyncWorker) and every second as a safety net; backs off while
 * Meilisearch is down.
 */
export function kickSyncWorker(getDb: () => Db) {
  const s = (state.__rosaSync ??= { running: false, again: false, failures: 0 });
  if (s.running) {
    s.again = true;
    return;
  }
  s.running = true;
  void (async () => {
    try {
      do {
        s.again = false;
        while ((await processOutboxOnce(getDb())) > 0);
      } while (s.again);
      s.failures = 0;
    } catch (e) {
      if (s.failures++ === 0) console.error("[search-sync] Meilisearch non raggiungibile, riprovo:", (e as Error).message);
    } finally {
      s.running = false;
    }
  })();
}

export function startSyncWorker(getDb: () => Db, intervalMs = 1000) {
  const s = (state.__rosaSync ??= { running: false, again: false, failures: 0 });
  if (s.timer) return;
  s.timer = setInterval(() => {
    // Exponential back-off while failing: at most one attempt every 30 s.
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
