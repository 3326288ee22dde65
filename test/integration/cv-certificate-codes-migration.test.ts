import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { migrateTo } from "../../server/migrate";
import { migrationScratchDb } from "../support/migration-db";

/**
 * The certificates' official codes (docs/legal/national-systems.md#cv-codes) convert nothing, so no search document is
 * re-sent on the way up; on the way down only the CVs that named a code are, and the rows keep their words.
 */
const MIGRATION = "2026_12_08_1400_cv_certificate_codes";
const scratch = migrationScratchDb(MIGRATION, 1);

describe("migration of the CV certificates' official codes", () => {
  it("adds the codes without touching the search queue, and on the way down re-sends only the CVs that named one", async () => {
    const db = scratch.db;
    await migrateTo(db, scratch.previous);
    const ids = await db.transaction().execute(async (trx) => {
      // Candidate rows alone: the CV's other sections (and their deferred checks) are not what this migration is about.
      await sql`set local session_replication_role = replica`.execute(trx);
      const rows = await sql<{ id: string }>`
        insert into candidates (first_name, last_name, tax_code, birth_date, domicile_comune_code)
        values ('Uno', 'Prova', 'PRVNUO80A01F205X', '1980-01-01', '015146'), ('Due', 'Prova', 'PRVDUE80A01F205X', '1980-01-01', '015146')
        returning id`.execute(trx);
      const [a, b] = rows.rows.map((r) => r.id);
      await sql`insert into candidate_certificates (candidate_id, name) values (${a}, 'Conduzione caldaie'), (${b}, 'HACCP')`.execute(trx);
      return [a!, b!];
    });
    await sql`delete from search_outbox`.execute(db);

    await migrateTo(db, MIGRATION);
    expect((await sql<{ n: number }>`select count(*)::int as n from search_outbox`.execute(db)).rows[0]!.n).toBe(0);
    await sql`update candidate_certificates set patentino_code = '07' where candidate_id = ${ids[0]}`.execute(db);
    await expect(sql`update candidate_certificates set albo_code = '0001' where candidate_id = ${ids[0]}`.execute(db)).rejects.toThrow(
      /candidate_certificates_one_code/,
    );

    await migrateTo(db, scratch.previous);
    const queued = await sql<{ document_id: string }>`select document_id from search_outbox`.execute(db);
    expect(queued.rows.map((r) => r.document_id)).toEqual([ids[0]]);
    const names = await sql<{ name: string }>`select name from candidate_certificates order by name`.execute(db);
    expect(names.rows.map((r) => r.name)).toEqual(["Conduzione caldaie", "HACCP"]);
  });
});
