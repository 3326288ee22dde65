import { sql, type Kysely } from "kysely";

// Frozen in time: no imports from app/. The local holidays of a production unit (rules file §1.7:
// the working days of the exemption contribution exclude the patron saint and the CCNL extra
// holidays): the patron saint as "MM-DD" (null: the provincial capital's, or none) and the CCNL or
// local holidays as "MM-DD" (every year) or "YYYY-MM-DD" (once), recorded with each workforce group.
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    alter table l68_workforce_groups
      add column patron_saint text check (patron_saint ~ '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'),
      add column extra_holidays text[] not null default '{}';
  `).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    alter table l68_workforce_groups
      drop column if exists extra_holidays,
      drop column if exists patron_saint;
  `).execute(db);
}
