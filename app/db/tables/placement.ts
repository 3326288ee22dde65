import type { ColumnValue } from "../types";

// Names for targeted placement's column unions; the tables are in ../schema.generated.ts.

export type PostStatus = ColumnValue<"l68_available_posts", "status">;
export type EnrolmentStatus = ColumnValue<"l68_enrolments", "status">;
export type DisabilityCategory = ColumnValue<"l68_enrolment_health", "disability_category">;
export type ReferralKind = ColumnValue<"l68_referrals", "kind">;
export type ReferralStatus = ColumnValue<"l68_referrals", "status">;
