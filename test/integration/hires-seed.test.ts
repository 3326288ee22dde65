import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { coReconciliation, hiresUnilav } from "~/domain/shortlists/index.server";
import { seedHiresDemo } from "../../server/seed/hires";
import { seedPlatform } from "../../server/seed/platform";
import { inRolledBackTransaction } from "../support/rolled-back";

describe("hires demo seed", () => {
  it("shows one hire with a complete UNILAV and a CO that differs, one «da completare» without CO", { timeout: 60_000 }, async () => {
    const checked = await inRolledBackTransaction(async (trx) => {
      const refs = await seedPlatform(trx);
      await seedHiresDemo(trx, refs);
      // The deferred checks (a CV needs a title of study and a preference) run now, not at the rollback.
      await sql`set constraints all immediate`.execute(trx);
      const { counts } = await coReconciliation(trx as never);
      expect(counts).toEqual({ total: 2, missing: 1, differs: 1, matches: 0 });
      const unilav = await hiresUnilav(trx as never);
      expect(unilav.map((u) => u.result.ok).sort()).toEqual([false, true]);
      return true;
    });
    expect(checked).toBe(true);
  });
});
