import type { Rule } from "./actors";

const OFFICERS_4E: ["preselection", "placement"] = ["preselection", "placement"];

/**
 * Ricollocazione (outplacement, docs/decisions/outplacement.md): officers run the events and their workers; the dismissing
 * employer proposes events and sees aggregates of its own; the accredited provider's operator only the workers assigned to
 * them; the union representative aggregates of the events they are linked to. `eventId` is an event of the matrix's own
 * employer (test/support/factories-outplacement.ts) in province MI, like the officers.
 */
export const ROUTE_ACCESS: Record<string, Rule> = {
  "operatore.ricollocazione._index.tsx": { loader: OFFICERS_4E },
  // The empty form: 400 for officers (not a denial).
  "operatore.ricollocazione.nuovo.tsx": { loader: OFFICERS_4E, action: OFFICERS_4E },
  "operatore.ricollocazione.scadenze.tsx": { loader: OFFICERS_4E },
  // An action without intent answers 400 to officers.
  "operatore.ricollocazione.$eventId._index.tsx": { loader: OFFICERS_4E, action: OFFICERS_4E, params: "eventId" },
  "operatore.ricollocazione.$eventId.modifica.tsx": { loader: OFFICERS_4E, action: OFFICERS_4E, params: "eventId" },
  "azienda.ricollocazione._index.tsx": { loader: ["legalRep", "colleague", "consultant"] },
  "azienda.ricollocazione.nuova.tsx": { loader: ["legalRep", "colleague", "consultant"], action: ["legalRep", "colleague", "consultant"] },
};
