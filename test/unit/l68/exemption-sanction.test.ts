import { describe, expect, it } from "vitest";
import { calc, fullTime } from "./helpers";

const disabled = (count: number) => ({ count, contract: "indeterminato", protected: "disabile_l68" }) as const;

describe("partial exemption (art. 5 c. 3, DM 357/2000; docs/legal/l68.md#s1-7, #s3-9)", () => {
  it("reproduces the example's amount (docs/l68-calculator.md#example): 8 units × € 39.21 × 254 days = € 79,674.72", () => {
    // Base 200 → quota 14; 60 % → 8.4 → 8 exemptible; 6 disabled in force → 8 uncovered → 8 exempted.
    const r = calc({ workforce: [fullTime(200), disabled(6)], exemption: { percent: 60, workingDays: 254 } });
    expect(r.uncoveredDisabili).toBe(8);
    expect(r.exemption).toEqual({
      maxUnits: 8,
      exemptedUnits: 8,
      remainingUncovered: 0,
      dailyAmount: "39.21",
      totalAmount: "79674.72",
    });
  });

  it("exempts at most the uncovered positions", () => {
    const r = calc({ workforce: [fullTime(200), disabled(11)], exemption: { percent: 60, workingDays: 254 } });
    expect(r.exemption).toMatchObject({ maxUnits: 8, exemptedUnits: 3, remainingUncovered: 0, totalAmount: "29878.02" });
  });

  it("leaves the positions above the cap uncovered", () => {
    const r = calc({ workforce: [fullTime(200)], exemption: { percent: 60, workingDays: 10 } });
    // 14 uncovered, 8 exempted: 8 × 39.21 × 10 = 3136.80.
    expect(r.exemption).toMatchObject({ maxUnits: 8, exemptedUnits: 8, remainingUncovered: 6, totalAmount: "3136.80" });
  });

  it("caps the percentage at 60 %", () => {
    const r = calc({ workforce: [fullTime(200)], exemption: { percent: 80, workingDays: 1 } });
    expect(r.exemption?.maxUnits).toBe(8); // not R(11.2) = 11
    expect(r.explanation.some((s) => s.includes("supera il massimo del 60%"))).toBe(true);
  });

  it("rounds the exemptible units with the > 0.50 rule", () => {
    // Base 100 → quota 7; 50 % = 3.5 → 3; 51 % = 3.57 → 4.
    expect(calc({ workforce: [fullTime(100)], exemption: { percent: 50, workingDays: 1 } }).exemption?.maxUnits).toBe(3);
    expect(calc({ workforce: [fullTime(100)], exemption: { percent: 51, workingDays: 1 } }).exemption?.maxUnits).toBe(4);
    expect(calc({ workforce: [fullTime(100)], exemption: { percent: 12.5, workingDays: 1 } }).exemption?.maxUnits).toBe(1); // 0.875
  });

  it("gives no exemption with a quota of 1 and at most 1 with a quota of 2 (Regione Piemonte)", () => {
    expect(calc({ workforce: [fullTime(20)], exemption: { percent: 60, workingDays: 254 } }).exemption).toEqual({
      maxUnits: 0,
      exemptedUnits: 0,
      remainingUncovered: 1,
      dailyAmount: "39.21",
      totalAmount: "0.00",
    });
    expect(calc({ workforce: [fullTime(40)], exemption: { percent: 60, workingDays: 254 } }).exemption).toMatchObject({
      maxUnits: 1,
      exemptedUnits: 1,
      remainingUncovered: 1,
      totalAmount: "9959.34",
    });
    expect(calc({ workforce: [fullTime(40)], exemption: { percent: 10, workingDays: 1 } }).exemption?.maxUnits).toBe(1);
  });

  it("uses the contributo in force at the date", () => {
    const at = (date: string) => calc({ date, workforce: [fullTime(100)], exemption: { percent: 60, workingDays: 100 } }).exemption;
    expect(at("2021-12-31")).toMatchObject({ maxUnits: 4, dailyAmount: "30.64", totalAmount: "12256.00" });
    expect(at("2022-01-01")).toMatchObject({ maxUnits: 4, dailyAmount: "39.21", totalAmount: "15684.00" });
  });

  it("applies to the quota after suspension", () => {
    // Base 200 → 14; half suspended → 7; 60 % of 7 = 4.2 → 4.
    const r = calc({ workforce: [fullTime(200)], suspension: { suspendedShare: 0.5 }, exemption: { percent: 60, workingDays: 1 } });
    expect(r.exemption).toMatchObject({ maxUnits: 4, exemptedUnits: 4, remainingUncovered: 3 });
  });

  it("is absent from the output when not asked", () => {
    expect(calc({ workforce: [fullTime(200)] })).not.toHaveProperty("exemption");
  });
});

