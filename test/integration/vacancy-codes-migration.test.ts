import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { migrateTo } from "../../server/migrate";
import { migrationScratchDb } from "../support/migration-db";

/**
 * The vacancies' local codes become the official national ones (docs/legal/national-systems.md): every old value of
 * the forms maps to exactly one new value, no row appears or disappears, free texts stay; then back down.
 */
const MIGRATION = "2026_12_08_0500_vacancy_official_codes";
const scratch = migrationScratchDb(MIGRATION, 2);

// Every value the old forms could store, and what it becomes.
const CONTRACTS: [string, string | null, string][] = [
  ["A.01.00", "A.01.00", "direct"],
  ["A.02.00", "A.02.00", "direct"],
  ["A.03.00", "A.03.09", "direct"],
  ["C.01.00", "C.01.00", "direct"],
  ["B.03.00", "B.03.00", "direct"],
  ["SOMM", null, "agency"],
  ["AUTONOMO", null, "self_employed"],
];
const EDUCATION: [string, number, string | null][] = [
  ["none", 0, null],
  ["lower_secondary", 2, null],
  ["vocational", 3, null],
  ["upper_secondary", 4, null],
  ["its", 5, null],
  ["bachelor", 7, "71000000"],
  ["master", 7, "74000000"],
  ["doctorate", 12, "90000000"],
];
const LANGUAGES: [string, string][] = [
  ["it", "003"],
  ["en", "001"],
  ["fr", "005"],
  ["de", "002"],
  ["es", "SPA"],
  ["pt", "POR"],
  ["ro", "RUM"],
  ["ar", "ARA"],
  ["zh", "CIN"],
  ["ru", "RUS"],
];
const LICENCES: [string, string][] = [
  ["AM", "01"],
  ["A1", "01"],
  ["A2", "01"],
  ["A", "01"],
  ["B", "02"],
  ["BE", "05"],
  ["C1", "03"],
  ["C", "03"],
  ["CE", "05"],
  ["D1", "04"],
  ["D", "04"],
  ["DE", "05"],
];

