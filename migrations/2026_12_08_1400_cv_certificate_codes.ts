import { sql, type Kysely } from "kysely";

// Frozen in time: no imports from app/. A CV certificate may name, beside the person's own words, the official patentino
// or abilitazione (patentini.csv, two digits) or the professional register (albi.csv, four digits), like a vacancy's
// certificate requirement (docs/legal/national-systems.md#cv-codes): at most one of the two. No data is converted (the
// free text stays as it is; nobody guesses a code from words), so no search document changes: one without
// `certificateCodes` filters like an empty list, and a CV gains codes only when it is saved (and re-sent) again.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table candidate_certificates
      add column patentino_code text check (patentino_code ~ '^[0-9]{2}$'),
      add column albo_code text check (albo_code ~ '^[0-9]{4}$'),
      add constraint candidate_certificates_one_code check (patentino_code is null or albo_code is null);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  // The CVs that named a code: their documents lose it.
  await sql`
    insert into search_outbox (index_uid, document_id)
      select distinct 'candidates', candidate_id::text from candidate_certificates where patentino_code is not null or albo_code is not null;
    alter table candidate_certificates drop constraint candidate_certificates_one_code,
      drop column patentino_code, drop column albo_code;
  `.execute(db);
}
