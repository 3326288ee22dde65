import { sql, type Kysely } from "kysely";

// Frozen in time: no imports from app/. Conventions, PFI signatures and the mandatory communication (UNILAV C.01.00) of
// internships (docs/decisions/tirocini.md#convenzioni-pfi-firme-e-co).
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    -- The promoter as the CO wants it (tax code different from the host's, name, kind of body), and the optional cap of
    -- internships the convention covers.
    alter table internship_conventions
      add column promoter_name text check (length(promoter_name) <= 200),
      add column promoter_tax_code text check (promoter_tax_code ~ '^([0-9]{11}|[A-Z0-9]{16})$'),
      add column promoter_kind text check (length(promoter_kind) <= 100),
      add column max_internships integer check (max_internships between 1 and 1000);

    -- The CO block of the trainee (category 01–09/99, type A/B/C/Z) and the record of the UNILAV filed by the host.
    alter table internships
      add column trainee_category text check (trainee_category in ('01','02','03','04','05','06','07','08','09','99')),
      add column internship_type text check (internship_type in ('A','B','C','Z')),
      add column co_protocol text check (length(co_protocol) between 3 and 60),
      add column co_filed_on date,
      add column co_filed_by text check (co_filed_by in ('host','delegate','promoter')),
      add column co_filer_name text check (length(co_filer_name) <= 200),
      add column co_recorded_by uuid references users(id) on delete set null,
      add column co_recorded_at timestamptz;
  `).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    alter table internships drop column trainee_category, drop column internship_type, drop column co_protocol,
      drop column co_filed_on, drop column co_filed_by, drop column co_filer_name, drop column co_recorded_by,
      drop column co_recorded_at;
    alter table internship_conventions drop column promoter_name, drop column promoter_tax_code, drop column promoter_kind,
      drop column max_internships;
  `).execute(db);
}
