import { sql, type Kysely } from "kysely";

// Frozen in time: no imports from app/. A CV records the mother tongue(s) apart from the foreign
// languages with their QCER level: a mother tongue satisfies a language requirement at any level,
// and a CV that says nothing about a required language is shown as "da verificare", not dropped.
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    create table candidate_mother_tongues (
      candidate_id uuid not null references candidates(id) on delete cascade,
      language_code text not null check (language_code ~ '^[a-z]{2}$'),
      primary key (candidate_id, language_code)
    );
  `).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`drop table if exists candidate_mother_tongues;`).execute(db);
}