describe("exemption cap as a parameter of the authorisation (docs/legal/l68.md#s1-7, #s3-10)", () => {
  const maxUnits = (base: number, percent: number, capPercent?: number) =>
    calc({ workforce: [fullTime(base)], exemption: { percent, workingDays: 1, ...(capPercent === undefined ? {} : { capPercent }) } })
      .exemption?.maxUnits;

  it("defaults to 60 % and says where it comes from", () => {
    const r = calc({ workforce: [fullTime(200)], exemption: { percent: 80, workingDays: 1 } });
    expect(r.exemption?.maxUnits).toBe(8);
    expect(r.explanation).toContain(
      "Tetto dell'esonero parziale: 60% della quota di riserva, il massimo previsto dal DM 357/2000; l'autorizzazione " +
        "indica la percentuale concessa e un tetto diverso va indicato espressamente (art. 5 c. 3 L. 68/1999).",
    );
  });

  it("80 % only as an explicit parameter, flagged as unverified", () => {
    // Quota 14: 80 % = 11.2 → 11 (with the default cap 8).
    const r = calc({ workforce: [fullTime(200)], exemption: { percent: 80, workingDays: 1, capPercent: 80 } });
    expect(r.exemption?.maxUnits).toBe(11);
    const sentence = r.explanation.find((s) => s.startsWith("Tetto dell'esonero parziale indicato: 80%"));
    expect(sentence).toContain("accettato solo come parametro esplicito");
    expect(sentence).toContain("non è stata verificata");
    expect(sentence).toContain("art. 5 c. 3 L. 68/1999");
  });

  it("a requested percentage above the cap is brought down to it", () => {
    const r = calc({ workforce: [fullTime(200)], exemption: { percent: 90, workingDays: 1, capPercent: 80 } });
    expect(r.exemption?.maxUnits).toBe(11);
    expect(r.explanation.some((s) => s.includes("supera il massimo del 80%"))).toBe(true);
    // A cap below 60 % granted by the authorisation binds too: 50 % of 14 = 7.
    expect(maxUnits(200, 60, 50)).toBe(7);
    expect(calc({ workforce: [fullTime(200)], exemption: { percent: 60, workingDays: 1, capPercent: 50 } }).explanation).toContain(
      "Tetto dell'esonero parziale indicato nell'autorizzazione: 50% della quota di riserva (art. 5 c. 3 L. 68/1999 e DM 357/2000).",
    );
  });

  it("rounds the capped units with the > 0.50 rule", () => {
    // Base 72 → quota R(5.04) = 5: 70 % = 3.50 → 3; 71 % = 3.55 → 4.
    expect(maxUnits(72, 80, 70)).toBe(3);
    expect(maxUnits(72, 80, 71)).toBe(4);
    // Base 100 → quota 7: 80 % = 5.6 → 6; cap 1 % = 0.07 → 0.
    expect(maxUnits(100, 80, 80)).toBe(6);
    expect(maxUnits(100, 60, 1)).toBe(0);
  });

  it("keeps the regional rule for small quotas whatever the cap: 0 with quota 1, 1 with quota 2", () => {
    expect(maxUnits(20, 80, 80)).toBe(0);
    expect(maxUnits(40, 80, 80)).toBe(1);
    expect(maxUnits(40, 60, 1)).toBe(1);
  });
});

