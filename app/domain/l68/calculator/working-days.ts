/**
 * Working days of a period, as the regional esonero portals count them (docs/legal/l68.md#s1-7, S20/S21
 * `GiorniLavorativiUtils`): a 5- or 6-day week per CCNL, minus the national holidays falling on a
 * working day, the local patron saint and the CCNL extra holidays of the production unit
 * (`extraHolidays`: "MM-DD" every year, or one "YYYY-MM-DD"; see patron-saints.ts for the
 * capitals' patron days). Pure, on ISO dates in UTC.
 */
import { addDays } from "./dates";

export type WeekDays = 5 | 6;

const FIXED_HOLIDAYS = ["01-01", "01-06", "04-25", "05-01", "06-02", "08-15", "11-01", "12-08", "12-25", "12-26"];

/** Easter Sunday (Gregorian calendar, anonymous algorithm of Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * 4 October (San Francesco d'Assisi, patron of Italy) is a national holiday again from 1 January 2026:
 * L. 8 ottobre 2025 n. 151 amended art. 2 L. 260/1949 (text as reported by Assolombarda, 15 Oct 2025,
 * and ANCE: "in vigore dal 1° gennaio 2026"). It falls on a Sunday in 2026, so it first removes a
 * working day in 2027.
 */
export const SAN_FRANCESCO_NATIONAL_FROM_YEAR = 2026;

/** National holidays of `year`. */
export function nationalHolidays(year: number): Set<string> {
  const fixed = year >= SAN_FRANCESCO_NATIONAL_FROM_YEAR ? [...FIXED_HOLIDAYS, "10-04"] : FIXED_HOLIDAYS;
  return new Set([...fixed.map((md) => `${year}-${md}`), addDays(easterSunday(year), 1)]);
}

const isWeekWorkingDay = (day: string, weekDays: WeekDays) => {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return weekday !== 0 && (weekDays === 6 || weekday !== 6);
};

const matches = (day: string, holiday: string) => (holiday.length === 5 ? day.slice(5) === holiday : day === holiday);

/** Working days from `from` to `to`, both included. */
export function workingDays(from: string, to: string, weekDays: WeekDays, extraHolidays: readonly string[] = []): number {
  return workingDaysDetail(from, to, weekDays, extraHolidays).days;
}

/**
 * The same count, with the local/CCNL holidays that actually removed a working day (a holiday on a
 * Sunday or on a national holiday removes nothing and is not listed), for the explanation.
 */
export function workingDaysDetail(from: string, to: string, weekDays: WeekDays, extraHolidays: readonly string[] = []) {
  let days = 0;
  const removed: string[] = [];
  let holidays = nationalHolidays(Number(from.slice(0, 4)));
  for (let day = from; day <= to; day = addDays(day, 1)) {
    if (day.endsWith("-01-01")) holidays = nationalHolidays(Number(day.slice(0, 4)));
    if (!isWeekWorkingDay(day, weekDays) || holidays.has(day)) continue;
    if (extraHolidays.some((h) => matches(day, h))) removed.push(day);
    else days++;
  }
  return { days, removed };
}

/** The period cut at each 31 December: contributions are declared and paid per calendar year. */
export function splitByYear(from: string, to: string): { year: number; from: string; to: string }[] {
  const out: { year: number; from: string; to: string }[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    const start = year === Number(from.slice(0, 4)) ? from : `${year}-01-01`;
    const end = year === Number(to.slice(0, 4)) ? to : `${year}-12-31`;
    out.push({ year, from: start, to: end });
  }
  return out;
}
