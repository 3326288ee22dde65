import { describe, expect, it } from "vitest";
import { distanceKm } from "~/domain/reference/geo";
import {
  CandidateSearchSchema,
  HL_POST,
  HL_PRE,
  buildCandidateSearch,
  byDistancePage,
  inDistanceOrder,
  matchReasons,
  readFacetCounts,
  restOfPage,
  searchParamsToRaw,
  splitHighlight,
  type SearchContext,
} from "~/domain/candidates/search-query";

const parse = (qs: string) => CandidateSearchSchema.safeParse(searchParamsToRaw(new URLSearchParams(qs)));
const input = (qs: string) => {
  const r = parse(qs);
  if (!r.success) throw new Error(JSON.stringify(r.error.issues));
  return r.data;
};
const ctx = (over: Partial<SearchContext> = {}): SearchContext => ({
  canSeeProtected: false,
  freshSince: 1_700_000_000,
  center: null,
  nearby: null,
  indexUid: "rosa_candidates",
  ...over,
});

describe("candidate search parameters", () => {
  it("reads repeated facet parameters as lists and applies defaults", () => {
    const v = input("q=cameriere&province=MI&province=MB&availability=shifts");
    expect(v).toMatchObject({ q: "cameriere", province: ["MI", "MB"], availability: ["shifts"], page: 1, sort: "relevance", radiusKm: 20 });
  });
  it("refuses a distance sort without a comune, odd radii and pages, with Italian messages", () => {
    const r = parse("sort=distance");
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].message).toMatch(/indica un comune/);
    expect(parse("comune=Milano&radiusKm=7").error!.issues[0].message).toMatch(/raggi proposti/);
    expect(parse("page=0").success).toBe(false);
    expect(parse("page=999").error!.issues[0].message).toMatch(/affina la ricerca/);
    expect(parse(`q=${"x".repeat(201)}`).success).toBe(false);
    expect(parse("province=MI%22%20OR%20x").success).toBe(false); // no filter injection through a facet value
  });
});

