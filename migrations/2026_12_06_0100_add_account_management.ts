import { sql, type Kysely } from "kysely";

/**
 * Account management: password reset links (single use, expiring, only the hash
 * stored), the requests that rate-limit them (per e-mail and per IP, whether or
 * not the account exists), forced password change for accounts whose password
 * someone else chose, and a version for the admin's optimistic concurrency.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    alter table users
      add column must_change_password boolean not null default false,
      add column version integer not null default 1;

    create table password_resets (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users(id) on delete cascade,
      token_hash text not null unique,
      requested_by uuid references users(id),
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      used_at timestamptz,
      revoked_at timestamptz
    );
    create index password_resets_user on password_resets (user_id) where used_at is null and revoked_at is null;

    create table password_reset_requests (
      id bigserial primary key,
      email citext not null,
      ip text not null,
      at timestamptz not null default now()
    );
    create index password_reset_requests_email_at on password_reset_requests (email, at desc);
    create index password_reset_requests_ip_at on password_reset_requests (ip, at desc);
  `).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    drop table if exists password_reset_requests, password_resets;
    alter table users drop column if exists must_change_password, drop column if exists version;
  `).execute(db);
}
