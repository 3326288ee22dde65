import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { studyOfEqf } from "~/domain/candidates/education";
import { eqfOfStudy } from "~/domain/reference";
import { migrateTo } from "../../server/migrate";
import { migrationScratchDb } from "../support/migration-db";

/**
 * The CV's titles of study go from a stored EQF level to the ministerial level (and title) of study
 * (docs/legal/national-systems.md, «Titoli di studio nel CV»): no row appears or disappears, no row loses its meaning (the
 * EQF derived after is the one stored before, EQF 2 excepted and documented; every vacancy's education requirement is met
 * by exactly the same rows), the SQL does what `studyOfEqf` (the CSV import's conversion) does, an unknown value stops it.
 */
const MIGRATION = "2026_12_08_1200_cv_education_official_codes";
const scratch = migrationScratchDb(MIGRATION, 2);

// Every shape of row the demo data, the generator, the factories, the CSV template and the old forms wrote.
const ROWS: [eqf: number, title: string][] = [
  [1, "Licenza elementare"],
  [1, "Licenza media"],
  [2, "Licenza media"],
  [2, "Obbligo formativo assolto"],
  [3, "Qualifica professionale regionale"],
  [3, "Qualifica professionale regionale in enogastronomia e ospitalità alberghiera"],
  [3, "Qualifica di operatore meccanico"],
  [3, "Qualifica professionale di operatore della trasformazione agroalimentare"],
  [4, "Diploma di istituto tecnico in amministrazione, finanza e marketing"],
  [4, "Diploma di istituto professionale"],
  [4, "Diploma di liceo scientifico"],
  [4, "Diploma di liceo linguistico"],
  [4, "Diploma di tecnico dei servizi commerciali"],
  [4, "Diploma di maturità (titolo estero riconosciuto)"],
  [4, "Diploma di ragioneria"],
  [4, "Diploma di scuola superiore"],
  [4, "Diploma"],
  [5, "Diploma ITS Academy"],
  [5, "Diploma ITS Academy in meccatronica"],
  [6, "Laurea triennale"],
  [6, "Laurea triennale in economia aziendale"],
  [6, "Laurea in economia aziendale"],
  [6, "Diploma universitario in servizio sociale"],
  [7, "Laurea magistrale"],
  [7, "Laurea magistrale in ingegneria gestionale"],
  [7, "Laurea in lettere (vecchio ordinamento)"],
  [7, "Laurea magistrale a ciclo unico in giurisprudenza"],
  [7, "Master di I livello in logistica"],
  [7, "Master universitario di II livello"],
  [8, "Dottorato di ricerca"],
  [8, "Dottorato di ricerca in chimica"],
  [8, "Diploma di specializzazione in pediatria"],
];

// Every education requirement a vacancy can state: each level, and the titles that change the EQF of level 7.
const REQUIREMENTS: [number, string | null][] = [
  ...Array.from({ length: 13 }, (_, level) => [level, null] as [number, null]),
  [7, "71000000"],
  [7, "72000000"],
  [7, "73000000"],
  [7, "74000000"],
];
const meets = (eqf: number | null, level: number, title: string | null) => {
  const wanted = eqfOfStudy(level, title);
  return wanted === null ? "da verificare" : (eqf ?? 0) >= wanted;
};

