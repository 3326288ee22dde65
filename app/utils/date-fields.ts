import { z } from "zod";

/**
 * The one schema for calendar days typed in forms ("YYYY-MM-DD", what
 * <input type="date"> sends). The pattern alone let "2026-02-31" through to
 * PostgreSQL, which refused it with an error (a 500); here it is a field error.
 * Years are bounded so that PostgreSQL never sees year 0 or 10000+.
 */
export const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
export const MIN_DAY = "1900-01-01";
export const MAX_DAY = "2999-12-31";
export const NONEXISTENT_DAY = "Data inesistente: controlla giorno e mese";
export const DAY_OUT_OF_RANGE = "Data fuori dall'intervallo ammesso (dal 1900 al 2999)";

/** A real day of the Gregorian calendar ("2024-02-29" yes, "2025-02-29" and "2026-04-31" no). */
export function isCalendarDay(value: string): boolean {
  if (!ISO_DAY.test(value)) return false;
  const [y, m, d] = value.split("-").map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export const isDayInRange = (value: string) => value >= MIN_DAY && value <= MAX_DAY;

/** A "YYYY-MM-DD" string that names an existing day; `formatMessage` for anything that is not a date at all. */
export function calendarDay(formatMessage: string, options: { nonexistent?: string; outOfRange?: string } = {}) {
  return z
    .string({ error: formatMessage })
    .regex(ISO_DAY, { error: formatMessage, abort: true })
    .refine(isCalendarDay, { error: options.nonexistent ?? NONEXISTENT_DAY, abort: true })
    .refine(isDayInRange, { error: options.outOfRange ?? DAY_OUT_OF_RANGE, abort: true });
}

/** "YYYY-MM-DDTHH:MM" (what <input type="datetime-local"> sends) naming an existing day and time. */
export function calendarDateTime(formatMessage: string) {
  return z
    .string({ error: formatMessage })
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: formatMessage, abort: true })
    .refine((v) => isCalendarDay(v.slice(0, 10)) && isDayInRange(v.slice(0, 10)), { error: NONEXISTENT_DAY, abort: true })
    .refine((v) => Number(v.slice(11, 13)) <= 23 && Number(v.slice(14, 16)) <= 59, {
      error: "Orario inesistente: controlla ore e minuti",
      abort: true,
    });
}
