import { describe, expect, it } from "vitest";
import { baseOf, calc, fullTime, partTime } from "./helpers";

describe("part-time: pooled and rounded once (docs/legal/l68.md#s1-2, #s3-1)", () => {
  it("reproduces the example of docs/legal/l68.md#s3-1: 13 full-time + 4 part-timers at 16/40 → 13 + R(1.60) = 15", () => {
    // Per-person rounding (wrong) would give 13 + 4 × R(0.40) = 13.
    expect(baseOf([fullTime(13), partTime(4, 16)])).toBe(15);
  });

  it("a pooled fraction of exactly 0.50 is dropped, just above 0.50 counts", () => {
    expect(baseOf([fullTime(14), partTime(1, 20)])).toBe(14); // 0.50 → 0
    expect(baseOf([fullTime(14), partTime(3, 20)])).toBe(15); // 1.50 → 1 … + 14 = 15
    expect(baseOf([fullTime(14), partTime(1, 20.5)])).toBe(15); // 0.5125 → 1
    expect(baseOf([fullTime(14), partTime(1, 20, 40), partTime(1, 19, 38)])).toBe(15); // 0.5 + 0.5 = 1
  });

  it("pools different CCNL full-time hours with a common denominator", () => {
    // 18/36 + 19/38 + 20/40 = 1.5 → 1; 12.5/37.5 × 3 = 1 → total 2.5 → 2
    expect(baseOf([partTime(1, 18, 36), partTime(1, 19, 38), partTime(1, 20, 40), partTime(3, 12.5, 37.5)])).toBe(2);
  });

  it("pools across groups, not per group", () => {
    // Two groups each at 0.3 FTE: per-group rounding would give 0 + 0, the pool gives R(0.6) = 1.
    expect(baseOf([fullTime(20), partTime(1, 12), partTime(1, 12)])).toBe(21);
  });

  it("moves a 15-employee employer across the threshold only through the pool", () => {
    const below = calc({ workforce: [fullTime(13), partTime(3, 20)] }); // 13 + R(1.5) = 14
    expect(below).toMatchObject({ baseComputo: 14, band: "under15", quotaDisabili: 0 });
    const above = calc({ workforce: [fullTime(13), partTime(3, 21)] }); // 13 + R(1.575) = 15
    expect(above).toMatchObject({ baseComputo: 15, band: "15-35", quotaDisabili: 1 });
  });

  it("weeklyHours equal to fullTimeHours is full time", () => {
    expect(baseOf([partTime(15, 38, 38)])).toBe(15);
  });

  it("pools intermittent workers separately from part-timers (PRODIS, docs/legal/l68.md#s1-2)", () => {
    // Part-time 0.5 + intermittent 0.5: one pool of 1.0 would give 1, two pools give 0 + 0.
    expect(baseOf([fullTime(20), partTime(1, 20), { count: 1, contract: "intermittente", weeklyHours: 20, fullTimeHours: 40 }])).toBe(20);
    // Intermittent alone: 3 × 0.6 = 1.8 → 2.
    expect(baseOf([fullTime(20), { count: 3, contract: "intermittente", weeklyHours: 24, fullTimeHours: 40 }])).toBe(22);
  });
});

describe("exclusions by contract (docs/legal/l68.md#s1-2)", () => {
  it.each([
    ["apprendistato", "apprendisti", "art. 47 c. 3 D.Lgs. 81/2015"], // E11
    ["dirigente", "dirigenti", "art. 4 c. 1"], // E4
    ["somministrato", "somministrati", "art. 34 c. 3 D.Lgs. 81/2015"], // E6
    ["domicilio", "a domicilio", "art. 4 c. 1"], // E9
    ["lsu", "LSU", "art. 7 D.Lgs. 81/2000"], // E8
    ["socio_cooperativa", "soci di cooperative", "art. 4 c. 1"], // E3
    ["inserimento", "inserimento", "art. 4 c. 1"], // E5
    ["formazione_lavoro", "formazione e lavoro", "prospetto"], // E12
  ] as const)("%s is outside the base", (contract, label, basis) => {
    const result = calc({ workforce: [fullTime(15), { count: 5, contract }] });
    expect(result.baseComputo).toBe(15);
    expect(result.explanation.find((s) => s.includes(label))).toContain(basis);
  });

  it("the indeterminato contract counts", () => {
    expect(baseOf([fullTime(15), { count: 5, contract: "indeterminato" }])).toBe(20);
  });
});

