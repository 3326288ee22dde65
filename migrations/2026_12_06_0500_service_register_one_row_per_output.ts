import { sql, type Kysely } from "kysely";

// The register tells the truth (issue 12): one 4C row per presented rosa, one
// 4B row per needs consultation. Presenting the same rosa twice used to add a
// second 4C row; those duplicates are folded into the FIRST row of each rosa
// (its date and officer: the service started then), whose output now says how
// many people the rosa presented in all, and the later rows are deleted. All of
// them were written by Rosa itself with the standard's minimum time, so no
// officer-entered duration is lost.
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    with ranked as (
      select id, shortlist_id,
             row_number() over (partition by shortlist_id order by created_at, id) as n,
             count(*) over (partition by shortlist_id) as copies
        from service_deliveries
       where standard_code = '4C' and shortlist_id is not null
    ), kept as (
      update service_deliveries d
         set output = d.output || ' (presentata ' || r.copies || ' volte)'
        from ranked r
       where r.id = d.id and r.n = 1 and r.copies > 1
      returning d.id
    )
    delete from service_deliveries d using ranked r where r.id = d.id and r.n > 1;

    create unique index service_deliveries_one_4c_per_shortlist on service_deliveries (shortlist_id) where standard_code = '4C';

    alter table service_deliveries add column needs_assessment_id uuid references needs_assessments(id);
    create unique index service_deliveries_one_per_needs_assessment on service_deliveries (needs_assessment_id) where needs_assessment_id is not null;
  `).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    drop index service_deliveries_one_per_needs_assessment;
    alter table service_deliveries drop column needs_assessment_id;
    drop index service_deliveries_one_4c_per_shortlist;
  `).execute(db);
}
