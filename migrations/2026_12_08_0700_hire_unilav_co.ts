import { sql, type Kysely } from "kysely";

// Frozen in time: no imports from app/. Every field of the UNILAV hiring communication on the hire (nullable: hires recorded
// before keep them empty and show them «da completare»), the CO actually filed for reconciliation, and the stable
// identifiers of the SAP active-policy events (docs/legal/national-systems.md#unilav, #sap).
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    alter table hires
      -- Worker: citizenship (cittadinanze.csv, 000 = Italy), domicile, level of education (2 digits, titoli_studio.csv).
      add column worker_citizenship text check (worker_citizenship ~ '^[0-9]{3}$'),
      add column worker_address text check (length(worker_address) between 2 and 100),
      add column worker_cap text check (worker_cap ~ '^[0-9]{5}$'),
      add column worker_comune_code text references comuni(istat_code),
      add column worker_education_level text check (worker_education_level ~ '^[0-9]{2}$'),
      -- Employer: ATECO 2007 dd.dd.dd, legal seat's CAP, seat of work address and CAP, PAT INAIL, ente previdenziale.
      add column employer_ateco2007 text check (employer_ateco2007 ~ '^[0-9]{2}\\.[0-9]{2}\\.[0-9]{2}$'),
      add column employer_legal_cap text check (employer_legal_cap ~ '^[0-9]{5}$'),
      add column work_address text check (length(work_address) between 2 and 100),
      add column work_cap text check (work_cap ~ '^[0-9]{5}$'),
      add column pat_inail text check (pat_inail ~ '^[0-9]{8,10}$'),
      add column pension_body_code text check (pension_body_code ~ '^[0-9]{2}$'),
      -- Apprenticeship: end of the training period; L. 68 block: nulla osta date and act (convention) number.
      add column training_end_date date,
      add column l68_nulla_osta_on date,
      add column l68_act_number text check (length(l68_act_number) between 1 and 10),
      -- The CO actually filed (its 16-digit code, the day it was sent, and what it says) for reconciliation.
      add column co_code text check (co_code ~ '^[0-9]{16}$'),
      add column co_filed_on date,
      add column co_start_date date,
      add column co_end_date date,
      add column co_contract_type text check (co_contract_type ~ '^[A-Z](\\.[0-9]{2}){2}$'),
      add column co_recorded_by uuid references users(id) on delete set null,
      add column co_recorded_at timestamptz,
      add column version integer not null default 1;
    create unique index hires_co_code on hires (co_code) where co_code is not null;

    -- identificativo_politica: 2-character sender + 8 hexadecimal digits of this sequence + check character. The number is
    -- given once per policy event and kept, so a new export of the same event carries the same identifier.
    create table sap_policy_ids (
      id bigint generated always as identity primary key,
      source text not null check (source in ('internship','outplacement_patto','outplacement_action')),
      source_id uuid not null,
      activity text not null check (activity ~ '^[A-Z][0-9]{2}$'),
      created_at timestamptz not null default now(),
      unique (source, source_id, activity)
    );
  `).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    drop table sap_policy_ids;
    drop index hires_co_code;
    alter table hires drop column worker_citizenship, drop column worker_address, drop column worker_cap,
      drop column worker_comune_code, drop column worker_education_level, drop column employer_ateco2007,
      drop column employer_legal_cap, drop column work_address, drop column work_cap, drop column pat_inail,
      drop column pension_body_code, drop column training_end_date, drop column l68_nulla_osta_on, drop column l68_act_number,
      drop column co_code, drop column co_filed_on, drop column co_start_date, drop column co_end_date,
      drop column co_contract_type, drop column co_recorded_by, drop column co_recorded_at, drop column version;
  `).execute(db);
}
