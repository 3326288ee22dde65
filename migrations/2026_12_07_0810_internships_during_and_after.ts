import { sql, type Kysely } from "kysely";

// Frozen in time: no imports from app/. What happens to an internship once it has started and after it ends
// (docs/decisions/tirocini.md «Durante e dopo»): monthly attendance and indemnity, suspensions (they do not count towards
// the maximum and shift the end date), extensions re-checked against the rules, the UNILAV data of a proroga or a
// cessazione, the individual dossier, the attestazione, the outcome at 6 and 12 months, and the officer's real time on
// the internship, which becomes the LEP R row of the services register.
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    -- Why an internship ended early (the initiator is internships.interrupted_by).
    alter table internships add column interruption_reason text check (interruption_reason in
      ('trainee_choice','hired','serious_breach','objectives_unreachable','host_closure','other'));

    -- One row per month of attendance: the hours the PFI plans in that month (suspended days excluded) and the hours
    -- attended, as the host (or the officer) records them; the indemnity actually paid, when known.
    create table internship_attendance (
      id uuid primary key default gen_random_uuid(),
      internship_id uuid not null references internships(id) on delete cascade,
      month date not null check (extract(day from month) = 1),
      planned_hours numeric(6,2) not null check (planned_hours > 0 and planned_hours <= 744),
      attended_hours numeric(6,2) not null check (attended_hours >= 0 and attended_hours <= 744),
      absences_note text check (length(absences_note) <= 1000),
      indemnity_paid_cents integer check (indemnity_paid_cents >= 0 and indemnity_paid_cents <= 1000000),
      recorded_as text not null check (recorded_as in ('employer','officer')),
      recorded_by uuid references users(id) on delete set null,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (internship_id, month)
    );

    -- A suspension: the reason of the regional list, who asked, the declared expected end (the minimum length is checked
    -- on it) and the day the trainee came back; days = resumed_on - start_date, added to the end date on resume.
    create table internship_suspensions (
      id uuid primary key default gen_random_uuid(),
      internship_id uuid not null references internships(id) on delete cascade,
      reason text not null check (reason in ('maternity','illness_injury','closure')),
      requested_by text not null check (requested_by in ('host','trainee')),
      start_date date not null,
      expected_end_date date not null,
      resumed_on date,
      days integer check (days >= 1),
      note text check (length(note) <= 2000),
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      constraint internship_suspensions_dates check (expected_end_date >= start_date and (resumed_on is null or resumed_on > start_date))
    );
    create unique index internship_suspensions_open on internship_suspensions (internship_id) where resumed_on is null;

    -- An extension (proroga): old and new end date and total months, with the checker's answer it was allowed on.
    create table internship_extensions (
      id uuid primary key default gen_random_uuid(),
      internship_id uuid not null references internships(id) on delete cascade,
      previous_end_date date not null,
      new_end_date date not null,
      previous_planned_months numeric(4,1) not null,
      new_planned_months numeric(4,1) not null,
      reason text not null check (length(reason) between 5 and 2000),
      check_result jsonb not null,
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      constraint internship_extensions_dates check (new_end_date > previous_end_date and new_planned_months > previous_planned_months)
    );

    -- The UNILAV the host must file for a proroga or a cessazione (C.01.00 block): what Rosa prepared and, once filed,
    -- the protocol, the day and who recorded it.
    create table internship_unilav_changes (
      id uuid primary key default gen_random_uuid(),
      internship_id uuid not null references internships(id) on delete cascade,
      kind text not null check (kind in ('proroga','cessazione')),
      extension_id uuid unique references internship_extensions(id) on delete cascade,
      effective_date date not null,
      reason text check (length(reason) <= 2000),
      protocol text check (length(protocol) <= 50),
      filed_on date,
      filed_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      constraint internship_unilav_changes_filed check ((protocol is null) = (filed_on is null))
    );
    create index internship_unilav_changes_internship on internship_unilav_changes (internship_id, created_at);

    -- The individual dossier (Allegato 2): activities carried out, evidences of competences, evaluations, tutor visits.
    create table internship_dossier_items (
      id uuid primary key default gen_random_uuid(),
      internship_id uuid not null references internships(id) on delete cascade,
      kind text not null check (kind in ('activity','evidence','visit','mid_evaluation','final_evaluation')),
      occurred_on date not null,
      title text not null check (length(title) between 3 and 200),
      description text not null default '' check (length(description) <= 4000),
      competences text not null default '' check (length(competences) <= 2000),
      author_kind text not null check (author_kind in ('officer','employer')),
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now()
    );
    create index internship_dossier_items_internship on internship_dossier_items (internship_id, occurred_on);

    -- The attestazione finale (Allegato 3), issued only with at least 70 % of the planned hours attended.
    create table internship_attestations (
      internship_id uuid primary key references internships(id) on delete cascade,
      issued_on date not null,
      planned_hours numeric(7,2) not null check (planned_hours > 0),
      attended_hours numeric(7,2) not null check (attended_hours >= 0),
      competences text not null check (length(competences) between 3 and 4000),
      host_signer_name text not null check (length(host_signer_name) between 2 and 200),
      document_hash text not null,
      issued_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now()
    );

    -- The outcome 6 and 12 months after the end: hired (through Rosa's hires, or declared) or not, with the host flag.
    create table internship_outcomes (
      id uuid primary key default gen_random_uuid(),
      internship_id uuid not null references internships(id) on delete cascade,
      horizon_months smallint not null check (horizon_months in (6, 12)),
      window_end date not null,
      status text not null default 'pending' check (status in ('pending','hired','not_hired')),
      source text check (source in ('rosa','self_declared')),
      hire_id uuid references hires(id) on delete set null,
      hired_on date,
      hired_by_host boolean,
      note text check (length(note) <= 1000),
      evaluated_at timestamptz,
      unique (internship_id, horizon_months),
      constraint internship_outcomes_hired check ((status = 'hired') = (hired_on is not null))
    );
    create index internship_outcomes_pending on internship_outcomes (window_end) where status = 'pending';

    -- The officer's real time on the internship (scouting, PFI, contacts with the host tutor…): summed into the one
    -- LEP R row of the services register for this internship.
    create table internship_service_time (
      id bigint generated always as identity primary key,
      internship_id uuid not null references internships(id) on delete cascade,
      delivered_on date not null,
      minutes integer not null check (minutes between 1 and 600),
      modality text not null check (modality in ('office','company','remote')),
      activity text not null check (length(activity) between 3 and 300),
      officer_id uuid not null references users(id),
      created_at timestamptz not null default now()
    );
    create index internship_service_time_internship on internship_service_time (internship_id, delivered_on);

    alter table service_deliveries add column internship_id uuid unique references internships(id) on delete cascade;

    -- LEP R bounds (Trento 2Cc: 10–20 hours of support) and the row for disabled or disadvantaged trainees (3Bc: up to 50
    -- hours); Emilia-Romagna's 720 minutes are shown as a reference, not a bound.
    update service_standards set trento_code = '2Cc', min_minutes = 600, max_minutes = 1200 where code = 'R';
    insert into service_standards values
      ('R-SVANT', '3Bc', 'R', null, 'Attivazione dei tirocini (persone con disabilità o svantaggiate)',
       'Scouting, piano formativo, adempimenti, tutoraggio con i servizi sociali e sanitari', null, 3000, 8);
  `).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    delete from service_deliveries where internship_id is not null;
    alter table service_deliveries drop column internship_id;
    delete from service_standards where code = 'R-SVANT';
    update service_standards set trento_code = null, min_minutes = null, max_minutes = null where code = 'R';
    drop table internship_service_time, internship_outcomes, internship_attestations, internship_dossier_items,
      internship_unilav_changes, internship_extensions, internship_suspensions, internship_attendance;
    alter table internships drop column interruption_reason;
  `).execute(db);
}
