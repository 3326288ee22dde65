/**
 * The public entry of the services context for server code: what other contexts use (app/domain/<context>/x imports
 * another context only from here or from its client-safe index.ts; .dependency-cruiser.cjs enforces it).
 */
export { queuesOf } from "./policy.server";
export { countRequestQueue } from "./queries.server";
export { recordOutplacementDelivery } from "./commands.server";
