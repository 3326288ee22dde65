/**
 * CV freshness (client-safe, pure). A CV not updated or confirmed for more than
 * `months` calendar months is obsolete: shown as such, excluded from matching
 * by default, and the candidate/officer is asked to confirm it.
 */
export const DEFAULT_CV_OBSOLETE_MONTHS = 6;

/** The instant from which a CV last updated at `updatedAt` counts as obsolete (same day of month, clamped). */
export function cvObsoleteFrom(updatedAt: Date, months: number): Date {
  const d = new Date(updatedAt.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return d;
}

export function isCvObsolete(updatedAt: Date | string, now: Date, months = DEFAULT_CV_OBSOLETE_MONTHS): boolean {
  const at = updatedAt instanceof Date ? updatedAt : new Date(updatedAt);
  return now.getTime() > cvObsoleteFrom(at, months).getTime();
}

/** The cut-off as the index stores dates (unix seconds), for search filters. */
export function obsoleteCutoffSeconds(now: Date, months = DEFAULT_CV_OBSOLETE_MONTHS): number {
  return Math.floor(obsoleteCutoff(now, months).getTime() / 1000);
}

/** The cut-off for SQL/search filters: CVs updated before it are obsolete. */
export function obsoleteCutoff(now: Date, months = DEFAULT_CV_OBSOLETE_MONTHS): Date {
  const d = new Date(now.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return d;
}
