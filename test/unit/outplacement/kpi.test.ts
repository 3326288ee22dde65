import { describe, expect, it } from "vitest";
import { cohortKpis, kaplanMeier, kpisBy, rateAt, survivalTime, type KpiMember, type KpiOutcome } from "~/domain/outplacement/kpi";

const job = (startOn: string, endOn: string | null = null, extra: Partial<KpiOutcome> = {}): KpiOutcome => ({
  type: "EMPLOYED_OPEN_ENDED",
  state: "VERIFIED",
  startOn,
  endOn,
  verifiedOn: startOn,
  ...extra,
});
const member = (id: string, t0: string | null, outcomes: KpiOutcome[] = [], extra: Partial<KpiMember> = {}): KpiMember => ({
  id,
  site: "Brescia",
  qualification: "Operaio",
  t0,
  outcomes,
  hours: 0,
  ...extra,
});
const opts = { asOf: "2026-12-01", verifiedOnly: true };

describe("re-employment rate at m months", () => {
  const members = [
    member("a", "2026-01-01", [job("2026-02-15")]), // employed on t0+3
    member("b", "2026-01-01", [job("2026-02-01", "2026-03-15", { type: "EMPLOYED_FIXED_LT6M" })]), // ended before t0+3
    member("c", "2026-01-01", [{ ...job("2026-03-01"), type: "RETIRED" }]), // excluded
    member("d", "2026-01-01"), // still searching
    member("e", "2026-10-01", [job("2026-10-15")]), // t0+3 not reached: not counted at all
    member("f", "2026-01-01", [job("2026-02-01", null, { state: "DECLARED", verifiedOn: null })]), // declared only
  ];

  it("counts only CO-verified jobs active on t0 + m, raw and adjusted", () => {
    const r = rateAt(members, 3, opts);
    expect(r).toMatchObject({ mature: 5, employed: 1, excluded: 1, notEmployed: 3, rawRate: 20, adjustedRate: 25 });
  });

  it("counts declared jobs too when asked", () => {
    const r = rateAt(members, 3, { ...opts, verifiedOnly: false });
    expect(r).toMatchObject({ mature: 5, employed: 2, rawRate: 40, adjustedRate: 50 });
  });

  it("gives the cumulative ever re-employed with the quality of the first job", () => {
    const r = rateAt(members, 3, opts);
    expect(r.ever).toBe(2);
    expect(r.quality).toEqual({ open_ended: 1, fixed_ge6m: 0, fixed_lt6m: 1, self_employed: 0 });
    expect(rateAt(members, 12, opts).mature).toBe(0);
    expect(rateAt(members, 12, opts).rawRate).toBeNull();
  });

  it("ignores rejected outcomes", () => {
    const r = rateAt([member("x", "2026-01-01", [job("2026-02-01", null, { state: "REJECTED" })])], 3, opts);
    expect(r.employed).toBe(0);
  });
});

describe("time to re-employment (Kaplan–Meier)", () => {
  it("treats those still searching as censored and gives the median with n at risk", () => {
    // Times: 10 (event), 20 (censored), 30 (event), 40 (event), 50 (censored).
    // S(10)=4/5=0.8; S(30)=0.8·(1−1/3)=0.533; S(40)=0.533·(1−1/2)=0.267 → median 40.
    const t = kaplanMeier([
      { days: 10, event: true },
      { days: 20, event: false },
      { days: 30, event: true },
      { days: 40, event: true },
      { days: 50, event: false },
    ]);
    expect(t.medianDays).toBe(40);
    expect(t.events).toBe(3);
    expect(t.censored).toBe(2);
    expect(t.atRisk).toEqual([
      { day: 0, n: 5 },
      { day: 90, n: 0 },
      { day: 180, n: 0 },
      { day: 365, n: 0 },
    ]);
  });

  it("has no median while more than half are still searching", () => {
    const t = kaplanMeier([
      { days: 10, event: true },
      { days: 100, event: false },
      { days: 100, event: false },
    ]);
    expect(t.medianDays).toBeNull();
  });

  it("differs from the naive median of those who found a job", () => {
    const t = kaplanMeier([
      { days: 30, event: true },
      { days: 60, event: true },
      { days: 200, event: false },
      { days: 200, event: false },
    ]);
    expect(t.medianDays).toBe(60);
  });

  it("censors at the exit for retirement and at asOf otherwise; a job before t0 is day 0", () => {
    expect(survivalTime(member("a", "2026-01-01", [{ ...job("2026-03-02"), type: "RETIRED" }]), opts)).toEqual({ days: 60, event: false });
    expect(survivalTime(member("b", "2026-11-01"), opts)).toEqual({ days: 30, event: false });
    expect(survivalTime(member("c", "2026-03-01", [job("2026-02-20")]), opts)).toEqual({ days: 0, event: true });
    expect(survivalTime(member("d", "2026-12-05"), opts)).toBeNull();
    expect(survivalTime(member("e", null), opts)).toBeNull();
  });
});

describe("cohort KPIs and groups", () => {
  const members = [
    member("a", "2026-01-01", [job("2026-02-01")], { site: "Brescia", hours: 12.5 }),
    member("b", "2026-01-01", [], { site: "Bergamo", hours: 20 }),
    member("c", null, [], { site: "", hours: 0 }),
  ];
  it("sums hours, counts members without t0 and gives the current situation", () => {
    const k = cohortKpis(members, opts);
    expect(k.members).toBe(3);
    expect(k.withoutT0).toBe(1);
    expect(k.hours).toBe(32.5);
    expect(k.current.EMPLOYED_OPEN_ENDED).toBe(1);
    expect(k.current.STILL_SEARCHING).toBe(2);
  });
  it("groups by site with «non indicato» for the blank ones", () => {
    expect(kpisBy(members, "site", opts).map((g) => [g.label, g.kpis.members])).toEqual([
      ["Bergamo", 1],
      ["Brescia", 1],
      ["non indicato", 1],
    ]);
  });
});
