import { sql, type Kysely } from "kysely";

// Frozen in time: no imports from app/. A visitor's self-registration as a candidate waits here
// until the e-mail link is opened: no user row exists before (an unverified address cannot take an
// e-mail or a codice fiscale away from its owner). The password is kept only as an argon2 hash and
// erased when the link is used. Consents are recorded per purpose with their legal basis.
// A codice fiscale already in the CV database is linked to the new account only when the verified
// e-mail is the one the CPI recorded on that CV; otherwise a link request waits for an officer.
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    create table candidate_registrations (
      id uuid primary key default gen_random_uuid(),
      token_hash text not null unique,
      email text not null,
      first_name text not null,
      last_name text not null,
      tax_code text not null,
      birth_date date not null,
      sex text not null check (sex in ('M','F')),
      comune_code text not null references comuni(istat_code),
      password_hash text,
      privacy_notice_version text not null,
      consent_cv_visible boolean not null default false,
      consent_job_alerts boolean not null default false,
      redirect_to text,
      ip text,
      expires_at timestamptz not null,
      verified_at timestamptz,
      superseded_at timestamptz,
      user_id uuid references users(id) on delete cascade,
      created_at timestamptz not null default now()
    );
    create index candidate_registrations_email on candidate_registrations (email) where verified_at is null and superseded_at is null;
    create index candidate_registrations_user on candidate_registrations (user_id);

    create table user_consents (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users(id) on delete cascade,
      purpose text not null check (purpose in ('privacy_notice','cv_visible','job_alerts')),
      legal_basis text not null,
      granted boolean not null,
      notice_version text not null,
      recorded_at timestamptz not null default now()
    );
    create index user_consents_user on user_consents (user_id, purpose, recorded_at desc);

    create table candidate_link_requests (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users(id) on delete cascade,
      candidate_id uuid not null references candidates(id) on delete cascade,
      status text not null default 'pending' check (status in ('pending','linked','refused')),
      reason text not null,
      resolved_by uuid references users(id),
      resolved_at timestamptz,
      created_at timestamptz not null default now()
    );
    create unique index candidate_link_requests_pending on candidate_link_requests (candidate_id, user_id) where status = 'pending';
  `).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    drop table if exists candidate_link_requests;
    drop table if exists user_consents;
    drop table if exists candidate_registrations;
  `).execute(db);
}
