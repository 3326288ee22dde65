/**
 * The search indexes of the portal, assembled where the process starts: each context owns its index
 * definition and document mapping; search/ (client, outbox, sync, settings, reindex) receives them here.
 */
import { candidatesIndex } from "~/domain/candidates/search-index.server";
import { vacanciesIndex } from "~/domain/vacancies/search-index.server";
import { registerSearchIndexes, type SearchIndexDefinition } from "../search/registry";

export const SEARCH_INDEXES: SearchIndexDefinition[] = [candidatesIndex, vacanciesIndex];

/** Hands the indexes to search/: called by startPlatform (server, CLI, benches) and by the test setup. */
export function registerPortalSearchIndexes(): void {
  registerSearchIndexes(SEARCH_INDEXES);
}