describe("fixed-term contracts (art. 4 c. 1, docs/legal/l68.md#s1-2, #e2, #s3-7)", () => {
  it("up to and including 6 months are excluded, longer ones count", () => {
    expect(baseOf([fullTime(15), { count: 2, contract: "determinato", months: 6 }])).toBe(15);
    expect(baseOf([fullTime(15), { count: 2, contract: "determinato", months: 3 }])).toBe(15);
    expect(baseOf([fullTime(15), { count: 2, contract: "determinato", months: 6.5 }])).toBe(17);
    expect(baseOf([fullTime(15), { count: 2, contract: "determinato", months: 7 }])).toBe(17);
  });

  it("before 26 June 2012 the limit was 9 months", () => {
    expect(baseOf([fullTime(15), { count: 2, contract: "determinato", months: 9 }], { date: "2012-06-25" })).toBe(15);
    expect(baseOf([fullTime(15), { count: 2, contract: "determinato", months: 9 }], { date: "2012-06-26" })).toBe(17);
    expect(baseOf([fullTime(15), { count: 2, contract: "determinato", months: 10 }], { date: "2012-06-25" })).toBe(17);
  });

  it("a part-time fixed-term contract over 6 months joins the part-time pool", () => {
    expect(baseOf([fullTime(15), { count: 3, contract: "determinato", months: 12, weeklyHours: 21, fullTimeHours: 40 }])).toBe(17);
  });
});

describe("category exclusions (docs/legal/l68.md#s1-2)", () => {
  it.each([
    ["cantiere_edile", "cantiere", "art. 5 c. 2"], // E15
    ["trasporto_viaggiante", "viaggiante e navigante", "art. 5 c. 2"], // E13
    ["estero", "all'estero", "art. 4 c. 1"], // E7
    ["telelavoro_escluso", "telelavoratori", "art. 23 D.Lgs. 80/2015"], // E18
    ["stagionale_agricolo_breve", "180 giornate", "INL 43/2018"], // E19
    ["impianti_fune", "impianti a fune", "art. 5 c. 2"], // E14
    ["autotrasporto", "autotrasporto", "art. 5 c. 2"], // E16
    ["sottosuolo", "sottosuolo", "prospetto"], // E17
    ["emersione", "emersi", "L. 383/2001"], // E10
    ["passaggio_appalto", "passaggio di appalto", "prospetto"], // E20
    ["sostituto", "sostituti", "doppi conteggi"], // E22
    ["fuori_perimetro_art3", "natura del datore", "art. 3 c. 3 e c. 4"], // E21
  ] as const)("%s is outside the base", (exclusion, label, basis) => {
    const result = calc({ workforce: [fullTime(36), { count: 10, contract: "indeterminato", exclusion }] });
    expect(result).toMatchObject({ baseComputo: 36, quotaDisabili: 2 });
    const sentence = result.explanation.find((s) => s.startsWith("Esclusi") && s.includes(label));
    expect(sentence).toContain("10 ");
    expect(sentence).toContain(basis);
  });

  it("exclusion: null keeps the worker in the base", () => {
    expect(baseOf([fullTime(36), { count: 10, contract: "indeterminato", exclusion: null }])).toBe(46);
  });
});

