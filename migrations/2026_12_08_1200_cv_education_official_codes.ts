import { sql, type Kysely } from "kysely";

// Frozen in time: no imports from app/. The CV's titles of study speak the ministerial codes, like a vacancy's education
// requirement (docs/legal/national-systems.md, «Titoli di studio nel CV»): level of study 0–12 (required) and the 8-digit
// title (optional, of that level); the EQF is derived from them and no longer stored. Each old EQF level becomes one
// level (the person's words choose only within the EQF: «elementare», «diploma universitario», «master», «vecchio
// ordinamento», «ciclo unico», «specializzazione»); the migration stops on a value it does not know, and checks that the
// EQF derived afterwards is the one stored (EQF 2 excepted: no ministerial title has it, it becomes the licenza media).
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`
    alter table candidate_education
      add column study_level smallint check (study_level between 0 and 12),
      add column study_title_code text check (study_title_code ~ '^[0-9]{8}$');

    do $$ declare bad text; begin
      select string_agg(distinct eqf_level::text, ', ') into bad from candidate_education where eqf_level not between 1 and 8;
      if bad is not null then raise exception 'candidate_education.eqf_level senza corrispondenza: %', bad; end if;
    end $$;

    update candidate_education e set (study_level, study_title_code) = (
      select m.level, m.title from (select lower(e.title) as t) as x,
      lateral (select case
        when e.eqf_level = 1 and x.t ~ 'elementare' then 1
        when e.eqf_level in (1, 2) then 2
        when e.eqf_level in (3, 4, 5) then e.eqf_level
        when e.eqf_level = 6 and x.t ~ 'diploma universitario' then 6
        when e.eqf_level = 6 then 7
        when e.eqf_level = 7 and x.t ~ '\\mmaster\\M' and x.t ~ '(\\m(ii|secondo|2)\\M.{0,3}livello|livello (ii|2)\\M)' then 10
        when e.eqf_level = 7 and x.t ~ '\\mmaster\\M' then 9
        when e.eqf_level = 7 then 7
        when e.eqf_level = 8 and x.t ~ 'specializzazione' then 11
        when e.eqf_level = 8 then 12 end as level) as l,
      lateral (select l.level, case
        when l.level <> 7 then null
        when e.eqf_level = 6 then '71000000'
        when x.t ~ 'vecchio ordinamento' then '72000000'
        when x.t ~ 'ciclo unico' then '73000000'
        else '74000000' end as title) as m);
    -- The update queued the deferred «CV complete» checks: run them now, the table cannot be altered with events pending.
    set constraints all immediate;

    do $$ declare bad text; begin
      select string_agg(distinct eqf_level::text || ' «' || title || '»', ', ') into bad from candidate_education
        where study_level is null
           or eqf_level <> 2 and eqf_level <> case
             when study_level = 7 and study_title_code like '71%' then 6
             when study_level = 7 then 7
             else (array[0, 1, 1, 3, 4, 5, 6, null, null, 7, 7, 8, 8])[study_level + 1] end;
      if bad is not null then raise exception 'titolo di studio senza corrispondenza: %', bad; end if;
    end $$;

    alter table candidate_education
      alter column study_level set not null,
      drop column eqf_level,
      add constraint candidate_education_title_of_level check (study_title_code is null or study_title_code like (case study_level
        when 8 then '80' when 9 then '81' when 10 then '82' when 11 then '83' when 12 then '9' else study_level::text end) || '%');

    -- The search documents of these CVs carry the new fields: the sync worker re-sends them after start.
    insert into search_outbox (index_uid, document_id) select distinct 'candidates', candidate_id::text from candidate_education;
  `).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  // Back to the EQF the codes give; «nessun titolo» (0) becomes 1 and post-laurea (8, no EQF) 7, the nearest the old check allowed.
  await sql.raw(`
    alter table candidate_education add column eqf_level smallint;
    update candidate_education set eqf_level = case
      when study_level = 7 and study_title_code like '71%' then 6
      when study_level = 7 then 7
      else (array[1, 1, 1, 3, 4, 5, 6, null, 7, 7, 7, 8, 8])[study_level + 1] end;
    set constraints all immediate;
    alter table candidate_education
      alter column eqf_level set not null,
      add constraint candidate_education_eqf_level_check check (eqf_level between 1 and 8),
      drop constraint candidate_education_title_of_level,
      drop column study_level,
      drop column study_title_code;
    insert into search_outbox (index_uid, document_id) select distinct 'candidates', candidate_id::text from candidate_education;
  `).execute(db);
}
