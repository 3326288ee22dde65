import { describe, expect, it } from "vitest";
import { rational } from "~/domain/l68/calculator/rational";
import { fitsPost } from "~/domain/placement/matching";
import { fullMonths, rank, rankingParametersOn, scoreOf, type RankingEntry } from "~/domain/placement/ranking";

const base: RankingEntry = {
  id: "a",
  taxCode: "AAAAAA00A00A000A",
  birthDate: "1990-01-01",
  enrolledOn: "2026-01-01",
  disabilityPercent: "0",
  familyDependants: 0,
  iseeCents: null,
};
const on = "2026-12-05";

describe("graduatoria: each criterion with its source (all unverified against the act's text)", () => {
  it("disability: 1 point per percentage point, exact on decimals (Emilia-Romagna criteria)", () => {
    expect(scoreOf({ ...base, disabilityPercent: "67.50", enrolledOn: on }, on).disability).toEqual(rational(135, 2));
  });

  it("seniority: 2 points per full month of enrolment, at most 72 (Emilia-Romagna criteria)", () => {
    expect(fullMonths("2026-01-31", "2026-02-28")).toBe(0);
    expect(fullMonths("2026-01-31", "2026-03-01")).toBe(1);
    expect(scoreOf({ ...base, enrolledOn: "2026-01-05" }, on).seniority).toEqual(rational(22)); // 11 months
    expect(scoreOf({ ...base, enrolledOn: "2020-01-01" }, on).seniority).toEqual(rational(72)); // capped at 36 months
  });

  it("income: ISEE 0 → 25 points, 0.5 fewer per full € 500, never below 0, none without ISEE (Emilia-Romagna criteria)", () => {
    const at = (cents: bigint | null) => scoreOf({ ...base, enrolledOn: on, iseeCents: cents }, on).income;
    expect(at(0n)).toEqual(rational(25));
    expect(at(49_999n)).toEqual(rational(25));
    expect(at(850_000n)).toEqual(rational(33, 2)); // € 8.500: 17 steps → 25 − 8,5
    expect(at(10_000_000n)).toEqual(rational(0));
    expect(at(null)).toEqual(rational(0));
  });

  it("family burden: 12 points per dependant (Provincia di Lecco table, sign turned)", () => {
    expect(scoreOf({ ...base, enrolledOn: on, familyDependants: 2 }, on).family).toEqual(rational(24));
  });

  it("every weight in force is marked unverified (not in the repository's sources)", () => {
    const p = rankingParametersOn(on);
    expect([p.disability.verified, p.seniority.verified, p.income.verified, p.family.verified]).toEqual([false, false, false, false]);
  });

  it("tie-break is deterministic: earlier enrolment, then younger, then tax code (Emilia-Romagna criteria + Rosa)", () => {
    const a = { ...base, id: "1", taxCode: "B", enrolledOn: "2026-06-01", familyDependants: 1 }; // 12 + 12 = 24 points
    const b = { ...base, id: "2", taxCode: "A", enrolledOn: "2026-07-01", disabilityPercent: "24" }; // 24 − 2 + … see below
    const c = { ...base, id: "3", taxCode: "C", enrolledOn: "2026-06-01", birthDate: "1995-01-01", familyDependants: 1 };
    const d = { ...base, id: "4", taxCode: "A", enrolledOn: "2026-06-01", birthDate: "1995-01-01", familyDependants: 1 };
    // a, c, d: 6 months (12) + 12 = 24; b: 5 months (10) + 24 = 34 → first.
    const order = rank([a, b, c, d], on).map((r) => r.entry.id);
    expect(order).toEqual(["2", "4", "3", "1"]);
    expect(rank([d, c, b, a], on).map((r) => r.entry.id)).toEqual(order);
  });
});

describe("capacity matching for the numeric referral", () => {
  const post = {
    capacities: ["uso_computer", "lettura_scrittura"],
    architecturalBarriers: false,
    nightShifts: false,
    publicTransport: true,
    provinceCode: "MI",
  };
  const person = {
    capacities: ["uso_computer", "lettura_scrittura", "comunicazione"],
    nightShiftsOk: false,
    needsBarrierFree: true,
    needsPublicTransport: true,
    provinceCode: "MI",
  };

  it("fits when the person has every required capacity and the post meets the conditions", () => {
    expect(fitsPost(post, person)).toEqual({ fits: true, reasons: [], missing: [] });
  });

  it("a missing capacity, night shifts, barriers, no public transport or another province each exclude, with the reason", () => {
    expect(fitsPost(post, { ...person, capacities: ["uso_computer"] }).missing).toEqual(["lettura_scrittura"]);
    expect(fitsPost({ ...post, nightShifts: true }, person).reasons).toEqual(["Il posto prevede turni notturni"]);
    expect(fitsPost({ ...post, architecturalBarriers: true }, person).reasons).toEqual(["Il luogo di lavoro ha barriere architettoniche"]);
    expect(fitsPost({ ...post, publicTransport: false }, person).reasons).toEqual([
      "Il luogo di lavoro non è raggiungibile con i mezzi pubblici",
    ]);
    expect(fitsPost(post, { ...person, provinceCode: "TO" }).fits).toBe(false);
  });
});
