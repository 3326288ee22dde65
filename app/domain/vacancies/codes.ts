import type { RequirementKind } from "~/db/tables/vacancies";

/**
 * Client-safe code lists of a vacancy. Contract types use the tipologia
 * contrattuale codes of the comunicazioni obbligatorie (UNILAV) where the
 * ecosystem notes give them (docs/legal/national-systems.md#unilav; the full table in
 * the ministerial "Modelli e Regole" is to be checked); keys are stable, labels Italian.
 */
export const CONTRACT_TYPES = {
  "A.01.00": "Lavoro a tempo indeterminato",
  "A.02.00": "Lavoro a tempo determinato",
  "A.03.00": "Apprendistato",
  "C.01.00": "Tirocinio extracurricolare",
  "B.03.00": "Collaborazione coordinata e continuativa",
  // Not UNILAV tipologie: somministrazione goes through UniSomm, self-employment has no CO.
  SOMM: "Somministrazione (tramite agenzia per il lavoro)",
  AUTONOMO: "Lavoro autonomo",
} as const;
export type ContractType = keyof typeof CONTRACT_TYPES;

export const WORKING_TIME_LABELS = { full_time: "Tempo pieno", part_time: "Tempo parziale" } as const;

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
  certificate: "Certificazione o abilitazione",
  skill: "Competenza",
} as const satisfies Record<RequirementKind, string>;

export const PRIORITY_LABELS = { must: "Indispensabile", nice: "Preferibile" } as const;

/** Education levels (simplified national scale, mapped to EQF in the label). */
export const EDUCATION_LEVELS = {
  none: "Nessun titolo",
  lower_secondary: "Licenza media (EQF 1)",
  vocational: "Qualifica professionale (EQF 3)",
  upper_secondary: "Diploma di scuola superiore (EQF 4)",
  its: "Diploma ITS Academy (EQF 5)",
  bachelor: "Laurea triennale (EQF 6)",
  master: "Laurea magistrale (EQF 7)",
  doctorate: "Dottorato (EQF 8)",
} as const;

export const LANGUAGES = {
  it: "Italiano",
  en: "Inglese",
  fr: "Francese",
  de: "Tedesco",
  es: "Spagnolo",
  pt: "Portoghese",
  ro: "Rumeno",
  ar: "Arabo",
  zh: "Cinese",
  ru: "Russo",
} as const;

export const CEFR_LEVELS = ["A1", "A2", "B1", "B2", "C1", "C2"] as const;

export const LICENCE_CATEGORIES = ["AM", "A1", "A2", "A", "B", "BE", "C1", "C", "CE", "D1", "D", "DE", "CQC", "Muletto"] as const;

/** Channels through which a vacancy filled outside Rosa was filled. */
export const OUTCOME_CHANNELS = {
  rosa: "Candidati presentati dal CPI (Rosa)",
  self: "Ricerca diretta dell'azienda",
  agency: "Agenzia per il lavoro",
  other: "Altro canale",
} as const;
