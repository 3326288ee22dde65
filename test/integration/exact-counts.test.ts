import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildCandidateSearch,
  CandidateSearchSchema,
  exactTotal,
  readFacetCounts,
  type SearchContext,
} from "~/domain/candidates/search-query";
import { countQuery } from "~/domain/matching/search.server";
import { getMeili } from "../../search/client.server";
import { CANDIDATE_SETTINGS } from "../../app/domain/candidates/search-index.server";

// More documents than Meilisearch's maxTotalHits (10,000): every count must still be exact.
const UID = `exact_counts_${process.pid}`;
const N = 12_500;
const NOW = Math.floor(Date.UTC(2026, 11, 1) / 1000);
const FRESH_SINCE = NOW - 180 * 86_400;

// Candidate i: "magazziniere" unless i % 10 === 0, obsolete when i % 4 === 0, consent withdrawn when i % 7 === 0, province MI/BG alternately.
const docs = Array.from({ length: N }, (_, i) => ({
  id: `c${i}`,
  fullName: `Persona ${i}`,
  preferenceTitles: [i % 10 === 0 ? "Cuoco di ristorante" : "Magazziniere"],
  provinceCode: i % 2 ? "MI" : "BG",
  comuneCode: i % 2 ? "015146" : "016024",
  occupationCodes: [i % 10 === 0 ? "5.2.2.1.0" : "4.3.1.2.0"],
  licences: [],
  languages: [],
  availability: [],
  occupationGroups: [],
  consentVisible: i % 7 !== 0,
  cvUpdatedAt: i % 4 === 0 ? FRESH_SINCE - 86_400 : NOW,
  protectedCategory: "none",
}));
const expected = (pred: (i: number) => boolean) => docs.filter((_, i) => pred(i)).length;

const ctx: SearchContext = { canSeeProtected: false, freshSince: FRESH_SINCE, center: null, nearby: null, indexUid: UID };

async function run(qs: Record<string, unknown>) {
  const input = CandidateSearchSchema.parse(qs);
  const built = buildCandidateSearch(input, ctx);
  const { results } = await getMeili().multiSearch({ queries: built.queries as never });
  return { total: exactTotal(results[0] as never), counts: readFacetCounts(input, built, results as never, ctx) };
}

beforeAll(async () => {
  const index = getMeili().index(UID);
  await getMeili().createIndex(UID, { primaryKey: "id" }).waitTask({ timeout: 60_000 });
  await index.updateSettings(CANDIDATE_SETTINGS).waitTask({ timeout: 60_000 });
  await index.addDocuments(docs).waitTask({ timeout: 120_000 });
}, 180_000);

afterAll(async () => {
  await getMeili().deleteIndex(UID).waitTask({ timeout: 60_000 });
});

describe("counts above Meilisearch's 10,000 cap", () => {
  it("gives the exact total, freshness split and facet counts of an unfiltered search", async () => {
    const { total, counts } = await run({});
    expect(total).toBe(N);
    expect(counts.freshness).toEqual([
      { value: "fresh", count: expected((i) => i % 4 !== 0), selected: false },
      { value: "obsolete", count: expected((i) => i % 4 === 0), selected: false },
    ]);
    expect(counts.province).toEqual(
      expect.arrayContaining([expect.objectContaining({ value: "MI", count: expected((i) => i % 2 === 1) })]),
    );
  });

  it("gives the exact total of a text search and of the freshness filter in both directions", async () => {
    expect((await run({ q: "magazziniere" })).total).toBe(expected((i) => i % 10 !== 0));
    const obsolete = await run({ q: "magazziniere", freshness: "obsolete" });
    expect(obsolete.total).toBe(expected((i) => i % 10 !== 0 && i % 4 === 0));
    expect(obsolete.counts.freshness?.find((f) => f.value === "fresh")?.count).toBe(expected((i) => i % 10 !== 0 && i % 4 !== 0));
    const fresh = await run({ freshness: "fresh", consent: ["true"] });
    expect(fresh.total).toBe(expected((i) => i % 4 !== 0 && i % 7 !== 0));
  });

  it("gives exact matching counts (the total and every relaxation number)", async () => {
    const { results } = await getMeili().multiSearch({
      queries: [countQuery(UID, "consentVisible = true"), countQuery(UID, "consentVisible = true AND provinceCode = MI")],
    });
    expect(exactTotal(results[0] as never)).toBe(expected((i) => i % 7 !== 0));
    expect(exactTotal(results[1] as never)).toBe(expected((i) => i % 7 !== 0 && i % 2 === 1));
  });
});
