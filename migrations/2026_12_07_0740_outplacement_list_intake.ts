import { sql, type Kysely } from "kysely";

// Frozen in time: no imports from app/. The workers' list received from the employer and the re-import diff
// (docs/decisions/outplacement.md, «Elenco dall'azienda, Excel e reimportazione»): an import can now wait — a list the
// employer uploaded waits for the officer («pending»), a list for a cohort that already has workers waits for the
// officer to confirm the differences («preview») — or be set aside («discarded»). While it waits its rows (the columns
// we keep, never the dropped ones) are in `records`; they are erased when the import is applied or set aside.
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    alter table outplacement_imports drop constraint outplacement_imports_status_check;
    alter table outplacement_imports
      add constraint outplacement_imports_status_check check (status in ('done','failed','pending','preview','discarded')),
      add column source text not null default 'officer' check (source in ('officer','employer')),
      add column file_format text not null default 'csv' check (file_format in ('csv','xlsx')),
      add column records jsonb,
      -- The differences shown before a re-import (counts, new, changed and missing workers), kept as shown.
      add column diff jsonb,
      add column reviewed_by uuid references users(id) on delete set null,
      add column reviewed_at timestamptz,
      -- A pending or preview import keeps its rows; nothing else does.
      add constraint outplacement_imports_records_waiting check (records is null or status in ('pending','preview'));
    create index outplacement_imports_waiting on outplacement_imports (event_id) where status in ('pending','preview');

    -- A worker of the cohort absent from the last list applied: flagged for the officer, never deleted.
    alter table outplacement_members
      add column missing_from_import_id uuid references outplacement_imports(id) on delete set null;
  `).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    alter table outplacement_members drop column if exists missing_from_import_id;
    drop index if exists outplacement_imports_waiting;
    delete from outplacement_imports where status not in ('done','failed');
    alter table outplacement_imports drop constraint if exists outplacement_imports_records_waiting,
      drop column if exists source, drop column if exists file_format, drop column if exists records, drop column if exists diff,
      drop column if exists reviewed_by, drop column if exists reviewed_at,
      drop constraint outplacement_imports_status_check;
    alter table outplacement_imports add constraint outplacement_imports_status_check check (status in ('done','failed'));
  `).execute(db);
}
