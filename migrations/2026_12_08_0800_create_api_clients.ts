import { sql, type Kysely } from "kysely";

// Frozen in time: no imports from app/. The open API's clients (docs/decisions/open-api.md):
// one row per integrator's token, created and revoked by an administrator. The token itself is never stored, only
// its SHA-256 (a 256-bit random token needs no slow hash) and its first characters, to recognise it in the list.
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    create table api_clients (
      id uuid primary key default gen_random_uuid(),
      name text not null check (length(name) between 2 and 120),
      contact_email text check (length(contact_email) <= 254),
      scopes text[] not null check (cardinality(scopes) >= 1
        and scopes <@ array['vacancies:read','exports:cliclavoro','exports:unilav','exports:sap']::text[]),
      token_hash text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
      token_prefix text not null check (length(token_prefix) between 4 and 16),
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      last_used_at timestamptz,
      revoked_at timestamptz,
      revoked_by uuid references users(id) on delete set null,
      version integer not null default 1
    );
    create index api_clients_created on api_clients (created_at desc);
  `).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`drop table api_clients;`).execute(db);
}