describe("migration of the vacancies to the official codes", () => {
  it("maps every old value to exactly one new one, keeps every row and every free text, and comes back down", async () => {
    await migrateTo(scratch.db, scratch.previous);
    await sql`insert into comuni (istat_code, name, province_code, province_name, region_name) values ('015146', 'Milano', 'MI', 'Milano', 'Lombardia')`.execute(
      scratch.db,
    );
    await sql`insert into ateco (code, title, level) values ('10', 'Industrie alimentari', 'division')`.execute(scratch.db);
    await sql`insert into occupations (code, title, level) values ('5.1.2.2.0', 'Commessi delle vendite al minuto', 5)`.execute(scratch.db);
    const employer = (
      await sql<{
        id: string;
      }>`insert into employers (legal_name, tax_code, ateco_code, headcount_band, legal_address, legal_comune_code, contact_name, contact_email, contact_phone, status)
        values ('Azienda', '00000000001', '10', '15-35', 'Via Roma 1', '015146', 'Mario Rossi', 'm@example.it', '02 1234567', 'validated') returning id`.execute(
        scratch.db,
      )
    ).rows[0].id;
    const vacancy = async (contract: string, workingTime: string, ccnl: string | null) =>
      (
        await sql<{
          id: string;
        }>`insert into vacancies (employer_id, title, occupation_code, description, comune_code, contract_type, ccnl, working_time, weekly_hours, positions, closing_date, publication_mode)
          values (${employer}, ${`Offerta ${contract}`}, '5.1.2.2.0', 'Descrizione', '015146', ${contract}, ${ccnl}, ${workingTime}, ${workingTime === "part_time" ? 20 : 40}, 1, current_date + 30, 'public') returning id`.execute(
          scratch.db,
        )
      ).rows[0].id;
    const ids: Record<string, string> = {};
    for (const [i, [old]] of CONTRACTS.entries())
      ids[old] = await vacancy(
        old,
        i % 2 ? "part_time" : "full_time",
        i === 0 ? "Panificazione artigianato" : i === 1 ? "042" : i === 2 ? "Commercio, livello 4" : null,
      );
    const req = (vacancyId: string, position: number, kind: string, cols: Record<string, string | null>) =>
      sql`insert into vacancy_requirements (vacancy_id, position, kind, priority, description, education_level, language_code, cefr_level, licence_category)
        values (${vacancyId}, ${position}, ${kind}, 'must', ${cols.description ?? ""}, ${cols.education_level ?? null}, ${cols.language_code ?? null}, ${cols.cefr_level ?? null}, ${cols.licence_category ?? null})`.execute(
        scratch.db,
      );
    const v = ids["A.01.00"]!;
    let pos = 1;
    for (const [old] of EDUCATION) await req(v, pos++, "education", { education_level: old });
    for (const [old] of LANGUAGES) await req(v, pos++, "language", { language_code: old, cefr_level: "B1" });
    for (const [old] of LICENCES) await req(v, pos++, "licence", { licence_category: old });
    await req(v, pos++, "licence", { licence_category: "Muletto", description: "per il magazzino" });
    await req(v, pos++, "licence", { licence_category: "CQC" });
    await req(v, pos++, "skill", { description: "Uso della cassa" });
    const count = async () =>
      (
        await sql<{
          v: number;
          r: number;
        }>`select (select count(*)::int from vacancies) as v, (select count(*)::int from vacancy_requirements) as r`.execute(scratch.db)
      ).rows[0];
    const before = await count();

    await migrateTo(scratch.db, MIGRATION);

    expect(await count()).toEqual(before);
    const vacancies = (
      await sql<{
        title: string;
        contract_type: string | null;
        engagement: string;
        working_time_code: string;
        working_time: string;
        ccnl_code: string | null;
        ccnl_note: string | null;
      }>`
        select title, contract_type, engagement, working_time_code, working_time, ccnl_code, ccnl_note from vacancies`.execute(scratch.db)
    ).rows;
    for (const [i, [old, code, engagement]] of CONTRACTS.entries()) {
      const row = vacancies.find((r) => r.title === `Offerta ${old}`)!;
      expect({ contract: row.contract_type, engagement: row.engagement }, old).toEqual({ contract: code, engagement });
      expect(row.working_time_code).toBe(i % 2 ? "P" : "F");
      expect(row.working_time).toBe(i % 2 ? "part_time" : "full_time");
    }
    const ccnl = (t: string) => vacancies.find((r) => r.title === `Offerta ${t}`)!;
    expect([ccnl("A.01.00").ccnl_code, ccnl("A.01.00").ccnl_note]).toEqual(["176", null]);
    expect([ccnl("A.02.00").ccnl_code, ccnl("A.02.00").ccnl_note]).toEqual(["042", null]);
    // A text that names no single CCNL of the table is kept as the note: its meaning is not lost.
    expect([ccnl("A.03.00").ccnl_code, ccnl("A.03.00").ccnl_note]).toEqual([null, "Commercio, livello 4"]);

    const reqs = (
      await sql<
        Record<string, string | number | null>
      >`select * from vacancy_requirements where vacancy_id = ${v} order by position`.execute(scratch.db)
    ).rows;
    pos = 0;
    for (const [old, level, title] of EDUCATION)
      expect([reqs[pos]!.study_level, reqs[pos++]!.study_title_code], old).toEqual([level, title]);
    for (const [old, code] of LANGUAGES) expect(reqs[pos++]!.language_code, old).toBe(code);
    for (const [old, code] of LICENCES) {
      expect([reqs[pos]!.kind, reqs[pos]!.licence_code, reqs[pos++]!.licence_category], old).toEqual(["licence", code, old]);
    }
    expect(reqs[pos]).toMatchObject({ kind: "certificate", description: "Muletto (conduzione di carrelli elevatori) — per il magazzino" });
    expect(reqs[pos + 1]).toMatchObject({ kind: "certificate", description: "CQC (carta di qualificazione del conducente)" });
    expect(reqs[pos + 2]).toMatchObject({ kind: "skill", description: "Uso della cassa" });
    // Each old value gave exactly one new value: as many distinct new values as old ones (per list with a 1:1 map).
    expect(new Set(EDUCATION.map(([, l, t]) => `${l}/${t}`)).size).toBe(EDUCATION.length);
    expect(new Set(LANGUAGES.map(([, c]) => c)).size).toBe(LANGUAGES.length);

    // The constraints now refuse the local codes.
    await expect(sql`update vacancies set contract_type = 'SOMM' where title = 'Offerta A.01.00'`.execute(scratch.db)).rejects.toThrow(
      /vacancies_contract_type_co/,
    );
    await expect(
      sql`update vacancy_requirements set language_code = 'en' where vacancy_id = ${v} and kind = 'language'`.execute(scratch.db),
    ).rejects.toThrow(/language_code/);

    await migrateTo(scratch.db, scratch.previous);
    expect(await count()).toEqual(before);
    const back = (
      await sql<{
        title: string;
        contract_type: string;
        working_time: string;
      }>`select title, contract_type, working_time from vacancies`.execute(scratch.db)
    ).rows;
    for (const [old] of CONTRACTS) expect(back.find((r) => r.title === `Offerta ${old}`)!.contract_type).toBe(old);
    const backReqs = (
      await sql<{ education_level: string | null; language_code: string | null; licence_category: string | null }>`
        select education_level, language_code, licence_category from vacancy_requirements where vacancy_id = ${v} order by position`.execute(
        scratch.db,
      )
    ).rows;
    expect(backReqs.slice(0, EDUCATION.length).map((r) => r.education_level)).toEqual(
      EDUCATION.map(([old]) => (old === "its" ? "its" : old)),
    );
    expect(backReqs.slice(EDUCATION.length, EDUCATION.length + LANGUAGES.length).map((r) => r.language_code)).toEqual(
      LANGUAGES.map(([old]) => old),
    );
  });
});
