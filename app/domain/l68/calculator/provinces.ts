/**
 * Multi-province employers (docs/legal/l68.md#s1-8): the national quotas (art. 3 and art. 18) allocated to
 * the provinces of the operating sites as PRODIS does (`calcola_riepilogo_provinciale`), the CIGS /
 * solidarity suspensions applied in the province of the unit concerned (docs/legal/l68.md#s1-9), then the automatic
 * compensation between provinces (art. 5 c. 8 L. 68/1999 as replaced by DL 138/2011).
 * Pure: works on the validated calculator input with one province per workforce group.
 */
import { quotaArt18For } from "./base";
import { computeQuota } from "./quota";
import { fromNumber, mul, ONE, rational, roundQuota, sub } from "./rational";
import type { Band, QuotaInput, QuotaResult } from "./schema";

export interface CategoryAllocation {
  quota: number;
  covered: number;
  /** Units hired beyond the provincial quota and used to offset other provinces ("E", eccedenza). */
  compensationOut: number;
  /** Units of this province's shortfall offset by other provinces ("R", riduzione). */
  compensationIn: number;
  uncovered: number;
  category: "E" | "R" | null;
}

/** Disabled workers (art. 3) at the top level, art. 18 c. 2 in `art18`. `quota` is after suspension. */
export interface ProvinceAllocation extends CategoryAllocation {
  province: string;
  base: number;
  /** Disabled units of the provincial quota suspended by a CIGS/solidarity programme in the province. */
  suspendedUnits: number;
  /** `quota` after suspension; `suspendedUnits`: the art. 18 units suspended the same way (docs/legal/l68.md#s1-9). */
  art18: CategoryAllocation & { suspendedUnits: number };
  /**
   * Places of the conventions in force (art. 11 still to fill, art. 12-bis) filed for this province:
   * set by the file (workforce.server.ts), not by the allocation; Σ over provinces = the national figure.
   */
  conventionPlaces?: number;
}

/** Share of activity suspended per province (0–1); `"*"` = nationwide (collective dismissal). */
export type ProvinceSuspensions = Record<string, number>;

/** Remainder of p·b/100 in hundredths: the "decimal part" PRODIS compares. */
const remainder = (percent: number, base: number) => (percent * base) % 100;
const roundPercent = (percent: number, base: number) => Math.floor((percent * base) / 100) + (remainder(percent, base) > 50 ? 1 : 0);

interface Row {
  province: string;
  base: number;
  quota: number;
}

/**
 * Steps 2–4 of docs/legal/l68.md#s1-8 for one category: the whole quota in the registered office's province for the
 * small bands, R(p % × provincial base) otherwise, then the difference with the national quota
 * added to the registered office or removed where the rounding added most.
 */
function allocateQuota(rows: Row[], national: number, legalProvince: string, perProvince: boolean, percent: number) {
  if (!perProvince) {
    rows.find((r) => r.province === legalProvince)!.quota = national;
    return;
  }
  for (const r of rows) r.quota = roundPercent(percent, r.base);
  let diff = national - rows.reduce((n, r) => n + r.quota, 0);
  if (diff > 0) rows.find((r) => r.province === legalProvince)!.quota += diff;
  while (diff < 0) {
    const candidates = rows.filter((r) => r.quota > 0);
    candidates.sort(
      (a, b) => remainder(percent, b.base) - remainder(percent, a.base) || b.base - a.base || a.province.localeCompare(b.province),
    );
    candidates[0].quota -= 1;
    diff += 1;
  }
}

/** Step 5: surpluses offset shortfalls, provinces in code order; what was used is charged to the providers. */
function compensate(items: { quota: number; covered: number }[]): CategoryAllocation[] {
  let pool = items.reduce((n, r) => n + Math.max(0, r.covered - r.quota), 0);
  const out: CategoryAllocation[] = items.map((r) => {
    const deficit = Math.max(0, r.quota - r.covered);
    const compensationIn = Math.min(deficit, pool);
    pool -= compensationIn;
    return {
      quota: r.quota,
      covered: r.covered,
      compensationIn,
      compensationOut: 0,
      uncovered: deficit - compensationIn,
      category: compensationIn > 0 ? "R" : null,
    };
  });
  let toAssign = out.reduce((n, r) => n + r.compensationIn, 0);
  for (const r of out) {
    const given = Math.min(Math.max(0, r.covered - r.quota), toAssign);
    toAssign -= given;
    r.compensationOut = given;
    if (given > 0) r.category = "E";
  }
  return out;
}

/** R(Q × (1 − share)) as Regione Piemonte scales a suspended quota (docs/legal/l68.md#s1-9, #s3-6). */
export function suspendedUnitsOf(quota: number, share: number): number {
  if (share <= 0) return 0;
  return quota - Number(roundQuota(mul(rational(quota), sub(ONE, fromNumber(Math.min(share, 1))))));
}

const smallBand = (band: Band) => band === "15-35" || band === "36-50";

/**
 * `provinces[i]` is the province of `input.workforce[i]`. The national figures come from
 * `national` (computed on the whole input, without provincial suspensions); each province's base
 * and coverage from the calculator run on that province's groups alone.
 */
export function allocateProvinces(
  input: QuotaInput,
  provinces: readonly string[],
  legalProvince: string,
  national: QuotaResult,
  suspensions: ProvinceSuspensions = {},
): ProvinceAllocation[] {
  const codes = [...new Set([legalProvince, ...provinces])].sort();
  const local = codes.map((province) => {
    const workforce = input.workforce.filter((_, i) => provinces[i] === province);
    const r = computeQuota({ date: input.date, employer: input.employer, workforce });
    return { province, base: r.baseComputo, covered: r.coveredDisabili, covered18: r.coveredArt18 };
  });
  const disabled: Row[] = local.map((l) => ({ province: l.province, base: l.base, quota: 0 }));
  const art18: Row[] = local.map((l) => ({ province: l.province, base: l.base, quota: 0 }));
  if (national.band !== "under15") {
    allocateQuota(disabled, national.quotaDisabiliBeforeSuspension, legalProvince, !smallBand(national.band), 7);
  }
  // Art. 18: one unit in the registered office's province up to a national base of 150, then 1 % per province.
  const quota18 = Number(quotaArt18For(BigInt(national.baseComputo)));
  if (quota18 > 0) allocateQuota(art18, quota18, legalProvince, national.baseComputo > 150, 1);

  const nationwide = suspensions["*"] ?? 0;
  const shareOf = (province: string) => Math.max(nationwide, suspensions[province] ?? 0);
  // Both quotas are scaled by the activity not suspended, with the same rounding (docs/legal/l68.md#s1-9, #s3-6).
  const suspended = disabled.map((r) => suspendedUnitsOf(r.quota, shareOf(r.province)));
  const suspended18 = art18.map((r) => suspendedUnitsOf(r.quota, shareOf(r.province)));
  const dis = compensate(disabled.map((r, i) => ({ quota: r.quota - suspended[i], covered: local[i].covered })));
  const a18 = compensate(art18.map((r, i) => ({ quota: r.quota - suspended18[i], covered: local[i].covered18 })));
  return local.map((l, i) => ({
    province: l.province,
    base: l.base,
    suspendedUnits: suspended[i],
    ...dis[i],
    art18: { ...a18[i], suspendedUnits: suspended18[i] },
  }));
}
