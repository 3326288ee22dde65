import { sql, type Kysely } from "kysely";

// Frozen in time: no imports from app/. The employer's L. 68/1999 file (issue 6).
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    -- One file per employer: the employer type and a version that serialises every change.
    create table l68_files (
      employer_id uuid primary key references employers(id) on delete cascade,
      employer_type text not null default 'private' check (employer_type in ('private','public')),
      version integer not null default 1,
      updated_at timestamptz not null default now()
    );

    -- Non-protected workers, as groups of identical workers per operating site/province.
    create table l68_workforce_groups (
      id uuid primary key default gen_random_uuid(),
      employer_id uuid not null references l68_files(employer_id) on delete cascade,
      province_code text not null check (province_code ~ '^[A-Z]{2}$'),
      site_label text not null default '',
      count integer not null check (count between 0 and 1000000),
      contract text not null,
      months numeric(7,2),
      weekly_hours numeric(6,2),
      full_time_hours numeric(6,2),
      exclusion text,
      created_at timestamptz not null default now()
    );
    create index l68_workforce_groups_employer on l68_workforce_groups (employer_id);

    -- Protected workers in service, one row each. disability_percent is health data:
    -- only placement officers read it back (employers see the units covered).
    create table l68_protected_workers (
      id uuid primary key default gen_random_uuid(),
      employer_id uuid not null references l68_files(employer_id) on delete cascade,
      province_code text not null check (province_code ~ '^[A-Z]{2}$'),
      worker_name text not null,
      category text not null check (category in ('disabile_l68','disabile_art4','art18')),
      contract text not null,
      months numeric(7,2),
      weekly_hours numeric(6,2),
      full_time_hours numeric(6,2),
      disability_percent numeric(5,2) check (disability_percent between 0 and 100),
      hired_on date not null,
      left_on date,
      created_at timestamptz not null default now()
    );
    create index l68_protected_workers_employer on l68_protected_workers (employer_id);

    -- Every recomputation: the calculator's input and result, kept as history.
    create table l68_snapshots (
      id bigserial primary key,
      employer_id uuid not null references l68_files(employer_id) on delete cascade,
      computed_at timestamptz not null default now(),
      reference_date date not null,
      reason text not null,
      actor_user_id uuid,
      input jsonb not null,
      result jsonb not null,
      base_computo integer not null,
      band text not null,
      quota_disabili integer not null,
      covered_disabili integer not null,
      uncovered_disabili integer not null,
      quota_art18 integer not null,
      uncovered_art18 integer not null,
      missing_after_exemptions integer not null
    );
    create index l68_snapshots_employer on l68_snapshots (employer_id, id desc);

    -- 60 days to hire or request a referral from when the obligation arises (art. 9 c. 1).
    create table l68_obligations (
      id uuid primary key default gen_random_uuid(),
      employer_id uuid not null references l68_files(employer_id) on delete cascade,
      cause text not null check (cause in ('threshold','worker_left','suspension_end')),
      units integer not null check (units > 0),
      arose_on date not null,
      due_on date not null,
      status text not null default 'open' check (status in ('open','request_filed','met','overdue')),
      resolved_on date,
      created_at timestamptz not null default now()
    );
    create index l68_obligations_employer on l68_obligations (employer_id, status);

    -- In-app alerts; (employer, kind, ref_key) unique makes the deadline job idempotent.
    create table l68_alerts (
      id bigserial primary key,
      employer_id uuid not null references l68_files(employer_id) on delete cascade,
      kind text not null,
      ref_key text not null,
      message text not null,
      created_at timestamptz not null default now(),
      unique (employer_id, kind, ref_key)
    );

    -- Annual prospetto informativo (by 31 January of deadline_year, situation at 31 December before).
    create table l68_prospetti (
      id uuid primary key default gen_random_uuid(),
      employer_id uuid not null references l68_files(employer_id) on delete cascade,
      deadline_year integer not null,
      status text not null default 'draft' check (status in ('draft','submitted')),
      data jsonb not null,
      snapshot_id bigint references l68_snapshots(id),
      submitted_at timestamptz,
      submitted_on date,
      submitted_by uuid,
      days_late integer,
      late_sanction_cents bigint,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      unique (employer_id, deadline_year)
    );

    -- Exemptions, 60 per mille self-certifications, suspensions, conventions, referral requests.
    create table l68_records (
      id uuid primary key default gen_random_uuid(),
      employer_id uuid not null references l68_files(employer_id) on delete cascade,
      kind text not null check (kind in ('esonero','autocertificazione_60','sospensione','convenzione_art11',
        'convenzione_art12bis','richiesta_nominativa','richiesta_numerica')),
      status text not null default 'submitted' check (status in ('submitted','approved','rejected','withdrawn','closed')),
      province_code text not null,
      starts_on date not null,
      ends_on date,
      details jsonb not null default '{}'::jsonb,
      decision_note text,
      decided_by uuid,
      decided_at timestamptz,
      created_by uuid,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index l68_records_employer on l68_records (employer_id, kind, status);

    create table l68_documents (
      id uuid primary key default gen_random_uuid(),
      record_id uuid not null references l68_records(id) on delete cascade,
      file_name text not null,
      content_type text not null,
      size_bytes integer not null,
      content bytea not null,
      uploaded_by uuid,
      uploaded_at timestamptz not null default now()
    );
    create index l68_documents_record on l68_documents (record_id);

    -- Art. 17 certificates: issued or refused, with the reasons and the snapshot they rest on.
    create table l68_certificates (
      id uuid primary key default gen_random_uuid(),
      employer_id uuid not null references l68_files(employer_id) on delete cascade,
      number text unique,
      outcome text not null check (outcome in ('issued','refused')),
      reasons jsonb not null default '[]'::jsonb,
      snapshot_id bigint references l68_snapshots(id),
      requested_by uuid,
      requested_at timestamptz not null default now(),
      valid_until date
    );
    create index l68_certificates_employer on l68_certificates (employer_id, requested_at desc);
  `).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    drop table if exists l68_certificates, l68_documents, l68_records, l68_prospetti, l68_alerts, l68_obligations,
      l68_snapshots, l68_protected_workers, l68_workforce_groups, l68_files cascade;
  `).execute(db);
}
