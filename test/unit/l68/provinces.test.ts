import { describe, expect, it } from "vitest";
import { allocateProvinces } from "~/domain/l68/calculator/provinces";
import { computeQuota } from "~/domain/l68/calculator/quota";
import { parseQuotaInput, type QuotaInput } from "~/domain/l68/calculator/schema";

function run(groups: { p: string; count: number; protected?: "disabile_l68" }[], legal: string) {
  const parsed = parseQuotaInput({
    date: "2026-03-01",
    employer: { type: "private" },
    workforce: groups.map((g) => ({ count: g.count, contract: "indeterminato", protected: g.protected ?? null })),
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const input: QuotaInput = parsed.data;
  const national = computeQuota(input);
  return {
    national,
    rows: allocateProvinces(
      input,
      groups.map((g) => g.p),
      legal,
      national,
    ),
  };
}

describe("allocation of the national quota to provinces (docs/legal/l68.md#s1-8)", () => {
  it("15–35 and 36–50: the whole quota in the province of the registered office", () => {
    const { rows } = run(
      [
        { p: "TO", count: 20 },
        { p: "MI", count: 20 },
      ],
      "MI",
    );
    expect(rows.map((r) => [r.province, r.base, r.quota])).toEqual([
      ["MI", 20, 2],
      ["TO", 20, 0],
    ]);
  });

  it("over 50: R(7% × provincial base), a shortfall goes to the registered office", () => {
    // 7% × 30 = 2.1 → 2 per province; national 7% × 60 = 4.2 → 4: sums match.
    expect(
      run(
        [
          { p: "MI", count: 30 },
          { p: "TO", count: 30 },
        ],
        "MI",
      ).rows.map((r) => r.quota),
    ).toEqual([2, 2]);
    // 7% × 40 = 2.8 → 3 and 7% × 27 = 1.89 → 2: 5; national 7% × 67 = 4.69 → 5.
    expect(
      run(
        [
          { p: "MI", count: 40 },
          { p: "TO", count: 27 },
        ],
        "TO",
      ).rows.map((r) => r.quota),
    ).toEqual([3, 2]);
    // 7% × 10 = 0.7 → 1 each in 6 provinces = 6, national 7% × 60 = 4.2 → 4: removed where the rounding added most.
    const six = run(
      ["AA", "BB", "CC", "DD", "EE", "FF"].map((p) => ({ p, count: 10 })),
      "AA",
    ).rows;
    expect(six.reduce((n, r) => n + r.quota, 0)).toBe(4);
    // 7% × 20 = 1.4 → 1 ×3 = 3, national 7% × 60 = 4.2 → 4: the difference goes to the registered office.
    const three = run(
      [
        { p: "BG", count: 20 },
        { p: "MI", count: 20 },
        { p: "TO", count: 20 },
      ],
      "TO",
    ).rows;
    expect(three.map((r) => r.quota)).toEqual([1, 1, 2]);
  });

  it("compensation: a surplus in one province offsets a shortfall in another (art. 5 c. 8)", () => {
    const { national, rows } = run(
      [
        { p: "MI", count: 40 },
        { p: "MI", count: 5, protected: "disabile_l68" },
        { p: "TO", count: 30 },
      ],
      "MI",
    );
    expect(national.uncoveredDisabili).toBe(0);
    const mi = rows.find((r) => r.province === "MI")!;
    const to = rows.find((r) => r.province === "TO")!;
    expect(mi).toMatchObject({ quota: 3, covered: 5, compensationOut: 2, uncovered: 0, category: "E" });
    expect(to).toMatchObject({ quota: 2, covered: 0, compensationIn: 2, uncovered: 0, category: "R" });
  });

  it("no surplus: each province keeps its own shortfall", () => {
    const { rows } = run(
      [
        { p: "MI", count: 40 },
        { p: "TO", count: 30 },
        { p: "TO", count: 1, protected: "disabile_l68" },
      ],
      "MI",
    );
    expect(rows.map((r) => [r.province, r.uncovered, r.category])).toEqual([
      ["MI", 3, null],
      ["TO", 1, null],
    ]);
  });
});

describe("art. 18 split and provincial suspension (docs/legal/l68.md#s1-8, #s1-9)", () => {
  it("51–150: the single art. 18 unit in the registered office's province", () => {
    const { rows } = run(
      [
        { p: "MI", count: 40 },
        { p: "TO", count: 40 },
      ],
      "TO",
    );
    expect(rows.map((r) => [r.province, r.art18.quota])).toEqual([
      ["MI", 0],
      ["TO", 1],
    ]);
  });

  it("over 150: R(1 % × provincial base), corrected to the national quota", () => {
    // National 1 % × 200 = 2; MI 1.2 → 1, TO 0.8 → 1.
    expect(
      run(
        [
          { p: "MI", count: 120 },
          { p: "TO", count: 80 },
        ],
        "MI",
      ).rows.map((r) => r.art18.quota),
    ).toEqual([1, 1]);
    // National 1 % × 260 = 2.6 → 3; MI 1.3 → 1, TO 1.3 → 1: the missing unit goes to the registered office.
    expect(
      run(
        [
          { p: "MI", count: 130 },
          { p: "TO", count: 130 },
        ],
        "TO",
      ).rows.map((r) => r.art18.quota),
    ).toEqual([1, 2]);
  });

  it("CIGS suspends only in its province: R(7 × 0.5) = 3 of TO's 7 units remain, MI keeps 7", () => {
    const parsed = parseQuotaInput({
      date: "2026-03-01",
      employer: { type: "private" },
      workforce: [
        { count: 100, contract: "indeterminato" },
        { count: 100, contract: "indeterminato" },
      ],
    });
    if (!parsed.ok) throw new Error("invalid");
    const national = computeQuota(parsed.data);
    const rows = allocateProvinces(parsed.data, ["MI", "TO"], "MI", national, { TO: 0.5 });
    expect(rows.map((r) => [r.province, r.quota, r.suspendedUnits])).toEqual([
      ["MI", 7, 0],
      ["TO", 3, 4],
    ]);
    const suspended = computeQuota({ ...parsed.data, suspension: { suspendedUnits: 4 } });
    expect([suspended.quotaDisabiliBeforeSuspension, suspended.quotaDisabili]).toEqual([14, 10]);
    expect(allocateProvinces(parsed.data, ["MI", "TO"], "MI", national, { "*": 1 }).map((r) => [r.quota, r.art18.quota])).toEqual([
      [0, 0],
      [0, 0],
    ]);
  });

  it("CIGS suspends the provincial art. 18 quota too, with the same rounding", () => {
    // National art. 18 quota 1 % × 200 = 2: MI 1, TO 1. TO half suspended: R(1 × 0.5) = 0, so 1 unit suspended;
    // at 49 % R(0.51) = 1 remains.
    const parsed = parseQuotaInput({
      date: "2026-03-01",
      employer: { type: "private" },
      workforce: [
        { count: 100, contract: "indeterminato" },
        { count: 100, contract: "indeterminato" },
      ],
    });
    if (!parsed.ok) throw new Error("invalid");
    const national = computeQuota(parsed.data);
    const half = allocateProvinces(parsed.data, ["MI", "TO"], "MI", national, { TO: 0.5 });
    expect(half.map((r) => [r.province, r.art18.quota, r.art18.suspendedUnits, r.art18.uncovered])).toEqual([
      ["MI", 1, 0, 1],
      ["TO", 0, 1, 0],
    ]);
    const less = allocateProvinces(parsed.data, ["MI", "TO"], "MI", national, { TO: 0.49 });
    expect(less.map((r) => [r.art18.quota, r.art18.suspendedUnits])).toEqual([
      [1, 0],
      [1, 0],
    ]);
    const suspended = computeQuota({ ...parsed.data, suspension: { suspendedUnits: 4, suspendedArt18Units: 1 } });
    expect([suspended.quotaArt18BeforeSuspension, suspended.quotaArt18, suspended.uncoveredArt18]).toEqual([2, 1, 1]);
  });
});
