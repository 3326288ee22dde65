/**
 * The public entry of the l68 context for server code: what other contexts use (app/domain/<context>/x imports
 * another context only from here or from its client-safe index.ts; .dependency-cruiser.cjs enforces it).
 * It stays small on purpose: placement imports it and l68's prospetto imports placement, so the file, records and
 * alerts server code the web tier and the routes use has its own entries (file/, records/, alerts/index.server.ts).
 */
export { DEFAULT_FULL_TIME_HOURS, recordReservedHire } from "./file/hires.server";
export { DEADLINE_HORIZON_DAYS, countPendingObligations, countProvinceEmployersDueBy } from "./file/queries.server";
export { countRecords, listRecords } from "./records/records-queries.server";
export { lockFile, recompute } from "./file/workforce.server";
export { canOfficerSeeEmployer, canSeeHealthData, employerInProvince } from "./policy.server";
