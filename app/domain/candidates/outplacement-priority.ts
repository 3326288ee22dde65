/**
 * The «ricollocazione» priority in candidate search (client-safe, pure): the Meilisearch filter and sort that put the
 * workers of a redundancy cohort first, for officers only (docs/decisions/outplacement.md). The window is indexed as
 * the Unix seconds of its first and last day (search-document.ts, outplacementFields).
 */

/** Sort for «priority first»: documents without a window come after every document with one. */
export const OUTPLACEMENT_PRIORITY_SORT = "outplacementPriorityTo:desc";

const daySeconds = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / 1000);

/** Workers whose priority window contains `today` (YYYY-MM-DD); of one event's cohort only, if given. */
export function outplacementPriorityFilter(today: string, eventId?: string): string {
  const t = daySeconds(today);
  const window = `outplacementPriorityFrom <= ${t} AND outplacementPriorityTo >= ${t}`;
  if (!eventId) return window;
  if (!/^[0-9a-f-]{36}$/i.test(eventId)) throw new Error("eventId must be a uuid");
  return `${window} AND outplacementEventIds = "${eventId}"`;
}

/** Whether an indexed candidate is in priority on `today`. */
export function inOutplacementPriority(
  doc: { outplacementPriorityFrom: number | null; outplacementPriorityTo: number | null },
  today: string,
) {
  const t = daySeconds(today);
  return (
    doc.outplacementPriorityFrom !== null &&
    doc.outplacementPriorityTo !== null &&
    doc.outplacementPriorityFrom <= t &&
    doc.outplacementPriorityTo >= t
  );
}
