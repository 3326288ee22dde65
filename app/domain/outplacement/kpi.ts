/**
 * Client-safe KPIs of a cohort (docs/decisions/outplacement.md#esiti-indicatori-e-vista-aggregata): re-employment rate at
 * 3/6/12 months (raw and adjusted), ever re-employed with the quality split, time to re-employment as a Kaplan–Meier
 * median with the members at risk, hours delivered, the same by site and qualification. Pure: the caller loads the rows.
 */
import { groupBy } from "~/utils/collections";
import { addMonths, daysBetween } from "~/utils/dates";
import {
  isCoVerified,
  isEmployment,
  isExcluded,
  jobQuality,
  OUTCOME_TYPES,
  type JobQuality,
  type OutcomeState,
  type OutcomeType,
} from "./outcomes";

export const KPI_MONTHS = [3, 6, 12] as const;
export type KpiMonths = (typeof KPI_MONTHS)[number];
/** Days at which the members still at risk are shown under the median. */
export const AT_RISK_DAYS = [0, 90, 180, 365] as const;

export interface KpiOutcome {
  type: OutcomeType;
  state: OutcomeState;
  startOn: string;
  endOn: string | null;
  verifiedOn: string | null;
}

export interface KpiMember {
  id: string;
  site: string | null;
  qualification: string | null;
  t0: string | null;
  outcomes: KpiOutcome[];
  /** Hours of services delivered to the member (sessions attended). */
  hours: number;
}

export interface KpiOptions {
  /** The day the figures are computed for ("YYYY-MM-DD"). */
  asOf: string;
  /** true: only jobs confirmed by the CO count (§6.3); false: declared jobs count too. */
  verifiedOnly: boolean;
}

export interface RateAt {
  months: KpiMonths;
  /** Members whose t0 + months has passed (the others are not counted yet). */
  mature: number;
  employed: number;
  /** Mature members out of the labour market on that day for reasons outside the service (deceased, retired, health, moved). */
  excluded: number;
  notEmployed: number;
  /** employed ÷ mature, in % with one decimal; null with no mature member. */
  rawRate: number | null;
  /** employed ÷ (mature − excluded). */
  adjustedRate: number | null;
  /** Ever re-employed by t0 + months (cumulative), split by the quality of the first job. */
  ever: number;
  everRate: number | null;
  quality: Record<JobQuality, number>;
}

export interface TimeToJob {
  /** Kaplan–Meier median of days from t0 to the first job; null while the survival curve stays above one half. */
  medianDays: number | null;
  events: number;
  censored: number;
  atRisk: { day: number; n: number }[];
}

export interface CohortKpis {
  members: number;
  withoutT0: number;
  rates: RateAt[];
  timeToJob: TimeToJob;
  hours: number;
  /** Current situation of each member on asOf, by outcome type (a job that ended counts as still searching). */
  current: Record<OutcomeType, number>;
}

export const pct = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);

const counts = (o: KpiOutcome, verifiedOnly: boolean) =>
  isEmployment(o.type) && o.state !== "REJECTED" && (!verifiedOnly || isCoVerified(o.state, o.verifiedOn));
const activeOn = (o: KpiOutcome, day: string) => o.startOn <= day && (o.endOn === null || o.endOn >= day);

/** The jobs that count, first start first. */
function jobsOf(m: KpiMember, verifiedOnly: boolean) {
  return m.outcomes.filter((o) => counts(o, verifiedOnly)).sort((a, b) => (a.startOn < b.startOn ? -1 : a.startOn > b.startOn ? 1 : 0));
}

/** The first exclusion (deceased, retired, …) that started on or before `day`, if any. */
function exclusionBy(m: KpiMember, day: string) {
  return m.outcomes
    .filter((o) => isExcluded(o.type) && o.state !== "REJECTED" && o.startOn <= day)
    .sort((a, b) => (a.startOn < b.startOn ? -1 : 1))[0];
}

function emptyQuality(): Record<JobQuality, number> {
  return { open_ended: 0, fixed_ge6m: 0, fixed_lt6m: 0, self_employed: 0 };
}

export function rateAt(members: KpiMember[], months: KpiMonths, opts: KpiOptions): RateAt {
  let mature = 0;
  let employed = 0;
  let excluded = 0;
  let ever = 0;
  const quality = emptyQuality();
  for (const m of members) {
    if (!m.t0) continue;
    const day = addMonths(m.t0, months);
    if (day > opts.asOf) continue;
    mature++;
    const jobs = jobsOf(m, opts.verifiedOnly);
    if (jobs.some((o) => activeOn(o, day))) employed++;
    else if (exclusionBy(m, day)) excluded++;
    const first = jobs.find((o) => o.startOn <= day);
    if (first) {
      ever++;
      const q = jobQuality(first);
      if (q) quality[q]++;
    }
  }
  return {
    months,
    mature,
    employed,
    excluded,
    notEmployed: mature - employed - excluded,
    rawRate: pct(employed, mature),
    adjustedRate: pct(employed, mature - excluded),
    ever,
    everRate: pct(ever, mature),
    quality,
  };
}

