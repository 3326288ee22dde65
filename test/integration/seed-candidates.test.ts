import { describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import { getMeili, indexUid } from "../../search/client.server";
import { drainOutbox } from "../../search/sync.server";
import { generateCandidates, generatorToday } from "../../server/seed/candidate-writer";

const countCandidates = async () =>
  Number(
    (
      await getDb()
        .selectFrom("candidates")
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe("seed:candidates on a database that already has candidates", () => {
  const opts = { count: 25, seed: "rosa-seed-test", today: generatorToday(), createdBy: null, enqueue: true, atomic: true, batchSize: 10 };

  it("a second run with the same seed never collides on a codice fiscale, and what it commits is indexed", async () => {
    const before = await countCandidates();
    const existing = new Set((await getDb().selectFrom("candidates").select("id").execute()).map((r) => r.id));
    await generateCandidates(getDb(), opts);
    await generateCandidates(getDb(), opts); // same seed, same day: the same sequence, whose codici fiscali are taken
    expect(await countCandidates()).toBe(before + 50);
    const dupes = await getDb()
      .selectFrom("candidates")
      .select("tax_code")
      .groupBy("tax_code")
      .having((eb) => eb.fn.countAll(), ">", 1)
      .execute();
    expect(dupes).toEqual([]);

    // Every committed row has its outbox entry: draining indexes exactly those rows.
    // (The generator back-dates created_at, so the new rows are told apart by id, not by date.)
    const ids = (await getDb().selectFrom("candidates").select("id").execute()).map((r) => r.id).filter((id) => !existing.has(id));
    expect(ids).toHaveLength(50);
    await drainOutbox(getDb());
    const index = getMeili().index(indexUid("candidates"));
    const found = await Promise.all(
      ids.map((id) =>
        index.getDocument(id).then(
          () => true,
          () => false,
        ),
      ),
    );
    expect(found.filter(Boolean)).toHaveLength(50);
  });

  it("is all or nothing: a failure in the middle leaves neither rows nor outbox entries", async () => {
    const before = await countCandidates();
    const outboxBefore = Number(
      (
        await getDb()
          .selectFrom("search_outbox")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
    await expect(
      generateCandidates(getDb(), {
        ...opts,
        seed: "rosa-seed-fail",
        onBatch: (done) => {
          if (done >= 20) throw new Error("interrotto");
        },
      }),
    ).rejects.toThrow("interrotto");
    expect(await countCandidates()).toBe(before);
    expect(
      Number(
        (
          await getDb()
            .selectFrom("search_outbox")
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBe(outboxBefore);
  });
});
