/** Calendar arithmetic on ISO dates (yyyy-mm-dd), in UTC so no time zone shifts a day. */
const toUtc = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));

export function addDays(iso: string, days: number): string {
  return new Date(toUtc(iso) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / 86_400_000);
}

/** Art. 9 c. 1 L. 68/1999: 60 days to hire or to file the request once the obligation arises. */
export const OBLIGATION_DAYS = 60;

/** The prospetto informativo is due by 31 January (art. 9 c. 6), describing 31 December before. */
export const prospettoDeadline = (deadlineYear: number) => `${deadlineYear}-01-31`;
