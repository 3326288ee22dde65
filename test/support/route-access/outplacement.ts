import type { Actor, Rule } from "./actors";

const COHORT_OFFICERS: Actor[] = ["preselection", "placement"];

/**
 * Ricollocazione (outplacement, docs/decisions/outplacement.md): officers run the events and their workers; the dismissing
 * employer proposes events and sees aggregates of its own; the accredited provider's operator only the workers assigned to
 * them; the union representative aggregates of the events they are linked to. `eventId` is an event of the matrix's own
 * employer (test/support/factories-outplacement.ts).
 */
export const ROUTE_ACCESS: Record<string, Rule> = {
  // The cohort (workers' list, notice, consents, states): officers; the provider's operator only their assigned workers.
  "operatore.ricollocazione.$eventId_.lavoratori._index.tsx": { loader: COHORT_OFFICERS, action: COHORT_OFFICERS, params: "eventId" },
  "operatore.ricollocazione.$eventId_.lavoratori.$memberId.tsx": {
    loader: COHORT_OFFICERS,
    action: COHORT_OFFICERS,
    params: "cohortMember",
  },
  "operatore.ricollocazione.$eventId_.importa._index.tsx": { loader: COHORT_OFFICERS, action: COHORT_OFFICERS, params: "eventId" },
  "operatore.ricollocazione.$eventId_.importa.modello.ts": { loader: COHORT_OFFICERS, params: "eventId" },
  "operatore.ricollocazione.$eventId_.importa.$importId.errori.ts": { loader: COHORT_OFFICERS, params: "cohortImport" },
  "ente.ricollocazione._index.tsx": { loader: ["provider"] },
  "ente.ricollocazione.$memberId.tsx": { loader: ["provider"], params: "assignedMember" },
};
