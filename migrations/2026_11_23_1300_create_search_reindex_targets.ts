import { sql, type Kysely } from "kysely";

// While `npm run search:reindex` builds a fresh copy of an index, the sync worker
// also writes every change to that copy, so nothing committed during the rebuild
// is missing once the copy is swapped in. One row per index being rebuilt.
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    create table search_reindex_targets (
      index_name text primary key,
      target_uid text not null,
      started_at timestamptz not null default now()
    );
  `).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`drop table search_reindex_targets;`).execute(db);
}
