import { describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import { seedOutplacement } from "../../server/seed/outplacement";
import { seedPlatform } from "../../server/seed/platform";

/** Thrown to roll the demo data back: the test database is shared by the other files. */
class Rollback extends Error {}

describe("outplacement demo seed: what follows the plan", () => {
  it("has a signed PDF, a training band proposal, check-ins done and missing, committee meetings", { timeout: 120_000 }, async () => {
    let checked = false;
    await getDb()
      .transaction()
      .execute(async (trx) => {
        const refs = await seedPlatform(trx);
        await seedOutplacement(trx, refs);
        const uploaded = await trx
          .selectFrom("outplacement_plans")
          .select("signed_pdf_sha256")
          .where("signed_pdf_sha256", "is not", null)
          .execute();
        expect(uploaded).toHaveLength(1);
        const band = await trx
          .selectFrom("outplacement_conditionality_events")
          .select(["training_band", "decision"])
          .where("training_band", "is not", null)
          .execute();
        expect(band).toEqual([{ training_band: 1, decision: "pending" }]);
        const active = await trx.selectFrom("outplacement_members").select("id").where("state", "in", ["active", "in_training"]).execute();
        expect(active.length).toBeGreaterThanOrEqual(3);
        const checkins = await trx.selectFrom("outplacement_checkins").select("member_id").execute();
        expect(new Set(checkins.map((c) => c.member_id)).size).toBeGreaterThanOrEqual(active.length);
        expect(await trx.selectFrom("outplacement_steering_meetings").select("id").execute()).toHaveLength(2);
        const linked = await trx
          .selectFrom("outplacement_events as e")
          .innerJoin("l68_records as r", "r.id", "e.l68_record_id")
          .select("r.kind")
          .executeTakeFirst();
        expect(linked?.kind).toBe("sospensione");
        checked = true;
        throw new Rollback();
      })
      .catch((e) => {
        if (!(e instanceof Rollback)) throw e;
      });
    expect(checked).toBe(true);
  });
});
