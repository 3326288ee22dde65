/**
 * Client-safe anonymisation of the aggregated view for the dismissing employer and the unions
 * (docs/decisions/outplacement.md#esiti-indicatori-e-vista-aggregata): no view at all below 10 members, cells under 5
 * suppressed with complementary suppression so that no suppressed cell comes back by subtraction from the totals,
 * breakdowns (site) only when every cell reaches 5, monthly series only, no free text, no sanctions.
 */
import { formatNumber } from "~/utils/format";
import { cohortKpis, currentType, firstJobsByMonth, membersBy, pct, type KpiMember, type KpiMonths } from "./kpi";
import { jobQuality, type OutcomeType } from "./outcomes";

export const MIN_VIEW_MEMBERS = 10;
export const MIN_CELL = 5;

/** A count of the aggregated view as the page and the PDF print it: «<5» where it is suppressed. */
export const countText = (v: number | null) => (v === null ? "<5" : formatNumber(v));
/** A rate as the page and the PDF print it: «n.d.» where it cannot be computed. */
export const rateText = (v: number | null) => (v === null ? "n.d." : `${formatNumber(v)}%`);

export interface SafeCell {
  key: string;
  label: string;
  /** null when suppressed (shown as «<5»). */
  value: number | null;
  /** Share of the line's total in %, null when suppressed or with no total. */
  share: number | null;
}

export interface SafeLine {
  cells: SafeCell[];
  /** null when the total itself is under the threshold (then every cell is suppressed too). */
  total: number | null;
}

/**
 * Suppresses a line of counts that add up to a published total. Primary: every cell from 1 to threshold − 1. Complementary:
 * while fewer than two cells are suppressed, or the suppressed cells add up to less than the threshold, the smallest
 * cell still shown (not zero) is suppressed too — so the total minus the shown cells is never one small cell. A total
 * under the threshold suppresses the whole line.
 */
export function suppressLine(input: { key: string; label: string; count: number }[], threshold = MIN_CELL): SafeLine {
  const total = input.reduce((s, c) => s + c.count, 0);
  if (total > 0 && total < threshold)
    return { total: null, cells: input.map((c) => ({ key: c.key, label: c.label, value: c.count === 0 ? 0 : null, share: null })) };
  const hidden = new Set(input.filter((c) => c.count > 0 && c.count < threshold).map((c) => c.key));
  if (hidden.size > 0) {
    const sum = () => input.filter((c) => hidden.has(c.key)).reduce((s, c) => s + c.count, 0);
    while (hidden.size < 2 || sum() < threshold) {
      const next = input.filter((c) => !hidden.has(c.key) && c.count > 0).sort((a, b) => a.count - b.count)[0];
      if (!next) break;
      hidden.add(next.key);
    }
  }
  return {
    total,
    cells: input.map((c) => ({
      key: c.key,
      label: c.label,
      value: hidden.has(c.key) ? null : c.count,
      share: hidden.has(c.key) ? null : pct(c.count, total),
    })),
  };
}

/** Outcome groups of the aggregated view: sanctions, withdrawals and exits for personal reasons are one group (rule 5). */
export const AGGREGATE_GROUPS = [
  "open_ended",
  "fixed_ge6m",
  "fixed_lt6m",
  "self_employed",
  "in_training",
  "searching",
  "other_exit",
] as const;
export type AggregateGroup = (typeof AGGREGATE_GROUPS)[number];
export const AGGREGATE_GROUP_LABELS: Record<AggregateGroup, string> = {
  open_ended: "Occupati a tempo indeterminato",
  fixed_ge6m: "Occupati a termine per 6 mesi o più",
  fixed_lt6m: "Occupati a termine per meno di 6 mesi",
  self_employed: "Lavoro autonomo",
  in_training: "In formazione",
  searching: "Ancora in cerca",
  other_exit: "Uscite per altri motivi",
};

export function aggregateGroup(type: OutcomeType, startOn: string | null, endOn: string | null): AggregateGroup {
  const q = startOn ? jobQuality({ type, startOn, endOn }) : null;
  if (q) return q;
  if (type === "IN_TRAINING") return "in_training";
  if (type === "STILL_SEARCHING") return "searching";
  return "other_exit";
}

