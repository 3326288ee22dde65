import { describe, expect, it } from "vitest";
import { calc, fullTime, partTime } from "./helpers";

const disabled = (count: number, extra: Record<string, unknown> = {}) =>
  ({ count, contract: "indeterminato", protected: "disabile_l68", ...extra }) as const;

describe("part-time disabled workers: PRODIS rule (docs/legal/l68.md#s1-5, #s3-2)", () => {
  it("above 50 % of the hours a disabled part-timer counts as 1", () => {
    expect(calc({ workforce: [fullTime(100), disabled(1, { weeklyHours: 21, fullTimeHours: 40 })] }).coveredDisabili).toBe(1);
    expect(calc({ workforce: [fullTime(100), disabled(1, { weeklyHours: 20.5, fullTimeHours: 40 })] }).coveredDisabili).toBe(1);
  });

  it("at exactly 50 % a single disabled part-timer is 0.50, which rounds down to 0", () => {
    const r = calc({ workforce: [fullTime(100), disabled(1, { weeklyHours: 20, fullTimeHours: 40 })] });
    expect(r.coveredDisabili).toBe(0);
    expect(r.uncoveredDisabili).toBe(7);
    expect(r.explanation.some((s) => s.startsWith("Attenzione: sul computo dei disabili a tempo parziale"))).toBe(true);
  });

  it("fractions at or below 50 % are pooled and rounded once", () => {
    // 2 × 0.5 = 1.0 → 1; 3 × 0.5 = 1.5 → 1; 3 × 0.3 + 1 × 0.5 = 1.4 → 1; 4 × 0.4 = 1.6 → 2.
    const covered = (...groups: ReturnType<typeof disabled>[]) => calc({ workforce: [fullTime(100), ...groups] }).coveredDisabili;
    expect(covered(disabled(2, { weeklyHours: 20, fullTimeHours: 40 }))).toBe(1);
    expect(covered(disabled(3, { weeklyHours: 20, fullTimeHours: 40 }))).toBe(1);
    expect(covered(disabled(3, { weeklyHours: 12, fullTimeHours: 40 }), disabled(1, { weeklyHours: 20, fullTimeHours: 40 }))).toBe(1);
    expect(covered(disabled(4, { weeklyHours: 16, fullTimeHours: 40 }))).toBe(2);
  });

  it("whole units and the pooled small part-timers add up", () => {
    // 2 full-time + 1 at 30/40 (1) + 3 at 12/40 (0.9 → 1) = 4.
    const r = calc({
      workforce: [
        fullTime(100),
        disabled(2),
        disabled(1, { weeklyHours: 30, fullTimeHours: 40 }),
        disabled(3, { weeklyHours: 12, fullTimeHours: 40 }),
      ],
    });
    expect(r).toMatchObject({ quotaDisabili: 7, coveredDisabili: 4, uncoveredDisabili: 3 });
  });
});

describe("art. 4 c. 3-bis and c. 4 workers count from 60 % (docs/legal/l68.md#s1-5, #s3-3)", () => {
  it.each([
    [60, 1],
    [100, 1],
    [59.99, 0],
    [0, 0],
  ])("%s %% → covers %i", (disabilityPercent, covered) => {
    const r = calc({
      workforce: [fullTime(100), { count: 1, contract: "indeterminato", protected: "disabile_art4", disabilityPercent }],
    });
    expect(r.coveredDisabili).toBe(covered);
  });
});

