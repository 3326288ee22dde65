import { describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import { seedCandidates } from "../../server/seed/candidates";
import { seedInternships } from "../../server/seed/internships";
import { seedPlatform } from "../../server/seed/platform";

/** Thrown to roll the demo data back: the test database is shared by the other files. */
class Rollback extends Error {}

describe("internships demo seed", () => {
  it("creates internships in several states: active in Lombardia, attested, refused by the checker", { timeout: 60_000 }, async () => {
    let checked = false;
    await getDb()
      .transaction()
      .execute(async (trx) => {
        const refs = await seedPlatform(trx);
        await seedCandidates(trx, refs);
        await seedInternships(trx, refs);
        const rows = await trx.selectFrom("internships").select(["state", "region", "check_result"]).orderBy("state").execute();
        expect(rows.map((r) => r.state).sort()).toEqual(
          ["active", "attested", "awaiting_co", "checks_failed", "drafting", "requested", "scouting"].sort(),
        );
        expect(rows.every((r) => r.region === "lombardia")).toBe(true);
        const refused = rows.find((r) => r.state === "checks_failed")!.check_result as { check: { violations: string[] } };
        expect(refused.check.violations).toEqual(["INDEMNITY_BELOW_MINIMUM"]);
        const attestations = await trx.selectFrom("internship_attestations").select("internship_id").execute();
        expect(attestations).toHaveLength(1);
        checked = true;
        throw new Rollback();
      })
      .catch((e) => {
        if (!(e instanceof Rollback)) throw e;
      });
    expect(checked).toBe(true);
  });
});
