import { sql, type Kysely } from "kysely";

// Vacancies posted by employers, validated by CPI officers and published on the
// public job board. Frozen in time: no imports from app/.
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    create sequence vacancy_number_seq start 1001;

    create table vacancies (
      id uuid primary key default gen_random_uuid(),
      number bigint not null unique default nextval('vacancy_number_seq'),
      employer_id uuid not null references employers(id),
      status text not null default 'draft'
        check (status in ('draft','submitted','returned','validated','published','in_preselection','closed')),
      title text not null,
      occupation_code text not null references occupations(code),
      ateco_code text references ateco(code),
      description text not null,
      tasks text not null default '',
      comune_code text not null references comuni(istat_code),
      radius_km integer not null default 20 check (radius_km between 0 and 200),
      contract_type text not null,
      ccnl text,
      working_time text not null check (working_time in ('full_time','part_time')),
      weekly_hours numeric(4,1) check (weekly_hours is null or (weekly_hours > 0 and weekly_hours <= 48)),
      shifts text,
      pay_min numeric(10,2),
      pay_max numeric(10,2),
      pay_period text check (pay_period in ('hour','month','year')),
      positions integer not null check (positions between 1 and 99),
      start_date date,
      closing_date date not null,
      l68_reserved text not null default 'no' check (l68_reserved in ('no','art1','art18')),
      publication_mode text not null check (publication_mode in ('public','anonymous','internal')),
      -- Findings of the non-discrimination check at the last save (warnings the officer reviews).
      discrimination_flags jsonb not null default '[]'::jsonb,
      status_reason text,
      outcome text check (outcome in ('filled','partly_filled','not_filled','cancelled')),
      outcome_channel text,
      closed_by_expiry boolean not null default false,
      submitted_at timestamptz,
      validated_at timestamptz,
      validated_by uuid references users(id),
      published_at timestamptz,
      closed_at timestamptz,
      created_by uuid references users(id),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint vacancies_pay_range check (pay_min is null or pay_max is null or pay_min <= pay_max),
      constraint vacancies_closed_outcome check ((status = 'closed') = (closed_at is not null))
    );
    create index vacancies_employer on vacancies (employer_id, created_at desc);
    create index vacancies_status on vacancies (status, closing_date);

    -- Requirements in the order the employer set (C.4C: "definire il loro ordine in termini di importanza").
    create table vacancy_requirements (
      id uuid primary key default gen_random_uuid(),
      vacancy_id uuid not null references vacancies(id) on delete cascade,
      position smallint not null,
      kind text not null check (kind in ('education','experience','language','licence','certificate','skill')),
      priority text not null check (priority in ('must','nice')),
      description text not null,
      education_level text,
      occupation_code text references occupations(code),
      years smallint check (years is null or years between 0 and 50),
      language_code text,
      cefr_level text check (cefr_level is null or cefr_level in ('A1','A2','B1','B2','C1','C2')),
      licence_category text,
      unique (vacancy_id, position)
    );

    -- One row per reminder actually sent: the deadline job is idempotent because of this key.
    create table vacancy_reminders (
      vacancy_id uuid not null references vacancies(id) on delete cascade,
      kind text not null check (kind in ('7d','1d')),
      closing_date date not null,
      sent_at timestamptz not null default now(),
      primary key (vacancy_id, kind, closing_date)
    );

    -- In-app notices for everybody working for an employer.
    create table employer_notifications (
      id bigserial primary key,
      employer_id uuid not null references employers(id) on delete cascade,
      title text not null,
      body text not null,
      link text,
      created_at timestamptz not null default now(),
      read_at timestamptz
    );
    create index employer_notifications_employer on employer_notifications (employer_id, created_at desc);
  `).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    drop table if exists employer_notifications, vacancy_reminders, vacancy_requirements, vacancies;
    drop sequence if exists vacancy_number_seq;
  `).execute(db);
}
