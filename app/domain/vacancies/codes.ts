import type { RequirementKind } from "~/db/tables/vacancies";
import { contractTypeLabel, ENGAGEMENT_LABELS, type Engagement } from "~/domain/reference";

/**
 * Client-safe vocabularies of a vacancy. The national code lists (CO contract types and tipo orario, ministerial languages,
 * titles of study, driving licences, patentini, albi) come from the reference context; see docs/legal/national-systems.md.
 */
export { ENGAGEMENT_LABELS, type Engagement };

/** The coarse working time (derived from the CO tipo orario: F is full time, P/V/M part time) for filters and lists. */
export const WORKING_TIME_LABELS = { full_time: "Tempo pieno", part_time: "Tempo parziale" } as const;

/** «Lavoro a tempo determinato», «Somministrazione tramite agenzia… — Lavoro a tempo determinato», «Lavoro autonomo…». */
export function contractLabel(v: { engagement?: Engagement | null; contractType: string | null }): string {
  const contract = contractTypeLabel(v.contractType);
  if (v.engagement === "self_employed") return "Lavoro autonomo";
  if (v.engagement === "agency") return contract ? `Somministrazione tramite agenzia — ${contract}` : "Somministrazione tramite agenzia";
  return contract ?? "—";
}

/** The public board's contract filter: a few groups a jobseeker understands, each a filter on the index. */
export const BOARD_CONTRACT_FILTERS = {
  "A.01.00": { label: "Tempo indeterminato", filter: 'contractType = "A.01.00"' },
  "A.02.00": { label: "Tempo determinato", filter: 'contractType IN ["A.02.00", "A.02.01"]' },
  apprendistato: { label: "Apprendistato", filter: 'contractType IN ["A.03.08", "A.03.09", "A.03.10"]' },
  "B.03.00": { label: "Collaborazione coordinata e continuativa", filter: 'contractType = "B.03.00"' },
  "C.01.00": { label: "Tirocinio", filter: 'contractType = "C.01.00"' },
  SOMM: { label: "Somministrazione tramite agenzia", filter: 'engagement = "agency"' },
  AUTONOMO: { label: "Lavoro autonomo", filter: 'engagement = "self_employed"' },
} as const;
export const BOARD_CONTRACT_LABELS = Object.fromEntries(Object.entries(BOARD_CONTRACT_FILTERS).map(([k, v]) => [k, v.label])) as Record<
  keyof typeof BOARD_CONTRACT_FILTERS,
  string
>;

export const PAY_PERIOD_LABELS = { hour: "all'ora", month: "al mese", year: "all'anno" } as const;

export const PUBLICATION_MODE_LABELS = {
  public: "Pubblica, con il nome dell'azienda",
  anonymous: "Pubblica anonima (compare il Centro per l'Impiego)",
  internal: "Solo interna (non pubblicata: la gestisce il CPI)",
} as const;

export const L68_LABELS = {
  no: "Aperta a tutti",
  art1: "Riservata alle persone con disabilità iscritte al collocamento mirato (L. 68/99, art. 1)",
  art18: "Riservata alle categorie protette (L. 68/99, art. 18)",
} as const;

export const REQUIREMENT_KIND_LABELS = {
  education: "Titolo di studio",
  experience: "Esperienza",
  language: "Lingua",
  licence: "Patente di guida",
  certificate: "Certificazione, abilitazione o albo",
  skill: "Competenza",
} as const satisfies Record<RequirementKind, string>;

export const PRIORITY_LABELS = { must: "Indispensabile", nice: "Preferibile" } as const;

/** Channels through which a vacancy filled outside Rosa was filled. */
export const OUTCOME_CHANNELS = {
  rosa: "Candidati presentati dal CPI (Rosa)",
  self: "Ricerca diretta dell'azienda",
  agency: "Agenzia per il lavoro",
  other: "Altro canale",
} as const;
