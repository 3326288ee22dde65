/** Client-safe vocabularies of matching. */
export const CEFR_ORDER = ["A1", "A2", "B1", "B2", "C1", "C2"] as const;
export type Cefr = (typeof CEFR_ORDER)[number];

/** Vacancy education codes (app/domain/vacancies/codes.ts) → EQF level the candidate must reach. */
export const EDUCATION_EQF: Record<string, number> = {
  none: 0,
  lower_secondary: 1,
  vocational: 3,
  upper_secondary: 4,
  its: 5,
  bachelor: 6,
  master: 7,
  doctorate: 8,
};

/**
 * Which candidate licences satisfy a vacancy licence requirement: a higher
 * category includes the lower one it presupposes (C needs B, CE needs C …).
 * "Muletto" is not a driving licence: it is looked for among certificates.
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
  CQC: ["CQC_MERCI", "CQC_PERSONE"],
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
