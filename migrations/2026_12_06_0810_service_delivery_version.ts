import { sql, type Kysely } from "kysely";

// The register tells the truth (issue 12): the officer corrects the time of a row
// Rosa wrote by itself (4D at the standard's minimum when the employer selects).
// A version guards those edits against lost updates; updated_at says when.
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    alter table service_deliveries add column version integer not null default 1;
    alter table service_deliveries add column updated_at timestamptz not null default now();
  `).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    alter table service_deliveries drop column updated_at;
    alter table service_deliveries drop column version;
  `).execute(db);
}
