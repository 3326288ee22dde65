/**
 * The public entry of the employers context for server code: what other contexts use (app/domain/<context>/x imports
 * another context only from here or from its client-safe index.ts; .dependency-cruiser.cjs enforces it).
 */
export { listUserCompanies, pickActiveCompany } from "./delegations.server";
export type { UserCompany } from "./delegations.server";
export { canPostVacancies } from "./policy.server";
export { countEmployersByStatus } from "./queries.server";
