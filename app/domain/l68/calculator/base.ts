/**
 * Base di computo (docs/legal/l68.md#s1-2) and the quotas that follow from it (#s1-3, #s1-4).
 * Pure functions on validated input; all counts are bigint, fractions are rationals.
 */
import {
  AGENCY_MISSION_MIN_MONTHS,
  ART4_MAX_INVALIDITY_CATEGORY,
  ART4_MIN_DISABILITY_PERCENT,
  ART4_PSYCHIC_MIN_DISABILITY_PERCENT,
  INAIL_MIN_DISABILITY_PERCENT,
  fixedTermExcludedMonthsAt,
} from "./amounts";
import { CATEGORY_EXCLUSIONS, CONTRACT_EXCLUSIONS, FIXED_TERM_EXCLUSION, type ExclusionReason } from "./explain";
import { ONE, type Rational, cmp, div, fromNumber, mul, rational, roundQuota, sum } from "./rational";
import type { Band, QuotaInput, WorkforceGroup } from "./schema";

/** Art. 3 c. 1 bands, on the base di computo. */
export function bandOf(base: bigint): Band {
  if (base < 15n) return "under15";
  if (base <= 35n) return "15-35";
  if (base <= 50n) return "36-50";
  return "over50";
}

/** Art. 3 c. 1: 1 worker for 15–35, 2 for 36–50, 7 % rounded (> 0.50 rule) above 50. */
export function quotaDisabiliFor(base: bigint): bigint {
  switch (bandOf(base)) {
    case "under15":
      return 0n;
    case "15-35":
      return 1n;
    case "36-50":
      return 2n;
    case "over50":
      return roundQuota(rational(7n * base, 100n));
  }
}

/** Art. 18 c. 2: none up to 50, 1 for 51–150, 1 % rounded (> 0.50 rule) above 150. */
export function quotaArt18For(base: bigint): bigint {
  if (base <= 50n) return 0n;
  if (base <= 150n) return 1n;
  return roundQuota(rational(base, 100n));
}

/** h / H for a group; 1 when no hours are given (full time by default). */
export function hoursFraction(g: WorkforceGroup): Rational {
  if (g.weeklyHours === undefined || g.fullTimeHours === undefined) return ONE;
  return div(fromNumber(g.weeklyHours), fromNumber(g.fullTimeHours));
}

const isDisabled = (g: WorkforceGroup) => g.protected === "disabile_l68" || g.protected === "disabile_art4";

/** Why an art. 4 worker counts in the quota; see `art4Route`. */
export type Art4Route = "percent" | "category" | "psychic" | "inail";

/**
 * The route by which a "disabile_art4" group counts (docs/legal/l68.md#s1-5, #s3-3), or null if none:
 * - "percent": capacity reduction ≥ 60 % (art. 4 c. 3-bis and c. 4; exactly 60 counts);
 * - "category": minorazione in categories 1–6 of the war-pension tables, DPR 915/1978 (c. 3-bis);
 * - "psychic": intellectual or psychic disability with a reduction strictly above 45 % (c. 3-bis);
 * - "inail": disabled by a work accident or occupational disease with an INAIL degree strictly above
 *   33 % (art. 4 c. 4 L. 68/1999 and art. 3 c. 4 DPR 333/2000, wording not verified: docs/legal/l68.md#s5).
 * None when the disability was caused by the employer's breach of safety rules ascertained by a
 * court (art. 4 c. 4: "comunque"). Percentages are compared as given (exact for JSON numbers).
 */
export function art4Route(g: WorkforceGroup): Art4Route | null {
  if (g.protected !== "disabile_art4" || g.employerAtFault === true) return null;
  const percent = g.disabilityPercent;
  if (percent !== undefined && percent >= ART4_MIN_DISABILITY_PERCENT) return "percent";
  if (g.invalidityCategory !== undefined && g.invalidityCategory <= ART4_MAX_INVALIDITY_CATEGORY) return "category";
  if (g.psychicDisability === true && percent !== undefined && percent > ART4_PSYCHIC_MIN_DISABILITY_PERCENT) return "psychic";
  if (g.inailPercent !== undefined && g.inailPercent > INAIL_MIN_DISABILITY_PERCENT) return "inail";
  return null;
}

/** Disabled by the employer's breach of safety rules (art. 4 c. 4): never counted. */
export const isArt4AtFault = (g: WorkforceGroup) => g.protected === "disabile_art4" && g.employerAtFault === true;

/** An art. 4 c. 3-bis / c. 4 worker meeting none of the routes of `art4Route`: not counted in the quota. */
export const isArt4BelowThreshold = (g: WorkforceGroup) => g.protected === "disabile_art4" && !isArt4AtFault(g) && art4Route(g) === null;

/**
 * Disabled home workers and teleworkers count only when given work for the normal full hours,
 * continuously (art. 4 c. 3 L. 68/1999; docs/legal/l68.md#s1-5).
 */
export const isRemoteNotFullTime = (g: WorkforceGroup) =>
  isDisabled(g) && (g.contract === "domicilio" || g.telework === true) && g.fullTimeWorkload !== true;

/** Disabled agency workers count at the user only on missions ≥ 12 months (art. 34 c. 3 D.Lgs. 81/2015). */
export const isShortAgencyMission = (g: WorkforceGroup) => g.contract === "somministrato" && (g.months ?? 0) < AGENCY_MISSION_MIN_MONTHS;

/** A disabled worker who counts towards the art. 3 quota (and so is outside the base, art. 4 c. 1). */
export const isCountedDisabled = (g: WorkforceGroup) =>
  isDisabled(g) && !isArt4BelowThreshold(g) && !isArt4AtFault(g) && !isShortAgencyMission(g) && !isRemoteNotFullTime(g);

