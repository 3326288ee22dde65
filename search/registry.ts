import type { Settings } from "meilisearch";
import type { Db } from "~/db/db.server";
import { candidatesIndex } from "./indexes/candidates";
import { vacanciesIndex } from "./indexes/vacancies";

/**
 * One Meilisearch index derived from PostgreSQL. Each context defines its own
 * (search/indexes/<name>.ts) and adds it to SEARCH_INDEXES below.
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

export const SEARCH_INDEXES: SearchIndexDefinition[] = [candidatesIndex, vacanciesIndex];

export function findIndexDefinition(name: string): SearchIndexDefinition {
  const def = SEARCH_INDEXES.find((d) => d.name === name);
  if (!def) throw new Error(`Indice di ricerca sconosciuto: ${name}`);
  return def;
}
