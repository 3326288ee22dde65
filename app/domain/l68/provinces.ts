/**
 * Multi-province employers (rules file §1.8): the national quota allocated to the provinces of
 * the operating sites as PRODIS does (`calcola_riepilogo_provinciale`), then the automatic
 * compensation between provinces (art. 5 c. 8 L. 68/1999 as replaced by DL 138/2011).
 * Pure: works on the validated calculator input with one province per workforce group.
 */
import { computeQuota } from "./quota";
import type { QuotaInput, QuotaResult } from "./schema";

export interface ProvinceAllocation {
  province: string;
  base: number;
  quota: number;
  covered: number;
  /** Units hired beyond the provincial quota and used to offset other provinces ("E", eccedenza). */
  compensationOut: number;
  /** Units of this province's shortfall offset by other provinces ("R", riduzione). */
  compensationIn: number;
  uncovered: number;
  category: "E" | "R" | null;
}

/** Remainder of 7·b/100 in hundredths: the "decimal part" PRODIS compares. */
const remainder7 = (base: number) => (7 * base) % 100;
const r7 = (base: number) => Math.floor((7 * base) / 100) + (remainder7(base) > 50 ? 1 : 0);

/**
 * `provinces[i]` is the province of `input.workforce[i]`. The national figures come from
 * `national` (computed on the whole input); each province's base and coverage from the
 * calculator run on that province's groups alone.
 */
export function allocateProvinces(
  input: QuotaInput,
  provinces: readonly string[],
  legalProvince: string,
  national: QuotaResult,
): ProvinceAllocation[] {
  const codes = [...new Set([legalProvince, ...provinces])].sort();
  const rows = codes.map((province) => {
    const workforce = input.workforce.filter((_, i) => provinces[i] === province);
    const r = computeQuota({ date: input.date, employer: input.employer, workforce });
    return { province, base: r.baseComputo, covered: r.coveredDisabili, quota: 0 };
  });
  const nationalQuota = national.quotaDisabiliBeforeSuspension;
  if (national.band === "15-35" || national.band === "36-50") {
    // The whole quota (1 or 2) sits in the province of the registered office.
    rows.find((r) => r.province === legalProvince)!.quota = nationalQuota;
  } else if (national.band === "over50") {
    for (const r of rows) r.quota = r7(r.base);
    let diff = nationalQuota - rows.reduce((n, r) => n + r.quota, 0);
    if (diff > 0) rows.find((r) => r.province === legalProvince)!.quota += diff;
    while (diff < 0) {
      // Too many units after per-province rounding: remove them where the rounding added most.
      const candidates = rows.filter((r) => r.quota > 0);
      candidates.sort((a, b) => remainder7(b.base) - remainder7(a.base) || b.base - a.base || a.province.localeCompare(b.province));
      candidates[0].quota -= 1;
      diff += 1;
    }
  }
  let pool = rows.reduce((n, r) => n + Math.max(0, r.covered - r.quota), 0);
  const used = new Map<string, number>();
  const result: ProvinceAllocation[] = rows.map((r) => {
    const deficit = Math.max(0, r.quota - r.covered);
    const compensationIn = Math.min(deficit, pool);
    pool -= compensationIn;
    used.set(r.province, compensationIn);
    return { ...r, compensationIn, compensationOut: 0, uncovered: deficit - compensationIn, category: compensationIn > 0 ? "R" : null };
  });
  // Assign the surplus actually used to the provinces that provided it, in code order.
  let toAssign = [...used.values()].reduce((a, b) => a + b, 0);
  for (const r of result) {
    const surplus = Math.max(0, r.covered - r.quota);
    const out = Math.min(surplus, toAssign);
    toAssign -= out;
    r.compensationOut = out;
    if (out > 0) r.category = "E";
  }
  return result;
}