/** The exclusion that applies to a (non-counted-protected) group, if any: contract first, then category. */
export function exclusionOf(g: WorkforceGroup, date: string): ExclusionReason | null {
  const byContract = CONTRACT_EXCLUSIONS[g.contract];
  if (byContract) return byContract;
  if (g.contract === "determinato") {
    // "fino a sei mesi": exactly 6 months (extensions included) is still excluded (docs/legal/l68.md#s3-7).
    const limit = fixedTermExcludedMonthsAt(date).value;
    if (g.months !== undefined && g.months <= limit) return FIXED_TERM_EXCLUSION(limit);
  }
  return g.exclusion ? CATEGORY_EXCLUSIONS[g.exclusion] : null;
}

export interface Pool {
  /** Workers in the pool (head-count). */
  workers: bigint;
  /** Σ count × h/H, exact. */
  fte: Rational;
  /** R(fte): rounded once, on the pooled sum (docs/legal/l68.md#s3-1). */
  rounded: bigint;
}

const pool = (entries: { count: bigint; fraction: Rational }[]): Pool => {
  const fte = sum(entries.map((e) => mul(rational(e.count), e.fraction)));
  return { workers: entries.reduce((n, e) => n + e.count, 0n), fte, rounded: roundQuota(fte) };
};

export interface BaseComputation {
  /** Every worker declared, head-count. */
  totalHeads: bigint;
  /** Excluded workers grouped by reason (in first-seen order). */
  excluded: { reason: ExclusionReason; count: bigint }[];
  /** Disabled workers counted in the quota, out of the base (art. 4 c. 1, E1). */
  countedDisabledHeads: bigint;
  /** Art. 18 workers counted in the 1 % and therefore out of the base (E1). */
  art18RemovedHeads: bigint;
  /** Art. 18 workers that would be computable but exceed the 1 %: they stay in the base. */
  art18SurplusHeads: bigint;
  /** Art. 4 disabled below 60 %: not counted in the quota (they stay in the base when computable). */
  art4BelowThresholdHeads: bigint;
  /** Art. 4 c. 4 disabled through the employer's fault: not counted (they stay in the base when computable). */
  art4AtFaultHeads: bigint;
  /** Disabled home workers/teleworkers without a full-time workload: not counted (art. 4 c. 3). */
  remoteNotFullTimeHeads: bigint;
  fullTimeHeads: bigint;
  partTime: Pool;
  intermittent: Pool;
  base: bigint;
}

/**
 * Base di computo (docs/legal/l68.md#s1-2 formula, PRODIS `get_n_lav_base_computo_art_3`):
 * full-time computable heads + R(pooled part-time FTE) + R(pooled intermittent FTE).
 * Art. 18 workers leave the base up to the art. 18 quota computed on the total head-count
 * (= PRODIS's min(art18 in force, R(1 % × heads)); docs/legal/l68.md#s3-4), computable ones first
 * in input order, so that surplus art. 18 workers stay in the base.
 */
export function computeBase(input: QuotaInput): BaseComputation {
  const totalHeads = input.workforce.reduce((n, g) => n + BigInt(g.count), 0n);
  let art18Removable = quotaArt18For(totalHeads);

  const excluded = new Map<string, { reason: ExclusionReason; count: bigint }>();
  const exclude = (reason: ExclusionReason, count: bigint) => {
    if (count === 0n) return;
    const entry = excluded.get(reason.label) ?? { reason, count: 0n };
    entry.count += count;
    excluded.set(reason.label, entry);
  };

  let countedDisabledHeads = 0n;
  let art18RemovedHeads = 0n;
  let art18SurplusHeads = 0n;
  let art4BelowThresholdHeads = 0n;
  let art4AtFaultHeads = 0n;
  let remoteNotFullTimeHeads = 0n;
  let fullTimeHeads = 0n;
  const partTime: { count: bigint; fraction: Rational }[] = [];
  const intermittent: { count: bigint; fraction: Rational }[] = [];

  for (const g of input.workforce) {
    let count = BigInt(g.count);
    if (isArt4BelowThreshold(g)) art4BelowThresholdHeads += count;
    if (isArt4AtFault(g)) art4AtFaultHeads += count;
    if (isRemoteNotFullTime(g) && !isArt4BelowThreshold(g) && !isArt4AtFault(g)) remoteNotFullTimeHeads += count;
    if (isCountedDisabled(g)) {
      countedDisabledHeads += count;
      continue;
    }
    const reason = exclusionOf(g, input.date);
    if (reason) {
      exclude(reason, count);
      continue;
    }
    if (g.protected === "art18") {
      const removed = count < art18Removable ? count : art18Removable;
      art18Removable -= removed;
      art18RemovedHeads += removed;
      art18SurplusHeads += count - removed;
      count -= removed;
      if (count === 0n) continue;
    }
    const fraction = hoursFraction(g);
    if (g.contract === "intermittente") intermittent.push({ count, fraction });
    else if (cmp(fraction, ONE) === 0) fullTimeHeads += count;
    else partTime.push({ count, fraction });
  }

  const pt = pool(partTime);
  const int = pool(intermittent);
  return {
    totalHeads,
    excluded: [...excluded.values()],
    countedDisabledHeads,
    art18RemovedHeads,
    art18SurplusHeads,
    art4BelowThresholdHeads,
    art4AtFaultHeads,
    remoteNotFullTimeHeads,
    fullTimeHeads,
    partTime: pt,
    intermittent: int,
    base: fullTimeHeads + pt.rounded + int.rounded,
  };
}
