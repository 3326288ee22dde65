import { sql, type RawBuilder } from "kysely";
import type { Db } from "~/db/db.server";
import { PAGE_SIZE, type CandidateSearchInput } from "~/domain/candidates/search-query";

/**
 * The PostgreSQL-only baseline the benchmark compares against, built the way
 * one would do it well without a search engine: one denormalised row per
 * candidate with a weighted tsvector (GIN), the same text for pg_trgm
 * (GIN, for typos), arrays for the facets (GIN) and the distance computed in
 * SQL (haversine, with a bounding-box pre-filter).
 */
export async function buildPgBaseline(db: Db): Promise<void> {
  await sql
    .raw(
      `
    drop table if exists bench_search;
    create table bench_search as
    select c.id, m.province_code, m.lat, m.lon, c.cv_updated_at, c.consent_visible,
      (select coalesce(max(study_level), -1) from candidate_education e where e.candidate_id = c.id) as education_level,
      array(select distinct licence_code from candidate_licences l where l.candidate_id = c.id) as licences,
      array(select language_code from candidate_languages l where l.candidate_id = c.id) as languages,
      array_remove(array[
        case when c.work_time <> 'part_time' then 'full_time' end, case when c.work_time <> 'full_time' then 'part_time' end,
        case when c.shifts then 'shifts' end, case when c.weekends then 'weekends' end,
        case when c.willing_to_relocate then 'relocate' end, case when c.own_vehicle then 'own_vehicle' end], null) as availability,
      p.titles, x.titles as exp_titles, s.skills, x.tasks, p.notes,
      c.first_name || ' ' || c.last_name as full_name
    from candidates c
    join comuni m on m.istat_code = c.domicile_comune_code
    left join lateral (select string_agg(occupation_label, ' ') as titles, string_agg(coalesce(notes, ''), ' ') as notes
                       from candidate_preferences where candidate_id = c.id) p on true
    left join lateral (select string_agg(coalesce(o.title, ''), ' ') as titles, string_agg(coalesce(e.tasks, ''), ' ') as tasks
                       from candidate_experiences e left join occupations o on o.code = e.occupation_code where e.candidate_id = c.id) x on true
    left join lateral (select string_agg(name, ' ') as skills from (
                         select name from candidate_certificates where candidate_id = c.id
                         union all select skill from candidate_it_skills where candidate_id = c.id) k) s on true;
    alter table bench_search add column tsv tsvector, add column doc_text text;
    update bench_search set
      tsv = setweight(to_tsvector('italian', coalesce(titles, '')), 'A') || setweight(to_tsvector('italian', coalesce(exp_titles, '') || ' ' || coalesce(skills, '') || ' ' || full_name), 'B')
         || setweight(to_tsvector('italian', coalesce(notes, '') || ' ' || coalesce(tasks, '')), 'C'),
      doc_text = lower(coalesce(titles, '') || ' ' || coalesce(exp_titles, '') || ' ' || coalesce(skills, '') || ' ' || coalesce(notes, ''));
    alter table bench_search add primary key (id);
    create index bench_search_tsv on bench_search using gin (tsv);
    create index bench_search_trgm on bench_search using gin (doc_text gin_trgm_ops);
    create index bench_search_licences on bench_search using gin (licences);
    create index bench_search_languages on bench_search using gin (languages);
    create index bench_search_availability on bench_search using gin (availability);
    create index bench_search_province on bench_search (province_code);
    create index bench_search_lat on bench_search (lat);
    create index bench_search_updated on bench_search (cv_updated_at);
    analyze bench_search;
  `,
    )
    .execute(db);
}

const haversine = (lat: number, lon: number) =>
  sql`(2 * 6371 * asin(sqrt(power(sin(radians(s.lat - ${lat}) / 2), 2) + cos(radians(${lat})) * cos(radians(s.lat)) * power(sin(radians(s.lon - ${lon}) / 2), 2))))`;

/** The same query as the officer page: a page of hits, the total, province and licence counts, the freshness split. */
export async function pgSearch(db: Db, input: CandidateSearchInput, center: { lat: number; lon: number } | null, freshSince: Date) {
  const where: RawBuilder<unknown>[] = [sql`true`];
  const q = input.q.trim().toLowerCase();
  const tsq = sql`websearch_to_tsquery('italian', ${q})`;
  if (q) where.push(sql`(s.tsv @@ ${tsq} or ${q} <% s.doc_text)`);
  if (input.province.length) where.push(sql`s.province_code in (${sql.join(input.province)})`);
  if (input.licence.length) where.push(sql`s.licences && ${input.licence}::text[]`);
  if (input.language.length) where.push(sql`s.languages && ${input.language}::text[]`);
  if (input.availability.length) where.push(sql`s.availability @> ${input.availability}::text[]`);
  if (input.education.length) where.push(sql`s.education_level in (${sql.join(input.education.map(Number))})`);
  if (input.freshness === "fresh") where.push(sql`s.cv_updated_at >= ${freshSince}`);
  if (input.freshness === "obsolete") where.push(sql`s.cv_updated_at < ${freshSince}`);
  const distance = center ? haversine(center.lat, center.lon) : sql`null::float8`;
  if (center) {
    const dLat = input.radiusKm / 111;
    const dLon = input.radiusKm / (111 * Math.cos((center.lat * Math.PI) / 180));
    where.push(
      sql`s.lat between ${center.lat - dLat} and ${center.lat + dLat} and s.lon between ${center.lon - dLon} and ${center.lon + dLon}`,
    );
    where.push(sql`${distance} <= ${input.radiusKm}`);
  }
  const cond = sql.join(where, sql` and `);
  const order =
    input.sort === "distance" && center
      ? sql`${distance} asc`
      : input.sort === "freshness" || !q
        ? sql`s.cv_updated_at desc`
        : sql`ts_rank(s.tsv, ${tsq}) + word_similarity(${q}, s.doc_text) desc, s.cv_updated_at desc`;
  const [hits, total, provinces, licences, fresh] = await Promise.all([
    sql`select s.id, ${distance} as distance from bench_search s where ${cond} order by ${order} limit ${PAGE_SIZE} offset ${(input.page - 1) * PAGE_SIZE}`.execute(
      db,
    ),
    sql`select count(*) as n from bench_search s where ${cond}`.execute(db),
    sql`select s.province_code, count(*) as n from bench_search s where ${cond} group by 1 order by 2 desc limit 50`.execute(db),
    sql`select l, count(*) as n from bench_search s, unnest(s.licences) l where ${cond} group by 1`.execute(db),
    sql`select count(*) filter (where s.cv_updated_at >= ${freshSince}) as fresh from bench_search s where ${cond}`.execute(db),
  ]);
  return {
    hits: hits.rows.length,
    total: Number((total.rows[0] as { n: number }).n),
    facets: provinces.rows.length + licences.rows.length,
    fresh: fresh.rows.length,
  };
}
