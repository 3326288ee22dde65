import { describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import { syncReferenceData } from "../../server/reference-data/sync";

/** The classifications loaded at start: a database loaded before the CP2021 level-3 titles were vendored gets them. */
describe("loading the ISTAT classifications", () => {
  it("fills the empty level-3 CP2021 titles of an existing database, and every level-3 code has a title after load", async () => {
    const db = getDb();
    await db.updateTable("occupations").set({ title: "" }).where("level", "=", 3).execute();
    await syncReferenceData(db);
    const level3 = await db.selectFrom("occupations").select(["code", "title"]).where("level", "=", 3).execute();
    expect(level3).toHaveLength(130);
    for (const o of level3) expect(o.title.trim(), o.code).not.toBe("");
    expect(level3.find((o) => o.code === "1.1.3")?.title).toBe("Dirigenti della magistratura");
    const untitled = await db.selectFrom("occupations").select("level").where("title", "=", "").execute();
    expect(untitled.filter((o) => o.level === 2)).toHaveLength(40);
    expect(untitled.filter((o) => o.level === 4)).toHaveLength(170);
  });
});
