import { sql, type Kysely } from "kysely";

// The deliveries Rosa records by itself (4C when a rosa is presented, 4D when an
// assessed rosa yields the person to hire) point at their shortlist, so the
// register links to the evidence and 4D is recorded once per shortlist.
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    alter table service_deliveries add column shortlist_id uuid references shortlists(id);
    create unique index service_deliveries_one_4d_per_shortlist on service_deliveries (shortlist_id, standard_code) where standard_code like '4D%';
  `).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    drop index service_deliveries_one_4d_per_shortlist;
    alter table service_deliveries drop column shortlist_id;
  `).execute(db);
}
