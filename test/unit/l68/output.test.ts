import { describe, expect, it } from "vitest";
import { calc, fullTime, partTime } from "./helpers";

describe("output shape (docs/l68-calculator.md)", () => {
  it("has exactly the keys of docs/l68-calculator.md#example, in order, with exemption and sanction only when asked", () => {
    const bare = calc({ workforce: [fullTime(100)] });
    expect(Object.keys(bare)).toEqual([
      "baseComputo",
      "band",
      "quotaDisabili",
      "quotaArt18",
      "quotaDisabiliBeforeSuspension",
      "quotaArt18BeforeSuspension",
      "coveredDisabili",
      "coveredArt18",
      "uncoveredDisabili",
      "uncoveredArt18",
      "explanation",
    ]);
    const full = calc({ workforce: [fullTime(100)], exemption: { percent: 60, workingDays: 1 }, sanction: { workingDays: 1 } });
    expect(Object.keys(full).slice(-3)).toEqual(["exemption", "sanction", "explanation"]);
    expect(Object.keys(full.exemption ?? {})).toEqual(["maxUnits", "exemptedUnits", "remainingUncovered", "dailyAmount", "totalAmount"]);
    expect(Object.keys(full.sanction ?? {})).toEqual(["dailyPerWorker", "total", "totalWithDiffida"]);
    expect(full).not.toHaveProperty("legacyArt18Offset");
  });

  it("adds legacyArt18Offset, before exemption and sanction, only when an art. 18 group asks for it", () => {
    const legacy = calc({
      workforce: [fullTime(196), { count: 10, contract: "indeterminato", protected: "art18", art18InForceAt2000: true }],
      exemption: { percent: 60, workingDays: 1 },
      sanction: { workingDays: 1 },
    });
    expect(Object.keys(legacy).slice(-4)).toEqual(["legacyArt18Offset", "exemption", "sanction", "explanation"]);
    const notAsked = calc({
      workforce: [fullTime(196), { count: 10, contract: "indeterminato", protected: "art18", art18InForceAt2000: false }],
    });
    expect(notAsked).not.toHaveProperty("legacyArt18Offset");
  });

  it("money is a decimal string with two digits", () => {
    const r = calc({ workforce: [fullTime(100)], exemption: { percent: 60, workingDays: 3 }, sanction: { workingDays: 3 } });
    for (const value of [r.exemption?.dailyAmount, r.exemption?.totalAmount, r.sanction?.dailyPerWorker, r.sanction?.total]) {
      expect(value).toMatch(/^\d+\.\d{2}$/);
    }
  });

  it("is serialisable as JSON (no bigint leaks)", () => {
    const r = calc({ workforce: [fullTime(100)], exemption: { percent: 60, workingDays: 3 }, sanction: { workingDays: 3 } });
    expect(() => JSON.stringify(r)).not.toThrow();
  });
});

describe("explanation: one Italian sentence per step, citing the article", () => {
  const r = calc({
    workforce: [
      fullTime(13),
      partTime(4, 16),
      { count: 2, contract: "apprendistato" },
      { count: 1, contract: "indeterminato", protected: "disabile_l68" },
    ],
    exemption: { percent: 60, workingDays: 10 },
    sanction: { workingDays: 10 },
  });

  it("every sentence ends with a full stop and cites a legal source", () => {
    for (const sentence of r.explanation) {
      expect(sentence).toMatch(/\.$/);
      if (!sentence.startsWith("Attenzione")) expect(sentence).toMatch(/art\. |DM |nota |prassi|classificazione/);
    }
  });

  it("walks the steps in order: organico, exclusions, pools, base, quotas, coverage, uncovered, exemption, sanction", () => {
    const index = (fragment: string) => r.explanation.findIndex((s) => s.includes(fragment));
    const steps = [
      "organico complessivo di 20 lavoratori",
      "Esclusi dalla base di computo: 1 lavoratore disabile computato",
      "Esclusi dalla base di computo: 2 apprendisti (art. 47 c. 3 D.Lgs. 81/2015)",
      "Lavoratori a tempo pieno computabili: 13",
      "la somma dei loro orari rapportati al tempo pieno è 1,6 e, arrotondata una sola volta sul totale",
      "Base di computo: 13 + 2 + 0 = 15 dipendenti computabili",
      "la quota di riserva per i disabili è di 1 lavoratore (art. 3 c. 1 lett. c L. 68/1999)",
      "non c'è quota per le categorie dell'art. 18 c. 2",
      "Lavoratori disabili computati nella quota: 1",
      "Posti scoperti prima di ogni esonero: disabili 0",
      "Con una quota di 1 non è possibile l'esonero parziale",
      "€ 196,05 per giornata lavorativa",
    ];
    const positions = steps.map(index);
    expect(
      positions.every((p) => p >= 0),
      JSON.stringify({ positions, explanation: r.explanation }),
    ).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("explains the 7 % rounding with the exact product", () => {
    const big = calc({ workforce: [fullTime(150)] });
    expect(big.explanation).toContain(
      "Con più di 50 dipendenti la quota di riserva per i disabili è il 7% della base: 7% di 150 = 10,5, arrotondato a 10 " +
        "lavoratori (la frazione conta come unità solo se supera 0,50) (art. 3 c. 1 lett. a L. 68/1999).",
    );
  });

  it("mentions the law's entry into force for 1999 dates", () => {
    const old = calc({ date: "1999-06-01", workforce: [fullTime(20)] });
    expect(old.explanation.some((s) => s.includes("non era ancora in vigore"))).toBe(true);
  });
});
