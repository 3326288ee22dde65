import { describe, expect, it } from "vitest";
import { bandOf, quotaArt18For, quotaDisabiliFor } from "~/domain/l68/calculator/quota";
import { calc, fullTime } from "./helpers";

describe("art. 3 c. 1 bands and disabled quota (docs/legal/l68.md#s1-1, #s1-3)", () => {
  it.each([
    [0, "under15", 0],
    [14, "under15", 0],
    [15, "15-35", 1],
    [35, "15-35", 1],
    [36, "36-50", 2],
    [50, "36-50", 2],
    [51, "over50", 4], // 3.57 → 4: the step at 50/51 is 2 → 4, not 3
    [57, "over50", 4], // 3.99 → 4
    [64, "over50", 4], // 4.48 → 4
    [65, "over50", 5], // 4.55 → 5
    [150, "over50", 10], // 10.50 → 10 (exactly 0.50 is dropped)
    [151, "over50", 11], // 10.57 → 11
    [688, "over50", 48], // 48.16 → 48 (docs/l68-calculator.md#example)
  ] as const)("base %i → band %s, quota %i", (base, band, quota) => {
    expect(bandOf(BigInt(base))).toBe(band);
    expect(quotaDisabiliFor(BigInt(base))).toBe(BigInt(quota));
    const result = calc({ workforce: [fullTime(base)] });
    expect(result).toMatchObject({ baseComputo: base, band, quotaDisabili: quota, quotaDisabiliBeforeSuspension: quota });
  });
});

describe("art. 18 c. 2 quota (docs/legal/l68.md#s1-4)", () => {
  it.each([
    [15, 0],
    [50, 0],
    [51, 1],
    [150, 1],
    [151, 2], // 1.51 → 2
    [250, 2], // 2.50 → 2
    [251, 3], // 2.51 → 3
    [688, 7], // 6.88 → 7
  ])("base %i → art. 18 quota %i", (base, quota) => {
    expect(quotaArt18For(BigInt(base))).toBe(BigInt(quota));
    expect(calc({ workforce: [fullTime(base)] }).quotaArt18).toBe(quota);
  });
});

describe("the same percentages apply to public employers (art. 3 c. 1)", () => {
  it("a public employer with 151 employees owes 11 + 2", () => {
    expect(calc({ employer: { type: "public" }, workforce: [fullTime(151)] })).toMatchObject({ quotaDisabili: 11, quotaArt18: 2 });
  });
});

describe("15–35 private employers before 2018 (docs/legal/l68.md#s1-1 item 2)", () => {
  const note = "solo in caso di nuove assunzioni";
  it("notes the old new-hire-only regime up to 31 Dec 2017, for private employers only", () => {
    const old = calc({ date: "2017-12-31", workforce: [fullTime(20)] });
    expect(old.quotaDisabili).toBe(1);
    expect(old.explanation.some((s) => s.includes(note))).toBe(true);
    const now = calc({ date: "2018-01-01", workforce: [fullTime(20)] });
    expect(now.explanation.some((s) => s.includes(note))).toBe(false);
    const pub = calc({ date: "2017-12-31", employer: { type: "public" }, workforce: [fullTime(20)] });
    expect(pub.explanation.some((s) => s.includes(note))).toBe(false);
  });
});
