/**
 * Training absence bands of workers on CIGS (art. 25-ter D.Lgs. 148/2015; DM 2 August 2022 on sanctions): the share
 * of the course's total hours missed without justification decides the sanction the inspectorate may apply —
 * from 25 % one third of a monthly payment, from 50 % half of it, above 80 % loss of the benefit (decadenza). Rosa
 * only proposes: an officer confirms or dismisses (docs/decisions/outplacement.md «Firma, contatti mensili, assenze,
 * comitato»). Pure and client-safe.
 */

export const TRAINING_BANDS = [1, 2, 3] as const;
export type TrainingBand = (typeof TRAINING_BANDS)[number];

/** Where each band starts (percent of the course's total hours); band 3 starts strictly above its threshold. */
export const TRAINING_BAND_THRESHOLDS: Record<TrainingBand, number> = { 1: 25, 2: 50, 3: 80 };

export const TRAINING_BAND_LABELS: Record<TrainingBand, string> = {
  1: "Assenze ingiustificate dal 25 % al 50 % delle ore del corso",
  2: "Assenze ingiustificate dal 50 % all'80 % delle ore del corso",
  3: "Assenze ingiustificate oltre l'80 % delle ore del corso",
};

export const TRAINING_BAND_SANCTIONS: Record<TrainingBand, string> = {
  1: "Decurtazione di un terzo di una mensilità dell'integrazione salariale",
  2: "Decurtazione di metà di una mensilità dell'integrazione salariale",
  3: "Decadenza dall'integrazione salariale",
};

/** Unjustified absence as a percent of the course's total (one decimal), or null when the total is unknown. */
export function absencePercent(unjustifiedMinutes: number, courseTotalMinutes: number | null | undefined): number | null {
  if (!courseTotalMinutes || courseTotalMinutes <= 0) return null;
  return Math.round((Math.max(0, unjustifiedMinutes) / courseTotalMinutes) * 1000) / 10;
}

/**
 * The band reached: none below 25 %; 1 from 25 % (included) to below 50 %; 2 from 50 % to 80 % (both included);
 * 3 above 80 %. Computed on the exact ratio, not on the rounded percent.
 */
export function trainingBand(unjustifiedMinutes: number, courseTotalMinutes: number | null | undefined): TrainingBand | null {
  if (!courseTotalMinutes || courseTotalMinutes <= 0) return null;
  const share = (Math.max(0, unjustifiedMinutes) * 100) / courseTotalMinutes;
  if (share > TRAINING_BAND_THRESHOLDS[3]) return 3;
  if (share >= TRAINING_BAND_THRESHOLDS[2]) return 2;
  if (share >= TRAINING_BAND_THRESHOLDS[1]) return 1;
  return null;
}

/**
 * The band to propose now: the band reached, when it is higher than every band already proposed for the course (a
 * worker who jumps from 20 % to 55 % gets one proposal, for band 2; a band is never proposed twice).
 */
export function bandToPropose(reached: TrainingBand | null, alreadyProposed: readonly number[]): TrainingBand | null {
  if (!reached) return null;
  return alreadyProposed.some((b) => b >= reached) ? null : reached;
}
