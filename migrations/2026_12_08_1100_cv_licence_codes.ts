import { sql, type Kysely } from "kysely";

// Frozen in time: no imports from app/. The CV's driving licences become, like a vacancy's licence requirement, the
// ministerial licence (patenti.csv, `02` = B) with the EU category as detail (docs/legal/national-systems.md#cv-codes):
// every old category maps to one code and keeps itself as the detail; the driver qualification cards (CQC merci, CQC
// persone) and the CAP KA/KB, which are not licences, become certificates with their text. The migration stops (raises) on
// a value it does not know. The candidates whose licences changed are queued for the search index.
const CATEGORIES: [category: string, code: string][] = [
  ["AM", "01"], ["A1", "01"], ["A2", "01"], ["A", "01"], ["B1", "02"], ["B", "02"], ["BE", "05"], ["C1", "03"], ["C1E", "05"],
  ["C", "03"], ["CE", "05"], ["D1", "04"], ["D1E", "05"], ["D", "04"], ["DE", "05"],
]; // prettier-ignore
const CERTIFICATES: [licence: string, name: string][] = [
  ["CQC_MERCI", "CQC merci (carta di qualificazione del conducente)"],
  ["CQC_PERSONE", "CQC persone (carta di qualificazione del conducente)"],
  ["KA", "CAP KA (certificato di abilitazione professionale)"],
  ["KB", "CAP KB (certificato di abilitazione professionale)"],
];
const values = (rows: [string, string][]) => rows.map(([a, b]) => `('${a}','${b}')`).join(",");
const OLD = [...CATEGORIES.map(([c]) => c), ...CERTIFICATES.map(([l]) => l)].map((v) => `'${v}'`).join(",");

export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(
      `
    do $$ declare bad text; begin
      select string_agg(format('%s (%s)', licence, n), ', ') into bad from (
        select licence, count(*) n from candidate_licences
        where licence not in (select c from (values ${values(CATEGORIES)}, ${values(CERTIFICATES)}) m(c, x)) group by licence order by licence) x;
      if bad is not null then raise exception 'candidate_licences.licence senza corrispondenza: %', bad; end if;
    end $$;
    insert into search_outbox (index_uid, document_id) select distinct 'candidates', candidate_id::text from candidate_licences;

    insert into candidate_certificates (candidate_id, name)
      select l.candidate_id, m.name from candidate_licences l join (values ${values(CERTIFICATES)}) m(licence, name) on m.licence = l.licence
      where not exists (select 1 from candidate_certificates c where c.candidate_id = l.candidate_id and c.name = m.name);
    delete from candidate_licences where licence in (${CERTIFICATES.map(([l]) => `'${l}'`).join(",")});

    alter table candidate_licences drop constraint candidate_licences_pkey, drop constraint candidate_licences_licence_check,
      add column licence_code text, add column licence_category text;
    update candidate_licences l set licence_code = m.code, licence_category = l.licence
      from (values ${values(CATEGORIES)}) m(category, code) where m.category = l.licence;
    alter table candidate_licences drop column licence, alter column licence_code set not null,
      add constraint candidate_licences_code check (licence_code ~ '^[0-9]{2}$'),
      add constraint candidate_licences_category check (licence_category is null or (licence_category, licence_code) in (${values(CATEGORIES)}));
    create unique index candidate_licences_unique on candidate_licences (candidate_id, licence_code, coalesce(licence_category, ''));
  `,
    )
    .execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql
    .raw(
      `
    do $$ declare bad text; begin
      select string_agg(distinct licence_code, ', ') into bad from candidate_licences
        where licence_category is null and licence_code not in ('01','02','03','04','05');
      if bad is not null then raise exception 'candidate_licences.licence_code senza una categoria UE corrispondente: %', bad; end if;
    end $$;
    insert into search_outbox (index_uid, document_id) select distinct 'candidates', candidate_id::text from candidate_licences;
    drop index candidate_licences_unique;
    alter table candidate_licences drop constraint candidate_licences_code, drop constraint candidate_licences_category, add column licence text;
    -- Without the EU detail, the lowest category of the ministerial code.
    update candidate_licences set licence = coalesce(licence_category,
      case licence_code when '01' then 'A1' when '02' then 'B' when '03' then 'C1' when '04' then 'D1' when '05' then 'BE' end);
    delete from candidate_licences a using candidate_licences b
      where a.ctid > b.ctid and a.candidate_id = b.candidate_id and a.licence = b.licence;
    insert into candidate_licences (candidate_id, licence_code, licence)
      select distinct c.candidate_id, '00', m.licence from candidate_certificates c join (values ${values(CERTIFICATES)}) m(licence, name) on m.name = c.name;
    delete from candidate_certificates where name in (${CERTIFICATES.map(([, n]) => `'${n}'`).join(",")});
    alter table candidate_licences drop column licence_code, drop column licence_category, alter column licence set not null,
      add constraint candidate_licences_licence_check check (licence in (${OLD})),
      add primary key (candidate_id, licence);
  `,
    )
    .execute(db);
}
