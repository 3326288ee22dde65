import type { Actor, Rule } from "./actors";

const OFFICERS: Actor[] = ["preselection", "placement"];
const PROVIDER: Actor[] = ["provider"];

/**
 * Intake, reinsertion plan and sessions (docs/decisions/outplacement.md «Piano e ore»): officers on every member, the
 * accredited provider's operator only on members assigned to them (`outplacementPlan` is such a member, with a signed
 * plan); employers, union representatives, candidates and administrators never (403). Empty forms answer 400.
 */
export const ROUTE_ACCESS: Record<string, Rule> = {
  "operatore.ricollocazione.$eventId_.lavoratori.$memberId_.piano._index.tsx": {
    loader: OFFICERS,
    action: OFFICERS,
    params: "outplacementPlan",
  },
  "operatore.ricollocazione.$eventId_.lavoratori.$memberId_.piano.$planId.pdf.ts": { loader: OFFICERS, params: "outplacementPlan" },
  "operatore.ricollocazione.$eventId_.lavoratori.$memberId_.sessioni.tsx": {
    loader: OFFICERS,
    action: OFFICERS,
    params: "outplacementPlan",
  },
  "operatore.ricollocazione.$eventId_.lavoratori.$memberId_.contatti.tsx": {
    loader: OFFICERS,
    action: OFFICERS,
    params: "outplacementPlan",
  },
  "ente.ricollocazione.$eventId.lavoratori.$memberId.contatti.tsx": { loader: PROVIDER, action: PROVIDER, params: "outplacementPlan" },
  "operatore.ricollocazione.$eventId_.sessioni.tsx": { loader: OFFICERS, action: OFFICERS, params: "outplacementPlan" },
  "ente.ricollocazione.$eventId.lavoratori.$memberId.piano._index.tsx": { loader: PROVIDER, action: PROVIDER, params: "outplacementPlan" },
  "ente.ricollocazione.$eventId.lavoratori.$memberId.piano.$planId.pdf.ts": { loader: PROVIDER, params: "outplacementPlan" },
  "ente.ricollocazione.$eventId.lavoratori.$memberId.sessioni.tsx": { loader: PROVIDER, action: PROVIDER, params: "outplacementPlan" },
  "ente.ricollocazione.$eventId.sessioni.tsx": { loader: PROVIDER, action: PROVIDER, params: "outplacementPlan" },
};
