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
// Outcomes, follow-ups, KPIs and the aggregated view (docs/decisions/outplacement.md#esiti-indicatori-e-vista-aggregata).
export * from "./outcomes";
export * from "./followups";
export * from "./kpi";
export * from "./aggregate";
export * from "./outcomes-schema";
export * from "./plans-states";
export * from "./actions-states";
export * from "./sessions-labels";
export * from "./conditionality-labels";
export { RANGE_STATUS_LABELS, cohortRangeCounts, formatHours, hoursSummary, parseHours, rangeStatus } from "./hours";
export type { HoursAction, HoursLine, HoursSummary, MinuteRange, RangeStatus, TrainingLine } from "./hours";
// ocohort: the cohort (members, import, consents).
export {
  MEMBER_STATES,
  MEMBER_STATE_LABELS,
  MEMBER_EVENTS,
  MEMBER_EVENT_LABELS,
  MEMBER_TRANSITIONS,
  MANUAL_EVENTS,
  SITUATIONS,
  SITUATION_LABELS,
  UNREACHABLE_ATTEMPTS,
  UNREACHABLE_DAYS,
  availableMemberEvents,
  isExited,
  nextMemberState,
  unreachableDue,
} from "./members";
export type { MemberActorKind, MemberEvent, MemberState, Situation } from "./members";
export {
  CONSENT_KINDS,
  CONSENT_LABELS,
  LEGAL_BASIS,
  LEGAL_BASIS_LABEL,
  NOTICE_CHANNELS,
  NOTICE_CHANNEL_LABELS,
  consentsInForce,
} from "./consents";
export type { ConsentKind, NoticeChannel } from "./consents";
export {
  COHORT_COLUMNS,
  COHORT_OPTIONAL_COLUMNS,
  COHORT_REQUIRED_COLUMNS,
  DROPPED_COLUMNS,
  MAX_COHORT_ROWS,
  CohortFileError,
} from "./import";
export { BulkActionSchema, CONSENT_CHANNEL_OPTIONS, CONTACT_CHANNEL_OPTIONS, MemberActionSchema } from "./cohort-forms";
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
// o15a: plan signature upload, monthly check-ins, training absence bands, steering committee.
export * from "./training-bands";
export { CHECKIN_CHANNEL_LABELS, CHECKIN_OUTCOME_LABELS, CHECKIN_STATES, CheckinSchema, checkinDue, monthOf } from "./checkins";
export type { CheckinChannel, CheckinInput, CheckinOutcome } from "./checkins";
export {
  STEERING_PRIVACY_NOTICE,
  STEERING_ROLES,
  STEERING_ROLE_KEYS,
  SteeringMeetingSchema,
  participantsOf,
  personalDataFound,
} from "./steering";
export type { SteeringMeetingInput, SteeringParticipants, SteeringRole } from "./steering";
export { L68_CAUSE_BY_EVENT_TYPE, l68SuspensionDefaults } from "./l68-suspension";
export type { L68SuspensionCause, L68SuspensionDefaults } from "./l68-suspension";
export * from "./import-diff";
