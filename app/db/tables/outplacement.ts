import type { ColumnValue } from "../types";

// Names for the outplacement context's column unions; the tables are in ../schema.generated.ts.

export type {
  OutplacementEvents as OutplacementEventsTable,
  OutplacementEventMilestones as OutplacementEventMilestonesTable,
  OutplacementMembers as OutplacementMembersTable,
  OutplacementConsents as OutplacementConsentsTable,
} from "../schema.generated";

export type OutplacementEventType = ColumnValue<"outplacement_events", "type">;
export type OutplacementEventState = ColumnValue<"outplacement_events", "state">;
export type OutplacementAgreementType = ColumnValue<"outplacement_events", "agreement_type">;
export type OutplacementRuleId = ColumnValue<"outplacement_event_milestones", "rule_id">;
export type OutplacementMemberState = ColumnValue<"outplacement_members", "state">;
export type OutplacementMemberSituation = ColumnValue<"outplacement_members", "situation">;
export type OutplacementNoticeChannel = ColumnValue<"outplacement_members", "notice_channel">;
export type OutplacementConsentKind = ColumnValue<"outplacement_consents", "kind">;
