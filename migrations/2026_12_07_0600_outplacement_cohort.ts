import { sql, type Kysely } from "kysely";

// Frozen in time: no imports from app/. The cohort of a redundancy event (docs/decisions/outplacement.md, «Coorte e
// dati personali»): the imports of the workers' list with their error report, each member's state history, the
// contact attempts (a member is proposed as unreachable after 3 failed ones or 14 days), the collective information
// sessions with their attendance, and what the art. 14 notice and the consents need beyond the shared tables.
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    -- One upload of the list. Rows are committed all together or not at all: a refused file leaves only this row
    -- and its error report (line, codice fiscale, column, message: no other personal data).
    create table outplacement_imports (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references outplacement_events(id) on delete cascade,
      filename text not null check (length(filename) <= 200),
      status text not null check (status in ('done','failed')),
      total_rows integer not null default 0,
      imported_rows integer not null default 0,
      linked_candidates integer not null default 0,
      created_candidates integer not null default 0,
      -- The columns of the file read past and never stored (family burden, selection scores…).
      dropped_columns text[] not null default '{}',
      error_count integer not null default 0,
      error_report text,
      -- Rows imported with something for the officer to check (a CV to complete, a name differing from the CV).
      warning_count integer not null default 0,
      warning_report text,
      message text not null,
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now()
    );
    create index outplacement_imports_event on outplacement_imports (event_id, created_at desc);

    alter table outplacement_members
      add column legal_basis text not null default 'public_task' check (legal_basis in ('public_task')),
      add column hours_reduction_pct smallint check (hours_reduction_pct between 1 and 100),
      add column import_id uuid references outplacement_imports(id) on delete set null,
      add column notice_recorded_by uuid references users(id) on delete set null;

    -- How a consent was collected, and on which version of its text.
    alter table outplacement_consents
      add column channel text check (channel in ('modulo_cartaceo','colloquio','area_personale','email')),
      add column text_version text check (length(text_version) <= 50),
      add column revoked_by uuid references users(id) on delete set null;

    -- Every state change of a member, for the history on the member page.
    create table outplacement_member_history (
      id uuid primary key default gen_random_uuid(),
      member_id uuid not null references outplacement_members(id) on delete cascade,
      event text not null,
      from_state text,
      to_state text not null,
      note text check (length(note) <= 2000),
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now()
    );
    create index outplacement_member_history_member on outplacement_member_history (member_id, created_at);

    create table outplacement_contact_attempts (
      id uuid primary key default gen_random_uuid(),
      member_id uuid not null references outplacement_members(id) on delete cascade,
      attempted_on date not null,
      channel text not null check (channel in ('telefono','email','sms','pec','lettera','di_persona')),
      reached boolean not null,
      note text check (length(note) <= 500),
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now()
    );
    create index outplacement_contact_attempts_member on outplacement_contact_attempts (member_id);

    -- The collective information session (F-06) and who attended it.
    create table outplacement_info_sessions (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references outplacement_events(id) on delete cascade,
      held_on date not null,
      place text not null check (length(place) between 2 and 200),
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now()
    );
    create index outplacement_info_sessions_event on outplacement_info_sessions (event_id, held_on);
    create table outplacement_info_session_attendance (
      session_id uuid not null references outplacement_info_sessions(id) on delete cascade,
      member_id uuid not null references outplacement_members(id) on delete cascade,
      primary key (session_id, member_id)
    );
    create index outplacement_info_session_attendance_member on outplacement_info_session_attendance (member_id);
  `).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    drop table if exists outplacement_info_session_attendance, outplacement_info_sessions, outplacement_contact_attempts,
      outplacement_member_history cascade;
    alter table outplacement_consents drop column if exists channel, drop column if exists text_version, drop column if exists revoked_by;
    alter table outplacement_members drop column if exists legal_basis, drop column if exists hours_reduction_pct,
      drop column if exists import_id, drop column if exists notice_recorded_by;
    drop table if exists outplacement_imports cascade;
  `).execute(db);
}
