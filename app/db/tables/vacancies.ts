import type { ColumnType, Generated } from "kysely";
import type { DefaultedTimestamp, Json, Timestamp } from "../types";

/** PostgreSQL `date`: read as a Date at local midnight (use isoDate()), written as "YYYY-MM-DD". */
export type DateColumn = ColumnType<Date, string, string>;
/** numeric: read back as a string to keep cents exact. */
type Numeric = ColumnType<string, number | string, number | string>;

export type VacancyStatus = "draft" | "submitted" | "returned" | "validated" | "published" | "in_preselection" | "closed";
export type VacancyOutcome = "filled" | "partly_filled" | "not_filled" | "cancelled";
export type PublicationMode = "public" | "anonymous" | "internal";
export type WorkingTime = "full_time" | "part_time";
export type PayPeriod = "hour" | "month" | "year";
export type L68Reserved = "no" | "art1" | "art18";
export type RequirementKind = "education" | "experience" | "language" | "licence" | "certificate" | "skill";

export interface VacanciesTable {
  id: Generated<string>;
  number: Generated<number>;
  employer_id: string;
  status: Generated<VacancyStatus>;
  title: string;
  occupation_code: string;
  ateco_code: string | null;
  description: string;
  tasks: Generated<string>;
  comune_code: string;
  radius_km: Generated<number>;
  contract_type: string;
  ccnl: string | null;
  working_time: WorkingTime;
  weekly_hours: Numeric | null;
  shifts: string | null;
  pay_min: Numeric | null;
  pay_max: Numeric | null;
  pay_period: PayPeriod | null;
  positions: number;
  start_date: DateColumn | null;
  closing_date: DateColumn;
  l68_reserved: Generated<L68Reserved>;
  /** The structured available post (l68_available_posts) a reserved art. 1 vacancy describes (migration 2026_12_06_1200). */
  l68_post_id: ColumnType<string | null, string | null | undefined, string | null>;
  publication_mode: PublicationMode;
  discrimination_flags: Json;
  status_reason: string | null;
  outcome: VacancyOutcome | null;
  outcome_channel: string | null;
  closed_by_expiry: Generated<boolean>;
  submitted_at: Timestamp | null;
  validated_at: Timestamp | null;
  validated_by: string | null;
  published_at: Timestamp | null;
  closed_at: Timestamp | null;
  created_by: string | null;
  version: Generated<number>;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface VacancyRequirementsTable {
  id: Generated<string>;
  vacancy_id: string;
  position: number;
  kind: RequirementKind;
  priority: "must" | "nice";
  description: string;
  education_level: string | null;
  occupation_code: string | null;
  years: number | null;
  language_code: string | null;
  cefr_level: string | null;
  licence_category: string | null;
}

export interface VacancyRemindersTable {
  vacancy_id: string;
  kind: "7d" | "1d";
  closing_date: DateColumn;
  sent_at: DefaultedTimestamp;
}

export interface EmployerNotificationsTable {
  id: Generated<string>;
  employer_id: string;
  title: string;
  body: string;
  link: string | null;
  created_at: DefaultedTimestamp;
  read_at: Timestamp | null;
}

export type ServiceRequestCode = "4B" | "4C" | "R" | "S" | "4E";
export type ServiceQueue = "preselection" | "placement";
export type ServiceRequestStatus = "open" | "taken" | "done" | "cancelled";
export type DeliveryModality = "office" | "company" | "remote";
export type InfoCategory = "services" | "incentives" | "procedures" | "contracts" | "internships";

export interface ServiceStandardsTable {
  code: string;
  trento_code: string | null;
  lep_letter: string | null;
  sap_code: string | null;
  title: string;
  activity: string;
  min_minutes: number | null;
  max_minutes: number | null;
  sort_order: number;
}

export interface InfoArticlesTable {
  id: Generated<string>;
  slug: string;
  category: InfoCategory;
  title: string;
  summary: string;
  body: string;
  service_codes: ColumnType<string[], string[] | undefined, string[]>;
  sort_order: Generated<number>;
  published: Generated<boolean>;
  updated_by: string | null;
  version: Generated<number>;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface ServiceRequestsTable {
  id: Generated<string>;
  employer_id: string;
  service_code: ServiceRequestCode;
  queue: ServiceQueue;
  status: Generated<ServiceRequestStatus>;
  note: string | null;
  answers: Json;
  created_by: string | null;
  assigned_to: string | null;
  version: Generated<number>;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface ServiceDeliveriesTable {
  id: Generated<string>;
  employer_id: string;
  standard_code: string;
  delivered_on: DateColumn;
  minutes: number;
  modality: DeliveryModality;
  officer_id: string;
  output: string;
  justification: string | null;
  service_request_id: string | null;
  /** Set on the deliveries Rosa records itself (4C presentation, 4D selection): one 4C per shortlist. */
  shortlist_id: string | null;
  /** Set on the 4B row recorded with a needs consultation (one per consultation). */
  needs_assessment_id: string | null;
  /** Bumped when the officer corrects an automatic row's time (optimistic lock). */
  version: Generated<number>;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface NeedsAssessmentsTable {
  id: Generated<string>;
  employer_id: string;
  officer_id: string;
  assessed_on: DateColumn;
  skill_gaps: Generated<string>;
  training_needs: Generated<string>;
  actions_agreed: Generated<string>;
  version: Generated<number>;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface NeedsFiguresTable {
  id: Generated<string>;
  assessment_id: string;
  position: number;
  occupation_code: string;
  quantity: number;
  needed_by: DateColumn | null;
  notes: Generated<string>;
  vacancy_id: string | null;
}

export type ApplicationStatus = "submitted" | "accepted" | "declined";

export interface VacancyApplicationsTable {
  id: Generated<string>;
  vacancy_id: string;
  candidate_id: string;
  message: string | null;
  status: Generated<ApplicationStatus>;
  check_requirements: boolean | null;
  check_cv_current: boolean | null;
  check_consent: boolean | null;
  decline_reason: string | null;
  decided_by: string | null;
  decided_at: Timestamp | null;
  version: Generated<number>;
  created_at: DefaultedTimestamp;
}

// Tables of the vacancies context; keep in step with its migrations.
export interface VacancyTables {
  vacancies: VacanciesTable;
  vacancy_requirements: VacancyRequirementsTable;
  vacancy_reminders: VacancyRemindersTable;
  employer_notifications: EmployerNotificationsTable;
  service_standards: ServiceStandardsTable;
  info_articles: InfoArticlesTable;
  service_requests: ServiceRequestsTable;
  service_deliveries: ServiceDeliveriesTable;
  needs_assessments: NeedsAssessmentsTable;
  needs_figures: NeedsFiguresTable;
  vacancy_applications: VacancyApplicationsTable;
}
