import { sql, type Kysely } from "kysely";

// Frozen in time: no imports from app/. Multi-statement SQL runs over the simple query protocol.
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    create extension if not exists citext;
    create extension if not exists pg_trgm;
    create extension if not exists unaccent;

    -- Reference classifications (loaded from server/reference-data at start).
    create table comuni (
      istat_code text primary key,
      name text not null,
      province_code text not null,
      province_name text not null,
      region_name text not null,
      belfiore text,
      lat double precision,
      lon double precision,
      population integer
    );
    create index comuni_name_trgm on comuni using gin (lower(name) gin_trgm_ops);
    create index comuni_province on comuni (province_code);

    create table ateco (
      code text primary key,
      title text not null,
      level text not null,
      parent_code text
    );
    create index ateco_title_trgm on ateco using gin (lower(title) gin_trgm_ops);

    create table occupations (
      code text primary key,
      title text not null,
      level smallint not null check (level between 1 and 5),
      parent_code text
    );
    create index occupations_title_trgm on occupations using gin (lower(title) gin_trgm_ops);

    create table employers (
      id uuid primary key default gen_random_uuid(),
      legal_name text not null,
      tax_code text not null unique,
      vat_number text unique,
      ateco_code text not null references ateco(code),
      headcount_band text not null check (headcount_band in ('0-9','10-14','15-35','36-50','51-249','250+')),
      legal_address text not null,
      legal_comune_code text not null references comuni(istat_code),
      pec text,
      contact_name text not null,
      contact_email citext not null,
      contact_phone text not null,
      status text not null default 'pending' check (status in ('pending','validated','rejected')),
      status_reason text,
      status_changed_by uuid,
      status_changed_at timestamptz,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index employers_name_trgm on employers using gin (lower(legal_name) gin_trgm_ops);
    create index employers_status on employers (status, created_at desc);

    create table employer_sites (
      id uuid primary key default gen_random_uuid(),
      employer_id uuid not null references employers(id) on delete cascade,
      label text not null,
      address text not null,
      comune_code text not null references comuni(istat_code),
      created_at timestamptz not null default now()
    );
    create index employer_sites_employer on employer_sites (employer_id);

    create table users (
      id uuid primary key default gen_random_uuid(),
      email citext not null unique,
      password_hash text,
      full_name text not null,
      tax_code text unique,
      role text not null check (role in ('employer','preselection_officer','placement_officer','admin')),
      employer_id uuid references employers(id),
      employer_role text check (employer_role in ('legal_rep','colleague','delegate')),
      office_province text,
      active boolean not null default true,
      password_changed_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint employer_users_belong check ((role = 'employer') = (employer_id is not null and employer_role is not null))
    );
    create index users_employer on users (employer_id);

    -- Server-side sessions: the cookie carries only a signed random id, so logout
    -- and password change can revoke sessions; any login method (password, later SPID/CIE) creates one.
    create table sessions (
      id text primary key,
      user_id uuid not null references users(id) on delete cascade,
      auth_method text not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
    );
    create index sessions_user on sessions (user_id);

    create table login_attempts (
      id bigserial primary key,
      email citext not null,
      ip text not null,
      succeeded boolean not null,
      at timestamptz not null default now()
    );
    create index login_attempts_email_at on login_attempts (email, at desc);
    create index login_attempts_ip_at on login_attempts (ip, at desc);

    create table employer_invitations (
      id uuid primary key default gen_random_uuid(),
      employer_id uuid not null references employers(id) on delete cascade,
      email citext not null,
      employer_role text not null check (employer_role in ('colleague','delegate')),
      token_hash text not null unique,
      invited_by uuid not null references users(id),
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      accepted_at timestamptz,
      revoked_at timestamptz
    );

    create table mail_outbox (
      id bigserial primary key,
      to_address text not null,
      subject text not null,
      body_text text not null,
      created_at timestamptz not null default now(),
      sent_at timestamptz,
      last_error text
    );

    -- Append-only audit log: the trigger refuses updates and deletes, even from the app's own role.
    create table audit_log (
      id bigserial primary key,
      at timestamptz not null default now(),
      actor_user_id uuid,
      actor_role text,
      action text not null,
      entity_type text not null,
      entity_id text,
      employer_id uuid,
      details jsonb not null default '{}'::jsonb,
      ip text
    );
    create index audit_log_at on audit_log (at desc);
    create index audit_log_entity on audit_log (entity_type, entity_id);
    create index audit_log_actor on audit_log (actor_user_id, at desc);
    create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log è in sola aggiunta: % non consentito', tg_op;
    end $$;
    create trigger audit_log_no_update before update or delete on audit_log
      for each row execute function audit_log_append_only();
    create trigger audit_log_no_truncate before truncate on audit_log
      for each statement execute function audit_log_append_only();
  `).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    drop table if exists audit_log, mail_outbox, employer_invitations, login_attempts, sessions, users,
      employer_sites, employers, occupations, ateco, comuni cascade;
    drop function if exists audit_log_append_only();
  `).execute(db);
}
