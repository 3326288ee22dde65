import { describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import { seedOutplacement } from "../../server/seed/outplacement";
import { seedPlatform } from "../../server/seed/platform";

/** Thrown to roll the demo data back: the test database is shared by the other files. */
class Rollback extends Error {}

describe("outplacement demo seed", () => {
  it(
    "creates the collective dismissal in progress at a Lombard manufacturer and the two new roles' accounts",
    { timeout: 60_000 },
    async () => {
      let checked = false;
      await getDb()
        .transaction()
        .execute(async (trx) => {
          const refs = await seedPlatform(trx);
          await seedOutplacement(trx, refs);
          const event = await trx
            .selectFrom("outplacement_events")
            .innerJoin("employers", "employers.id", "outplacement_events.employer_id")
            .select(["outplacement_events.type", "outplacement_events.state", "outplacement_events.provinces", "employers.legal_name"])
            .executeTakeFirstOrThrow();
          expect(event).toMatchObject({
            type: "collective_dismissal_l223",
            state: "union_phase",
            legal_name: "Officine Meccaniche Lombarde S.p.A.",
          });
          expect(event.provinces).toContain("MI");
          const roles = await trx
            .selectFrom("users")
            .select("role")
            .where("email", "in", ["ente@rosa.demo", "sindacato@rosa.demo"])
            .orderBy("role")
            .execute();
          expect(roles.map((r) => r.role)).toEqual(["outplacement_provider", "union_representative"]);
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
