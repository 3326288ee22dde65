/**
 * The client-safe public entry of the professions context (pure modules, usable by pages too): what other contexts use.
 * Server-only parts are in index.server.ts.
 */
export { INDEX_STOP_WORDS, normalizeText } from "./morphology";
export { jobTitlesOf, searchText, unitsNamedBy, vocabulary, vocabularyKeys } from "./vocabulary";