describe("candidate search query builder", () => {
  it("puts every selected facet, the radius and freshness into the main filter", () => {
    const built = buildCandidateSearch(
      input("q=saldatore&province=MI&province=BG&availability=shifts&availability=weekends&freshness=fresh&radiusKm=30"),
      ctx({ center: { lat: 45.46, lon: 9.19 }, nearby: ["015146", "015171"] }),
    );
    const main = built.queries[0] as Record<string, unknown>;
    expect(main.filter).toBe(
      '(provinceCode IN ["MI", "BG"]) AND (availability = "shifts" AND availability = "weekends") AND (comuneCode IN ["015146", "015171"]) AND (cvUpdatedAt >= 1700000000)',
    );
    expect(main).toMatchObject({ q: "saldatore", page: 1, hitsPerPage: 20, highlightPreTag: HL_PRE });
    // The selected disjunctive facet is counted by its own query, without its own filter.
    expect(main.facets).not.toContain("provinceCode");
    expect(built.roles.map((r) => r.kind)).toEqual(["main", "facet", "freshness"]);
    expect((built.queries[1] as { filter: string }).filter).not.toContain("provinceCode");
    expect((built.queries[1] as { facets: string[] }).facets).toEqual(["provinceCode"]);
    expect((built.queries[2] as { filter: string }).filter).toContain("cvUpdatedAt < 1700000000");
  });

  it("counts the professions only when the officer opens their list or has chosen one", () => {
    const facetsOf = (qs: string) => buildCandidateSearch(input(qs), ctx()).queries.flatMap((q) => (q.facets as string[]) ?? []);
    expect(facetsOf("q=saldatore")).not.toContain("occupationCodes");
    expect(facetsOf("q=saldatore")).toContain("occupationGroups");
    expect(facetsOf("q=saldatore&showOccupations=1")).toContain("occupationCodes");
    // A chosen profession is counted without its own filter (disjunctive), list open or not.
    const chosen = buildCandidateSearch(input("occupation=5.1.2.2.0"), ctx());
    expect(chosen.roles.map((r) => r.kind)).toEqual(["main", "facet", "freshness"]);
    expect(chosen.queries[1]).toMatchObject({ facets: ["occupationCodes"] });
    expect(readFacetCounts(input("q=saldatore"), buildCandidateSearch(input("q=saldatore"), ctx()), [], ctx()).occupation).toBeUndefined();
    expect(parse("showOccupations=yes").success).toBe(false);
  });

  it("never filters, counts or returns the protected category for a preselection officer", () => {
    const v = input("protected=art1");
    const pre = buildCandidateSearch(v, ctx({ canSeeProtected: false }));
    const all = JSON.stringify(pre.queries);
    expect(all).not.toContain("protectedCategory");
    const placement = buildCandidateSearch(v, ctx({ canSeeProtected: true }));
    expect((placement.queries[0] as { filter: string }).filter).toBe('(protectedCategory IN ["art1"])');
    expect((placement.queries[0] as { attributesToRetrieve: string[] }).attributesToRetrieve).toContain("protectedCategory");
  });

  it("sorts by distance through per-comune counts (never a geo sort), or by freshness", () => {
    const byDistance = buildCandidateSearch(input("comune=Milano&sort=distance"), ctx({ center: { lat: 1, lon: 2 }, nearby: ["A"] }))
      .queries[0] as { sort?: string[]; facets: string[] };
    expect(byDistance.sort).toBeUndefined();
    expect(byDistance.facets).toContain("comuneCode");
    expect((buildCandidateSearch(input("sort=freshness"), ctx()).queries[0] as { sort: string[] }).sort).toEqual(["cvUpdatedAt:desc"]);
    expect((buildCandidateSearch(input(""), ctx()).queries[0] as { sort?: string[] }).sort).toBeUndefined();
  });

  it("filters on the «ricollocazione» priority window of today in every query, and sorts the cohort first", () => {
    const built = buildCandidateSearch(input("outplacement=on&province=MI"), ctx({ today: "2026-12-06" }));
    const t = Date.UTC(2026, 11, 6) / 1000;
    for (const query of built.queries as { filter: string }[])
      expect(query.filter).toContain(`outplacementPriorityFrom <= ${t} AND outplacementPriorityTo >= ${t}`);
    expect((buildCandidateSearch(input("sort=outplacement"), ctx()).queries[0] as { sort: string[] }).sort).toEqual([
      "outplacementPriorityTo:desc",
    ]);
  });

  it("merges counts: disjunctive facets from their own query, freshness split from the total", () => {
    const v = input("province=MI");
    const built = buildCandidateSearch(v, ctx());
    const counts = readFacetCounts(
      v,
      built,
      [
        { hits: [], totalHits: 10, facetDistribution: { licences: { "02": 7 } } },
        { hits: [], totalHits: 50, facetDistribution: { provinceCode: { MI: 10, RM: 40 } } },
        { hits: [], totalHits: 4 },
      ],
      ctx(),
    );
    expect(counts.province).toEqual([
      { value: "RM", count: 40, selected: false },
      { value: "MI", count: 10, selected: true },
    ]);
    expect(counts.licence).toEqual([{ value: "02", count: 7, selected: false }]);
    expect(counts.freshness).toEqual([
      { value: "fresh", count: 6, selected: false },
      { value: "obsolete", count: 4, selected: false },
    ]);
    expect(counts.protected).toBeUndefined();
  });
});

describe("why a result matched", () => {
  it("splits highlights and lists the matching fields in order", () => {
    expect(splitHighlight(`a ${HL_PRE}b${HL_POST} c`)).toEqual([
      { text: "a ", hit: false },
      { text: "b", hit: true },
      { text: " c", hit: false },
    ]);
    const reasons = matchReasons({
      preferenceTitles: ["Cuochi", `${HL_PRE}Camerieri${HL_POST} di ristorante`],
      skills: ["HACCP"],
      cvText: `…servizio ${HL_PRE}camerieri${HL_POST} ai tavoli…`,
    });
    expect(reasons.map((r) => r.label)).toEqual(["Propensione", "Testo del CV"]);
    expect(matchReasons(undefined)).toEqual([]);
  });
  it("computes great-circle distances in km", () => {
    expect(Math.round(distanceKm({ lat: 45.4642, lon: 9.19 }, { lat: 41.9028, lon: 12.4964 }))).toBe(477); // Milano–Roma
  });
});

describe("radius as a list of comuni", () => {
  it("filters on the comuni within the radius; the index has no geo attribute", () => {
    const v = input("comune=Milano&radiusKm=10");
    const byList = buildCandidateSearch(v, ctx({ center: { lat: 45.46, lon: 9.19 }, nearby: ["015146", "015171"] }));
    expect((byList.queries[0] as { filter: string }).filter).toBe('(comuneCode IN ["015146", "015171"])');
    expect(JSON.stringify(byList.queries)).not.toContain("_geo");
  });
});

