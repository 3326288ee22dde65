import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { migrateTo } from "../../server/migrate";
import { cvLicenceCodeOfCategory, cvLicenceLabel, LICENCE_CERTIFICATES } from "~/domain/candidates/cv-codes";
import { migrationScratchDb } from "../support/migration-db";

/**
 * The CV's driving licences become the ministerial licence with the EU category as detail, CQC and CAP become
 * certificates (docs/legal/national-systems.md#cv-codes): every row keeps its meaning, an unknown value stops the
 * migration, and the way down gives back the same rows.
 */
const MIGRATION = "2026_12_08_1100_cv_licence_codes";
const scratch = migrationScratchDb(MIGRATION, 1);

const CATEGORIES = ["AM", "A1", "A2", "A", "B1", "B", "BE", "C1", "C1E", "C", "CE", "D1", "D1E", "D", "DE"];
const CARDS = ["CQC_MERCI", "CQC_PERSONE", "KA", "KB"];

async function candidate(n: number): Promise<string> {
  return scratch.db.transaction().execute(async (trx) => {
    await sql`set local session_replication_role = replica`.execute(trx);
    const r = await sql<{ id: string }>`
      insert into candidates (first_name, last_name, tax_code, birth_date, domicile_comune_code)
      values ('Nome', ${`Cognome ${n}`}, ${`RSSMRA80A01F20${n}X`}, '1980-01-01', '015146') returning id`.execute(trx);
    return r.rows[0]!.id;
  });
}
const certificates = async () =>
  (
    await sql<{ candidate_id: string; name: string }>`select candidate_id, name from candidate_certificates order by 1, 2`.execute(
      scratch.db,
    )
  ).rows;

describe("migration of the CV driving licences to the ministerial codes", () => {
  it("maps every old value (category kept as detail; CQC and CAP to certificates) and comes back down", async () => {
    await migrateTo(scratch.db, scratch.previous);
    const [a, b] = [await candidate(1), await candidate(2)];
    for (const v of [...CATEGORIES, ...CARDS])
      await sql`insert into candidate_licences (candidate_id, licence) values (${a}, ${v})`.execute(scratch.db);
    await sql`insert into candidate_licences (candidate_id, licence) values (${b}, 'B'), (${b}, 'CQC_MERCI')`.execute(scratch.db);
    // b already wrote the card as a certificate: not doubled.
    await sql`insert into candidate_certificates (candidate_id, name) values (${b}, ${LICENCE_CERTIFICATES.CQC_MERCI}), (${b}, 'HACCP')`.execute(
      scratch.db,
    );
    const before = (
      await sql<{ candidate_id: string; licence: string }>`select * from candidate_licences order by 1, 2`.execute(scratch.db)
    ).rows;
    const certsBefore = await certificates();
    await sql`delete from search_outbox`.execute(scratch.db);

    await migrateTo(scratch.db, MIGRATION);

    const after = (
      await sql<{ candidate_id: string; licence_code: string; licence_category: string | null }>`
        select candidate_id, licence_code, licence_category from candidate_licences order by 1, 2, 3`.execute(scratch.db)
    ).rows;
    // One licence row per old category, the category kept and under the licence it belongs to.
    expect(
      after
        .filter((r) => r.candidate_id === a)
        .map((r) => r.licence_category)
        .sort(),
    ).toEqual([...CATEGORIES].sort());
    for (const r of after) expect(r.licence_code, r.licence_category!).toBe(cvLicenceCodeOfCategory(r.licence_category!));
    expect(after.filter((r) => r.candidate_id === b).map((r) => cvLicenceLabel(r.licence_code, r.licence_category))).toEqual(["Patente B"]);
    // The cards are certificates with their text, once.
    const certs = await certificates();
    expect(
      certs
        .filter((c) => c.candidate_id === a)
        .map((c) => c.name)
        .sort(),
    ).toEqual(CARDS.map((c) => LICENCE_CERTIFICATES[c]).sort());
    expect(certs.filter((c) => c.candidate_id === b).map((c) => c.name)).toEqual([LICENCE_CERTIFICATES.CQC_MERCI, "HACCP"]);
    expect(after.length + certs.length - certsBefore.length).toBe(before.length - 1);
    const queued = (await sql<{ document_id: string }>`select distinct document_id from search_outbox`.execute(scratch.db)).rows;
    expect(queued.map((r) => r.document_id).sort()).toEqual([a, b].sort());
    // The constraints refuse an EU category under the wrong licence, an old value, and a repeated licence.
    await expect(sql`insert into candidate_licences values (${b}, '02', 'CE')`.execute(scratch.db)).rejects.toThrow(
      /candidate_licences_category/,
    );
    await expect(sql`insert into candidate_licences values (${b}, 'B', null)`.execute(scratch.db)).rejects.toThrow(
      /candidate_licences_code/,
    );
    await expect(sql`insert into candidate_licences values (${b}, '02', 'B')`.execute(scratch.db)).rejects.toThrow(
      /candidate_licences_unique/,
    );
    await sql`insert into candidate_licences values (${b}, '02', null)`.execute(scratch.db);
    await sql`delete from candidate_licences where candidate_id = ${b} and licence_category is null`.execute(scratch.db);

    await migrateTo(scratch.db, scratch.previous);
    expect((await sql`select * from candidate_licences order by 1, 2`.execute(scratch.db)).rows).toEqual(before);
    // b's own certificate with the card's text goes back to being the licence it stood for.
    expect(await certificates()).toEqual(certsBefore.filter((c) => c.name === "HACCP"));
  });

  it("stops on a value it does not know", async () => {
    const c = await candidate(3);
    await sql`alter table candidate_licences drop constraint candidate_licences_licence_check`.execute(scratch.db);
    await sql`insert into candidate_licences (candidate_id, licence) values (${c}, 'Muletto')`.execute(scratch.db);
    await expect(migrateTo(scratch.db, MIGRATION)).rejects.toThrow(/candidate_licences\.licence senza corrispondenza: Muletto \(1\)/);
  });
});
