import { sql, type Kysely } from "kysely";

// Frozen in time: no imports from app/. Some search fields depend on the day, not only on the rows: the whole years
// of an ongoing job (app/domain/matching/fields.ts, experienceYears) grow while nothing is written. A periodic refresh
// re-syncs the CVs whose years changed since the time it last covered, kept here per refresh. The mark starts now:
// the index in place was built from the rows as of its last sync or rebuild (after an upgrade, `npm run
// search:reindex` brings older documents up to date once). The partial index serves the refresh's scan of the
// candidates with a job in progress.
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    create table search_refresh_marks (
      name text primary key,
      covered_until timestamptz not null
    );
    insert into search_refresh_marks (name, covered_until) values ('experience_years', now());
    create index candidate_experiences_ongoing on candidate_experiences (candidate_id) where ended_on is null;
  `).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    drop index if exists candidate_experiences_ongoing;
    drop table if exists search_refresh_marks;
  `).execute(db);
}
