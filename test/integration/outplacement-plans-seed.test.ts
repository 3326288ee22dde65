import { describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import { seedOutplacement } from "../../server/seed/outplacement";
import { seedPlatform } from "../../server/seed/platform";

class Rollback extends Error {}

describe("outplacement plans demo seed", () => {
  it(
    "signs plans for part of the cohort, with sessions, a group session, register rows and a conditionality event",
    { timeout: 90_000 },
    async () => {
      let checked = false;
      await getDb()
        .transaction()
        .execute(async (trx) => {
          const refs = await seedPlatform(trx);
          await seedOutplacement(trx, refs);
          const plans = await trx.selectFrom("outplacement_plans").select("state").execute();
          expect(plans.filter((p) => p.state === "draft")).toHaveLength(1);
          expect(plans.filter((p) => p.state === "in_progress").length).toBeGreaterThanOrEqual(8);
          const group = await trx.selectFrom("outplacement_group_sessions").select("id").execute();
          expect(group).toHaveLength(1);
          const register = await trx
            .selectFrom("service_deliveries")
            .select(["standard_code"])
            .where((eb) => eb.or([eb("outplacement_session_id", "is not", null), eb("outplacement_group_session_id", "is not", null)]))
            .execute();
          expect(new Set(register.map((r) => r.standard_code))).toEqual(new Set(["4E-IND", "4E-GRUPPO"]));
          const conditionality = await trx.selectFrom("outplacement_conditionality_events").select("decision").execute();
          expect(conditionality.length).toBeGreaterThanOrEqual(1);
          checked = true;
          throw new Rollback();
        })
        .catch((e: unknown) => {
          if (!(e instanceof Rollback)) throw e;
        });
      expect(checked).toBe(true);
    },
  );
});
