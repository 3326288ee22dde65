import type { Meilisearch } from "meilisearch";
import { indexUid } from "./client.server";
import { searchIndexes, type SearchIndexDefinition } from "./registry";
import { log } from "~/utils/logger.server";

/** Creates the index if missing and applies the settings defined in code to one uid. */
export async function applyIndexSettings(meili: Meilisearch, uid: string, def: SearchIndexDefinition, timeout = 60_000): Promise<void> {
  // Fails harmlessly (index_already_exists) when it is there.
  await meili.createIndex(uid, { primaryKey: "id" }).waitTask({ timeout });
  const task = await meili.index(uid).updateSettings(def.settings).waitTask({ timeout, interval: 20 });
  if (task.status === "failed") throw new Error(`Impostazioni dell'indice ${uid} rifiutate da Meilisearch: ${task.error?.message}`);
}

/**
 * Creates missing indexes and applies the settings defined in code (idempotent;
 * run at start and by the sync worker when Meilisearch comes back). Unchanged
 * settings are a no-op for Meilisearch; changed ones re-index the documents,
 * which on a large index outlasts the wait: searches keep working meanwhile.
 */
export async function applySearchSettings(meili: Meilisearch): Promise<void> {
  for (const def of searchIndexes()) {
    try {
      await applyIndexSettings(meili, indexUid(def.name), def);
    } catch (e) {
      if (!/timeout|timed out/i.test((e as Error).message)) throw e;
      log().warn(`[search] le impostazioni dell'indice ${def.name} si stanno ancora applicando: continuo.`);
    }
  }
}
