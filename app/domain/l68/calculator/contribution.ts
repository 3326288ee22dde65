/**
 * What an exemption or a 60 per mille self-certification costs (art. 5 c. 3 and c. 3-bis): the
 * contributo esonerativo per working day per exempted unit, computed per calendar year (amounts
 * and working days change with the year) with the calculator itself (`computeQuota` with
 * `exemption`). Pure: takes the file's calculator input, as built from the stored workforce.
 */
import { contributoAt, formatCents } from "./amounts";
import { computeQuota } from "./quota";
import { rational, roundQuota } from "./rational";
import type { QuotaInput } from "./schema";
import { splitByYear, workingDays, type WeekDays } from "./working-days";

export interface ContributionPeriod {
  year: number;
  from: string;
  to: string;
  workingDays: number;
  /** Units the quota allows to exempt, and those actually exempted (never more than the uncovered ones). */
  maxUnits: number;
  exemptedUnits: number;
  dailyAmount: string;
  totalAmount: string;
}

export interface Contribution {
  periods: ContributionPeriod[];
  /** Local holidays of the production unit excluded from the working days ("MM-DD" or "YYYY-MM-DD"). */
  holidays?: string[];
  totalAmount: string;
  /** The calculator's explanation for the first year, so the employer sees how the figure arises. */
  explanation: string[];
}

const cents = (amount: string) => BigInt(amount.replace(".", ""));

/** Partial exemption at `percent` over [from, to] for the workforce in `input` (docs/legal/l68.md#s1-7). */
export function exemptionContribution(
  input: QuotaInput,
  percent: number,
  from: string,
  to: string,
  weekDays: WeekDays,
  holidays: readonly string[] = [],
): Contribution {
  let total = 0n;
  let explanation: string[] = [];
  const periods = splitByYear(from, to).map((p) => {
    const days = workingDays(p.from, p.to, weekDays, holidays);
    const { sanction: _ignored, ...rest } = input;
    const result = computeQuota({ ...rest, date: p.from, exemption: { percent, workingDays: days } });
    const e = result.exemption!;
    total += cents(e.totalAmount);
    if (!explanation.length) explanation = result.explanation;
    return {
      ...p,
      workingDays: days,
      maxUnits: e.maxUnits,
      exemptedUnits: e.exemptedUnits,
      dailyAmount: e.dailyAmount,
      totalAmount: e.totalAmount,
    };
  });
  return { periods, holidays: [...holidays], totalAmount: formatCents(total), explanation };
}

/**
 * Positions covered by a 60 per mille self-certification: the sources read do not state it
 * (docs/legal/l68.md#s1-7, #s5); we use its natural reading, the share of the quota attributable to those workers,
 * R(7 % × workers) with the > 0.50 rounding, never more than the whole quota.
 */
export function selfCertifiedPositions(workers60: number, quota: number): number {
  return Math.min(quota, Number(roundQuota(rational(7n * BigInt(workers60), 100n))));
}

/** The same contributo, paid per self-certified position per working day, by calendar year. */
export function selfCertificationContribution(
  positions: number,
  from: string,
  to: string,
  weekDays: WeekDays,
  holidays: readonly string[] = [],
): Contribution {
  let total = 0n;
  const periods = splitByYear(from, to).map((p) => {
    const days = workingDays(p.from, p.to, weekDays, holidays);
    const daily = contributoAt(p.from).value;
    const amount = BigInt(positions) * daily * BigInt(days);
    total += amount;
    return {
      ...p,
      workingDays: days,
      maxUnits: positions,
      exemptedUnits: positions,
      dailyAmount: formatCents(daily),
      totalAmount: formatCents(amount),
    };
  });
  return { periods, holidays: [...holidays], totalAmount: formatCents(total), explanation: [] };
}