describe("suspension (art. 3 c. 5, art. 4 DPR 333/2000; docs/legal/l68.md#s1-9, #s3-6)", () => {
  it("scales the quota by the activity not suspended and rounds with the > 0.50 rule", () => {
    // Base 688 → 48 and 7; 25 % suspended: 36 and 5.25 → 5.
    const r = calc({ workforce: [fullTime(688)], suspension: { suspendedShare: 0.25 } });
    expect(r).toMatchObject({ quotaDisabili: 36, quotaDisabiliBeforeSuspension: 48, quotaArt18: 5, uncoveredDisabili: 36 });
  });

  it.each([
    [158, 0.5, 11, 5], // 11.06 → 11; 11 × 0.5 = 5.5 → 5
    [158, 0.45, 11, 6], // 11 × 0.55 = 6.05 → 6
    [143, 0.95, 10, 0], // 10 × 0.05 = 0.5 → 0 (floating point would give 0.5000000000000004 → 1)
    [40, 0.2, 2, 2], // 1.6 → 2
    [40, 0.3, 2, 1], // 1.4 → 1
    [20, 1, 1, 0],
    [20, 0, 1, 1],
  ])("base %i, %s suspended: %i → %i", (base, suspendedShare, before, after) => {
    const r = calc({ workforce: [fullTime(base)], suspension: { suspendedShare } });
    expect(r.quotaDisabiliBeforeSuspension).toBe(before);
    expect(r.quotaDisabili).toBe(after);
  });

  it("a collective dismissal procedure brings both quotas to zero", () => {
    const r = calc({ workforce: [fullTime(688)], suspension: { collectiveDismissal: true } });
    expect(r).toMatchObject({ quotaDisabili: 0, quotaArt18: 0, quotaDisabiliBeforeSuspension: 48, uncoveredDisabili: 0 });
    expect(r.explanation.some((s) => s.includes("licenziamento collettivo"))).toBe(true);
  });

  it("without suspension the quota is unchanged", () => {
    expect(calc({ workforce: [fullTime(688)] })).toMatchObject({
      quotaDisabili: 48,
      quotaDisabiliBeforeSuspension: 48,
      quotaArt18: 7,
      quotaArt18BeforeSuspension: 7,
    });
  });
});

describe("suspension of the art. 18 c. 2 quota: R(Q18 × (1 − share)) (docs/legal/l68.md#s1-9, #s3-6)", () => {
  it.each([
    [300, 0.5, 3, 1], // 1.50 → 1
    [300, 0.49, 3, 2], // 1.53 → 2
    [100, 0.5, 1, 0], // 0.50 → 0
    [100, 0.49, 1, 1], // 0.51 → 1
    [1000, 0.95, 10, 0], // 10 × 0.05 = 0.50 → 0 (floating point: 0.5000000000000004 → 1)
    [250, 0.2, 2, 2], // 2.50 → 2 before; 2 × 0.8 = 1.6 → 2
    [40, 0, 0, 0],
  ])("base %i, %s suspended: art. 18 quota %i → %i", (base, suspendedShare, before, after) => {
    const r = calc({ workforce: [fullTime(base)], suspension: { suspendedShare } });
    expect(r.quotaArt18BeforeSuspension).toBe(before);
    expect(r.quotaArt18).toBe(after);
  });

  it("the uncovered art. 18 positions are counted on the suspended quota", () => {
    // 300 heads, 1 art. 18 out of the base: base 299 → art. 18 quota R(2.99) = 3; half suspended → R(1.5) = 1, covered.
    const r = calc({
      workforce: [fullTime(299), { count: 1, contract: "indeterminato", protected: "art18" }],
      suspension: { suspendedShare: 0.5 },
    });
    expect(r).toMatchObject({ quotaArt18BeforeSuspension: 3, quotaArt18: 1, coveredArt18: 1, uncoveredArt18: 0 });
    expect(calc({ workforce: [fullTime(299), { count: 1, contract: "indeterminato", protected: "art18" }] }).uncoveredArt18).toBe(2);
  });

  it("explains both roundings", () => {
    const r = calc({ workforce: [fullTime(300)], suspension: { suspendedShare: 0.5 } });
    expect(r.explanation.find((s) => s.startsWith("Sospensione per CIGS"))).toContain("art. 18: 3 × 0,5 = 1,5, arrotondato a 1");
  });

  it("provincial suspensions subtract the art. 18 units computed province by province", () => {
    const r = calc({ workforce: [fullTime(300)], suspension: { suspendedUnits: 10, suspendedArt18Units: 1 } });
    expect(r).toMatchObject({ quotaDisabiliBeforeSuspension: 21, quotaDisabili: 11, quotaArt18BeforeSuspension: 3, quotaArt18: 2 });
    expect(r.explanation.find((s) => s.startsWith("Sospensione per CIGS"))).toContain("1 della quota dell'art. 18 c. 2");
    // Never below zero; art. 18 units alone are enough to describe a suspension.
    expect(calc({ workforce: [fullTime(300)], suspension: { suspendedArt18Units: 5 } })).toMatchObject({
      quotaDisabili: 21,
      quotaArt18: 0,
    });
  });

  it("a collective dismissal suspends the art. 18 quota too, keeping the value before", () => {
    expect(calc({ workforce: [fullTime(688)], suspension: { collectiveDismissal: true } })).toMatchObject({
      quotaArt18: 0,
      quotaArt18BeforeSuspension: 7,
    });
  });
});

