/** Whether a delivery's duration is within the standard's range; null bounds mean the source text gives none. */
export function durationCheck(
  standard: { min_minutes: number | null; max_minutes: number | null },
  minutes: number,
): { ok: boolean; message: string | null } {
  const { min_minutes: min, max_minutes: max } = standard;
  if (min !== null && minutes < min)
    return { ok: false, message: `Durata inferiore allo standard (minimo ${formatMinutes(min)}): spiega perché` };
  if (max !== null && minutes > max)
    return { ok: false, message: `Durata superiore allo standard (massimo ${formatMinutes(max)}): spiega perché` };
  return { ok: true, message: null };
}

export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (!h) return `${m} min`;
  return m ? `${h} h ${m} min` : `${h} h`;
}

/**
 * Where each automatic service usually happens (Trento 4B: «colloquio con il referente aziendale ed eventuali
 * visite aziendali»; 4C: «ricerche in banca dati, contatti con i lavoratori»; 4D: verification and selection at the CPI).
 * Only the prefill of the action's form: the officer records what actually happened.
 */
export const STANDARD_MODALITY = { "4B": "company", "4C": "office", "4D-VERIFICA": "office", "4D-SELEZIONE": "office" } as const;

/** The prefill of an automatic register row: the standard's minimum time (or 60 min when it gives none). */
export function standardPrefill(standard: { code: string; min_minutes: number | null } | undefined, code: keyof typeof STANDARD_MODALITY) {
  return { minutes: standard?.min_minutes ?? 60, modality: STANDARD_MODALITY[code] };
}
