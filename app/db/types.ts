import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";
import type { CandidateTables } from "./tables/candidates";
import type { L68Tables } from "./tables/l68";
import type { PlacementTables } from "./tables/placement";
import type { ShortlistTables } from "./tables/shortlists";
import type { VacancyTables } from "./tables/vacancies";

/** Hand-maintained table types; keep in step with migrations/. */
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** jsonb: written as a JSON string, read back parsed. */
export type Json = ColumnType<unknown, string | undefined, string>;

export type Role = "employer" | "preselection_officer" | "placement_officer" | "admin" | "candidate";
export type EmployerRole = "legal_rep" | "colleague" | "delegate";
export type EmployerStatus = "pending" | "validated" | "rejected";

export interface ComuniTable {
  istat_code: string;
  name: string;
  province_code: string;
  province_name: string;
  region_name: string;
  belfiore: string | null;
  lat: number | null;
  lon: number | null;
  population: number | null;
}

export interface CodeTable {
  code: string;
  title: string;
  level: string;
  parent_code: string | null;
}

export interface OccupationsTable {
  code: string;
  title: string;
  level: number;
  parent_code: string | null;
}

export interface EmployersTable {
  id: Generated<string>;
  legal_name: string;
  tax_code: string;
  vat_number: string | null;
  ateco_code: string;
  headcount_band: string;
  legal_address: string;
  legal_comune_code: string;
  pec: string | null;
  contact_name: string;
  contact_email: string;
  contact_phone: string;
  status: Generated<EmployerStatus>;
  status_reason: string | null;
  status_changed_by: string | null;
  status_changed_at: Timestamp | null;
  version: Generated<number>;
  /** What changed (codice fiscale, ragione sociale) when a validated company went back to validation. */
  revalidation_changes: ColumnType<RevalidationChanges | null, string | null | undefined, string | null>;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

/** Field → previous and new value, e.g. { legalName: { from: "A S.r.l.", to: "B S.r.l." } }. */
export type RevalidationChanges = Partial<Record<"legalName" | "taxCode", { from: string; to: string }>>;

/** A company delegates a labour consultant's account; revoked rows stay as history. */
export interface EmployerDelegationsTable {
  id: Generated<string>;
  employer_id: string;
  user_id: string;
  granted_by: string | null;
  granted_at: DefaultedTimestamp;
  revoked_by: string | null;
  revoked_at: Timestamp | null;
}

export interface EmployerSitesTable {
  id: Generated<string>;
  employer_id: string;
  label: string;
  address: string;
  comune_code: string;
  created_at: DefaultedTimestamp;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  password_hash: string | null;
  full_name: string;
  tax_code: string | null;
  role: Role;
  employer_id: string | null;
  employer_role: EmployerRole | null;
  office_province: string | null;
  active: Generated<boolean>;
  password_changed_at: Timestamp | null;
  /** The password was chosen by someone else (an administrator): change it before anything else. */
  must_change_password: Generated<boolean>;
  version: Generated<number>;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface PasswordResetsTable {
  id: Generated<string>;
  user_id: string;
  token_hash: string;
  requested_by: string | null;
  created_at: DefaultedTimestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface PasswordResetRequestsTable {
  id: Generated<string>;
  email: string;
  ip: string;
  at: DefaultedTimestamp;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  auth_method: string;
  /** The company the user works for in this session (checked against the live delegations on every request). */
  active_employer_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: DefaultedTimestamp;
  expires_at: Timestamp;
}

export interface LoginAttemptsTable {
  id: Generated<string>;
  email: string;
  ip: string;
  succeeded: boolean;
  at: DefaultedTimestamp;
}

export interface EmployerInvitationsTable {
  id: Generated<string>;
  employer_id: string;
  email: string;
  employer_role: Exclude<EmployerRole, "legal_rep">;
  token_hash: string;
  invited_by: string;
  created_at: DefaultedTimestamp;
  expires_at: Timestamp;
  accepted_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface MailOutboxTable {
  id: Generated<string>;
  to_address: string;
  subject: string;
  body_text: string;
  created_at: DefaultedTimestamp;
  sent_at: Timestamp | null;
  last_error: string | null;
}

/** SMS written in the business transaction (docs/decisions/0010-signed-availability-links.md); no SMS gateway is connected yet: they stay here. */
export interface SmsOutboxTable {
  id: Generated<string>;
  to_number: string;
  body_text: string;
  created_at: DefaultedTimestamp;
  sent_at: Timestamp | null;
  last_error: string | null;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: DefaultedTimestamp;
  actor_user_id: string | null;
  actor_role: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  employer_id: string | null;
  details: Json;
  ip: string | null;
}

/**
 * The whole database: the platform tables here, each context's tables in
 * app/db/tables/<context>.ts (one file per context keeps parallel work apart).
 */
export interface SearchOutboxTable {
  id: Generated<string>;
  index_uid: string;
  document_id: string;
  created_at: DefaultedTimestamp;
}

/** An index being rebuilt: the sync worker also writes changes to target_uid. */
export interface SearchReindexTargetsTable {
  index_name: string;
  target_uid: string;
  started_at: DefaultedTimestamp;
}

/** A running portal process; alive while it holds its advisory lock (app/db/instances.server.ts). */
export interface ServerInstancesTable {
  id: Generated<number>;
  host: string;
  pid: number;
  started_at: DefaultedTimestamp;
}

/** One row per periodic job: who ran it last and when (server/jobs.ts). */
export interface JobLeasesTable {
  name: string;
  runs: Generated<number>;
  last_started_at: Timestamp | null;
  last_finished_at: Timestamp | null;
  instance_id: number | null;
}

export interface DB extends CandidateTables, VacancyTables, L68Tables, ShortlistTables, PlacementTables {
  comuni: ComuniTable;
  ateco: CodeTable;
  occupations: OccupationsTable;
  employers: EmployersTable;
  employer_sites: EmployerSitesTable;
  employer_delegations: EmployerDelegationsTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  password_resets: PasswordResetsTable;
  password_reset_requests: PasswordResetRequestsTable;
  employer_invitations: EmployerInvitationsTable;
  mail_outbox: MailOutboxTable;
  sms_outbox: SmsOutboxTable;
  audit_log: AuditLogTable;
  search_outbox: SearchOutboxTable;
  search_reindex_targets: SearchReindexTargetsTable;
  server_instances: ServerInstancesTable;
  job_leases: JobLeasesTable;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type Employer = Selectable<EmployersTable>;
export type NewEmployer = Insertable<EmployersTable>;
export type EmployerUpdate = Updateable<EmployersTable>;
