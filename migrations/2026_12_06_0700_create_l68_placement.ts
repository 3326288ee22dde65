import { sql, type Kysely } from "kysely";

// Frozen in time: no imports from app/. Targeted placement (issue 13): the employers' available posts
// as in the national prospetto informativo, the province's list of people with disabilities enrolled
// for targeted placement (art. 8 L. 68/1999) with their health data in a table of its own (GDPR
// art. 9: placement officers only), and the referrals (numeric/nominative) with their outcome.
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    -- Posti di lavoro disponibili: mansione, qualifica CP2021, n. posti, capacità richieste, barriere,
    -- turni notturni, comune (ISTAT), raggiungibilità con mezzi pubblici.
    create table l68_available_posts (
      id uuid primary key default gen_random_uuid(),
      employer_id uuid not null references l68_files(employer_id) on delete cascade,
      task text not null check (length(task) between 1 and 200),
      occupation_code text not null references occupations(code),
      posts integer not null check (posts between 1 and 999),
      capacities text[] not null default '{}',
      architectural_barriers boolean not null,
      night_shifts boolean not null,
      comune_code text not null references comuni(istat_code),
      public_transport boolean not null,
      status text not null default 'open' check (status in ('open','filled','withdrawn')),
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index l68_available_posts_employer on l68_available_posts (employer_id, status);

    -- The enrolled person: identity and the ranking's social criteria (not health data).
    create table l68_enrolments (
      id uuid primary key default gen_random_uuid(),
      candidate_id uuid references candidates(id) on delete set null,
      first_name text not null,
      last_name text not null,
      tax_code text not null,
      birth_date date not null,
      phone text,
      email text,
      domicile_comune_code text not null references comuni(istat_code),
      province_code text not null check (province_code ~ '^[A-Z]{2}$'),
      enrolled_on date not null,
      family_dependants integer not null default 0 check (family_dependants between 0 and 20),
      isee_cents bigint check (isee_cents >= 0),
      status text not null default 'active' check (status in ('active','placed','removed')),
      created_by uuid references users(id) on delete set null,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      unique (province_code, tax_code)
    );
    create index l68_enrolments_province on l68_enrolments (province_code, status);

    -- Health data (GDPR art. 9): disability category and percentage, functional diagnosis, capacities
    -- and the conditions that follow from them. Read only by placement officers, every read audited.
    create table l68_enrolment_health (
      enrolment_id uuid primary key references l68_enrolments(id) on delete cascade,
      disability_category text not null check (disability_category in ('invalido_civile','invalido_lavoro','invalido_servizio','non_vedente','sordo','psichico')),
      disability_percent numeric(5,2) not null check (disability_percent between 0 and 100),
      functional_diagnosis text not null,
      capacities text[] not null default '{}',
      night_shifts_ok boolean not null default true,
      needs_barrier_free boolean not null default false,
      needs_public_transport boolean not null default false,
      updated_by uuid references users(id) on delete set null,
      updated_at timestamptz not null default now()
    );

    -- Referrals: numeric (the office proposes by ranking) or nominative (nulla osta), and the outcome.
    create table l68_referrals (
      id uuid primary key default gen_random_uuid(),
      employer_id uuid not null references l68_files(employer_id) on delete cascade,
      post_id uuid not null references l68_available_posts(id) on delete cascade,
      enrolment_id uuid not null references l68_enrolments(id) on delete cascade,
      kind text not null check (kind in ('numerica','nominativa')),
      status text not null default 'proposed' check (status in ('proposed','referred','hired','refused_by_worker','not_suitable','refused_by_employer','cancelled')),
      rank_position integer,
      score text,
      nulla_osta_number text unique,
      nulla_osta_on date,
      referred_on date,
      outcome_on date,
      outcome_note text,
      contract text,
      protected_worker_id uuid references l68_protected_workers(id) on delete set null,
      created_by uuid references users(id) on delete set null,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index l68_referrals_employer on l68_referrals (employer_id, status);
    create index l68_referrals_enrolment on l68_referrals (enrolment_id);
    create sequence l68_nulla_osta_seq;
  `).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    drop sequence if exists l68_nulla_osta_seq;
    drop table if exists l68_referrals, l68_enrolment_health, l68_enrolments, l68_available_posts cascade;
  `).execute(db);
}