describe("art. 4 c. 3-bis alternative routes (docs/legal/l68.md#s1-5)", () => {
  const art4 = (extra: Record<string, unknown>) => ({ count: 1, contract: "indeterminato", protected: "disabile_art4", ...extra }) as const;
  const covered = (extra: Record<string, unknown>) => calc({ workforce: [fullTime(100), art4(extra)] });

  it.each([
    [45, 0], // not strictly above 45 %
    [45.01, 1],
    [46, 1],
    [59, 1],
    [60, 1],
  ])("intellectual or psychic disability at %s %% → covers %i (counts only strictly above 45 %%)", (disabilityPercent, expected) => {
    const r = covered({ disabilityPercent, psychicDisability: true });
    expect(r.coveredDisabili).toBe(expected);
    // Counted: out of the base; not counted: stays in it like any open-ended employee.
    expect(r.baseComputo).toBe(expected === 1 ? 100 : 101);
  });

  it("without the psychic flag 59 % does not count and 60 % does", () => {
    expect(covered({ disabilityPercent: 59 }).coveredDisabili).toBe(0);
    expect(covered({ disabilityPercent: 59, psychicDisability: false }).coveredDisabili).toBe(0);
    expect(covered({ disabilityPercent: 60 }).coveredDisabili).toBe(1);
  });

  it.each([
    [1, 1],
    [6, 1],
    [7, 0],
    [8, 0],
  ])("war/service invalidity category %i → covers %i, with no percentage given", (invalidityCategory, expected) => {
    const r = covered({ invalidityCategory });
    expect(r.coveredDisabili).toBe(expected);
    expect(r.baseComputo).toBe(expected === 1 ? 100 : 101);
  });

  it("category 7 still counts through the percentage, category 6 whatever the percentage", () => {
    expect(covered({ invalidityCategory: 7, disabilityPercent: 60 }).coveredDisabili).toBe(1);
    expect(covered({ invalidityCategory: 7, disabilityPercent: 59.99 }).coveredDisabili).toBe(0);
    expect(covered({ invalidityCategory: 6, disabilityPercent: 30 }).coveredDisabili).toBe(1);
  });

  it("explains each route with its article", () => {
    const r = calc({
      workforce: [
        fullTime(100),
        art4({ count: 2, invalidityCategory: 3 }),
        art4({ disabilityPercent: 50, psychicDisability: true }),
        art4({ disabilityPercent: 75 }),
      ],
    });
    expect(r.coveredDisabili).toBe(4);
    const text = r.explanation.join("\n");
    expect(text).toContain("Di questi, 2 non sono stati assunti tramite il collocamento mirato ma erano già disabili all'assunzione");
    expect(text).toMatch(
      /prima alla sesta categoria delle tabelle delle pensioni di guerra \(DPR 915\/1978.*\(art\. 4 c\. 3-bis L\. 68\/1999\)\./,
    );
    expect(text).toMatch(
      /1 non è stato assunto .* disabilità intellettiva o psichica con riduzione della capacità lavorativa superiore al 45% .*\(art\. 4 c\. 3-bis L\. 68\/1999\)\./,
    );
    expect(text).toMatch(/1 non è stato assunto .* pari o superiore al 60% .*\(art\. 4 c\. 3-bis e c\. 4 L\. 68\/1999\)\./);
  });

  it("a worker below every route stays in the base and the explanation names the alternatives", () => {
    const r = covered({ disabilityPercent: 45, psychicDisability: true, invalidityCategory: 7 });
    expect(r).toMatchObject({ coveredDisabili: 0, baseComputo: 101 });
    expect(r.explanation.some((s) => s.includes("inferiore al 60% (senza minorazioni dalla prima alla sesta categoria"))).toBe(true);
  });
});

describe("legacy art. 18 offset (art. 18 c. 1; docs/legal/l68.md#s1-5, #s3-5; PRODIS abbattimento)", () => {
  const art18 = (count: number, art18InForceAt2000?: boolean) =>
    ({
      count,
      contract: "indeterminato",
      protected: "art18",
      ...(art18InForceAt2000 === undefined ? {} : { art18InForceAt2000 }),
    }) as const;

  it("is off by default: art. 18 surpluses never cover disabled positions", () => {
    // 206 heads → 2 art. 18 leave the base, 8 stay: base 204 → quota 14, art. 18 quota 2.
    const r = calc({ workforce: [fullTime(196), art18(10)] });
    expect(r).toMatchObject({ baseComputo: 204, quotaDisabili: 14, uncoveredDisabili: 14, quotaArt18: 2, uncoveredArt18: 0 });
    expect(r).not.toHaveProperty("legacyArt18Offset");
    expect(r.explanation.join(" ")).not.toContain("art. 18 c. 1");
  });

  it("offsets min(art. 18 quota, surplus, workers in force on 17 Jan 2000), as PRODIS", () => {
    // Surplus 10 − 2 = 8, 10 in force in 2000, but the art. 18 quota (2) bounds it.
    const r = calc({ workforce: [fullTime(196), art18(10, true)] });
    expect(r).toMatchObject({ quotaDisabili: 14, uncoveredDisabili: 12, legacyArt18Offset: 2, coveredDisabili: 0, uncoveredArt18: 0 });
  });

  it("only the flagged workers offset", () => {
    // 306 heads: 3 art. 18 out of the base; base 303 → quota 21, art. 18 quota 3; surplus 6 − 3 = 3, flagged 2.
    const r = calc({ workforce: [fullTime(300), art18(4), art18(2, true)] });
    expect(r).toMatchObject({ baseComputo: 303, quotaDisabili: 21, quotaArt18: 3, legacyArt18Offset: 2, uncoveredDisabili: 19 });
  });

  it("never offsets more than the disabled shortfall", () => {
    const r = calc({ workforce: [fullTime(196), { count: 13, contract: "indeterminato", protected: "disabile_l68" }, art18(10, true)] });
    expect(r).toMatchObject({ quotaDisabili: 14, coveredDisabili: 13, legacyArt18Offset: 1, uncoveredDisabili: 0 });
  });

  it("without a surplus over the art. 18 quota there is nothing to offset", () => {
    // 200 heads: art. 18 quota 2, exactly 2 in service.
    const r = calc({ workforce: [fullTime(198), art18(2, true)] });
    expect(r).toMatchObject({ quotaArt18: 2, legacyArt18Offset: 0, uncoveredDisabili: 14 });
  });

  it("uses the art. 18 quota due after a suspension", () => {
    // Half suspended: disabled 14 → 7, art. 18 2 → 1; offset min(1, 9, 10, 7) = 1.
    const r = calc({ workforce: [fullTime(196), art18(10, true)], suspension: { suspendedShare: 0.5 } });
    expect(r).toMatchObject({ quotaDisabili: 7, quotaArt18: 1, legacyArt18Offset: 1, uncoveredDisabili: 6 });
  });

  it("the explanation cites art. 18 c. 1 and says it is a transitional rule", () => {
    const r = calc({ workforce: [fullTime(196), art18(10, true)] });
    const sentence = r.explanation.find((s) => s.startsWith("Abbattimento transitorio"));
    expect(sentence).toContain("regola transitoria dell'art. 18 c. 1 L. 68/1999");
    expect(sentence).toContain("in servizio al 17/01/2000");
    expect(sentence).toContain("si riducono di 2");
    expect(r.explanation.some((s) => s.includes("e 2 per l'abbattimento transitorio dell'art. 18 c. 1"))).toBe(true);
  });
});

describe("disabled agency workers (art. 34 c. 3 D.Lgs. 81/2015, docs/legal/l68.md#s1-5)", () => {
  it("count at the user on missions of 12 months or more", () => {
    const somm = (months: number) =>
      calc({ workforce: [fullTime(100), { count: 2, contract: "somministrato", months, protected: "disabile_l68" }] });
    expect(somm(12).coveredDisabili).toBe(2);
    expect(somm(11).coveredDisabili).toBe(0);
    expect(somm(11).explanation.some((s) => s.includes("missione inferiore a 12 mesi"))).toBe(true);
    // Either way they are not in the user's base.
    expect(somm(12).baseComputo).toBe(100);
    expect(somm(11).baseComputo).toBe(100);
  });
});

describe("disabled workers on excluded contracts still cover the quota", () => {
  it("a disabled apprentice and a disabled home worker with full hours count (art. 4 c. 3)", () => {
    const r = calc({
      workforce: [
        fullTime(100),
        { count: 1, contract: "apprendistato", protected: "disabile_l68" },
        { count: 1, contract: "domicilio", protected: "disabile_l68", fullTimeWorkload: true },
      ],
    });
    expect(r).toMatchObject({ baseComputo: 100, coveredDisabili: 2 });
  });
});

describe("the two quotas are separate (docs/legal/l68.md#s1-4)", () => {
  it("excess disabled workers do not cover art. 18 and vice versa", () => {
    const r = calc({
      workforce: [fullTime(200), disabled(20), { count: 0, contract: "indeterminato", protected: "art18" }],
    });
    expect(r).toMatchObject({ quotaDisabili: 14, coveredDisabili: 20, uncoveredDisabili: 0, quotaArt18: 2, uncoveredArt18: 2 });
    const s = calc({ workforce: [fullTime(196), { count: 10, contract: "indeterminato", protected: "art18" }] });
    // 206 heads → 2 art. 18 leave the base; 8 stay: base 204 → quota 14 (14.28), art. 18 quota 2.
    expect(s).toMatchObject({ baseComputo: 204, quotaDisabili: 14, coveredDisabili: 0, uncoveredDisabili: 14, coveredArt18: 10 });
  });

  it("uncovered positions are never negative", () => {
    const r = calc({ workforce: [fullTime(40), disabled(5)] });
    expect(r).toMatchObject({ quotaDisabili: 2, coveredDisabili: 5, uncoveredDisabili: 0, uncoveredArt18: 0 });
  });
});

describe("conventions (docs/legal/l68.md#s1-10)", () => {
  it("art. 11 positions planned in a convention are not uncovered", () => {
    const r = calc({ workforce: [fullTime(100)], conventions: { art11OpenPositions: 3 } });
    expect(r).toMatchObject({ quotaDisabili: 7, coveredDisabili: 0, uncoveredDisabili: 4 });
  });

  it("art. 12-bis counts up to 60 % of the quota from 31 Dec 2025, 10 % before", () => {
    // Base 200 → quota 14. 60 % × 14 = 8.4 → 8; 10 % × 14 = 1.4 → 1.
    const with12bis = (date: string) => calc({ date, workforce: [fullTime(200)], conventions: { art12bisWorkers: 10 } });
    expect(with12bis("2025-12-31")).toMatchObject({ coveredDisabili: 8, uncoveredDisabili: 6 });
    expect(with12bis("2025-12-30")).toMatchObject({ coveredDisabili: 1, uncoveredDisabili: 13 });
    expect(with12bis("2007-12-31")).toMatchObject({ coveredDisabili: 0, uncoveredDisabili: 14 });
  });

  it("art. 12-bis cap rounds with the > 0.50 rule and never exceeds the declared workers", () => {
    // Base 500 → quota 35; 10 % = 3.5 → 3.
    expect(calc({ date: "2024-06-01", workforce: [fullTime(500)], conventions: { art12bisWorkers: 5 } }).coveredDisabili).toBe(3);
    expect(calc({ workforce: [fullTime(500)], conventions: { art12bisWorkers: 5 } }).coveredDisabili).toBe(5);
  });

  it("art. 12-bis is only for employers above 50", () => {
    const r = calc({ workforce: [fullTime(40)], conventions: { art12bisWorkers: 1 } });
    expect(r).toMatchObject({ quotaDisabili: 2, coveredDisabili: 0, uncoveredDisabili: 2 });
  });
});

describe("part-time pools on the coverage side use exact hours", () => {
  it("37.5-hour CCNL: 18.75 hours is exactly 50 %", () => {
    const r = calc({ workforce: [fullTime(100), partTime(1, 18.75, 37.5, { protected: "disabile_l68" })] });
    expect(r.coveredDisabili).toBe(0);
    const s = calc({ workforce: [fullTime(100), partTime(1, 18.76, 37.5, { protected: "disabile_l68" })] });
    expect(s.coveredDisabili).toBe(1);
  });
});
