/**
 * The reinsertion plan's states and moves (docs/decisions/outplacement.md «Piano e ore»). A plan is versioned: a
 * revision is a new DRAFT version of the same member's plan; when that version is signed, the version it revises
 * becomes SUPERSEDED. Only a SIGNED or IN_PROGRESS version is the member's current plan and takes sessions.
 */
export const PLAN_STATES = ["draft", "signed", "in_progress", "superseded", "closed"] as const;
export type PlanState = (typeof PLAN_STATES)[number];

export const PLAN_STATE_LABELS: Record<PlanState, string> = {
  draft: "Bozza",
  signed: "Firmato",
  in_progress: "In corso",
  superseded: "Sostituito da una revisione",
  closed: "Chiuso",
};

/** Who moves a plan: a CPI officer, the provider operator assigned to the member, or Rosa itself. */
export type PlanActorKind = "officer" | "provider" | "system";

export type PlanEvent = "sign" | "start" | "supersede" | "close";

interface Move {
  to: PlanState;
  by: readonly PlanActorKind[];
}

const OP = ["officer", "provider"] as const;
const O = ["officer"] as const;
const S = ["system"] as const;

export const PLAN_TRANSITIONS: Record<PlanState, Partial<Record<PlanEvent, Move>>> = {
  draft: { sign: { to: "signed", by: OP } },
  signed: { start: { to: "in_progress", by: S }, supersede: { to: "superseded", by: S }, close: { to: "closed", by: O } },
  in_progress: { supersede: { to: "superseded", by: S }, close: { to: "closed", by: O } },
  superseded: {},
  closed: {},
};

/** Only a draft is edited; a signed plan changes through a revision (a new version). */
export const PLAN_EDITABLE: readonly PlanState[] = ["draft"];

/** The versions whose planned hours count and which take new sessions. */
export const PLAN_COUNTING: readonly PlanState[] = ["signed", "in_progress"];

/** A revision starts from the current signed version. */
export const PLAN_REVISABLE: readonly PlanState[] = ["signed", "in_progress"];

export function nextPlanState(from: PlanState, event: PlanEvent, by: PlanActorKind): PlanState | null {
  const move = PLAN_TRANSITIONS[from][event];
  return move && move.by.includes(by) ? move.to : null;
}

export function availablePlanEvents(from: PlanState, by: PlanActorKind): PlanEvent[] {
  return (Object.entries(PLAN_TRANSITIONS[from]) as [PlanEvent, Move][]).filter(([, m]) => m.by.includes(by)).map(([e]) => e);
}

export const GOAL_TYPE_LABELS = { employee: "Lavoro dipendente", self_employed: "Lavoro autonomo" } as const;
export type GoalType = keyof typeof GOAL_TYPE_LABELS;

export const SIGNATURE_METHOD_LABELS = {
  paper: "Firma sul PDF stampato, conservato agli atti",
  uploaded_pdf: "PDF firmato caricato",
} as const;
export type SignatureMethod = keyof typeof SIGNATURE_METHOD_LABELS;
