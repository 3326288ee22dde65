/**
 * The client-safe public entry of the reference context (pure modules, usable by pages too): what other contexts use.
 * Server-only parts are in index.server.ts.
 */
export { distanceKm, nearestSlices, roundKm } from "./geo";
export type { NearbyComune } from "./geo";
export * from "./national-codes";
export { DATA_SOURCE_GROUPS, DATA_SOURCES } from "./data-sources";
export type { DataSource, DataSourceGroup } from "./data-sources";
