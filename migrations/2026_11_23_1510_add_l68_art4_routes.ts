import { sql, type Kysely } from "kysely";

// Frozen in time: no imports from app/. Protected workers of the L. 68 file (issue 6): the two
// alternative routes by which a worker already disabled when hired counts under art. 4 c. 3-bis
// besides the 60 % reduction — a minorazione in categories 1–6 of the war-pension tables (DPR
// 915/1978; 1–8 are stored, only 1–6 count) and an intellectual or psychic disability above 45 %.
// Health data like disability_percent: shown to placement officers only.
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    alter table l68_protected_workers
      add column invalidity_category smallint check (invalidity_category between 1 and 8),
      add column psychic_disability boolean not null default false,
      add constraint l68_protected_workers_art4_routes
        check (category = 'disabile_art4' or (invalidity_category is null and not psychic_disability));
  `).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    alter table l68_protected_workers
      drop constraint if exists l68_protected_workers_art4_routes,
      drop column if exists psychic_disability,
      drop column if exists invalidity_category;
  `).execute(db);
}