describe("distance order by comune", () => {
  it("walks the comuni from the nearest, skipping whole comuni up to the page offset", () => {
    const v = input("comune=Milano&sort=distance&page=2");
    const built = buildCandidateSearch(v, ctx({ center: { lat: 45.46, lon: 9.19 }, nearby: ["A", "B", "C", "D"] }));
    const main = built.queries[0] as Record<string, unknown>;
    expect(main.sort).toBeUndefined();
    expect(main.facets).toContain("comuneCode");
    // The hits come from the distance queries: the main query only counts.
    expect(main.hitsPerPage).toBe(0);
    // 15 in A, none in B, 10 in C, 30 in D; page 2 = positions 20–39: C[5..9], then D[0..14].
    const pages = byDistancePage(main, { A: 15, C: 10, D: 30 }, ["A", "B", "C", "D"], 2);
    expect(pages.map((p) => [p.filter, p.offset, p.limit])).toEqual([
      ['((comuneCode IN ["A", "B", "C", "D"])) AND (comuneCode = "C")', 5, 5],
      ['((comuneCode IN ["A", "B", "C", "D"])) AND (comuneCode = "D")', 0, 15],
    ]);
    expect(pages[0]).not.toHaveProperty("facets");
    expect(byDistancePage(main, { A: 3 }, ["A"], 2)).toEqual([]);
  });

  it("asks for a run of comuni whose hits all fall on the page in one query, and puts the hits back comune by comune", () => {
    const v = input("comune=Milano&sort=distance");
    const built = buildCandidateSearch(v, ctx({ center: { lat: 45.46, lon: 9.19 }, nearby: ["A", "B", "C", "D", "E"] }));
    const main = built.queries[0] as Record<string, unknown>;
    // Page 1: A (3) and C (4) whole, D cut at 13 of its 30; E not reached.
    expect(
      byDistancePage(main, { A: 3, C: 4, D: 30, E: 2 }, ["A", "B", "C", "D", "E"], 1).map((p) => [p.filter, p.offset, p.limit]),
    ).toEqual([
      ['((comuneCode IN ["A", "B", "C", "D", "E"])) AND (comuneCode IN ["A", "C"])', 0, 7],
      ['((comuneCode IN ["A", "B", "C", "D", "E"])) AND (comuneCode = "D")', 0, 13],
    ]);
    // Page 2 of A 25, B 2, C 2, D 30: A cut, B and C whole, D cut.
    expect(byDistancePage(main, { A: 25, B: 2, C: 2, D: 30 }, ["A", "B", "C", "D"], 2).map((p) => [p.offset, p.limit])).toEqual([
      [20, 5],
      [0, 4],
      [0, 11],
    ]);
    // Relevance order across comuni in, distance order out; within a comune the order it came in.
    const hits = ["C1", "A1", "D1", "C2", "A2"].map((id) => ({ id, comuneCode: id[0] }));
    expect(inDistanceOrder(hits, ["A", "B", "C", "D"]).map((h) => h.id)).toEqual(["A1", "A2", "C1", "C2", "D1"]);
  });
});

describe("profession before everything else", () => {
  const units = { queryText: "magazzinier", professionUnits: ["4.3.1.2.0"] };
  it("lists the candidates of the named units first: the main query counts, a tier query brings the hits", () => {
    const built = buildCandidateSearch(input("q=magazziniera&province=MI"), ctx(units));
    expect(built.queries[0]).toMatchObject({ q: "magazzinier", hitsPerPage: 0 });
    expect(built.roles[1]).toEqual({ kind: "tier" });
    expect(built.queries[1]).toMatchObject({ hitsPerPage: 20, page: 1 });
    expect(built.queries[1].filter).toContain('occupationCodes IN ["4.3.1.2.0"] OR experienceCodes IN ["4.3.1.2.0"]');
    expect(built.queries[1]).not.toHaveProperty("facets");
  });
  it("completes a page from the other matches, at the right offset", () => {
    const page3 = input("q=magazziniera&page=3");
    const built = buildCandidateSearch(page3, ctx(units));
    expect(restOfPage(built, page3, ctx(units), 45, 20)).toBeNull();
    expect(restOfPage(built, page3, ctx(units), 45, 5)).toMatchObject({ offset: 0, limit: 15 });
    const page4 = input("q=magazziniera&page=4");
    expect(restOfPage(buildCandidateSearch(page4, ctx(units)), page4, ctx(units), 45, 0)).toMatchObject({ offset: 15, limit: 20 });
    expect(restOfPage(built, page3, ctx(units), 45, 5)!.filter).toContain("NOT (occupationCodes IN");
  });
  it("keeps explicit orders and texts naming no profession as they were", () => {
    expect(buildCandidateSearch(input("q=magazziniera&sort=freshness"), ctx(units)).roles.map((r) => r.kind)).not.toContain("tier");
    expect(buildCandidateSearch(input("q=Rossi"), ctx()).queries[0]).toMatchObject({ q: "Rossi", hitsPerPage: 20 });
  });
});
