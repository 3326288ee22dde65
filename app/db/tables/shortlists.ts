import type { ColumnValue } from "../types";

// Names for the preselection context's column unions; the tables are in ../schema.generated.ts.

export type ShortlistStatus = ColumnValue<"shortlists", "status">;
/** Also the type of shortlist_transitions.from_state/to_state (a codegen override, server/db-types.ts). */
export type ShortlistCandidateState = ColumnValue<"shortlist_candidates", "state">;
export type ShortlistActorKind = ColumnValue<"shortlist_transitions", "actor_kind">;
export type ContactChannel = ColumnValue<"contact_attempts", "channel">;
export type ContactOutcome = ColumnValue<"contact_attempts", "outcome">;
export type FeedbackDecision = ColumnValue<"employer_feedback", "decision">;
export type FeedbackReason = ColumnValue<"employer_feedback", "reason">;
export type HireRecordedAs = ColumnValue<"hires", "recorded_as">;
export type HireRequestChannel = ColumnValue<"hires", "request_channel">;
