import { sql, type Kysely } from "kysely";

// Frozen in time: no imports from app/. Protected workers of the L. 68 file: the work-accident route
// (art. 4 c. 4 L. 68/1999 and art. 3 c. 4 DPR 333/2000: INAIL degree above 33 %, never when the
// employer was found at fault — both health data, shown to placement officers only) and the
// home-worker/teleworker condition of art. 4 c. 3 (counted only with a full-time workload).
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    alter table l68_protected_workers
      add column inail_percent numeric check (inail_percent between 0 and 100),
      add column employer_at_fault boolean not null default false,
      add column telework boolean not null default false,
      add column full_time_workload boolean not null default false,
      add constraint l68_protected_workers_inail_route
        check (category = 'disabile_art4' or (inail_percent is null and not employer_at_fault));
  `).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    alter table l68_protected_workers
      drop constraint if exists l68_protected_workers_inail_route,
      drop column if exists full_time_workload,
      drop column if exists telework,
      drop column if exists employer_at_fault,
      drop column if exists inail_percent;
  `).execute(db);
}
