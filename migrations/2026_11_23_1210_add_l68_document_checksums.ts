import { sql, type Kysely } from "kysely";

// Frozen in time: no imports from app/. Documents of the L. 68 records (issue 6): the sha256 of each
// stored PDF (integrity and download ETag), and sanity checks on what the upload path already enforces.
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    alter table l68_documents add column sha256 text;
    update l68_documents set sha256 = encode(sha256(content), 'hex');
    alter table l68_documents
      alter column sha256 set not null,
      add constraint l68_documents_sha256_hex check (sha256 ~ '^[0-9a-f]{64}$'),
      add constraint l68_documents_size check (size_bytes > 0 and size_bytes = octet_length(content));
    -- The deadline job looks for records that start or end around today.
    create index l68_records_dates on l68_records (status, starts_on, ends_on);
  `).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    drop index if exists l68_records_dates;
    alter table l68_documents drop constraint if exists l68_documents_size,
      drop constraint if exists l68_documents_sha256_hex, drop column if exists sha256;
  `).execute(db);
}
