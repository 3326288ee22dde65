import type { ColumnType, Generated } from "kysely";
import type { DefaultedTimestamp, Json, Timestamp } from "../types";

// Tables of the preselection context; keep in step with migrations/2026_11_23_1400_create_shortlists.ts.

type DateColumn = ColumnType<string, string, string>;
type Numeric = ColumnType<string, number | string, number | string>;

export type ShortlistStatus = "open" | "presented" | "closed";
export type ShortlistCandidateState =
  | "proposed"
  | "contacting"
  | "available"
  | "not_available"
  | "unreachable"
  | "not_interested"
  | "presented"
  | "interview"
  | "selected"
  | "hired"
  | "not_selected"
  | "withdrew";
export type ShortlistActorKind = "officer" | "employer" | "candidate" | "system";
export type ContactChannel = "phone" | "email" | "sms" | "in_person" | "portal";
export type ContactOutcome = "available" | "not_available" | "not_interested" | "no_answer" | "wrong_contact";
export type FeedbackDecision = "interview" | "selected" | "hired" | "not_selected";
export type FeedbackReason =
  | "not_reachable"
  | "no_show"
  | "skills_lacking"
  | "experience_insufficient"
  | "found_other_job"
  | "not_interested"
  | "position_filled"
  | "other";

export interface ShortlistsTable {
  id: Generated<string>;
  vacancy_id: string;
  employer_id: string;
  title: string;
  status: Generated<ShortlistStatus>;
  search_snapshot: Json;
  results_snapshot: Json;
  index_uid: string;
  settings_version: number;
  created_by: string;
  presented_at: Timestamp | null;
  presented_by: string | null;
  closed_at: Timestamp | null;
  version: Generated<number>;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface ShortlistCandidatesTable {
  id: Generated<string>;
  shortlist_id: string;
  candidate_id: string;
  rank: number;
  score: number;
  explanation: Json;
  state: Generated<ShortlistCandidateState>;
  availability_deadline: Timestamp | null;
  candidate_response: "confirmed" | "declined" | null;
  candidate_responded_at: Timestamp | null;
  contact_consent: Generated<boolean>;
  presented_at: Timestamp | null;
  outcome_reason: string | null;
  version: Generated<number>;
  updated_at: DefaultedTimestamp;
}

export interface ShortlistTransitionsTable {
  id: Generated<string>;
  shortlist_candidate_id: string;
  event: string;
  from_state: ShortlistCandidateState;
  to_state: ShortlistCandidateState;
  actor_kind: ShortlistActorKind;
  actor_user_id: string | null;
  note: string | null;
  at: DefaultedTimestamp;
}

export interface ContactAttemptsTable {
  id: Generated<string>;
  shortlist_candidate_id: string;
  channel: ContactChannel;
  attempted_at: Timestamp;
  outcome: ContactOutcome;
  note: string | null;
  recorded_by: string;
  created_at: DefaultedTimestamp;
}

export interface EmployerFeedbackTable {
  id: Generated<string>;
  shortlist_candidate_id: string;
  decision: FeedbackDecision;
  reason: FeedbackReason | null;
  missing_skills: string | null;
  reason_text: string | null;
  comment: string | null;
  share_with_candidate: Generated<boolean>;
  /** «Voglio fare un colloquio»: the date the employer fixed, or the CPI arranges it. */
  interview_at: Timestamp | null;
  interview_arranged_by: "employer" | "cpi" | null;
  given_by: string | null;
  given_at: DefaultedTimestamp;
}

export interface ShortlistFeedbackRemindersTable {
  shortlist_id: string;
  kind: "employer_reminder" | "officer_alert";
  sent_at: DefaultedTimestamp;
}

export interface GapProposalsTable {
  id: Generated<string>;
  shortlist_id: string;
  shortlist_candidate_id: string | null;
  gap: string;
  kind: "training" | "internship" | "relax_requirement";
  description: string;
  outcome: Generated<"proposed" | "accepted" | "declined" | "done">;
  created_by: string;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface AssessmentStepsTable {
  id: Generated<string>;
  vacancy_id: string;
  position: number;
  kind: "cv_check" | "technical_test" | "interview" | "reference_check" | "practical_trial";
  description: Generated<string>;
  employer_representative: string | null;
  session_date: DateColumn | null;
}

export interface AssessmentResultsTable {
  step_id: string;
  shortlist_candidate_id: string;
  decision: "passed" | "failed" | "on_hold";
  justification: string;
  recorded_by: string;
  recorded_at: DefaultedTimestamp;
}

export interface HiresTable {
  id: Generated<string>;
  shortlist_candidate_id: string;
  vacancy_id: string;
  employer_id: string;
  candidate_id: string;
  contract_type: string;
  start_date: DateColumn;
  end_date: DateColumn | null;
  weekly_hours: Numeric;
  recorded_by: string;
  recorded_at: DefaultedTimestamp;
  working_time_code: "F" | "P" | "V" | "M" | null;
  ccnl_code: string | null;
  contract_level: string | null;
  qualification_code: string | null;
  gross_annual_pay: Numeric | null;
  work_comune_code: string | null;
  l68_reserved_post: boolean | null;
  recorded_as: Generated<HireRecordedAs>;
  request_channel: HireRequestChannel | null;
}

export type HireRecordedAs = "employer" | "officer";
export type HireRequestChannel = "telefono" | "email_pec" | "sportello";

/** One signed availability link sent to a person (issue 12): answered once, valid until the deadline. */
export interface AvailabilityRequestsTable {
  id: Generated<string>;
  shortlist_candidate_id: string;
  channel: "email" | "sms";
  sent_to: string;
  expires_at: Timestamp;
  created_by: string | null;
  created_at: DefaultedTimestamp;
  answered_at: Timestamp | null;
  answer: "confirmed" | "declined" | null;
}

export interface ShortlistTables {
  shortlists: ShortlistsTable;
  shortlist_candidates: ShortlistCandidatesTable;
  shortlist_transitions: ShortlistTransitionsTable;
  contact_attempts: ContactAttemptsTable;
  employer_feedback: EmployerFeedbackTable;
  shortlist_feedback_reminders: ShortlistFeedbackRemindersTable;
  gap_proposals: GapProposalsTable;
  assessment_steps: AssessmentStepsTable;
  assessment_results: AssessmentResultsTable;
  hires: HiresTable;
  availability_requests: AvailabilityRequestsTable;
}
