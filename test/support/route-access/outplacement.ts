import type { Actor, Rule } from "./actors";

const COHORT_OFFICERS: Actor[] = ["preselection", "placement"];

/**
 * Ricollocazione (outplacement, docs/decisions/outplacement.md): officers run the events and their workers; the dismissing
 * employer proposes events and sees aggregates of its own; the accredited provider's operator only the workers assigned to
 * them; the union representative aggregates of the events they are linked to. `eventId` is an event of the matrix's own
 * employer (test/support/factories-outplacement.ts) in province MI, like the officers.
 */
export const ROUTE_ACCESS: Record<string, Rule> = {
  // Steering committee (officers of the event; the union reads the meetings on its aggregated page) and the L. 68 suspension
  // filed from the event (placement officers only: they file L. 68 records).
  "operatore.ricollocazione.$eventId_.comitato.tsx": { loader: COHORT_OFFICERS, action: COHORT_OFFICERS, params: "eventId" },
  "operatore.ricollocazione.$eventId_.sospensione-l68.tsx": { loader: ["placement"], action: ["placement"], params: "eventId" },
  // Outcomes and results (docs/decisions/outplacement.md#esiti-indicatori-e-vista-aggregata): the dashboard for the officers who
  // run events; the aggregated view for the event's own employer (the union of the matrix is not linked to this event: 404).
  "operatore.ricollocazione.$eventId_.cruscotto.tsx": { loader: ["preselection", "placement"], params: "eventId" },
  "operatore.ricollocazione.$eventId_.cruscotto.csv.ts": { loader: ["preselection", "placement"], params: "eventId" },
  "operatore.ricollocazione.$eventId_.verifiche.tsx": { loader: ["preselection", "placement"], params: "eventId" },
  "operatore.ricollocazione.$eventId_.lavoratori.$memberId_.esiti.tsx": {
    loader: COHORT_OFFICERS,
    action: COHORT_OFFICERS,
    params: "cohortMember",
  },
  "azienda.ricollocazione.$eventId.tsx": { loader: ["legalRep", "colleague", "consultant"], params: "eventId" },
  "azienda.ricollocazione.$eventId.pdf.ts": { loader: ["legalRep", "colleague", "consultant"], params: "eventId" },
  // The employer sends the workers' list of its own event (an empty upload answers 400).
  "azienda.ricollocazione.$eventId_.elenco.tsx": {
    loader: ["legalRep", "colleague", "consultant"],
    action: ["legalRep", "colleague", "consultant"],
    params: "eventId",
  },
  "sindacato.ricollocazione._index.tsx": { loader: ["union"] },
  "sindacato.ricollocazione.$eventId.tsx": { loader: [], params: "eventId" },
  "sindacato.ricollocazione.$eventId.pdf.ts": { loader: [], params: "eventId" },
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
  // The officer's decision on a waiting list (check, apply, set aside): without an intent 400; on a refused import a conflict.
  "operatore.ricollocazione.$eventId_.importa.$importId.ts": { action: COHORT_OFFICERS, params: "cohortImport" },
  "ente.ricollocazione._index.tsx": { loader: ["provider"] },
  "ente.ricollocazione.$memberId.tsx": { loader: ["provider"], params: "assignedMember" },
  "operatore.ricollocazione._index.tsx": { loader: COHORT_OFFICERS },
  // The empty form: 400 for officers (not a denial).
  "operatore.ricollocazione.nuovo.tsx": { loader: COHORT_OFFICERS, action: COHORT_OFFICERS },
  "operatore.ricollocazione.scadenze.tsx": { loader: COHORT_OFFICERS },
  // An action without intent answers 400 to officers.
  "operatore.ricollocazione.$eventId._index.tsx": { loader: COHORT_OFFICERS, action: COHORT_OFFICERS, params: "eventId" },
  "operatore.ricollocazione.$eventId.modifica.tsx": { loader: COHORT_OFFICERS, action: COHORT_OFFICERS, params: "eventId" },
  "azienda.ricollocazione._index.tsx": { loader: ["legalRep", "colleague", "consultant"] },
  "azienda.ricollocazione.nuova.tsx": { loader: ["legalRep", "colleague", "consultant"], action: ["legalRep", "colleague", "consultant"] },
};
