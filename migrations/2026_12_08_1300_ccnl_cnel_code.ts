import { sql, type Kysely } from "kysely";

// Frozen in time: no imports from app/. Vacancies and hires may carry, besides the CCNL's CO code, the CNEL archive's
// «codice alfanumerico unico» of the contract (4 letters or digits, docs/legal/national-systems.md «CCNL: codice CO e
// codice CNEL»). Optional: existing rows have none; the application checks the code against the CNEL table.
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    alter table vacancies add column ccnl_cnel_code text check (ccnl_cnel_code ~ '^[A-Z0-9]{4}$');
    alter table hires add column ccnl_cnel_code text check (ccnl_cnel_code ~ '^[A-Z0-9]{4}$');
  `).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    alter table hires drop column ccnl_cnel_code;
    alter table vacancies drop column ccnl_cnel_code;
  `).execute(db);
}
