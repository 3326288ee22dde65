import { sql, type Kysely } from "kysely";

// Frozen in time: no imports from app/. Hires and outplacement outcomes store only CO tipologie contrattuali
// (docs/legal/national-systems.md, «Assunzioni ed esiti»): SOMM and AUTONOMO were not CO codes and become the field
// engagement (agency, self_employed) as on vacancies; A.03.00 (apprenticeship of L. 196/97, ended 2012) becomes A.03.09.
// Every old value maps to exactly one new value; other stored CO codes (even ended ones) are kept with their label.
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    alter table hires
      add column engagement text not null default 'direct' check (engagement in ('direct','agency','self_employed')),
      alter column contract_type drop not null;
    update hires set engagement = 'agency', contract_type = null where contract_type = 'SOMM';
    update hires set engagement = 'self_employed', contract_type = null where contract_type = 'AUTONOMO';
    update hires set contract_type = 'A.03.09' where contract_type = 'A.03.00';
    do $$ declare bad text; begin
      select string_agg(distinct contract_type, ', ') into bad from hires
        where contract_type is not null and contract_type !~ '^[A-Z]\\.[0-9]{2}\\.[0-9]{2}$';
      if bad is not null then raise exception 'hires.contract_type senza corrispondenza: %', bad; end if;
    end $$;
    alter table hires
      add constraint hires_contract_type_co check (contract_type is null or contract_type ~ '^[A-Z]\\.[0-9]{2}\\.[0-9]{2}$'),
      add constraint hires_engagement_contract check (
        (engagement <> 'direct' or contract_type is not null) and (engagement <> 'self_employed' or contract_type is null));

    alter table outplacement_outcomes
      add column engagement text not null default 'direct' check (engagement in ('direct','agency','self_employed'));
    alter table outplacement_outcomes drop constraint outplacement_outcomes_contract_type_check;
    update outplacement_outcomes set engagement = 'agency', contract_type = null where contract_type = 'SOMM';
    update outplacement_outcomes set engagement = 'self_employed', contract_type = null where contract_type = 'AUTONOMO';
    update outplacement_outcomes set contract_type = 'A.03.09' where contract_type = 'A.03.00';
    alter table outplacement_outcomes
      add constraint outplacement_outcomes_contract_type_co check (contract_type is null or contract_type ~ '^[A-Z]\\.[0-9]{2}\\.[0-9]{2}$'),
      add constraint outplacement_outcomes_engagement_contract check (engagement <> 'self_employed' or contract_type is null);
  `).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    alter table outplacement_outcomes drop constraint outplacement_outcomes_contract_type_co,
      drop constraint outplacement_outcomes_engagement_contract;
    update outplacement_outcomes set contract_type = 'SOMM' where engagement = 'agency' and contract_type is null;
    update outplacement_outcomes set contract_type = 'AUTONOMO' where engagement = 'self_employed';
    alter table outplacement_outcomes drop column engagement,
      add constraint outplacement_outcomes_contract_type_check
        check (contract_type is null or contract_type ~ '^([A-Z]\\.[0-9]{2}\\.[0-9]{2}|SOMM|AUTONOMO)$');

    alter table hires drop constraint hires_contract_type_co, drop constraint hires_engagement_contract;
    update hires set contract_type = 'SOMM' where engagement = 'agency';
    update hires set contract_type = 'AUTONOMO' where engagement = 'self_employed';
    alter table hires alter column contract_type set not null, drop column engagement;
  `).execute(db);
}
