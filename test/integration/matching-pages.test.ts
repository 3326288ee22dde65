import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { loadMatchVacancy, runMatch, type MatchResult } from "~/domain/matching/search.server";
import { moveCandidate } from "~/domain/shortlists/commands.server";
import { createEmployer } from "../support/factories";
import { SYSTEM_ACTOR } from "../support/factories-candidates";
import { createMatchCandidate, createMatchVacancy, indexPending, insertPresentedShortlist } from "../support/factories-shortlists";

// Plasterers around Cremona: an occupation and a place no other test uses.
const OCC = "6.1.3.3.0";
const DAY = 86_400_000;
const at = (n: number) => new Date(Date.now() - n * DAY);
let people: Record<string, string> = {};
let vacancyId: string;
const load = async () => (await loadMatchVacancy(getDb(), vacancyId))!;
const ids = (r: MatchResult) => r.hits.map((h) => h.id);

beforeAll(async () => {
  people = {
    cremona1: await createMatchCandidate({ comune: "Cremona", preferences: [OCC], cvUpdatedAt: at(1) }),
    cremona2: await createMatchCandidate({ comune: "Cremona", preferences: [OCC], cvUpdatedAt: at(2) }),
    cremona3: await createMatchCandidate({ comune: "Cremona", preferences: [OCC], cvUpdatedAt: at(3) }),
    crema: await createMatchCandidate({ comune: "Crema", preferences: [OCC], cvUpdatedAt: at(1) }),
    casalmaggiore: await createMatchCandidate({ comune: "Casalmaggiore", preferences: [OCC], cvUpdatedAt: at(1) }),
    piacenza: await createMatchCandidate({ comune: "Piacenza", preferences: [OCC], cvUpdatedAt: at(4) }),
    mantova: await createMatchCandidate({ comune: "Mantova", preferences: [OCC], cvUpdatedAt: at(1) }),
    obsolete: await createMatchCandidate({ comune: "Cremona", preferences: [OCC], cvUpdatedAt: at(400) }),
  };
  await indexPending();
  const employer = await createEmployer();
  vacancyId = (await createMatchVacancy({ employerId: employer.id, comune: "Cremona", occupation: OCC, radiusKm: 50 })).id;
});

describe("matching beyond the first page, with the officer's choices", () => {
  it("gives pages of ranked results, the same on both retrieval paths", async () => {
    const v = await load();
    const whole = await runMatch(v, { cvObsoleteMonths: 6 });
    expect(whole.total).toBe(6); // Mantova is beyond 50 km, the obsolete CV is out
    for (const fetchAll of [undefined, 0]) {
      const pages = await Promise.all([1, 2, 3].map((page) => runMatch(v, { cvObsoleteMonths: 6, limit: 2, fetchAll, options: { page } })));
      expect(pages.map((p) => p.offset)).toEqual([0, 2, 4]);
      expect(pages.every((p) => p.totalPages === 3)).toBe(true);
      expect(pages.flatMap(ids)).toEqual(ids(whole));
    }
  });

  it("counts beforehand what each radius and the obsolete CVs would change, and choosing them gives those numbers", async () => {
    const v = await load();
    const current = await runMatch(v, { cvObsoleteMonths: 6, withControls: true });
    const controls = current.controls!;
    expect(controls.obsolete).toBe(1);
    for (const r of controls.radius) expect((await runMatch(v, { cvObsoleteMonths: 6, options: { radiusKm: r.km } })).total).toBe(r.total);
    expect(controls.radius.find((r) => r.km === 100)!.total).toBeGreaterThan(current.total); // Mantova
    expect(controls.radius.find((r) => r.km === 5)!.total).toBe(3); // the three in Cremona

    const withObsolete = await runMatch(v, { cvObsoleteMonths: 6, withControls: true, options: { includeObsolete: true } });
    expect(withObsolete.total).toBe(current.total + controls.obsolete);
    expect(withObsolete.hits.find((h) => h.id === people.obsolete)?.obsolete).toBe(true);
    expect(withObsolete.hits.filter((h) => h.obsolete)).toHaveLength(1);
    expect(withObsolete.controls!.obsolete).toBe(1); // excluding them again removes one
  });

  it("puts the recently presented after the others of their score when asked, and counts them", async () => {
    const v = await load();
    const before = await runMatch(v, { cvObsoleteMonths: 6 });
    expect(ids(before)[0]).toBe(people.cremona1);
    // cremona1 is presented to an employer: the index learns it through the outbox.
    const employer = await createEmployer();
    const shortlistId = await insertPresentedShortlist(employer.id, vacancyId);
    const row = await getDb()
      .insertInto("shortlist_candidates")
      .values({ shortlist_id: shortlistId, candidate_id: people.cremona1, rank: 1, score: 30, explanation: "{}", state: "available" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const officer = await getDb().selectFrom("shortlists").select("created_by").where("id", "=", shortlistId).executeTakeFirstOrThrow();
    await withTransaction((trx) =>
      moveCandidate(trx, SYSTEM_ACTOR, { kind: "officer", userId: officer.created_by }, { rowId: row.id, event: "present", version: null }),
    );
    await indexPending();

    const plain = await runMatch(v, { cvObsoleteMonths: 6, withControls: true });
    expect(ids(plain)).toEqual(ids(before)); // the choice is off: nothing moves
    expect(plain.controls!.recentlyPresented).toBe(1);
    for (const fetchAll of [undefined, 0]) {
      const less = await runMatch(v, { cvObsoleteMonths: 6, fetchAll, options: { preferLessPresented: true } });
      expect(less.total).toBe(before.total);
      const order = ids(less);
      const sameScore = before.hits.filter((h) => h.explanation.score === before.hits[0].explanation.score).length;
      expect(order.indexOf(people.cremona1)).toBe(sameScore - 1); // last of its score
      expect(less.hits.find((h) => h.id === people.cremona1)!.recentlyPresented).toBe(true);
    }
  });
});
