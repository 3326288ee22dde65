import { sql, type Kysely } from "kysely";

// The CV database. Frozen in time: no imports from app/.
// Rules the database itself guarantees (so no code path can break them):
//  - at most three job preferences per candidate (slot 1..3, unique per candidate);
//  - a candidate always has at least one education title and one preference when a
//    transaction commits (deferred constraint triggers, so a command can replace the
//    sections in any order inside its transaction);
//  - disability details live in their own table, read only by code paths that check
//    the candidates:health permission.
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    create table candidates (
      id uuid primary key default gen_random_uuid(),
      first_name text not null,
      last_name text not null,
      tax_code text not null unique check (tax_code ~ '^[A-Z0-9]{16}$'),
      birth_date date not null,
      domicile_comune_code text not null references comuni(istat_code),
      domicile_address text,
      phone text,
      email citext,
      user_id uuid unique references users(id) on delete set null,
      work_time text not null default 'any' check (work_time in ('full_time','part_time','any')),
      shifts boolean not null default false,
      weekends boolean not null default false,
      max_commute_km smallint check (max_commute_km between 0 and 1000),
      willing_to_relocate boolean not null default false,
      own_vehicle boolean not null default false,
      available_from date,
      consent_visible boolean not null default false,
      consent_changed_at timestamptz,
      cv_updated_at timestamptz not null default now(),
      protected_category text not null default 'none' check (protected_category in ('none','art1','art18')),
      created_by uuid references users(id),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index candidates_name_trgm on candidates using gin (lower(last_name || ' ' || first_name) gin_trgm_ops);
    create index candidates_comune on candidates (domicile_comune_code);
    create index candidates_cv_updated on candidates (cv_updated_at);

    create table candidate_education (
      id uuid primary key default gen_random_uuid(),
      candidate_id uuid not null references candidates(id) on delete cascade,
      eqf_level smallint not null check (eqf_level between 1 and 8),
      title text not null check (length(title) between 1 and 300),
      institution text,
      year smallint check (year between 1930 and 2100)
    );
    create index candidate_education_candidate on candidate_education (candidate_id);

    create table candidate_experiences (
      id uuid primary key default gen_random_uuid(),
      candidate_id uuid not null references candidates(id) on delete cascade,
      occupation_code text not null references occupations(code),
      employer_name text not null,
      started_on date not null,
      ended_on date,
      tasks text,
      check (ended_on is null or ended_on >= started_on)
    );
    create index candidate_experiences_candidate on candidate_experiences (candidate_id);

    create table candidate_preferences (
      id uuid primary key default gen_random_uuid(),
      candidate_id uuid not null references candidates(id) on delete cascade,
      slot smallint not null check (slot between 1 and 3),
      occupation_code text not null references occupations(code),
      occupation_label text not null,
      ateco_code text references ateco(code),
      source text not null check (source in ('work','education','training')),
      years_experience smallint not null default 0 check (years_experience between 0 and 60),
      last_job_year smallint check (last_job_year between 1930 and 2100),
      notes text,
      interview_date date,
      -- Deferrable so a command can renumber slots inside one transaction.
      constraint candidate_preferences_slot_unique unique (candidate_id, slot) deferrable initially deferred
    );

    create table candidate_languages (
      candidate_id uuid not null references candidates(id) on delete cascade,
      language_code text not null check (language_code ~ '^[a-z]{2}$'),
      level text not null check (level in ('A1','A2','B1','B2','C1','C2')),
      primary key (candidate_id, language_code)
    );

    create table candidate_licences (
      candidate_id uuid not null references candidates(id) on delete cascade,
      licence text not null check (licence in
        ('AM','A1','A2','A','B1','B','BE','C1','C1E','C','CE','D1','D1E','D','DE','CQC_MERCI','CQC_PERSONE','KA','KB')),
      primary key (candidate_id, licence)
    );

    create table candidate_certificates (
      id uuid primary key default gen_random_uuid(),
      candidate_id uuid not null references candidates(id) on delete cascade,
      name text not null check (length(name) between 1 and 200),
      expires_on date
    );
    create index candidate_certificates_candidate on candidate_certificates (candidate_id);

    create table candidate_it_skills (
      id uuid primary key default gen_random_uuid(),
      candidate_id uuid not null references candidates(id) on delete cascade,
      skill text not null check (length(skill) between 1 and 100),
      level text not null check (level in ('basic','intermediate','advanced'))
    );
    create index candidate_it_skills_candidate on candidate_it_skills (candidate_id);

    -- Health data (art. 9 GDPR): separate table, readable only with candidates:health.
    create table candidate_disability (
      candidate_id uuid primary key references candidates(id) on delete cascade,
      percentage smallint not null check (percentage between 0 and 100),
      functional_notes text,
      updated_by uuid references users(id),
      updated_at timestamptz not null default now()
    );

    -- The uploaded PDF CV: bytes in the database (bytea), so file and record commit or
    -- roll back together and backups are consistent. One current file per candidate.
    create table candidate_cv_files (
      candidate_id uuid primary key references candidates(id) on delete cascade,
      filename text not null,
      size_bytes integer not null check (size_bytes > 0),
      sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
      content bytea not null,
      extracted_text text not null default '',
      page_count integer,
      uploaded_by uuid references users(id),
      uploaded_at timestamptz not null default now()
    );

    -- Officer-issued invitations that let a person claim the account of their own CV.
    create table candidate_invitations (
      id uuid primary key default gen_random_uuid(),
      candidate_id uuid not null references candidates(id) on delete cascade,
      email citext not null,
      token_hash text not null unique,
      invited_by uuid not null references users(id),
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      accepted_at timestamptz,
      revoked_at timestamptz
    );
    create index candidate_invitations_candidate on candidate_invitations (candidate_id);

    -- Bulk CSV imports: progress is written outside the import transaction so the page
    -- can show it; the rows themselves are inserted all-or-nothing.
    create table candidate_imports (
      id uuid primary key default gen_random_uuid(),
      filename text not null,
      status text not null default 'validating' check (status in ('validating','importing','done','failed')),
      total_rows integer not null default 0,
      processed_rows integer not null default 0,
      imported_rows integer not null default 0,
      error_count integer not null default 0,
      error_report text,
      message text,
      created_by uuid not null references users(id),
      created_at timestamptz not null default now(),
      finished_at timestamptz
    );

    -- "A CV can be saved only with at least one education title and one job preference",
    -- checked at commit time for every candidate touched by the transaction.
    create function candidate_cv_complete_check() returns trigger language plpgsql as $$
    declare cid uuid;
    begin
      if tg_table_name = 'candidates' then cid := new.id; else cid := old.candidate_id; end if;
      if tg_op <> 'DELETE' and tg_table_name <> 'candidates' then cid := new.candidate_id; end if;
      if not exists (select 1 from candidates where id = cid) then return null; end if;
      if not exists (select 1 from candidate_education where candidate_id = cid) then
        raise exception 'Il CV deve avere almeno un titolo di studio' using errcode = '23514',
          constraint = 'candidate_requires_education';
      end if;
      if not exists (select 1 from candidate_preferences where candidate_id = cid) then
        raise exception 'Il CV deve avere almeno una propensione' using errcode = '23514',
          constraint = 'candidate_requires_preference';
      end if;
      return null;
    end $$;
    create constraint trigger candidates_cv_complete after insert or update on candidates
      deferrable initially deferred for each row execute function candidate_cv_complete_check();
    create constraint trigger candidate_education_cv_complete after update or delete on candidate_education
      deferrable initially deferred for each row execute function candidate_cv_complete_check();
    create constraint trigger candidate_preferences_cv_complete after update or delete on candidate_preferences
      deferrable initially deferred for each row execute function candidate_cv_complete_check();
  `).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    drop table if exists candidate_imports, candidate_invitations, candidate_cv_files, candidate_disability,
      candidate_it_skills, candidate_certificates, candidate_licences, candidate_languages, candidate_preferences,
      candidate_experiences, candidate_education, candidates cascade;
    drop function if exists candidate_cv_complete_check();
  `).execute(db);
}
