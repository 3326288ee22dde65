/** Calendar days as "YYYY-MM-DD" strings, in Italian time (client-safe). */

// One formatter for every call: building an Intl.DateTimeFormat costs far more than formatting with it (it was
// ~0.5 ms of each officer search page in the CPU profile, docs/performance.md).
const romeDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Rome", year: "numeric", month: "2-digit", day: "2-digit" });

/** Today's date in Italy (the server may run in UTC). */
export function todayInItaly(now: Date = new Date()): string {
  return romeDay.format(now);
}

const romeDateTime = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Rome",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** An instant as Italian local time, `YYYY-MM-DDThh:mm:ss` (xs:dateTime without zone, as the national systems take it). */
export function italianDateTime(instant: Date | string): string {
  const parts = romeDateTime.formatToParts(new Date(instant));
  const get = (t: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === t)!.value;
  return `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}:${get("second")}`;
}

// Arithmetic in UTC so that no time zone or daylight-saving change shifts a day.
const toUtc = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));

/** The calendar day `days` after (or before, if negative) `iso`. */
export function addDays(iso: string, days: number): string {
  return new Date(toUtc(iso) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The same day `months` later, clamped to the month's last day (31 Aug + 6 months = 28/29 Feb). */
export function addMonths(iso: string, months: number): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7)) - 1 + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(Number(iso.slice(8, 10)), last))).toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / 86_400_000);
}

/**
 * "YYYY-MM-DDTHH:MM" typed in Italy (what <input type="datetime-local"> sends) as the instant it names,
 * whatever the server's time zone.
 */
export function italianLocalToDate(value: string): Date {
  const [y, mo, d, h, mi] = [value.slice(0, 4), value.slice(5, 7), value.slice(8, 10), value.slice(11, 13), value.slice(14, 16)].map(
    Number,
  );
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  const offsetAt = (t: number) => {
    const p = Object.fromEntries(romeDateTime.formatToParts(new Date(t)).map((x) => [x.type, x.value]));
    return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute)) - t;
  };
  const first = asUtc - offsetAt(asUtc);
  return new Date(asUtc - offsetAt(first));
}
