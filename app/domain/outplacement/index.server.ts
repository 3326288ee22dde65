/**
 * The public entry of the outplacement context for server code: what other contexts and the routes use
 * (app/domain/<context>/x imports another context only from here or from its client-safe index.ts;
 * .dependency-cruiser.cjs enforces it). Each module adds its own exports here.
 */
export * from "./index";
export { getMemberPlanPage, getEventHours, listGroupSessions, standardRanges } from "./plans-queries.server";
