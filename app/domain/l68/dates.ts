/** Calendar arithmetic on ISO dates (yyyy-mm-dd), in UTC so no time zone shifts a day. */
const toUtc = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));

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

/** Art. 9 c. 1 L. 68/1999: 60 days to hire or to file the request once the obligation arises. */
export const OBLIGATION_DAYS = 60;

/** The prospetto informativo is due by 31 January (art. 9 c. 6), describing 31 December before. */
export const prospettoDeadline = (deadlineYear: number) => `${deadlineYear}-01-31`;
