import type { Settings } from "meilisearch";
import type { Db } from "~/db/db.server";

/**
 * One Meilisearch index derived from PostgreSQL. Each context defines its own
 * (`app/domain/<context>/search-index.server.ts`); the server assembles them
 * (`server/search-indexes.ts`) and hands them here with `registerSearchIndexes`
 * at start, so that search/ stays infrastructure and imports no domain code.
 */
export interface SearchIndexDefinition<Doc extends { id: string } = { id: string }> {
  /** Logical name; the uid gets the MEILI_INDEX_PREFIX. */
  name: string;
  /** Bump when settings change meaningfully: shortlists record which version produced them. */
  settingsVersion: number;
  settings: Settings;
  /** Current documents for these ids; ids with no document (deleted, not indexable) are removed from the index. */
  loadDocuments(db: Db, ids: string[]): Promise<Doc[]>;
  /** Every id that should be in the index (for a full rebuild), in pages. */
  listIds(db: Db, afterId: string | null, limit: number): Promise<string[]>;
}

// On globalThis: the Remix build bundles its own copy of this module, and it must see what the server registered.
const registry = globalThis as unknown as { __rosaSearchIndexes?: SearchIndexDefinition[] };

/** The indexes this process keeps in sync (called once at start by the server, the CLI and the test setup). */
export function registerSearchIndexes(definitions: SearchIndexDefinition[]): void {
  registry.__rosaSearchIndexes = definitions;
}

export function searchIndexes(): SearchIndexDefinition[] {
  const defs = registry.__rosaSearchIndexes;
  if (!defs) throw new Error("Indici di ricerca non registrati: chiama registerSearchIndexes (server/search-indexes.ts) all'avvio");
  return defs;
}

export function findIndexDefinition(name: string): SearchIndexDefinition {
  const def = searchIndexes().find((d) => d.name === name);
  if (!def) throw new Error(`Indice di ricerca sconosciuto: ${name}`);
  return def;
}