describe("protected workers and the base (art. 4 c. 1, docs/legal/l68.md#s1-2, #e1)", () => {
  it("disabled workers counted in the quota are outside the base", () => {
    const r = calc({ workforce: [fullTime(50), { count: 3, contract: "indeterminato", protected: "disabile_l68" }] });
    expect(r).toMatchObject({ baseComputo: 50, quotaDisabili: 2, coveredDisabili: 3, uncoveredDisabili: 0 });
  });

  it("art. 4 disabled at ≥ 60 % are outside the base; below 60 % they stay in it (docs/legal/l68.md#s3-3)", () => {
    expect(baseOf([fullTime(50), { count: 1, contract: "indeterminato", protected: "disabile_art4", disabilityPercent: 60 }])).toBe(50);
    expect(baseOf([fullTime(50), { count: 1, contract: "indeterminato", protected: "disabile_art4", disabilityPercent: 59.9 }])).toBe(51);
  });

  it("art. 18 workers leave the base only up to the art. 18 quota on the total head-count (PRODIS, docs/legal/l68.md#s3-4)", () => {
    // 60 heads → art. 18 quota on heads = 1: one of the three leaves the base, two stay. Base 59 → quota 4.
    const r = calc({ workforce: [fullTime(57), { count: 3, contract: "indeterminato", protected: "art18" }] });
    expect(r).toMatchObject({ baseComputo: 59, quotaDisabili: 4, quotaArt18: 1, coveredArt18: 3, uncoveredArt18: 0 });
    expect(r.explanation.some((s) => s.includes("2 lavoratori delle categorie dell'art. 18 c. 2 eccedono"))).toBe(true);
  });

  it("no art. 18 worker leaves the base when the head-count is 50 or less", () => {
    expect(baseOf([fullTime(49), { count: 1, contract: "indeterminato", protected: "art18" }])).toBe(50);
  });

  it("with 300 heads up to 3 art. 18 workers leave the base (R(1 % × 300) = 3)", () => {
    expect(baseOf([fullTime(296), { count: 4, contract: "indeterminato", protected: "art18" }])).toBe(297);
    expect(baseOf([fullTime(297), { count: 3, contract: "indeterminato", protected: "art18" }])).toBe(297);
  });

  it("art. 18 workers otherwise excluded do not use up the art. 18 removal", () => {
    // 60 heads: one apprentice art. 18 (excluded anyway) and one full-timer art. 18 (removed): base 58.
    const workforce = [
      fullTime(58),
      { count: 1, contract: "apprendistato", protected: "art18" } as const,
      { count: 1, contract: "indeterminato", protected: "art18" } as const,
    ];
    expect(baseOf(workforce)).toBe(58);
  });

  it("a surplus art. 18 part-timer stays in the part-time pool", () => {
    // 200 heads → 2 removable (the full-time pair, first in order); the part-timer (0.6) stays: 195 + R(2 × 0.5 + 0.6) = 197.
    const workforce = [
      fullTime(195),
      partTime(2, 20),
      { count: 2, contract: "indeterminato", protected: "art18" } as const,
      partTime(1, 24, 40, { protected: "art18" }),
    ];
    expect(baseOf(workforce)).toBe(197);
  });
});

describe("the example base of docs/l68-calculator.md#example", () => {
  it("688 computable employees give 48 + 7", () => {
    const r = calc({
      workforce: [
        fullTime(639),
        partTime(96, 20), // 48 FTE
        { count: 48, contract: "indeterminato", protected: "disabile_l68" },
        { count: 9, contract: "indeterminato", protected: "art18" },
        { count: 30, contract: "apprendistato" },
        { count: 5, contract: "dirigente" },
      ],
    });
    // 827 heads → R(8.27) = 8 art. 18 workers leave the base, 1 stays: 639 + 1 + 48 = 688.
    // 7 % × 688 = 48.16 → 48; 1 % × 688 = 6.88 → 7.
    expect(r).toMatchObject({
      baseComputo: 688,
      band: "over50",
      quotaDisabili: 48,
      quotaArt18: 7,
      quotaDisabiliBeforeSuspension: 48,
      coveredDisabili: 48,
      coveredArt18: 9,
      uncoveredDisabili: 0,
      uncoveredArt18: 0,
    });
  });
});
