/**
 * The client-safe public entry of the matching context (pure modules, usable by pages too): what other contexts use.
 * Server-only parts are in index.server.ts.
 */
export type { Explanation } from "./explain";
export { experienceDayStep, experienceYearsByCode, matchingFields } from "./fields";
export type { MatchingFields } from "./fields";
export { RANK_ORDER, RANK_ORDER_LESS_PRESENTED } from "./query";