describe("sanction for the uncovered quota (art. 15 c. 4; docs/legal/l68.md#s1-11)", () => {
  it("reproduces the example's figures (docs/l68-calculator.md#example): 2 missing × € 196.05 × 20 days = € 7,842.00; diffida ¼ = € 1,960.50", () => {
    const r = calc({ workforce: [fullTime(36)], sanction: { workingDays: 20 } });
    expect(r.uncoveredDisabili).toBe(2);
    expect(r.sanction).toEqual({ dailyPerWorker: "196.05", total: "7842.00", totalWithDiffida: "1960.50" });
  });

  it("with diffida one day for one worker is € 49.0125 → € 49.01", () => {
    const r = calc({ workforce: [fullTime(20)], sanction: { workingDays: 1 } });
    expect(r.sanction).toEqual({ dailyPerWorker: "196.05", total: "196.05", totalWithDiffida: "49.01" });
    expect(r.explanation.some((s) => s.includes("€ 49,0125 al giorno"))).toBe(true);
  });

  it("rounds the quarter half-up to the cent, once, on the total", () => {
    // 1 × 196.05 × 2 = 392.10; ¼ = 98.025 → 98.03.
    expect(calc({ workforce: [fullTime(20)], sanction: { workingDays: 2 } }).sanction?.totalWithDiffida).toBe("98.03");
  });

  it("counts only the positions left after the exemption", () => {
    // Quota 14, 8 exempted, 6 missing: 6 × 196.05 × 10 = 11763.00.
    const r = calc({ workforce: [fullTime(200)], exemption: { percent: 60, workingDays: 10 }, sanction: { workingDays: 10 } });
    expect(r.sanction).toEqual({ dailyPerWorker: "196.05", total: "11763.00", totalWithDiffida: "2940.75" });
  });

  it("uses the amount in force at the date", () => {
    const at = (date: string) => calc({ date, workforce: [fullTime(20)], sanction: { workingDays: 10 } }).sanction;
    expect(at("2016-10-07")).toEqual({ dailyPerWorker: "62.77", total: "627.70", totalWithDiffida: "156.93" });
    expect(at("2016-10-08")).toEqual({ dailyPerWorker: "153.20", total: "1532.00", totalWithDiffida: "383.00" });
    expect(at("2021-12-31")).toEqual({ dailyPerWorker: "153.20", total: "1532.00", totalWithDiffida: "383.00" });
    expect(at("2022-01-01")).toEqual({ dailyPerWorker: "196.05", total: "1960.50", totalWithDiffida: "490.13" });
  });

  it("is zero when the quota is covered, and absent when not asked", () => {
    expect(calc({ workforce: [fullTime(20), disabled(1)], sanction: { workingDays: 20 } }).sanction?.total).toBe("0.00");
    expect(calc({ workforce: [fullTime(20)] })).not.toHaveProperty("sanction");
  });
});
