/**
 * The client-safe public entry of the internships context: the rules checker (docs/legal/tirocini.md), pure, usable by
 * pages, routes and the CLI alike, and the state table (docs/decisions/tirocini.md).
 */
export * from "./checker";
export {
  FINAL_INTERNSHIP_STATES,
  INTERNSHIP_EVENTS,
  INTERNSHIP_EVENT_LABELS,
  INTERNSHIP_STATES,
  INTERNSHIP_STATE_LABELS,
  INTERNSHIP_TRANSITIONS,
  PFI_EDITABLE_STATES,
  RUNNING_INTERNSHIP_STATES,
  availableInternshipEvents,
  isInternshipEvent,
  isInternshipState,
  nextInternshipState,
  type InternshipActorKind,
  type InternshipEvent,
  type InternshipMove,
  type InternshipState,
} from "./states";
// Conventions, PFI documents, signatures and the UNILAV C.01.00 data (docs/decisions/tirocini.md#convenzioni-pfi-firme-e-co).
export * from "./convention-states";
export * from "./co-labels";
export * from "./documents";
export * from "./documents-schema";
export * from "./unilav";
export * from "./monitoring";
export { ChooseTraineeSchema, InternshipMoveSchema, InternshipRequestSchema, type InternshipRequestInput } from "./request-schema";
export { REGIONS_REQUIRING_AUTHORISATION, internshipRegionOf } from "./region";
export { checkSource, type CheckSource } from "./sources";
export { NEXT_STEPS } from "./next-steps";
export * from "./addendum-schema";
