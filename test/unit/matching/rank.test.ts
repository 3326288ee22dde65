import { describe, expect, it } from "vitest";
import { byRank, levelSlices } from "~/domain/matching/rank";

const NEARBY = [
  { code: "A", km: 0 },
  { code: "B", km: 3 },
  { code: "C", km: 7.5 },
  { code: "D", km: 12 },
];

describe("distance order from per-comune counts", () => {
  it("takes the nearer comuni whole and the freshest CVs of the boundary comune", () => {
    expect(levelSlices("L", { A: 2, C: 5, D: 9 }, NEARBY, 4)).toEqual([
      { filter: '(L) AND comuneCode IN ["A"]', limit: 2 },
      { filter: '(L) AND comuneCode = "C"', limit: 2 },
    ]);
  });
  it("stops exactly at the need, and takes everything when the level holds fewer people", () => {
    expect(levelSlices("L", { A: 2, B: 2, C: 5 }, NEARBY, 4)).toEqual([{ filter: '(L) AND comuneCode IN ["A", "B"]', limit: 4 }]);
    expect(levelSlices("L", { D: 1, B: 1 }, NEARBY, 50)).toEqual([{ filter: '(L) AND comuneCode IN ["B", "D"]', limit: 2 }]);
    expect(levelSlices("L", {}, NEARBY, 50)).toEqual([]);
  });
  it("starts in the nearest comune when even it holds more than needed", () => {
    expect(levelSlices("L", { A: 100 }, NEARBY, 50)).toEqual([{ filter: '(L) AND comuneCode = "A"', limit: 50 }]);
  });
});

describe("rank order", () => {
  const hit = (id: string, score: number, distanceKm: number | null, cvUpdatedAt: number) => ({
    id,
    cvUpdatedAt,
    explanation: { score, distanceKm },
  });
  it("orders by score, then distance, then the most recent CV, then id", () => {
    const hits = [hit("e", 40, 5, 100), hit("d", 40, 5, 200), hit("c", 40, 1, 50), hit("b", 50, 30, 1), hit("a", 40, 5, 200)];
    expect(hits.sort(byRank).map((h) => h.id)).toEqual(["b", "c", "a", "d", "e"]);
  });
});
