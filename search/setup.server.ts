import type { Meilisearch } from "meilisearch";
import { indexUid } from "./client.server";
import { SEARCH_INDEXES } from "./registry";

/** Creates missing indexes and applies the settings defined in code (idempotent; run at start). */
export async function applySearchSettings(meili: Meilisearch): Promise<void> {
  for (const def of SEARCH_INDEXES) {
    const uid = indexUid(def.name);
    await meili.createIndex(uid, { primaryKey: "id" }).waitTask({ timeout: 60_000 }); // a no-op failure if it exists
    await meili.index(uid).updateSettings(def.settings).waitTask({ timeout: 60_000 });
  }
}
