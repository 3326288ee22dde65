import type { Rule } from "./actors";

/**
 * Ricollocazione (outplacement, docs/decisions/outplacement.md): officers run the events and their workers; the dismissing
 * employer proposes events and sees aggregates of its own; the accredited provider's operator only the workers assigned to
 * them; the union representative aggregates of the events they are linked to. `eventId` is an event of the matrix's own
 * employer (test/support/factories-outplacement.ts).
 */
export const ROUTE_ACCESS: Record<string, Rule> = {};
