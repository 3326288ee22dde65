/** Whether a delivery's duration is within the standard's range; null bounds mean the source text gives none. */
export function durationCheck(standard: { min_minutes: number | null; max_minutes: number | null }, minutes: number): { ok: boolean; message: string | null } {
  const { min_minutes: min, max_minutes: max } = standard;
  if (min !== null && minutes < min) return { ok: false, message: `Durata inferiore allo standard (minimo ${formatMinutes(min)}): spiega perché` };
  if (max !== null && minutes > max) return { ok: false, message: `Durata superiore allo standard (massimo ${formatMinutes(max)}): spiega perché` };
  return { ok: true, message: null };
}

export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (!h) return `${m} min`;
  return m ? `${h} h ${m} min` : `${h} h`;
}
