import { describe, expect, it } from "vitest";
import { aggregatedView, suppressLine, type SafeLine } from "~/domain/outplacement/aggregate";
import type { KpiMember, KpiOutcome } from "~/domain/outplacement/kpi";

const line = (...counts: number[]) => counts.map((count, i) => ({ key: `c${i}`, label: `c${i}`, count }));
const values = (l: SafeLine) => l.cells.map((c) => c.value);

/** Whatever an attacker can derive from the total and the shown cells: the sum of the hidden cells, which must not be one small cell. */
function assertSafe(l: SafeLine, counts: number[]) {
  const hidden = l.cells.map((c, i) => (c.value === null ? counts[i] : null)).filter((v): v is number => v !== null);
  for (const c of l.cells) if (c.value !== null && c.value > 0) expect(c.value).toBeGreaterThanOrEqual(5);
  if (l.total === null) return;
  if (hidden.length) {
    expect(hidden.length).toBeGreaterThanOrEqual(2);
    expect(hidden.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(5);
  }
}

describe("suppression of a line of counts", () => {
  it("shows everything when every cell is 0 or at least 5", () => {
    const l = suppressLine(line(10, 0, 5, 7));
    expect(values(l)).toEqual([10, 0, 5, 7]);
    expect(l.total).toBe(22);
    expect(l.cells[0].share).toBe(45.5);
  });

  it("suppresses a small cell and, complementarily, the smallest other one", () => {
    const counts = [20, 3, 9, 12];
    const l = suppressLine(line(...counts));
    expect(values(l)).toEqual([20, null, null, 12]);
    assertSafe(l, counts);
  });

  it("keeps suppressing until the hidden cells add up to 5", () => {
    const counts = [1, 1, 30, 8];
    const l = suppressLine(line(...counts));
    expect(values(l)).toEqual([null, null, 30, null]);
    assertSafe(l, counts);
  });

  it("never suppresses a zero as complement (it would not hide anything)", () => {
    const counts = [4, 0, 6];
    const l = suppressLine(line(...counts));
    expect(values(l)).toEqual([null, 0, null]);
    assertSafe(l, counts);
  });

  it("suppresses the whole line when the total is under 5", () => {
    const l = suppressLine(line(3, 0, 1));
    expect(l.total).toBeNull();
    expect(values(l)).toEqual([null, 0, null]);
  });

  it("is safe on many random lines", () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed / 2 ** 31);
    for (let i = 0; i < 500; i++) {
      const counts = Array.from({ length: 2 + Math.floor(rnd() * 6) }, () => Math.floor(rnd() * 12));
      assertSafe(suppressLine(line(...counts)), counts);
    }
  });
});

const verified = (type: KpiOutcome["type"], startOn: string, endOn: string | null = null): KpiOutcome => ({
  type,
  state: "VERIFIED",
  startOn,
  endOn,
  verifiedOn: startOn,
});
function cohort(n: number, employed: number, site = (i: number) => (i % 2 ? "Brescia" : "Bergamo")): KpiMember[] {
  return Array.from({ length: n }, (_, i) => ({
    id: String(i),
    site: site(i),
    qualification: "Operaio",
    t0: "2026-01-01",
    hours: 2,
    outcomes: i < employed ? [verified("EMPLOYED_OPEN_ENDED", `2026-0${2 + (i % 3)}-10`)] : [],
  }));
}

describe("the aggregated view", () => {
  it("shows nothing but the size and the hours below 10 members", () => {
    expect(aggregatedView(cohort(9, 6), "2026-12-01")).toEqual({ kind: "too_small", members: 9, hours: 18 });
  });

  it("never shows a cell under 5 and hides the rate whose complement is small", () => {
    const v = aggregatedView(cohort(12, 9), "2026-12-01");
    if (v.kind !== "view") throw new Error("expected a view");
    for (const l of [v.current, v.monthly, ...v.rates.flatMap((r) => (r.line ? [r.line] : []))]) {
      for (const c of l.cells) if (c.value !== null && c.value > 0) expect(c.value).toBeGreaterThanOrEqual(5);
    }
    // 9 employed, 3 not employed at 6 months: showing 9 would give the 3 away by subtraction from 12.
    const six = v.rates.find((r) => r.months === 6)!;
    expect(six.line!.cells.find((c) => c.key === "employed")!.value).toBeNull();
    expect(six.rawRate).toBeNull();
  });

  it("shows rates when the cells are large enough, and the site breakdown only if every cell reaches 5", () => {
    const v = aggregatedView(cohort(24, 12), "2026-12-01");
    if (v.kind !== "view") throw new Error("expected a view");
    const six = v.rates.find((r) => r.months === 6)!;
    expect(six.rawRate).toBe(50);
    expect(v.bySite).toEqual([
      { label: "Bergamo", members: 12, employed: 6, notEmployed: 6 },
      { label: "Brescia", members: 12, employed: 6, notEmployed: 6 },
    ]);
    const uneven = aggregatedView(
      cohort(24, 12, (i) => (i < 20 ? "Bergamo" : "Brescia")),
      "2026-12-01",
    );
    if (uneven.kind !== "view") throw new Error("expected a view");
    expect(uneven.bySite).toBeNull();
  });

  it("does not compute a rate on fewer than 10 members whose months have passed", () => {
    const v = aggregatedView(cohort(12, 6), "2026-05-01");
    if (v.kind !== "view") throw new Error("expected a view");
    expect(v.rates.find((r) => r.months === 3)!.line).not.toBeNull();
    expect(v.rates.find((r) => r.months === 6)!).toMatchObject({ mature: 0, line: null, rawRate: null });
  });
});
