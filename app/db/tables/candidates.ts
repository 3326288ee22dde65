import type { ColumnType, Generated, Selectable } from "kysely";
import type { DefaultedTimestamp, Timestamp } from "../types";

// Tables of the candidates context; keep in step with migrations/2026_11_23_1000_create_candidates.ts
// and migrations/2026_12_05_1900_add_candidate_erasure.ts.

/** A date column (no time): written as "YYYY-MM-DD" or Date, read back as "YYYY-MM-DD" (app/db/db.server.ts). */
export type DateColumn = ColumnType<string, Date | string, Date | string>;

export type WorkTime = "full_time" | "part_time" | "any";
export type ProtectedCategory = "none" | "art1" | "art18";
export type PreferenceSource = "work" | "education" | "training";
export type CefrLevel = "A1" | "A2" | "B1" | "B2" | "C1" | "C2";
export type ItSkillLevel = "basic" | "intermediate" | "advanced";
export type CandidateImportStatus = "validating" | "importing" | "done" | "failed";

export interface CandidatesTable {
  id: Generated<string>;
  first_name: string;
  last_name: string;
  tax_code: string;
  birth_date: DateColumn;
  domicile_comune_code: string;
  domicile_address: string | null;
  phone: string | null;
  email: string | null;
  user_id: string | null;
  work_time: Generated<WorkTime>;
  shifts: Generated<boolean>;
  weekends: Generated<boolean>;
  max_commute_km: number | null;
  willing_to_relocate: Generated<boolean>;
  own_vehicle: Generated<boolean>;
  available_from: ColumnType<string | null, Date | string | null | undefined, Date | string | null>;
  consent_visible: Generated<boolean>;
  consent_changed_at: Timestamp | null;
  cv_updated_at: DefaultedTimestamp;
  protected_category: Generated<ProtectedCategory>;
  created_by: string | null;
  version: Generated<number>;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
  /** Set by the erasure (request or retention): the row is a tombstone «Candidato cancellato». */
  erased_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface CandidateEducationTable {
  id: Generated<string>;
  candidate_id: string;
  eqf_level: number;
  title: string;
  institution: string | null;
  year: number | null;
}

export interface CandidateExperiencesTable {
  id: Generated<string>;
  candidate_id: string;
  occupation_code: string;
  employer_name: string;
  started_on: DateColumn;
  ended_on: ColumnType<string | null, Date | string | null | undefined, Date | string | null>;
  tasks: string | null;
}

export interface CandidatePreferencesTable {
  id: Generated<string>;
  candidate_id: string;
  slot: number;
  occupation_code: string;
  occupation_label: string;
  ateco_code: string | null;
  source: PreferenceSource;
  years_experience: Generated<number>;
  last_job_year: number | null;
  notes: string | null;
  interview_date: ColumnType<string | null, Date | string | null | undefined, Date | string | null>;
}

export interface CandidateLanguagesTable {
  candidate_id: string;
  language_code: string;
  level: CefrLevel;
}

/** Mother tongues: any level of a language requirement is met by them. */
export interface CandidateMotherTonguesTable {
  candidate_id: string;
  language_code: string;
}

export interface CandidateLicencesTable {
  candidate_id: string;
  licence: string;
}

export interface CandidateCertificatesTable {
  id: Generated<string>;
  candidate_id: string;
  name: string;
  expires_on: ColumnType<string | null, Date | string | null | undefined, Date | string | null>;
}

export interface CandidateItSkillsTable {
  id: Generated<string>;
  candidate_id: string;
  skill: string;
  level: ItSkillLevel;
}

/** Health data: read only behind the candidates:health permission. */
export interface CandidateDisabilityTable {
  candidate_id: string;
  percentage: number;
  functional_notes: string | null;
  updated_by: string | null;
  updated_at: DefaultedTimestamp;
}

/** The uploaded PDF CV, bytes stored in PostgreSQL (bytea). */
export interface CandidateCvFilesTable {
  candidate_id: string;
  filename: string;
  size_bytes: number;
  sha256: string;
  content: Buffer;
  extracted_text: Generated<string>;
  page_count: number | null;
  uploaded_by: string | null;
  uploaded_at: DefaultedTimestamp;
}

export interface CandidateInvitationsTable {
  id: Generated<string>;
  candidate_id: string;
  email: string;
  token_hash: string;
  invited_by: string;
  created_at: DefaultedTimestamp;
  expires_at: Timestamp;
  accepted_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

/** A visitor's self-registration, waiting for the e-mail link (see the 2026_12_06_0310 migration). */
export interface CandidateRegistrationsTable {
  id: Generated<string>;
  token_hash: string;
  email: string;
  first_name: string;
  last_name: string;
  tax_code: string;
  birth_date: ColumnType<string, string, string>;
  sex: "M" | "F";
  comune_code: string;
  password_hash: string | null;
  privacy_notice_version: string;
  consent_cv_visible: Generated<boolean>;
  consent_job_alerts: Generated<boolean>;
  redirect_to: string | null;
  ip: string | null;
  expires_at: Timestamp;
  verified_at: Timestamp | null;
  superseded_at: Timestamp | null;
  user_id: string | null;
  created_at: DefaultedTimestamp;
}

export type ConsentPurpose = "privacy_notice" | "cv_visible" | "job_alerts";

export interface UserConsentsTable {
  id: Generated<string>;
  user_id: string;
  purpose: ConsentPurpose;
  legal_basis: string;
  granted: boolean;
  notice_version: string;
  recorded_at: DefaultedTimestamp;
}

export interface CandidateLinkRequestsTable {
  id: Generated<string>;
  user_id: string;
  candidate_id: string;
  status: Generated<"pending" | "linked" | "refused">;
  reason: string;
  resolved_by: string | null;
  resolved_at: Timestamp | null;
  created_at: DefaultedTimestamp;
}

export interface CandidateImportsTable {
  id: Generated<string>;
  filename: string;
  status: Generated<CandidateImportStatus>;
  total_rows: Generated<number>;
  processed_rows: Generated<number>;
  imported_rows: Generated<number>;
  error_count: Generated<number>;
  error_report: string | null;
  message: string | null;
  created_by: string;
  created_at: DefaultedTimestamp;
  finished_at: Timestamp | null;
  /** The portal process running it (server_instances.id); null when started outside a portal. */
  instance_id: Generated<number | null>;
}

export interface CandidateTables {
  candidates: CandidatesTable;
  candidate_education: CandidateEducationTable;
  candidate_experiences: CandidateExperiencesTable;
  candidate_preferences: CandidatePreferencesTable;
  candidate_languages: CandidateLanguagesTable;
  candidate_mother_tongues: CandidateMotherTonguesTable;
  candidate_licences: CandidateLicencesTable;
  candidate_certificates: CandidateCertificatesTable;
  candidate_it_skills: CandidateItSkillsTable;
  candidate_disability: CandidateDisabilityTable;
  candidate_cv_files: CandidateCvFilesTable;
  candidate_invitations: CandidateInvitationsTable;
  candidate_imports: CandidateImportsTable;
  candidate_registrations: CandidateRegistrationsTable;
  user_consents: UserConsentsTable;
  candidate_link_requests: CandidateLinkRequestsTable;
}

export type Candidate = Selectable<CandidatesTable>;