/** One member's time from t0 to the first job (event) or to the last day observed (censored). */
export function survivalTime(m: KpiMember, opts: KpiOptions): { days: number; event: boolean } | null {
  if (!m.t0 || m.t0 > opts.asOf) return null;
  const first = jobsOf(m, opts.verifiedOnly).find((o) => o.startOn <= opts.asOf);
  // A job found before t0 (during the notice period) is re-employment at day 0.
  if (first) return { days: Math.max(0, daysBetween(m.t0, first.startOn)), event: true };
  const out = exclusionBy(m, opts.asOf);
  return { days: Math.max(0, daysBetween(m.t0, out ? out.startOn : opts.asOf)), event: false };
}

/**
 * Kaplan–Meier estimate: S(t) = Π (1 − dᵢ / nᵢ) over the distinct event times; the median is the first time S(t) ≤ ½.
 * A member censored at t is still at risk at t (the usual convention).
 */
export function kaplanMeier(times: { days: number; event: boolean }[]): TimeToJob {
  const sorted = [...times].sort((a, b) => a.days - b.days);
  const eventDays = [...new Set(sorted.filter((t) => t.event).map((t) => t.days))];
  let s = 1;
  let medianDays: number | null = null;
  for (const d of eventDays) {
    const atRisk = sorted.filter((t) => t.days >= d).length;
    const deaths = sorted.filter((t) => t.days === d && t.event).length;
    s *= 1 - deaths / atRisk;
    if (medianDays === null && s <= 0.5 + 1e-12) medianDays = d;
  }
  return {
    medianDays,
    events: sorted.filter((t) => t.event).length,
    censored: sorted.filter((t) => !t.event).length,
    atRisk: AT_RISK_DAYS.map((day) => ({ day, n: sorted.filter((t) => t.days >= day).length })),
  };
}

/** The member's situation on asOf: the latest outcome started by then; a job or training already ended means still searching. */
export function currentType(m: KpiMember, asOf: string): OutcomeType {
  const latest = m.outcomes
    .filter((o) => o.state !== "REJECTED" && o.startOn <= asOf)
    .sort((a, b) => (a.startOn < b.startOn ? 1 : a.startOn > b.startOn ? -1 : 0))[0];
  if (!latest) return "STILL_SEARCHING";
  if (latest.endOn !== null && latest.endOn < asOf && !isExcluded(latest.type)) return "STILL_SEARCHING";
  return latest.type;
}

export function cohortKpis(members: KpiMember[], opts: KpiOptions): CohortKpis {
  const current = Object.fromEntries(OUTCOME_TYPES.map((t) => [t, 0])) as Record<OutcomeType, number>;
  for (const m of members) current[currentType(m, opts.asOf)]++;
  const times = members.map((m) => survivalTime(m, opts)).filter((t): t is { days: number; event: boolean } => t !== null);
  return {
    members: members.length,
    withoutT0: members.filter((m) => !m.t0).length,
    rates: KPI_MONTHS.map((months) => rateAt(members, months, opts)),
    timeToJob: kaplanMeier(times),
    hours: Math.round(members.reduce((s, m) => s + m.hours, 0) * 100) / 100,
    current,
  };
}

export interface GroupKpis {
  label: string;
  kpis: CohortKpis;
}

/** The members per site or qualification, in alphabetical order; members without a value go under «non indicato». */
export function membersBy(members: KpiMember[], key: "site" | "qualification"): [label: string, members: KpiMember[]][] {
  return [...groupBy(members, (m) => m[key]?.trim() || "non indicato")].sort(([a], [b]) => a.localeCompare(b, "it"));
}

/** The same KPIs per group (site, qualification). */
export function kpisBy(members: KpiMember[], key: "site" | "qualification", opts: KpiOptions): GroupKpis[] {
  return membersBy(members, key).map(([label, ms]) => ({ label, kpis: cohortKpis(ms, opts) }));
}

/** First jobs by month of start ("YYYY-MM"), months in order: the monthly series (never daily). */
export function firstJobsByMonth(members: KpiMember[], opts: KpiOptions): { month: string; n: number }[] {
  const byMonth = new Map<string, number>();
  for (const m of members) {
    const first = jobsOf(m, opts.verifiedOnly).find((o) => o.startOn <= opts.asOf);
    if (!first) continue;
    const month = first.startOn.slice(0, 7);
    byMonth.set(month, (byMonth.get(month) ?? 0) + 1);
  }
  return [...byMonth.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([month, n]) => ({ month, n }));
}
