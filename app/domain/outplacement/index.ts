/**
 * The client-safe public entry of the outplacement context (Ricollocazione, docs/decisions/outplacement.md): labels,
 * enums, state tables and pure rules, usable by pages too. Server-only parts are in index.server.ts. Each module
 * adds its own exports here.
 */
export {
  AGREEMENT_TYPES,
  AGREEMENT_TYPE_LABELS,
  EDITABLE_EVENT_STATES,
  EVENT_TABS,
  EVENT_MOVE_DONE,
  EVENT_MOVE_LABELS,
  EVENT_STATES,
  EVENT_STATE_LABELS,
  EVENT_TRANSITIONS,
  EVENT_TYPES,
  EVENT_TYPE_LABELS,
  EVENT_TYPE_SHORT,
  PROCEDURE_STATES,
  availableEventMoves,
  nextEventState,
} from "./events";
export type { EventMove } from "./events";
export {
  DUE_SOON_DAYS,
  MILESTONE_STATUS_LABELS,
  REMINDER_OFFSETS,
  RULE_LABELS,
  computeMilestones,
  dismissalDatesOf,
  milestoneKind,
  milestoneStatus,
  phaseDays,
  procedureEnd,
  reminderDue,
  unionPhaseEnd,
  workersInvolved,
} from "./milestones";
export type { ComputedMilestone, MilestoneInput, MilestoneStatus } from "./milestones";
export { eventWarnings } from "./events";
export {
  EventListFilterSchema,
  MOVE_DATE_FIELD,
  MilestoneEditSchema,
  OfficerEventSchema,
  ProposalSchema,
  TransitionSchema,
  euroToCents,
} from "./events-schema";
export type { EventInput, EventListFilter, MilestoneEditInput, OfficerEventInput, ProposalInput, TransitionInput } from "./events-schema";
