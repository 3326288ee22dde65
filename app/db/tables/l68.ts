import type { ColumnType, Generated } from "kysely";
import type { DefaultedTimestamp, Json, Timestamp } from "../types";

// Tables of the l68 context; keep in step with migrations/2026_11_23_1200_create_l68_files.ts, 1210 and 2026_11_23_1510.

/** numeric columns: written as number, read back as a string by pg (converted in the queries). */
type Numeric = ColumnType<string, number | string, number | string>;
/** date columns: written and read as yyyy-mm-dd (the pool's DATE parser, app/db/db.server.ts). */
type DateColumn = ColumnType<string, string, string>;

export type L68EmployerType = "private" | "public";
export type L68ProtectedCategory = "disabile_l68" | "disabile_art4" | "art18";
export type L68ObligationCause = "threshold" | "worker_left" | "suspension_end";
export type L68ObligationStatus = "open" | "request_filed" | "met" | "overdue" | "lapsed";
/** Why an obligation ended (migration 2026_12_05_1940): «met» only by hire, exemption or convention. */
export type L68ObligationResolution = "hire" | "exemption" | "convention" | "lapsed";
export type L68RecordKind =
  | "esonero"
  | "autocertificazione_60"
  | "sospensione"
  | "convenzione_art11"
  | "convenzione_art12bis"
  | "richiesta_nominativa"
  | "richiesta_numerica";
export type L68RecordStatus = "submitted" | "approved" | "rejected" | "withdrawn" | "closed";

export interface L68FilesTable {
  employer_id: string;
  employer_type: Generated<L68EmployerType>;
  version: Generated<number>;
  updated_at: DefaultedTimestamp;
}

export interface L68WorkforceGroupsTable {
  id: Generated<string>;
  employer_id: string;
  province_code: string;
  site_label: Generated<string>;
  count: number;
  contract: string;
  months: Numeric | null;
  weekly_hours: Numeric | null;
  full_time_hours: Numeric | null;
  exclusion: string | null;
  /** The unit's patron saint, "MM-DD"; null: the provincial capital's (patron-saints.ts) or none. */
  patron_saint: string | null;
  /** CCNL or local holidays of the unit: "MM-DD" every year or "YYYY-MM-DD" once. */
  extra_holidays: ColumnType<string[], string[] | undefined, string[]>;
  created_at: DefaultedTimestamp;
}

export interface L68ProtectedWorkersTable {
  id: Generated<string>;
  employer_id: string;
  province_code: string;
  worker_name: string;
  category: L68ProtectedCategory;
  contract: string;
  months: Numeric | null;
  weekly_hours: Numeric | null;
  full_time_hours: Numeric | null;
  disability_percent: Numeric | null;
  /** Art. 4 c. 3-bis: war-pension table category 1–8 (1–6 count); migration 2026_11_23_1510. Health data. */
  invalidity_category: number | null;
  /** Art. 4 c. 3-bis: intellectual or psychic disability (counts above 45 %); migration 2026_11_23_1510. Health data. */
  psychic_disability: Generated<boolean>;
  /** Art. 4 c. 4 / DPR 333/2000 art. 3 c. 4: INAIL degree of a work accident or occupational disease; migration 2026_12_05_1910. Health data. */
  inail_percent: Numeric | null;
  /** Disabled through the employer's breach of safety rules, ascertained by a court: never counted. Health data. */
  employer_at_fault: Generated<boolean>;
  /** Art. 4 c. 3: teleworker, and whether home workers/teleworkers have a full-time workload. */
  telework: Generated<boolean>;
  full_time_workload: Generated<boolean>;
  hired_on: DateColumn;
  left_on: DateColumn | null;
  /** The hire on a reserved vacancy this worker comes from (migration 2026_12_05_1940). */
  hire_id: string | null;
  created_at: DefaultedTimestamp;
}

export interface L68SnapshotsTable {
  id: Generated<number>;
  employer_id: string;
  computed_at: DefaultedTimestamp;
  reference_date: DateColumn;
  reason: string;
  actor_user_id: string | null;
  input: Json;
  result: Json;
  base_computo: number;
  band: string;
  quota_disabili: number;
  covered_disabili: number;
  uncovered_disabili: number;
  quota_art18: number;
  uncovered_art18: number;
  missing_after_exemptions: number;
  /** The workforce groups with their province when the snapshot was taken (migration 2026_12_05_1930); null before. */
  workforce_groups: Json | null;
}

export interface L68ObligationsTable {
  id: Generated<string>;
  employer_id: string;
  cause: L68ObligationCause;
  units: number;
  arose_on: DateColumn;
  due_on: DateColumn;
  status: Generated<L68ObligationStatus>;
  resolved_on: DateColumn | null;
  resolution: L68ObligationResolution | null;
  created_at: DefaultedTimestamp;
}

export interface L68AlertsTable {
  id: Generated<number>;
  employer_id: string;
  kind: string;
  ref_key: string;
  message: string;
  created_at: DefaultedTimestamp;
}

export interface L68ProspettiTable {
  id: Generated<string>;
  employer_id: string;
  deadline_year: number;
  status: Generated<"draft" | "submitted">;
  data: Json;
  snapshot_id: number | null;
  submitted_at: Timestamp | null;
  submitted_on: DateColumn | null;
  submitted_by: string | null;
  days_late: number | null;
  late_sanction_cents: ColumnType<number | null, number | null, number | null>; // int8 → number (cents fit in 2^53)
  version: Generated<number>;
  created_at: DefaultedTimestamp;
}

export interface L68RecordsTable {
  id: Generated<string>;
  employer_id: string;
  kind: L68RecordKind;
  status: Generated<L68RecordStatus>;
  province_code: string;
  starts_on: DateColumn;
  ends_on: DateColumn | null;
  details: Json;
  decision_note: string | null;
  decided_by: string | null;
  decided_at: Timestamp | null;
  created_by: string | null;
  version: Generated<number>;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface L68DocumentsTable {
  id: Generated<string>;
  record_id: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  content: Buffer;
  /** Hex sha256 of `content` (migration 2026_11_23_1210). */
  sha256: string;
  uploaded_by: string | null;
  uploaded_at: DefaultedTimestamp;
}

export interface L68CertificatesTable {
  id: Generated<string>;
  employer_id: string;
  number: string | null;
  outcome: "issued" | "refused";
  reasons: Json;
  snapshot_id: number | null;
  requested_by: string | null;
  requested_at: DefaultedTimestamp;
  valid_until: DateColumn | null;
  /** Units uncovered but still inside their 60-day term at issue, and the nearest term (migration 2026_12_05_1930). */
  pending_units: Generated<number>;
  pending_due_on: DateColumn | null;
}

export interface L68Tables {
  l68_files: L68FilesTable;
  l68_workforce_groups: L68WorkforceGroupsTable;
  l68_protected_workers: L68ProtectedWorkersTable;
  l68_snapshots: L68SnapshotsTable;
  l68_obligations: L68ObligationsTable;
  l68_alerts: L68AlertsTable;
  l68_prospetti: L68ProspettiTable;
  l68_records: L68RecordsTable;
  l68_documents: L68DocumentsTable;
  l68_certificates: L68CertificatesTable;
}