describe("migration of the CV's titles of study to the ministerial codes", () => {
  it("converts every row, keeps its meaning, matches studyOfEqf, stops on an unknown value, and comes back down", async () => {
    const db = scratch.db;
    await migrateTo(db, scratch.previous);
    await sql`insert into comuni (istat_code, name, province_code, province_name, region_name) values ('015146', 'Milano', 'MI', 'Milano', 'Lombardia')`.execute(
      db,
    );
    await sql`insert into occupations (code, title, level) values ('5.1.2.2.0', 'Commessi delle vendite al minuto', 5)`.execute(db);
    const candidate = async (n: number, titles: [number, string][]) =>
      db.transaction().execute(async (trx) => {
        const id = (
          await sql<{ id: string }>`insert into candidates (first_name, last_name, tax_code, birth_date, domicile_comune_code)
            values ('Prova', ${`Candidato ${n}`}, ${`RSSMRA80A01F${String(n).padStart(3, "0")}X`}, '1980-01-01', '015146') returning id`.execute(
            trx,
          )
        ).rows[0]!.id;
        for (const [eqf, title] of titles)
          await sql`insert into candidate_education (candidate_id, eqf_level, title, institution, year) values (${id}, ${eqf}, ${title}, 'Istituto', 2000)`.execute(
            trx,
          );
        await sql`insert into candidate_preferences (candidate_id, slot, occupation_code, occupation_label, source)
          values (${id}, 1, '5.1.2.2.0', 'Commessi delle vendite al minuto', 'work')`.execute(trx);
        return id;
      });
    // One CV per row shape, and one CV with several titles (the generator adds the licenza media to a higher title).
    for (const [i, row] of ROWS.entries()) await candidate(i, [row]);
    await candidate(900, [
      [2, "Licenza media"],
      [4, "Diploma di liceo scientifico"],
      [6, "Laurea triennale"],
    ]);
    type Before = { id: string; candidate_id: string; eqf_level: number; title: string };
    const before = (await sql<Before>`select id, candidate_id, eqf_level, title from candidate_education order by id`.execute(db)).rows;
    const highestBefore = new Map<string, number>();
    for (const r of before) highestBefore.set(r.candidate_id, Math.max(highestBefore.get(r.candidate_id) ?? 0, r.eqf_level));

    // A value the conversion does not know stops the migration, which changes nothing.
    await sql`alter table candidate_education drop constraint candidate_education_eqf_level_check`.execute(db);
    const cid = before[0]!.candidate_id;
    await sql`insert into candidate_education (candidate_id, eqf_level, title) values (${cid}, 9, 'Titolo sconosciuto')`.execute(db);
    await expect(migrateTo(db, MIGRATION)).rejects.toThrow(/eqf_level senza corrispondenza: 9/);
    await sql`delete from candidate_education where eqf_level = 9`.execute(db);

    await sql`delete from search_outbox`.execute(db);
    await migrateTo(db, MIGRATION);
    // Their search documents gain the new fields: each CV with a title is queued once for the sync worker.
    const queued = await sql<{ document_id: string }>`select document_id from search_outbox where index_uid = 'candidates'`.execute(db);
    expect(queued.rows.map((r) => r.document_id).sort()).toEqual([...new Set(before.map((r) => r.candidate_id))].sort());

    type After = { id: string; candidate_id: string; study_level: number; study_title_code: string | null; title: string };
    const after = (
      await sql<After>`select id, candidate_id, study_level, study_title_code, title from candidate_education order by id`.execute(db)
    ).rows;
    expect(after.map((r) => [r.id, r.title])).toEqual(before.map((r) => [r.id, r.title]));
    const highestAfter = new Map<string, number>();
    for (const [i, r] of after.entries()) {
      const old = before[i]!;
      const derived = eqfOfStudy(r.study_level, r.study_title_code);
      // The EQF derived from the codes is the one stored; EQF 2 has no ministerial title and becomes the licenza media (EQF 1).
      expect(derived, `${old.eqf_level} «${old.title}»`).toBe(old.eqf_level === 2 ? 1 : old.eqf_level);
      // The SQL and the import's conversion agree.
      expect({ studyLevel: r.study_level, studyTitleCode: r.study_title_code }, old.title).toEqual(studyOfEqf(old.eqf_level, old.title));
      highestAfter.set(r.candidate_id, Math.max(highestAfter.get(r.candidate_id) ?? 0, derived ?? 0));
    }
    // Matching reads the highest EQF of the CV: every requirement is met by exactly the CVs that met it before.
    for (const [level, title] of REQUIREMENTS)
      for (const [id, eqf] of highestBefore)
        expect(meets(highestAfter.get(id)!, level, title), `${id} ${level} ${title}`).toBe(meets(eqf, level, title));

    // The constraints: a level is required, a title belongs to its level.
    await expect(sql`update candidate_education set study_title_code = '40200000' where study_level = 7`.execute(db)).rejects.toThrow(
      /candidate_education_title_of_level/,
    );
    await expect(sql`update candidate_education set study_level = null where study_level = 4`.execute(db)).rejects.toThrow(/null/);
    await expect(sql`update candidate_education set study_level = 13 where study_level = 4`.execute(db)).rejects.toThrow(/check/);

    await migrateTo(db, scratch.previous);
    const back = (await sql<{ id: string; eqf_level: number }>`select id, eqf_level from candidate_education order by id`.execute(db)).rows;
    expect(back.map((r) => r.eqf_level)).toEqual(before.map((r) => (r.eqf_level === 2 ? 1 : r.eqf_level)));
  });
});
