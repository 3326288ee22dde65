import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { migrateTo } from "../../server/migrate";
import { migrationScratchDb } from "../support/migration-db";

/**
 * Hires and outplacement outcomes keep only CO tipologie (docs/legal/national-systems.md#assunzioni-ed-esiti): SOMM and
 * AUTONOMO become the engagement, A.03.00 becomes A.03.09; no row appears or disappears, every old value maps to exactly
 * one new pair (contract type, engagement); then back down.
 */
const MIGRATION = "2026_12_08_1000_hire_outcome_official_codes";
const scratch = migrationScratchDb(MIGRATION, 1);

// Every value the old forms could store, and what it becomes.
const CONTRACTS: [string, string | null, string][] = [
  ["A.01.00", "A.01.00", "direct"],
  ["A.02.00", "A.02.00", "direct"],
  ["A.03.00", "A.03.09", "direct"],
  ["A.02.01", "A.02.01", "direct"],
  ["C.01.00", "C.01.00", "direct"],
  ["B.03.00", "B.03.00", "direct"],
  ["SOMM", null, "agency"],
  ["AUTONOMO", null, "self_employed"],
];

describe("migration of hires and outplacement outcomes to the official codes", () => {
  it("maps every old value to exactly one new pair, keeps every row, refuses the local codes and comes back down", async () => {
    await migrateTo(scratch.db, scratch.previous);
    // The rows only need their own columns here: the foreign keys are not what this migration changes.
    await sql`alter table hires disable trigger all`.execute(scratch.db);
    await sql`alter table outplacement_outcomes disable trigger all`.execute(scratch.db);
    for (const [i, [old]] of CONTRACTS.entries()) {
      await sql`insert into hires (shortlist_candidate_id, vacancy_id, employer_id, candidate_id, contract_type, start_date, weekly_hours, recorded_by)
        values (gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), ${old}, ${`2026-0${(i % 9) + 1}-01`}, 40, gen_random_uuid())`.execute(
        scratch.db,
      );
      await sql`insert into outplacement_outcomes (member_id, type, start_on, contract_type, source)
        values (gen_random_uuid(), ${old === "AUTONOMO" ? "SELF_EMPLOYED" : "EMPLOYED_OPEN_ENDED"}, ${`2026-0${(i % 9) + 1}-01`}, ${old}, 'SELF_DECLARED')`.execute(
        scratch.db,
      );
    }
    await sql`insert into outplacement_outcomes (member_id, type, start_on, source) values (gen_random_uuid(), 'STILL_SEARCHING', '2025-12-31', 'PROVIDER')`.execute(
      scratch.db,
    );
    const count = async () =>
      (
        await sql<{
          h: number;
          o: number;
        }>`select (select count(*)::int from hires) as h, (select count(*)::int from outplacement_outcomes) as o`.execute(scratch.db)
      ).rows[0];
    const before = await count();
    expect(before).toEqual({ h: CONTRACTS.length, o: CONTRACTS.length + 1 });

    await migrateTo(scratch.db, MIGRATION);

    expect(await count()).toEqual(before);
    for (const table of ["hires", "outplacement_outcomes"]) {
      const date = table === "hires" ? "start_date" : "start_on";
      const rows = (
        await sql<{ contract_type: string | null; engagement: string; day: string }>`
          select contract_type, engagement, ${sql.ref(date)}::text as day from ${sql.table(table)}`.execute(scratch.db)
      ).rows;
      for (const [i, [old, code, engagement]] of CONTRACTS.entries()) {
        const matching = rows.filter((r) => r.day === `2026-0${(i % 9) + 1}-01`);
        expect(
          matching.map((r) => ({ contract: r.contract_type, engagement: r.engagement })),
          `${table} ${old}`,
        ).toEqual([{ contract: code, engagement }]);
      }
    }
    // Exactly one new pair per old value, and no two old values share it.
    expect(new Set(CONTRACTS.map(([, c, e]) => `${c}/${e}`)).size).toBe(CONTRACTS.length);
    // The outcome without a contract stays as it was.
    const searching = (
      await sql<{ contract_type: string | null; engagement: string }>`
      select contract_type, engagement from outplacement_outcomes where type = 'STILL_SEARCHING'`.execute(scratch.db)
    ).rows;
    expect(searching).toEqual([{ contract_type: null, engagement: "direct" }]);

    await expect(sql`update hires set contract_type = 'SOMM' where contract_type = 'A.01.00'`.execute(scratch.db)).rejects.toThrow(
      /hires_contract_type_co/,
    );
    await expect(sql`update hires set contract_type = null where contract_type = 'A.01.00'`.execute(scratch.db)).rejects.toThrow(
      /hires_engagement_contract/,
    );
    await expect(
      sql`update outplacement_outcomes set contract_type = 'AUTONOMO' where contract_type = 'A.01.00'`.execute(scratch.db),
    ).rejects.toThrow(/outplacement_outcomes_contract_type_co/);

    await migrateTo(scratch.db, scratch.previous);
    expect(await count()).toEqual(before);
    for (const table of ["hires", "outplacement_outcomes"]) {
      const date = table === "hires" ? "start_date" : "start_on";
      const back = (
        await sql<{
          contract_type: string | null;
          day: string;
        }>`select contract_type, ${sql.ref(date)}::text as day from ${sql.table(table)}`.execute(scratch.db)
      ).rows;
      for (const [i, [old]] of CONTRACTS.entries()) {
        const expected = old === "A.03.00" ? "A.03.09" : old;
        expect(
          back.filter((r) => r.day === `2026-0${(i % 9) + 1}-01`).map((r) => r.contract_type),
          `${table} ${old}`,
        ).toEqual([expected]);
      }
    }
  });
});
