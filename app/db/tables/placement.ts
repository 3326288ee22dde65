import type { ColumnType, Generated } from "kysely";
import type { DefaultedTimestamp } from "../types";

// Tables of targeted placement (issue 13); keep in step with migrations/2026_12_06_0700_create_l68_placement.ts.

type DateColumn = ColumnType<string, string, string>;
type Numeric = ColumnType<string, number | string, number | string>;

export type PostStatus = "open" | "filled" | "withdrawn";
export type EnrolmentStatus = "active" | "placed" | "removed";
export type DisabilityCategory = "invalido_civile" | "invalido_lavoro" | "invalido_servizio" | "non_vedente" | "sordo" | "psichico";
export type ReferralKind = "numerica" | "nominativa";
export type ReferralStatus = "proposed" | "referred" | "hired" | "refused_by_worker" | "not_suitable" | "refused_by_employer" | "cancelled";

export interface L68AvailablePostsTable {
  id: Generated<string>;
  employer_id: string;
  task: string;
  occupation_code: string;
  posts: number;
  capacities: ColumnType<string[], string[] | undefined, string[]>;
  architectural_barriers: boolean;
  night_shifts: boolean;
  comune_code: string;
  public_transport: boolean;
  status: Generated<PostStatus>;
  created_by: string | null;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface L68EnrolmentsTable {
  id: Generated<string>;
  candidate_id: string | null;
  first_name: string;
  last_name: string;
  tax_code: string;
  birth_date: DateColumn;
  phone: string | null;
  email: string | null;
  domicile_comune_code: string;
  province_code: string;
  enrolled_on: DateColumn;
  family_dependants: Generated<number>;
  /** int8 → read back as a string by pg. */
  isee_cents: ColumnType<string | null, number | null | undefined, number | null>;
  status: Generated<EnrolmentStatus>;
  created_by: string | null;
  version: Generated<number>;
  created_at: DefaultedTimestamp;
}

/** Health data (GDPR art. 9): placement officers only, every read audited. */
export interface L68EnrolmentHealthTable {
  enrolment_id: string;
  disability_category: DisabilityCategory;
  disability_percent: Numeric;
  functional_diagnosis: string;
  capacities: ColumnType<string[], string[] | undefined, string[]>;
  night_shifts_ok: Generated<boolean>;
  needs_barrier_free: Generated<boolean>;
  needs_public_transport: Generated<boolean>;
  updated_by: string | null;
  updated_at: DefaultedTimestamp;
  version: Generated<number>;
}

/** The replaced versions of the health data (migration 2026_12_06_1200): health data too. */
export interface L68EnrolmentHealthVersionsTable {
  enrolment_id: string;
  version: number;
  disability_category: DisabilityCategory;
  disability_percent: Numeric;
  functional_diagnosis: string;
  capacities: ColumnType<string[], string[], string[]>;
  night_shifts_ok: boolean;
  needs_barrier_free: boolean;
  needs_public_transport: boolean;
  updated_by: string | null;
  updated_at: ColumnType<Date, Date | string, Date | string>;
  replaced_by: string | null;
  replaced_at: DefaultedTimestamp;
}

export interface L68ReferralsTable {
  id: Generated<string>;
  employer_id: string;
  post_id: string;
  enrolment_id: string;
  kind: ReferralKind;
  status: Generated<ReferralStatus>;
  rank_position: number | null;
  score: string | null;
  nulla_osta_number: string | null;
  nulla_osta_on: DateColumn | null;
  referred_on: DateColumn | null;
  outcome_on: DateColumn | null;
  outcome_note: string | null;
  contract: string | null;
  protected_worker_id: string | null;
  created_by: string | null;
  version: Generated<number>;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface PlacementTables {
  l68_available_posts: L68AvailablePostsTable;
  l68_enrolments: L68EnrolmentsTable;
  l68_enrolment_health: L68EnrolmentHealthTable;
  l68_enrolment_health_versions: L68EnrolmentHealthVersionsTable;
  l68_referrals: L68ReferralsTable;
}
