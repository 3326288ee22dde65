/**
 * The LEP R row of the services register (docs/decisions/tirocini.md «Registro»): one row per internship, whose minutes
 * are the officer's real time on it and whose modality is where most of that time was spent. Bounds: standard R
 * 600–1200 minutes (Trento 2Cc, 10–20 hours); R-SVANT up to 3000 minutes for disabled or disadvantaged trainees (Trento
 * 3Bc, 50 hours); Emilia-Romagna's 720 minutes are a reference. Client-safe.
 */
export const REGISTER_STANDARDS = {
  R: { code: "R", minMinutes: 600, maxMinutes: 1200 },
  "R-SVANT": { code: "R-SVANT", minMinutes: null, maxMinutes: 3000 },
} as const;

export type RegisterStandardCode = keyof typeof REGISTER_STANDARDS;

/** Emilia-Romagna, presa in carico item 7: the standard time of one internship activation. */
export const ER_REFERENCE_MINUTES = 720;

export function registerStandardFor(trainee: { disabled: boolean; disadvantaged: boolean }): RegisterStandardCode {
  return trainee.disabled || trainee.disadvantaged ? "R-SVANT" : "R";
}

export type Modality = "office" | "company" | "remote";

/** The register row from the time entries: total minutes, last day, the modality with most minutes (ties: first listed). */
export function registerRow(entries: readonly { deliveredOn: string; minutes: number; modality: Modality }[]) {
  if (!entries.length) return null;
  const byModality: Record<Modality, number> = { company: 0, office: 0, remote: 0 };
  let minutes = 0;
  let lastDay = entries[0].deliveredOn;
  for (const e of entries) {
    minutes += e.minutes;
    byModality[e.modality] += e.minutes;
    if (e.deliveredOn > lastDay) lastDay = e.deliveredOn;
  }
  const modality = (Object.keys(byModality) as Modality[]).reduce((a, b) => (byModality[b] > byModality[a] ? b : a));
  return { minutes, deliveredOn: lastDay, modality };
}

/**
 * Where the total stands against the bounds: `over` needs a justification; `under` is normal while the internship
 * runs and is reported when it ends.
 */
export function registerBounds(code: RegisterStandardCode, minutes: number): "under" | "within" | "over" {
  const s = REGISTER_STANDARDS[code];
  if (s.maxMinutes !== null && minutes > s.maxMinutes) return "over";
  if (s.minMinutes !== null && minutes < s.minMinutes) return "under";
  return "within";
}
