import { sql, type Kysely } from "kysely";

// Outplacement (4E), intake and reinsertion plan: the intake of each cohort member, the versioned plan with its
// actions (Trento service codes), individual and group sessions with attendance and minutes, the conditionality
// events an unjustified absence opens, and the link from the service register to the session it records.
// Times are integer minutes (the register counts minutes too). See docs/decisions/outplacement.md «Piano e ore».
// Frozen in time: no imports from app/.
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    create table outplacement_intakes (
      member_id uuid primary key references outplacement_members(id) on delete cascade,
      competences text not null default '',
      motivations text not null default '',
      mobility_km integer check (mobility_km between 0 and 500),
      mobility_minutes integer check (mobility_minutes between 0 and 600),
      weekly_hours integer check (weekly_hours between 1 and 60),
      care_constraints text not null default '',
      self_employment_interest boolean not null default false,
      assessment_started_on date,
      assessment_ended_on date,
      assessment_notes text not null default '',
      check (assessment_ended_on is null or (assessment_started_on is not null and assessment_ended_on >= assessment_started_on)),
      version integer not null default 1,
      updated_by uuid references users(id),
      updated_at timestamptz not null default now()
    );

    create table outplacement_plans (
      id uuid primary key default gen_random_uuid(),
      member_id uuid not null references outplacement_members(id) on delete cascade,
      plan_version integer not null check (plan_version >= 1),
      state text not null default 'draft' check (state in ('draft','signed','in_progress','superseded','closed')),
      main_goal_type text not null check (main_goal_type in ('employee','self_employed')),
      main_goal_cp2021 text references occupations(code),
      main_goal_description text not null,
      alt_goal_type text check (alt_goal_type in ('employee','self_employed')),
      alt_goal_cp2021 text references occupations(code),
      alt_goal_description text not null default '',
      commitments text not null default '',
      review_on date,
      worker_signed_on date,
      worker_signature_method text check (worker_signature_method in ('paper','uploaded_pdf')),
      signed_pdf bytea,
      signed_pdf_name text,
      operator_signed_by uuid references users(id),
      operator_signed_at timestamptz,
      revises_plan_id uuid references outplacement_plans(id),
      closed_at timestamptz,
      created_by uuid not null references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1,
      unique (member_id, plan_version),
      check ((state = 'draft') = (worker_signed_on is null)),
      check (state = 'draft' or (operator_signed_by is not null and worker_signature_method is not null))
    );
    create unique index outplacement_plans_one_draft on outplacement_plans (member_id) where state = 'draft';
    create unique index outplacement_plans_one_current on outplacement_plans (member_id) where state in ('signed','in_progress');

    create table outplacement_plan_actions (
      id uuid primary key default gen_random_uuid(),
      plan_id uuid not null references outplacement_plans(id) on delete cascade,
      position smallint not null,
      service_code text not null check (service_code in ('4E','2Ba','2Bb','2Ca','2Cc','2Cd','2Ce','2D','FORM')),
      mode text not null check (mode in ('individual','group')),
      location text not null check (location in ('employer_premises','provider','cpi','remote')),
      planned_minutes integer not null check (planned_minutes between 30 and 24000),
      starts_on date,
      ends_on date,
      course_title text,
      course_total_minutes integer check (course_total_minutes between 60 and 60000),
      notes text not null default '',
      state text not null default 'planned' check (state in ('planned','scheduled','in_progress','completed','cancelled','interrupted')),
      state_reason text,
      version integer not null default 1,
      unique (plan_id, position),
      check (ends_on is null or starts_on is null or ends_on >= starts_on)
    );

    create table outplacement_group_sessions (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references outplacement_events(id) on delete cascade,
      held_on date not null,
      minutes integer not null check (minutes between 15 and 600),
      service_code text not null check (service_code in ('4E','2Ba','2D','FORM')),
      topic text not null,
      location text not null check (location in ('employer_premises','provider','cpi','remote')),
      created_by uuid not null references users(id),
      created_at timestamptz not null default now()
    );
    create index outplacement_group_sessions_event on outplacement_group_sessions (event_id, held_on desc);

    create table outplacement_sessions (
      id uuid primary key default gen_random_uuid(),
      action_id uuid not null references outplacement_plan_actions(id) on delete cascade,
      member_id uuid not null references outplacement_members(id) on delete cascade,
      group_session_id uuid references outplacement_group_sessions(id) on delete cascade,
      held_on date not null,
      minutes integer not null check (minutes between 15 and 600),
      attendance text not null check (attendance in ('present','absent_justified','absent_unjustified')),
      absence_reason text,
      note text not null default '',
      created_by uuid not null references users(id),
      created_at timestamptz not null default now(),
      unique (group_session_id, member_id),
      check (attendance <> 'absent_justified' or absence_reason is not null)
    );
    create index outplacement_sessions_member on outplacement_sessions (member_id, held_on desc);
    create index outplacement_sessions_action on outplacement_sessions (action_id);

    create table outplacement_conditionality_events (
      id uuid primary key default gen_random_uuid(),
      member_id uuid not null references outplacement_members(id) on delete cascade,
      session_id uuid unique references outplacement_sessions(id) on delete set null,
      kind text not null check (kind in ('no_show','training_absence','offer_refused','other')),
      benefit text not null check (benefit in ('naspi','cigs')),
      occurred_on date not null,
      justification text not null default '',
      proposed_sanction text not null default '',
      decision text not null default 'pending' check (decision in ('pending','sanction_proposed','dismissed','sanctioned')),
      decision_note text not null default '',
      decided_by uuid references users(id),
      decided_on date,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      version integer not null default 1
    );
    create index outplacement_conditionality_member on outplacement_conditionality_events (member_id, occurred_on desc);

    alter table service_deliveries
      add column outplacement_session_id uuid unique references outplacement_sessions(id) on delete cascade,
      add column outplacement_group_session_id uuid unique references outplacement_group_sessions(id) on delete cascade;

    -- The person services a reinsertion plan activates, with the durations of the Trento repertorio (minutes).
    insert into service_standards values
      ('2Ba-IND',    '2Ba', null, null, 'Consulenza professionale (individuale)', 'Da 3 a 8 colloqui individuali di almeno un''ora', 180, 480, 20),
      ('2Ba-GRUPPO', '2Ba', null, null, 'Consulenza professionale (di gruppo)', 'Percorso di gruppo', 720, 1200, 21),
      ('2Bb',        '2Bb', null, null, 'Bilancio di competenze', 'Colloqui, autoanalisi e dossier entro due mesi', 900, 1080, 22),
      ('2Ca',        '2Ca', null, null, 'Coaching', 'Colloqui individuali', 600, 900, 23),
      ('2Cc',        '2Cc', null, null, 'Tirocinio: promozione e tutoraggio', 'Incontri e tutoraggio', 600, 1200, 24),
      ('2Cd',        '2Cd', null, null, 'Laboratorio', 'Attività pratiche in gruppo e tutoraggio individuale', 4800, 18000, 25),
      ('2Ce',        '2Ce', null, null, 'Inserimento lavorativo', 'Colloqui, formazione e accompagnamento', 1200, 3000, 26),
      ('2D-IND',     '2D',  null, null, 'Consulenza per l''avvio di attività autonoma (individuale)', 'Colloqui individuali', 600, 1200, 27),
      ('2D-GRUPPO',  '2D',  null, null, 'Consulenza per l''avvio di attività autonoma (di gruppo)', 'Colloqui di gruppo', 1200, 2400, 28);
  `).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    delete from service_deliveries where outplacement_session_id is not null or outplacement_group_session_id is not null;
    alter table service_deliveries drop column outplacement_session_id, drop column outplacement_group_session_id;
    delete from service_standards where code in ('2Ba-IND','2Ba-GRUPPO','2Bb','2Ca','2Cc','2Cd','2Ce','2D-IND','2D-GRUPPO');
    drop table if exists outplacement_conditionality_events, outplacement_sessions, outplacement_group_sessions,
      outplacement_plan_actions, outplacement_plans, outplacement_intakes;
  `).execute(db);
}
