import { describe, expect, it } from "vitest";
import { art12bisCapAt, contributoAt, formatCents, prospettoLateSanctionCents, uncoveredSanctionAt } from "~/domain/l68/calculator/amounts";
import { calc, fullTime } from "./helpers";

describe("contributo esonerativo by date (art. 5 c. 3, docs/legal/l68.md#s1-7)", () => {
  it.each([
    ["2026-03-01", "39.21"],
    ["2022-01-01", "39.21"],
    ["2021-12-31", "30.64"],
    ["2008-01-01", "30.64"],
    ["2007-12-31", "12.91"],
  ])("%s → € %s", (date, amount) => {
    expect(formatCents(contributoAt(date).value)).toBe(amount);
  });
});

describe("art. 15 c. 4 daily sanction by date (docs/legal/l68.md#s1-11)", () => {
  it.each([
    ["2026-03-01", "196.05"],
    ["2022-01-01", "196.05"],
    ["2021-12-31", "153.20"],
    ["2016-10-08", "153.20"],
    ["2016-10-07", "62.77"],
    ["2011-01-01", "62.77"],
    ["2010-12-31", "51.65"],
  ])("%s → € %s", (date, amount) => {
    expect(formatCents(uncoveredSanctionAt(date).value)).toBe(amount);
  });

  it("is five times the contributo since D.Lgs. 185/2016", () => {
    for (const date of ["2016-10-08", "2021-12-31", "2022-01-01", "2026-03-01"]) {
      expect(uncoveredSanctionAt(date).value).toBe(5n * contributoAt(date).value);
    }
  });
});

describe("late prospetto informativo (art. 15 c. 1, docs/legal/l68.md#s1-11, #s3-11)", () => {
  it.each([
    ["2026-01-31", 0, "0.00"],
    ["2026-01-31", 1, "736.45"], // the published minimum: 702.43 + 34.02
    ["2026-01-31", 10, "1042.63"],
    ["2022-01-31", 2, "770.47"],
    ["2021-01-31", 1, "665.87"], // 635.11 + 30.76
  ])("deadline %s, %i days late → € %s", (date, days, amount) => {
    expect(formatCents(prospettoLateSanctionCents(date, days))).toBe(amount);
  });

  it("refuses negative or fractional days", () => {
    expect(() => prospettoLateSanctionCents("2026-01-31", -1)).toThrow();
    expect(() => prospettoLateSanctionCents("2026-01-31", 1.5)).toThrow();
  });
});

describe("art. 12-bis cap by date (docs/legal/l68.md#s1-10)", () => {
  it.each([
    ["2026-03-01", 60n],
    ["2025-12-31", 60n],
    ["2025-12-30", 10n],
    ["2008-01-01", 10n],
    ["2007-12-31", 0n],
  ])("%s → %s %%", (date, cap) => {
    expect(art12bisCapAt(date).value).toBe(cap);
  });
});

describe("formatCents", () => {
  it("always gives two decimals", () => {
    expect(formatCents(0n)).toBe("0.00");
    expect(formatCents(5n)).toBe("0.05");
    expect(formatCents(7967472n)).toBe("79674.72");
    expect(formatCents(-150n)).toBe("-1.50");
  });
});

describe("explanation warns when a historical amount is not verified", () => {
  it("2021 sanction → warning; 2026 → none", () => {
    const old = calc({ date: "2021-06-01", workforce: [fullTime(100)], sanction: { workingDays: 1 } });
    expect(old.explanation.some((s) => s.startsWith("Attenzione: l'importo"))).toBe(true);
    const now = calc({ workforce: [fullTime(100)], sanction: { workingDays: 1 } });
    expect(now.explanation.some((s) => s.startsWith("Attenzione: l'importo"))).toBe(false);
  });
});
