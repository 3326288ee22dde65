/**
 * The public entry of the l68 context for server code: what other contexts use (app/domain/<context>/x imports
 * another context only from here or from its client-safe index.ts; .dependency-cruiser.cjs enforces it).
 */
export { DEFAULT_FULL_TIME_HOURS, recordReservedHire } from "./hires.server";
export { DEADLINE_HORIZON_DAYS, countPendingObligations, countProvinceEmployersDueBy } from "./queries.server";
export { countRecords, listRecords } from "./records-queries.server";
export { lockFile, recompute } from "./workforce.server";
export { employerInProvince } from "./policy.server";
