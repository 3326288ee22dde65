import { sql, type Kysely } from "kysely";

// Frozen in time: no imports from app/. The workforce groups (with their province) as they were when
// a snapshot was taken, so that the prospetto informativo states the workforce at 31 December of the
// year before (art. 9 c. 6 L. 68/1999) and not the one declared today. Null for older snapshots.
// The certificate keeps the 60-day deadline still running when it was issued with uncovered units
// inside the term (art. 9 c. 1: within the 60 days an uncovered unit is not a breach).
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    alter table l68_snapshots add column workforce_groups jsonb;
    alter table l68_certificates
      add column pending_units integer not null default 0 check (pending_units >= 0),
      add column pending_due_on date;
  `).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    alter table l68_certificates drop column if exists pending_due_on, drop column if exists pending_units;
    alter table l68_snapshots drop column if exists workforce_groups;
  `).execute(db);
}
