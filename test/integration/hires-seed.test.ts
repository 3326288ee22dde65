import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import { coReconciliation, hiresUnilav } from "~/domain/shortlists/index.server";
import { seedHiresDemo } from "../../server/seed/hires";
import { seedPlatform } from "../../server/seed/platform";

/** Thrown to roll the demo data back: the test database is shared by the other files. */
class Rollback extends Error {}

describe("hires demo seed", () => {
  it("shows one hire with a complete UNILAV and a CO that differs, one «da completare» without CO", { timeout: 60_000 }, async () => {
    let checked = false;
    await getDb()
      .transaction()
      .execute(async (trx) => {
        const refs = await seedPlatform(trx);
        await seedHiresDemo(trx, refs);
        // The deferred checks (a CV needs a title of study and a preference) run now, not at the rollback.
        await sql`set constraints all immediate`.execute(trx);
        const { counts } = await coReconciliation(trx as never);
        expect(counts).toEqual({ total: 2, missing: 1, differs: 1, matches: 0 });
        const unilav = await hiresUnilav(trx as never);
        expect(unilav.map((u) => u.result.ok).sort()).toEqual([false, true]);
        checked = true;
        throw new Rollback();
      })
      .catch((e) => {
        if (!(e instanceof Rollback)) throw e;
      });
    expect(checked).toBe(true);
  });
});