export interface RateLine {
  months: KpiMonths;
  /** Members whose t0 + months has passed; the line is not shown below MIN_VIEW_MEMBERS. */
  mature: number;
  line: SafeLine | null;
  rawRate: number | null;
  adjustedRate: number | null;
}

export type AggregatedView =
  | { kind: "too_small"; members: number; hours: number }
  | {
      kind: "view";
      members: number;
      hours: number;
      asOf: string;
      current: SafeLine;
      rates: RateLine[];
      monthly: SafeLine;
      /** Median months from t0 to the first job, one decimal; null below MIN_CELL jobs or while not reached. */
      medianMonths: number | null;
      bySite: { label: string; members: number; employed: number; notEmployed: number }[] | null;
    };

/**
 * The employer's and unions' view. Counts only jobs confirmed by the CO, like the officer's headline figures.
 * No parameter narrows the population: the view has no filters.
 */
export function aggregatedView(members: KpiMember[], asOf: string): AggregatedView {
  const opts = { asOf, verifiedOnly: true };
  const k = cohortKpis(members, opts);
  if (members.length < MIN_VIEW_MEMBERS) return { kind: "too_small", members: members.length, hours: k.hours };

  const groups = Object.fromEntries(AGGREGATE_GROUPS.map((g) => [g, 0])) as Record<AggregateGroup, number>;
  for (const m of members) groups[groupOfCurrent(m, asOf)]++;
  const current = suppressLine(AGGREGATE_GROUPS.map((g) => ({ key: g, label: AGGREGATE_GROUP_LABELS[g], count: groups[g] })));

  const rates: RateLine[] = k.rates.map((r) => {
    if (r.mature < MIN_VIEW_MEMBERS) return { months: r.months, mature: r.mature, line: null, rawRate: null, adjustedRate: null };
    const line = suppressLine([
      { key: "employed", label: "Occupati", count: r.employed },
      { key: "notEmployed", label: "Non occupati", count: r.notEmployed },
      { key: "excluded", label: "Fuori dal calcolo (pensione, salute, trasferimento, decesso)", count: r.excluded },
    ]);
    const shown = (key: string) => line.cells.find((c) => c.key === key)!.value !== null;
    return {
      months: r.months,
      mature: r.mature,
      line,
      rawRate: shown("employed") ? r.rawRate : null,
      adjustedRate: shown("employed") && shown("excluded") ? r.adjustedRate : null,
    };
  });

  const series = firstJobsByMonth(members, opts);
  const monthly = suppressLine(series.map((s) => ({ key: s.month, label: s.month, count: s.n })));

  const t = k.timeToJob;
  const medianMonths = t.events >= MIN_CELL && t.medianDays !== null ? Math.round((t.medianDays / 30.4375) * 10) / 10 : null;

  // Site breakdown only when every cell (members, employed, not employed at the last month reached) is at least MIN_CELL.
  let bySite: { label: string; members: number; employed: number; notEmployed: number }[] | null = membersBy(members, "site").map(
    ([label, ms]) => {
      const employed = ms.filter((m) => JOB_GROUPS.includes(groupOfCurrent(m, asOf))).length;
      return { label, members: ms.length, employed, notEmployed: ms.length - employed };
    },
  );
  if (bySite.length < 2 || bySite.some((s) => s.members < MIN_CELL || s.employed < MIN_CELL || s.notEmployed < MIN_CELL)) bySite = null;

  return { kind: "view", members: members.length, hours: k.hours, asOf, current, rates, monthly, medianMonths, bySite };
}

const JOB_GROUPS: readonly AggregateGroup[] = ["open_ended", "fixed_ge6m", "fixed_lt6m", "self_employed"];

/** The member's group on asOf (declared outcomes count: the situation, not the CO-verified rate). */
function groupOfCurrent(m: KpiMember, asOf: string): AggregateGroup {
  const type = currentType(m, asOf);
  if (type === "STILL_SEARCHING") return "searching";
  const latest = m.outcomes
    .filter((o) => o.state !== "REJECTED" && o.startOn <= asOf && o.type === type)
    .sort((a, b) => (a.startOn < b.startOn ? 1 : -1))[0];
  return aggregateGroup(type, latest?.startOn ?? null, latest?.endOn ?? null);
}
