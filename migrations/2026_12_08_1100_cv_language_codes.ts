import { sql, type Kysely } from "kysely";

// Frozen in time: no imports from app/. The CV's languages (foreign languages with their CEFR level, mother tongues) change
// from ISO 639-1 to the ministerial codes of lingue.csv (docs/legal/national-systems.md, «Lingue e patenti nel CV»): only
// one-to-one pairs, and the migration stops (raises) on a value it has no pair for rather than guess. The CEFR level
// (lingue_grado.csv) is unchanged. The candidates whose languages changed are queued for the search index.
const PAIRS: [iso: string, code: string][] = [
  ["en", "001"], ["de", "002"], ["it", "003"], ["ja", "004"], ["fr", "005"], ["sq", "ALB"], ["ar", "ARA"], ["bn", "BEN"],
  ["bh", "BIH"], ["my", "BIR"], ["bs", "BOS"], ["bg", "BUL"], ["cs", "CEC"], ["zh", "CIN"], ["ko", "COR"], ["hr", "CRO"],
  ["da", "DAN"], ["he", "EBR"], ["fi", "FIN"], ["gu", "GIU"], ["jv", "GIV"], ["el", "GRE"], ["hi", "HID"], ["is", "ISL"],
  ["kn", "KAN"], ["lt", "LTU"], ["ml", "MAL"], ["mr", "MAR"], ["ms", "MAY"], ["mk", "MKD"], ["no", "NOR"], ["nl", "OLA"],
  ["or", "ORI"], ["ps", "PAS"], ["fa", "PER"], ["pl", "POL"], ["pt", "POR"], ["pa", "PUN"], ["ro", "RUM"], ["ru", "RUS"],
  ["sr", "SER"], ["si", "SIN"], ["sl", "SLO"], ["sk", "SLV"], ["so", "SOM"], ["es", "SPA"], ["su", "SUN"], ["sv", "SVE"],
  ["sw", "SWA"], ["ta", "TAM"], ["te", "TEL"], ["th", "THA"], ["tr", "TUR"], ["uk", "UCR"], ["hu", "UNG"], ["ur", "URD"],
  ["vi", "VIE"],
]; // prettier-ignore
const VALUES = PAIRS.map(([iso, code]) => `('${iso}','${code}')`).join(",");
const TABLES = ["candidate_languages", "candidate_mother_tongues"] as const;
// Two languages the old CV form offered have no ministerial code (lingue.csv has no Filipino/Tagalog, and «SENEGALESE»
// is a country, not Wolof): their rows are kept as the CV's own words, a certificate line, instead of being guessed or
// stopping the upgrade.
const WITHOUT_CODE = `('tl','filippino (tagalog)'),('wo','wolof')`;

export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(
      `
    insert into candidate_certificates (candidate_id, name)
      select l.candidate_id, 'Lingua ' || w.name || ', livello ' || l.level || ' (non presente nell''elenco ministeriale delle lingue)'
      from candidate_languages l join (values ${WITHOUT_CODE}) w(iso, name) on w.iso = l.language_code;
    insert into candidate_certificates (candidate_id, name)
      select m.candidate_id, 'Madrelingua ' || w.name || ' (non presente nell''elenco ministeriale delle lingue)'
      from candidate_mother_tongues m join (values ${WITHOUT_CODE}) w(iso, name) on w.iso = m.language_code;
    insert into search_outbox (index_uid, document_id)
      select distinct 'candidates', candidate_id::text from (
        select candidate_id from candidate_languages where language_code in ('tl', 'wo')
        union select candidate_id from candidate_mother_tongues where language_code in ('tl', 'wo')) x;
    delete from candidate_languages where language_code in ('tl', 'wo');
    delete from candidate_mother_tongues where language_code in ('tl', 'wo');
    set constraints all immediate;
  `,
    )
    .execute(db);
  for (const table of TABLES)
    await sql
      .raw(
        `
    do $$ declare bad text; begin
      select string_agg(format('%s (%s)', language_code, n), ', ') into bad from (
        select language_code, count(*) n from ${table} where language_code not in (select iso from (values ${VALUES}) m(iso, code))
        group by language_code order by language_code) x;
      if bad is not null then raise exception
        '${table}.language_code senza un codice ministeriale corrispondente: %. Correggi quei CV (lingua dell''elenco ministeriale) e ripeti la migrazione.', bad;
      end if;
    end $$;
    alter table ${table} drop constraint if exists ${table}_language_code_check;
    insert into search_outbox (index_uid, document_id) select distinct 'candidates', candidate_id::text from ${table};
    update ${table} t set language_code = m.code from (values ${VALUES}) m(iso, code) where t.language_code = m.iso;
    alter table ${table} add constraint ${table}_language_code_check check (language_code ~ '^([0-9]{3}|[A-Z]{3}|WU)$');
  `,
      )
      .execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of TABLES)
    await sql
      .raw(
        `
    do $$ declare bad text; begin
      select string_agg(distinct language_code, ', ') into bad from ${table}
        where language_code not in (select code from (values ${VALUES}) m(iso, code));
      if bad is not null then raise exception '${table}.language_code senza un codice ISO 639-1 corrispondente: %', bad; end if;
    end $$;
    alter table ${table} drop constraint if exists ${table}_language_code_check;
    insert into search_outbox (index_uid, document_id) select distinct 'candidates', candidate_id::text from ${table};
    update ${table} t set language_code = m.iso from (values ${VALUES}) m(iso, code) where t.language_code = m.code;
    alter table ${table} add constraint ${table}_language_code_check check (language_code ~ '^[a-z]{2}$');
  `,
      )
      .execute(db);
}
