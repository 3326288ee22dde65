import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { migrateTo } from "../../server/migrate";
import { ISO_OF_LANGUAGE, LANGUAGES } from "~/domain/reference";
import { migrationScratchDb } from "../support/migration-db";

/**
 * The CV's languages change from ISO 639-1 to the ministerial codes (docs/legal/national-systems.md#cv-codes): every
 * row keeps its candidate, its level and its language (the pair is the app's own one-to-one crosswalk), a value with no
 * pair stops the migration, and the way down gives back the very same rows.
 */
const MIGRATION = "2026_12_08_1100_cv_language_codes";
const scratch = migrationScratchDb(MIGRATION, 1);

const PAIRS = Object.entries(ISO_OF_LANGUAGE).map(([code, iso]) => [iso, code] as const);
const LEVELS = ["A1", "A2", "B1", "B2", "C1", "C2"];

type Lang = { candidate_id: string; language_code: string; level: string };
type Native = { candidate_id: string; language_code: string };

/** A candidate row alone: the CV's other sections (and their deferred checks) are not what this migration is about. */
async function candidate(n: number): Promise<string> {
  return scratch.db.transaction().execute(async (trx) => {
    await sql`set local session_replication_role = replica`.execute(trx);
    const r = await sql<{ id: string }>`
      insert into candidates (first_name, last_name, tax_code, birth_date, domicile_comune_code)
      values ('Nome', ${`Cognome ${n}`}, ${`RSSMRA80A01F20${n}X`.slice(0, 16).padEnd(16, "X")}, '1980-01-01', '015146') returning id`.execute(
      trx,
    );
    return r.rows[0]!.id;
  });
}

const languages = async () =>
  (await sql<Lang>`select candidate_id, language_code, level from candidate_languages order by 1, 2`.execute(scratch.db)).rows;
const natives = async () =>
  (await sql<Native>`select candidate_id, language_code from candidate_mother_tongues order by 1, 2`.execute(scratch.db)).rows;

describe("migration of the CV languages to the ministerial codes", () => {
  it("maps every ISO code with a pair, keeps candidate and level, queues the documents, and comes back down", async () => {
    await migrateTo(scratch.db, scratch.previous);
    const [a, b, c] = [await candidate(1), await candidate(2), await candidate(3)];
    // Every ISO code of the crosswalk as a foreign language of a, at a level that varies; some as mother tongues.
    for (const [i, [iso]] of PAIRS.entries())
      await sql`insert into candidate_languages (candidate_id, language_code, level) values (${a}, ${iso}, ${LEVELS[i % 6]})`.execute(
        scratch.db,
      );
    await sql`insert into candidate_languages (candidate_id, language_code, level) values (${b}, 'it', 'B2'), (${b}, 'en', 'A2')`.execute(
      scratch.db,
    );
    await sql`insert into candidate_mother_tongues (candidate_id, language_code) values (${b}, 'ro'), (${c}, 'it'), (${c}, 'ar')`.execute(
      scratch.db,
    );
    const before = { languages: await languages(), natives: await natives() };
    await sql`delete from search_outbox`.execute(scratch.db);

    await migrateTo(scratch.db, MIGRATION);

    const toCode = new Map(PAIRS);
    const after = { languages: await languages(), natives: await natives() };
    expect(after.languages).toHaveLength(before.languages.length);
    expect(after.natives).toHaveLength(before.natives.length);
    const key = (r: Lang | Native) => `${r.candidate_id}/${r.language_code}`;
    const afterLang = new Map(after.languages.map((r) => [key(r), r.level]));
    for (const r of before.languages) {
      const code = toCode.get(r.language_code)!;
      // Same language: the ministerial code's own ISO pair is the old value, and it has a label in lingue.csv.
      expect(ISO_OF_LANGUAGE[code], r.language_code).toBe(r.language_code);
      expect(LANGUAGES[code], code).toBeTruthy();
      expect(afterLang.get(`${r.candidate_id}/${code}`), r.language_code).toBe(r.level);
    }
    expect(after.natives.map((r) => [r.candidate_id, r.language_code]).sort()).toEqual(
      before.natives.map((r) => [r.candidate_id, toCode.get(r.language_code)!]).sort(),
    );
    const labels = (codes: string[]) => codes.map((code) => LANGUAGES[code]);
    expect(labels(after.natives.filter((r) => r.candidate_id === c).map((r) => r.language_code)).sort()).toEqual(["Arabo", "Italiano"]);
    // Every candidate whose languages changed is queued for the search index.
    const queued = (
      await sql<{ document_id: string }>`select distinct document_id from search_outbox where index_uid = 'candidates'`.execute(scratch.db)
    ).rows;
    expect(queued.map((r) => r.document_id).sort()).toEqual([a, b, c].sort());
    // The constraint now refuses ISO codes.
    await expect(sql`insert into candidate_languages values (${c}, 'en', 'B1')`.execute(scratch.db)).rejects.toThrow(/language_code/);
    await expect(sql`insert into candidate_mother_tongues values (${a}, 'it')`.execute(scratch.db)).rejects.toThrow(/language_code/);

    await migrateTo(scratch.db, scratch.previous);
    expect({ languages: await languages(), natives: await natives() }).toEqual(before);
  });

  it("keeps Filipino and Wolof (no ministerial code) as certificate lines in the CV's words, and stops on an unknown value", async () => {
    const [d] = [await candidate(4)];
    await sql`insert into candidate_languages (candidate_id, language_code, level) values (${d}, 'tl', 'B1'), (${d}, 'en', 'B1'), (${d}, 'xx', 'A2')`.execute(
      scratch.db,
    );
    await sql`insert into candidate_mother_tongues (candidate_id, language_code) values (${d}, 'wo')`.execute(scratch.db);
    await expect(migrateTo(scratch.db, MIGRATION)).rejects.toThrow(
      /candidate_languages\.language_code senza un codice ministeriale corrispondente: xx \(1\)/,
    );
    // Stopped in its transaction: nothing changed.
    expect((await languages()).filter((r) => r.candidate_id === d).map((r) => r.language_code)).toEqual(["en", "tl", "xx"]);
    await sql`delete from candidate_languages where language_code = 'xx'`.execute(scratch.db);
    await sql`delete from search_outbox`.execute(scratch.db);
    await migrateTo(scratch.db, MIGRATION);
    expect((await languages()).filter((r) => r.candidate_id === d).map((r) => r.language_code)).toEqual(["001"]);
    expect((await natives()).filter((r) => r.candidate_id === d)).toEqual([]);
    const certificates = await sql<{
      name: string;
    }>`select name from candidate_certificates where candidate_id = ${d} order by name`.execute(scratch.db);
    expect(certificates.rows.map((r) => r.name)).toEqual([
      "Lingua filippino (tagalog), livello B1 (non presente nell'elenco ministeriale delle lingue)",
      "Madrelingua wolof (non presente nell'elenco ministeriale delle lingue)",
    ]);
    const queued = await sql<{ document_id: string }>`select distinct document_id from search_outbox`.execute(scratch.db);
    expect(queued.rows.map((r) => r.document_id)).toContain(d);
  });
});
