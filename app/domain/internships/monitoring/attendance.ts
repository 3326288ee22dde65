/**
 * Monthly attendance and the indemnity it makes due (docs/decisions/tirocini.md «Presenze e indennità»): the indemnity is
 * due in full only when the month's attendance reaches the Region's threshold (70 % in every transposition read,
 * Lombardia 80 %); below it, what is due depends on the Region. Hours are handled in hundredths (integers) and money in
 * cents, so that a threshold exactly reached is reached. Client-safe.
 */
import { addDays } from "~/utils/dates";
import type { InternshipRegion } from "../checker";

/** How the indemnity is reduced below the threshold. */
export type BelowThresholdRule =
  { kind: "proportional"; floorCents?: number } | { kind: "halved_between"; fromPercent: number } | { kind: "fixed"; cents: number };

export interface AttendanceRule {
  thresholdPercent: number;
  below: BelowThresholdRule;
  /** Italian, for the page: the rule and its source (S-numbers of docs/legal/tirocini.md#fonti). */
  text: string;
}

const NATIONAL: AttendanceRule = {
  thresholdPercent: 70,
  below: { kind: "proportional" },
  text: "Indennità piena con almeno il 70 % delle presenze del mese; sotto, ridotta in proporzione (Linee guida 2017 come recepite dalle Regioni; S34, S35, S39, S40, S20).",
};

const RULES: Partial<Record<InternshipRegion, AttendanceRule>> = {
  lombardia: {
    thresholdPercent: 80,
    below: { kind: "proportional", floorCents: 30_000 },
    text: "Lombardia: indennità piena con almeno l'80 % delle presenze del mese; sotto, ridotta in proporzione ma mai sotto 300 € (DGR X/7763/2018; S23).",
  },
  piemonte: {
    thresholdPercent: 70,
    below: { kind: "proportional", floorCents: 30_000 },
    text: "Piemonte: indennità piena con almeno il 70 % delle presenze del mese; sotto, ridotta in proporzione fino a 300 € (DGR 85-6277/2017; S34).",
  },
  liguria: {
    thresholdPercent: 70,
    below: { kind: "halved_between", fromPercent: 50 },
    text: "Liguria: indennità piena con almeno il 70 % delle presenze; dimezzata tra il 50 % e il 70 %; sotto il 50 % ridotta in proporzione (S50).",
  },
  toscana: {
    thresholdPercent: 70,
    below: { kind: "fixed", cents: 40_000 },
    text: "Toscana: indennità piena con almeno il 70 % delle presenze del mese; sotto, riducibile a 400 € (S43).",
  },
};

export function attendanceRule(region: InternshipRegion): AttendanceRule {
  return RULES[region] ?? NATIONAL;
}

/** "12.5" / 12.5 → 1250 (hundredths of an hour), the unit of every computation here. */
export function toCentiHours(hours: string | number): number {
  return Math.round(Number(hours) * 100);
}

export const fromCentiHours = (c: number) => c / 100;

export interface MonthAttendance {
  /** Share attended in basis points (7000 = 70,00 %), rounded down. */
  percentBp: number;
  thresholdPercent: number;
  /** The threshold is reached: the indemnity is due in full. */
  full: boolean;
  /** What is due this month, in cents (never more than the planned indemnity). */
  dueCents: number;
}

/**
 * The month's attendance against the threshold and the indemnity due. `planned`, `attended`: hundredths of an hour;
 * `monthlyIndemnityCents`: the PFI's indemnity for a full month.
 */
export function monthAttendance(
  region: InternshipRegion,
  planned: number,
  attended: number,
  monthlyIndemnityCents: number,
): MonthAttendance {
  const rule = attendanceRule(region);
  const percentBp = planned > 0 ? Math.floor((attended * 10_000) / planned) : 0;
  const full = planned > 0 && attended * 100 >= rule.thresholdPercent * planned;
  let dueCents = monthlyIndemnityCents;
  if (!full) {
    const proportional = planned > 0 ? Math.floor((monthlyIndemnityCents * Math.min(attended, planned)) / planned) : 0;
    const below = rule.below;
    if (below.kind === "proportional") dueCents = Math.max(proportional, Math.min(below.floorCents ?? 0, monthlyIndemnityCents));
    else if (below.kind === "fixed") dueCents = Math.min(below.cents, monthlyIndemnityCents);
    else dueCents = attended * 100 >= below.fromPercent * planned ? Math.floor(monthlyIndemnityCents / 2) : proportional;
    if (attended === 0) dueCents = 0;
  }
  return { percentBp, thresholdPercent: rule.thresholdPercent, full, dueCents };
}

/** Basis points as an Italian percentage with two decimals: 7000 → "70,00 %". */
export function formatPercentBp(bp: number): string {
  return `${(bp / 100).toFixed(2).replace(".", ",")} %`;
}

/** The first day of the month of an ISO date. */
export const monthOf = (iso: string) => `${iso.slice(0, 7)}-01`;

function lastDayOfMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** Inclusive calendar-day ranges, e.g. the days of a suspension. */
export interface DayRange {
  from: string;
  to: string;
}

/**
 * Hours the PFI plans in a month, in hundredths: weekly hours / 5 for each Monday–Friday day of the month inside the
 * internship's dates and outside its suspensions (the host may correct the figure, e.g. for the company's holidays).
 */
export function plannedCentiHoursInMonth(
  month: string,
  weeklyHours: string | number,
  startDate: string,
  endDate: string,
  suspensions: readonly DayRange[] = [],
): number {
  const first = monthOf(month);
  const from = first > startDate ? first : startDate;
  const last = lastDayOfMonth(first);
  const to = last < endDate ? last : endDate;
  let weekdays = 0;
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (dow === 0 || dow === 6) continue;
    if (suspensions.some((s) => d >= s.from && d <= s.to)) continue;
    weekdays++;
  }
  return Math.round((toCentiHours(weeklyHours) * weekdays) / 5);
}

/** The months (first days) an internship spans, start to end inclusive. */
export function monthsOfInternship(startDate: string, endDate: string): string[] {
  const months: string[] = [];
  for (let m = monthOf(startDate); m <= endDate; m = monthOf(addDays(lastDayOfMonth(m), 1))) months.push(m);
  return months;
}

/** Planned hours of the whole PFI (suspensions excluded), in hundredths: the base of the 70 % attestazione rule. */
export function plannedCentiHoursTotal(
  weeklyHours: string | number,
  startDate: string,
  endDate: string,
  suspensions: readonly DayRange[] = [],
) {
  return monthsOfInternship(startDate, endDate).reduce(
    (sum, m) => sum + plannedCentiHoursInMonth(m, weeklyHours, startDate, endDate, suspensions),
    0,
  );
}
