import { sql, type Kysely } from "kysely";

// People looking for work get their own accounts to keep their CV and consent up to date.
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    alter table users drop constraint users_role_check;
    alter table users add constraint users_role_check
      check (role in ('employer','preselection_officer','placement_officer','admin','candidate'));
  `).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    delete from users where role = 'candidate';
    alter table users drop constraint users_role_check;
    alter table users add constraint users_role_check
      check (role in ('employer','preselection_officer','placement_officer','admin'));
  `).execute(db);
}
