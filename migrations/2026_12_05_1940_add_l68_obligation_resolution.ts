import { sql, type Kysely } from "kysely";

// Frozen in time: no imports from app/. An obligation is «met» (adempiuto) only after a real hire or
// an approved exemption/self-certification/convention; when the units stop being due for another
// reason (the workforce fell below a threshold, a suspension) it is «lapsed», not met. The
// resolution says which. Protected workers hired through a reserved vacancy keep the hire they come from.
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    alter table l68_obligations drop constraint if exists l68_obligations_status_check;
    alter table l68_obligations add column resolution text check (resolution in ('hire','exemption','convention','lapsed'));
    update l68_obligations set resolution = 'hire' where status = 'met';
    alter table l68_obligations
      add constraint l68_obligations_status_check check (status in ('open','request_filed','met','overdue','lapsed')),
      add constraint l68_obligations_resolution check ((status in ('met','lapsed')) = (resolution is not null));
    alter table l68_protected_workers add column hire_id uuid unique references hires(id) on delete set null;
  `).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    alter table l68_protected_workers drop column if exists hire_id;
    alter table l68_obligations drop constraint if exists l68_obligations_resolution, drop column if exists resolution;
    update l68_obligations set status = 'met' where status = 'lapsed';
    alter table l68_obligations drop constraint if exists l68_obligations_status_check;
    alter table l68_obligations add constraint l68_obligations_status_check check (status in ('open','request_filed','met','overdue'));
  `).execute(db);
}
