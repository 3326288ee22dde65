import { sql, type Kysely } from "kysely";

// Transactional outbox for the Meilisearch indexes: a row is written in the same
// transaction as the change, and a worker pushes the current state of the
// document after commit. Losing Meilisearch never loses an update.
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    create table search_outbox (
      id bigserial primary key,
      index_uid text not null,
      document_id text not null,
      created_at timestamptz not null default now()
    );
    create index search_outbox_index on search_outbox (index_uid, id);
  `).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`drop table search_outbox;`).execute(db);
}
