import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { migrateTo } from "../../server/migrate";
import { migrationScratchDb } from "../support/migration-db";

/**
 * Today's one-to-one delegations (users.employer_id of a "delegate") become rows of
 * employer_delegations without losing any: a throwaway database migrated to just before the
 * change, filled like production, then migrated across it (and back).
 */
const MIGRATION = "2026_12_06_0200_create_employer_delegations";
const scratch = migrationScratchDb(MIGRATION, 2);

describe("migration to many-to-many delegations", () => {
  it("keeps every delegation, frees the consultants from one company and comes back down", async () => {
    await migrateTo(scratch.db, scratch.previous);

    await sql`insert into comuni (istat_code, name, province_code, province_name, region_name) values ('015146', 'Milano', 'MI', 'Milano', 'Lombardia')`.execute(
      scratch.db,
    );
    await sql`insert into ateco (code, title, level) values ('10', 'Industrie alimentari', 'division')`.execute(scratch.db);
    const employer = (n: number) =>
      sql<{
        id: string;
      }>`insert into employers (legal_name, tax_code, ateco_code, headcount_band, legal_address, legal_comune_code, contact_name, contact_email, contact_phone, status)
        values (${`Azienda ${n}`}, ${`0000000000${n}`}, '10', '15-35', 'Via Roma 1', '015146', 'Mario Rossi', 'm@example.it', '02 1234567', 'validated') returning id`
        .execute(scratch.db)
        .then((r) => r.rows[0].id);
    const a = await employer(1);
    const b = await employer(2);
    const user = (email: string, employerId: string, role: string) =>
      sql<{
        id: string;
      }>`insert into users (email, full_name, role, employer_id, employer_role) values (${email}, 'Persona', 'employer', ${employerId}, ${role}) returning id`
        .execute(scratch.db)
        .then((r) => r.rows[0].id);
    const repA = await user("rep-a@example.it", a, "legal_rep");
    const colleagueA = await user("coll-a@example.it", a, "colleague");
    const consultantA = await user("cons-a@example.it", a, "delegate");
    const consultantB = await user("cons-b@example.it", b, "delegate");
    await sql`insert into employer_invitations (employer_id, email, employer_role, token_hash, invited_by, expires_at, accepted_at)
      values (${a}, 'cons-a@example.it', 'delegate', 'h1', ${repA}, now() + interval '1 day', now())`.execute(scratch.db);

    await migrateTo(scratch.db, MIGRATION);

    const delegations = await sql<{ employer_id: string; user_id: string; granted_by: string | null; revoked_at: Date | null }>`
      select employer_id, user_id, granted_by, revoked_at from employer_delegations order by employer_id = ${a} desc`.execute(scratch.db);
    expect(delegations.rows).toEqual([
      { employer_id: a, user_id: consultantA, granted_by: repA, revoked_at: null },
      { employer_id: b, user_id: consultantB, granted_by: null, revoked_at: null },
    ]);
    const audited = await sql<{ employer_id: string; details: { userId: string; migrated: boolean } }>`
      select employer_id, details from audit_log where action = 'employer.delegation_granted' order by employer_id = ${a} desc`.execute(
      scratch.db,
    );
    expect(audited.rows).toEqual([
      { employer_id: a, details: { userId: consultantA, grantedBy: repA, migrated: true } },
      { employer_id: b, details: { userId: consultantB, grantedBy: null, migrated: true } },
    ]);
    const users = await sql<{
      id: string;
      employer_id: string | null;
      employer_role: string;
    }>`select id, employer_id, employer_role from users order by email`.execute(scratch.db);
    expect(Object.fromEntries(users.rows.map((u) => [u.id, u.employer_id]))).toEqual({
      [repA]: a,
      [colleagueA]: a,
      [consultantA]: null,
      [consultantB]: null,
    });
    // The constraint now refuses a delegate tied to one company, and a colleague without one.
    await expect(sql`update users set employer_id = ${a} where id = ${consultantB}`.execute(scratch.db)).rejects.toThrow(
      /employer_users_belong/,
    );
    await expect(sql`update users set employer_id = null where id = ${colleagueA}`.execute(scratch.db)).rejects.toThrow(
      /employer_users_belong/,
    );

    // Many-to-many: consultant A is delegated by B too; down keeps the oldest live delegation.
    await sql`insert into employer_delegations (employer_id, user_id, granted_at) values (${b}, ${consultantA}, now() + interval '1 minute')`.execute(
      scratch.db,
    );
    await migrateTo(scratch.db, scratch.previous);
    const back = await sql<{
      id: string;
      employer_id: string | null;
      active: boolean;
    }>`select id, employer_id, active from users where employer_role = 'delegate' order by email`.execute(scratch.db);
    expect(back.rows).toEqual([
      { id: consultantA, employer_id: a, active: true },
      { id: consultantB, employer_id: b, active: true },
    ]);
  });
});
