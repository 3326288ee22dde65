// Calendar arithmetic is shared with the rest of the portal.
export { addDays, addMonths, daysBetween } from "~/utils/dates";

/** Art. 9 c. 1 L. 68/1999: 60 days to hire or to file the request once the obligation arises. */
export const OBLIGATION_DAYS = 60;

/** The prospetto informativo is due by 31 January (art. 9 c. 6), describing 31 December before. */
export const prospettoDeadline = (deadlineYear: number) => `${deadlineYear}-01-31`;
