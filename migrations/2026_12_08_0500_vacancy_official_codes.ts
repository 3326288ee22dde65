import { sql, type Kysely } from "kysely";

// Frozen in time: no imports from app/. The vacancy's codes become the official national ones (docs/legal/national-systems.md,
// «Codici ufficiali nelle offerte»): every old value maps to exactly one new value, and the migration stops (raises) if a
// row holds a value the mapping does not know, rather than guessing. Free texts that are not codes are kept, never dropped.
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    -- Contract type: CO tipologia contrattuale, or none for self-employment; somministrazione becomes a separate field.
    alter table vacancies
      add column engagement text not null default 'direct' check (engagement in ('direct','agency','self_employed')),
      alter column contract_type drop not null;
    update vacancies set engagement = 'agency', contract_type = null where contract_type = 'SOMM';
    update vacancies set engagement = 'self_employed', contract_type = null where contract_type = 'AUTONOMO';
    -- «Apprendistato» was stored as A.03.00, the apprenticeship of L. 196/97 (ended 2012): the apprenticeship an employer
    -- offers today is the professionalizzante one.
    update vacancies set contract_type = 'A.03.09' where contract_type = 'A.03.00';
    do $$ declare bad text; begin
      select string_agg(distinct contract_type, ', ') into bad from vacancies
        where contract_type is not null and contract_type not in ('A.01.00','A.02.00','A.03.09','B.03.00','C.01.00');
      if bad is not null then raise exception 'vacancies.contract_type senza corrispondenza: %', bad; end if;
    end $$;
    alter table vacancies
      add constraint vacancies_contract_type_co check (contract_type is null or contract_type ~ '^[A-Z]\\.[0-9]{2}\\.[0-9]{2}$'),
      add constraint vacancies_engagement_contract check (
        (engagement <> 'direct' or contract_type is not null) and (engagement <> 'self_employed' or contract_type is null));

    -- Working time: CO tipo orario (F, P, V, M); working_time (full/part) stays as a column derived from it.
    alter table vacancies add column working_time_code text check (working_time_code in ('F','P','V','M'));
    update vacancies set working_time_code = case working_time when 'full_time' then 'F' else 'P' end;
    alter table vacancies alter column working_time_code set not null;
    alter table vacancies drop column working_time;
    alter table vacancies add column working_time text not null
      generated always as (case when working_time_code = 'F' then 'full_time' else 'part_time' end) stored
      check (working_time in ('full_time','part_time'));

    -- CCNL: the CO code; the old free text stays as a note unless it named exactly one CCNL of the list.
    alter table vacancies rename column ccnl to ccnl_note;
    alter table vacancies add column ccnl_code text check (ccnl_code is null or ccnl_code ~ '^([0-9A-Z]{3}|[A-Z]{2})$');
    update vacancies v set ccnl_code = m.code, ccnl_note = null
      from (values ('panificazione artigianato', '176'), ('panettieri artigiani', '176')) as m(text, code)
      where lower(trim(v.ccnl_note)) = m.text;
    update vacancies set ccnl_code = upper(trim(ccnl_note)), ccnl_note = null where upper(trim(ccnl_note)) ~ '^([0-9]{3}|[A-Z][0-9]{2}|[A-Z]{2})$';

    -- Requirements.
    alter table vacancy_requirements
      add column study_level smallint check (study_level between 0 and 12),
      add column study_title_code text check (study_title_code ~ '^[0-9]{8}$'),
      add column native_speaker boolean not null default false,
      add column licence_code text check (licence_code ~ '^[0-9]{2}$'),
      add column patentino_code text check (patentino_code ~ '^[0-9]{2}$'),
      add column albo_code text check (albo_code ~ '^00[0-9]{2}$');

    update vacancy_requirements r set study_level = m.level, study_title_code = m.title
      from (values ('none', 0, null), ('lower_secondary', 2, null), ('vocational', 3, null), ('upper_secondary', 4, null),
                   ('its', 5, null), ('bachelor', 7, '71000000'), ('master', 7, '74000000'), ('doctorate', 12, '90000000'))
        as m(old, level, title)
      where r.education_level = m.old;

    update vacancy_requirements r set language_code = m.code
      from (values ('en','001'),('de','002'),('it','003'),('ja','004'),('fr','005'),('sq','ALB'),('ar','ARA'),('bn','BEN'),
                   ('bg','BUL'),('cs','CEC'),('zh','CIN'),('ko','COR'),('hr','CRO'),('da','DAN'),('he','EBR'),('fi','FIN'),
                   ('el','GRE'),('hi','HID'),('lt','LTU'),('mk','MKD'),('no','NOR'),('nl','OLA'),('fa','PER'),('pl','POL'),
                   ('pt','POR'),('pa','PUN'),('ro','RUM'),('ru','RUS'),('sr','SER'),('sl','SLO'),('sk','SLV'),('so','SOM'),
                   ('es','SPA'),('sv','SVE'),('sw','SWA'),('ta','TAM'),('th','THA'),('tr','TUR'),('uk','UCR'),('hu','UNG'),
                   ('ur','URD'),('vi','VIE')) as m(iso, code)
      where r.language_code = m.iso;

    -- Not driving licences: the forklift ability and the driver qualification card become certificates.
    update vacancy_requirements set kind = 'certificate', licence_category = null,
        description = case when description = '' then 'Muletto (conduzione di carrelli elevatori)' else 'Muletto (conduzione di carrelli elevatori) — ' || description end
      where kind = 'licence' and licence_category = 'Muletto';
    update vacancy_requirements set kind = 'certificate', licence_category = null,
        description = case when description = '' then 'CQC (carta di qualificazione del conducente)' else 'CQC (carta di qualificazione del conducente) — ' || description end
      where kind = 'licence' and licence_category = 'CQC';
    update vacancy_requirements r set licence_code = m.code
      from (values ('AM','01'),('A1','01'),('A2','01'),('A','01'),('B','02'),('BE','05'),('C1','03'),('C','03'),('C1E','05'),
                   ('CE','05'),('D1','04'),('D','04'),('D1E','05'),('DE','05')) as m(category, code)
      where r.kind = 'licence' and r.licence_category = m.category;

    do $$ declare bad text; begin
      select string_agg(distinct coalesce(education_level, '∅'), ', ') into bad from vacancy_requirements
        where kind = 'education' and study_level is null;
      if bad is not null then raise exception 'titolo di studio senza corrispondenza: %', bad; end if;
      select string_agg(distinct language_code, ', ') into bad from vacancy_requirements
        where language_code is not null and language_code !~ '^([0-9]{3}|[A-Z]{3}|WU)$';
      if bad is not null then raise exception 'lingua senza corrispondenza: %', bad; end if;
      select string_agg(distinct coalesce(licence_category, '∅'), ', ') into bad from vacancy_requirements
        where kind = 'licence' and licence_code is null;
      if bad is not null then raise exception 'patente senza corrispondenza: %', bad; end if;
    end $$;

    alter table vacancy_requirements drop column education_level;
    alter table vacancy_requirements
      add constraint vacancy_requirements_language_code check (language_code ~ '^([0-9]{3}|[A-Z]{3}|WU)$'),
      add constraint vacancy_requirements_education check (kind <> 'education' or study_level is not null),
      add constraint vacancy_requirements_licence check (kind <> 'licence' or licence_code is not null),
      add constraint vacancy_requirements_language check (kind <> 'language' or language_code is not null);
  `).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    alter table vacancy_requirements drop constraint vacancy_requirements_language_code, drop constraint vacancy_requirements_education,
      drop constraint vacancy_requirements_licence, drop constraint vacancy_requirements_language, add column education_level text;
    update vacancy_requirements set education_level = case
      when study_level = 0 then 'none' when study_level in (1, 2) then 'lower_secondary' when study_level = 3 then 'vocational'
      when study_level = 4 then 'upper_secondary' when study_level in (5, 6) then 'its'
      when study_level = 7 and study_title_code like '71%' then 'bachelor' when study_level = 7 then 'master'
      when study_level between 8 and 11 then 'master' when study_level = 12 then 'doctorate' end
      where kind = 'education';
    update vacancy_requirements r set language_code = m.iso
      from (values ('en','001'),('de','002'),('it','003'),('fr','005'),('es','SPA'),('pt','POR'),('ro','RUM'),('ar','ARA'),
                   ('zh','CIN'),('ru','RUS')) as m(iso, code)
      where r.language_code = m.code;
    update vacancy_requirements set kind = 'licence', licence_category = 'Muletto', description = regexp_replace(description, '^Muletto \\(conduzione di carrelli elevatori\\)( — )?', '')
      where kind = 'certificate' and description like 'Muletto (conduzione di carrelli elevatori)%';
    update vacancy_requirements set kind = 'licence', licence_category = 'CQC', description = regexp_replace(description, '^CQC \\(carta di qualificazione del conducente\\)( — )?', '')
      where kind = 'certificate' and description like 'CQC (carta di qualificazione del conducente)%';
    update vacancy_requirements set licence_category = case licence_code when '01' then 'A' when '02' then 'B' when '03' then 'C'
      when '04' then 'D' when '05' then 'CE' else licence_code end
      where kind = 'licence' and licence_category is null;
    alter table vacancy_requirements drop column study_level, drop column study_title_code, drop column native_speaker,
      drop column licence_code, drop column patentino_code, drop column albo_code;

    update vacancies set ccnl_note = coalesce(ccnl_note, ccnl_code);
    alter table vacancies drop column ccnl_code;
    alter table vacancies rename column ccnl_note to ccnl;

    alter table vacancies drop column working_time;
    alter table vacancies add column working_time text check (working_time in ('full_time','part_time'));
    update vacancies set working_time = case working_time_code when 'F' then 'full_time' else 'part_time' end;
    alter table vacancies alter column working_time set not null, drop column working_time_code;

    alter table vacancies drop constraint vacancies_contract_type_co, drop constraint vacancies_engagement_contract;
    update vacancies set contract_type = 'A.03.00' where contract_type in ('A.03.08','A.03.09','A.03.10');
    update vacancies set contract_type = 'SOMM' where engagement = 'agency';
    update vacancies set contract_type = 'AUTONOMO' where engagement = 'self_employed';
    alter table vacancies alter column contract_type set not null, drop column engagement;
  `).execute(db);
}
