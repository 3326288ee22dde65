import { sql, type Kysely } from "kysely";

// Frozen in time: no imports from app/. The ClicLavoro vacancy messages (docs/legal/national-systems.md#bcnl).
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    -- The CP2011 6-part qualification chosen by an officer when the vacancy's CP2021 profession has no certain one.
    alter table vacancies
      add column cp2011_code text check (cp2011_code ~ '^([0-9]\\.){5}[0-9]{1,2}$'),
      add column cp2011_chosen_by uuid references users(id) on delete set null,
      add column cp2011_chosen_at timestamptz;

    -- Every ClicLavoro message offered for a vacancy: the first sending, the updates, the closing. The code is the
    -- 25-digit codiceofferta; the hash is the content's, so an unchanged vacancy gets the same message again.
    create table vacancy_cliclavoro_messages (
      id uuid primary key default gen_random_uuid(),
      vacancy_id uuid not null references vacancies(id) on delete cascade,
      revision integer not null check (revision between 0 and 999),
      kind text not null check (kind in ('invio', 'aggiornamento', 'chiusura')),
      code text not null unique check (code ~ '^[0-9]{25}$'),
      previous_code text check (previous_code ~ '^[0-9]{25}$'),
      content_hash text not null check (content_hash ~ '^[0-9a-f]{64}$'),
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      unique (vacancy_id, revision)
    );
  `).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    drop table vacancy_cliclavoro_messages;
    alter table vacancies drop column cp2011_code, drop column cp2011_chosen_by, drop column cp2011_chosen_at;
  `).execute(db);
}
