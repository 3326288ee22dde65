/** Client-safe vocabularies of matching. */
export const CEFR_ORDER = ["A1", "A2", "B1", "B2", "C1", "C2"] as const;
export type Cefr = (typeof CEFR_ORDER)[number];

/**
 * Which candidate licences satisfy a vacancy licence requirement: a higher
 * category includes the lower one it presupposes (C needs B, CE needs C …).
 * "Muletto" and the CQC are not driving licences: they are looked for among certificates.
 */
export const LICENCE_SATISFIED_BY: Record<string, string[]> = {
  AM: ["AM", "A1", "A2", "A", "B"],
  A1: ["A1", "A2", "A"],
  A2: ["A2", "A"],
  A: ["A"],
  B: ["B", "BE", "C1", "C1E", "C", "CE", "D1", "D1E", "D", "DE"],
  BE: ["BE", "C1E", "CE", "D1E", "DE"],
  C1: ["C1", "C1E", "C", "CE"],
  C: ["C", "CE"],
  CE: ["CE"],
  D1: ["D1", "D1E", "D", "DE"],
  D: ["D", "DE"],
  DE: ["DE"],
};

/**
 * A vacancy that names only the ministerial licence (patenti.csv, coarser than the EU categories): the CV categories
 * that satisfy it (the lowest category of each ministerial code and those that include it).
 */
export const LICENCES_OF_CODE: Record<string, string[]> = {
  "01": ["A1", "A2", "A"],
  "02": LICENCE_SATISFIED_BY.B!,
  "03": LICENCE_SATISFIED_BY.C1!,
  "04": LICENCE_SATISFIED_BY.D1!,
  "05": LICENCE_SATISFIED_BY.BE!,
};

/** Preference strength: the visible points of each grade. */
export const STRENGTH = {
  unit: { points: 40, label: "stessa professione (unità CP2021)" },
  category: { points: 30, label: "stessa categoria professionale (4ª cifra CP2021)" },
  class: { points: 20, label: "stessa classe professionale (3ª cifra CP2021)" },
  experience: { points: 10, label: "esperienza nella professione, senza propensione" },
} as const;
export type Strength = keyof typeof STRENGTH;
export const STRENGTH_ORDER: Strength[] = ["unit", "category", "class", "experience"];

/** Points of the preferable requirements in the employer's order; later ones are shown but not scored. */
export const NICE_POINTS = [10, 8, 6, 4, 2] as const;
