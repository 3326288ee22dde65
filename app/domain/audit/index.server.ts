/**
 * The public entry of the audit context for server code: what other contexts use (app/domain/<context>/x imports
 * another context only from here or from its client-safe index.ts; .dependency-cruiser.cjs enforces it).
 */
export { recordAudit } from "./commands.server";
export type { Actor, AuditEntry } from "./commands.server";
