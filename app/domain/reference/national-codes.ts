import { ALBO_ROWS, CO_CONTRACT_TYPE_ROWS, DRIVING_LICENCE_ROWS, LANGUAGE_ROWS, PATENTINO_ROWS, STUDY_LEVEL_ROWS } from "./national-rows";

/**
 * Client-safe views of the small national code lists (forms and pages need their labels in the browser too). The rows are
 * copied from server/reference-data/national/ in national-rows.ts and a unit test keeps the copy equal to the CSVs; the
 * large lists (CCNL, titles of study, CP2011, ATECO) stay on the server (national.server.ts) and reach pages through
 * their loaders. Rosa's own mappings (ISO 639-1, EU licence categories, EQF) are explained in docs/legal/national-systems.md.
 */

const KEEP_UPPER = new Set(["UE", "EXTRA", "LSU", "ASU", "P.A.", "R.D.", "L.", "N.", "IND", "AFG", "INDON", "FIL", "CINA", "INDIA"]);

const ACCENTED: Record<string, string> = { a: "à", e: "è", i: "ì", o: "ò", u: "ù" };

/**
 * The ministry's upper-case labels in sentence case, acronyms kept («LAVORO O ATTIVITÀ SOCIALMENTE UTILE (LSU - ASU)»);
 * the tables' typewriter accents at the end of a word become letters («UNIVERSITA'» → «università»).
 */
export function niceLabel(s: string): string {
  if (s !== s.toUpperCase()) return s;
  const lower = s
    .split(/(\s+|[()])/)
    .map((w) => (KEEP_UPPER.has(w) ? w : w.toLowerCase()))
    .join("")
    .replace(/([aeiou])'(?=[\s,.;:)]|$)/g, (_m, v: string) => ACCENTED[v]!);
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

const day = (d: Date) => d.toISOString().slice(0, 10);

// ── Contract types (CO tipologie contrattuali) ────────────────────────────────────────────────────────────────

export interface ContractTypeEntry {
  code: string;
  label: string;
  validFrom: string | null;
  validTo: string | null;
}
export const CO_CONTRACT_TYPES: ReadonlyMap<string, ContractTypeEntry> = new Map(
  CO_CONTRACT_TYPE_ROWS.map(([code, label, validFrom, validTo]) => [code, { code, label: niceLabel(label), validFrom, validTo }]),
);

export const CO_CONTRACT_TYPE_PATTERN = /^[A-Z]\.\d{2}\.\d{2}$/;

/** In force on the day (ISO): ended codes (A.03.00, the apprenticeship of L. 196/97…) are not offered. */
export const contractTypeInForce = (e: Pick<ContractTypeEntry, "validFrom" | "validTo">, on: string = day(new Date())) =>
  (!e.validFrom || e.validFrom <= on) && (!e.validTo || e.validTo > on);

/** The label of a stored contract type (ended ones too), the code when unknown. */
export const contractTypeLabel = (code: string | null | undefined) => (code ? (CO_CONTRACT_TYPES.get(code)?.label ?? code) : null);

/** The options of a form: current codes, «Label (code)». */
export const currentContractTypeOptions = (on?: string): [string, string][] =>
  [...CO_CONTRACT_TYPES.values()].filter((e) => contractTypeInForce(e, on)).map((e) => [e.code, `${e.label} (${e.code})`]);

/** How the work is engaged: a CO contract with the employer, through an agency (UniSomm), or self-employment (no CO). */
export const ENGAGEMENT_LABELS = {
  direct: "Assunzione diretta da parte dell'azienda",
  agency: "Somministrazione tramite agenzia per il lavoro",
  self_employed: "Lavoro autonomo (nessuna comunicazione obbligatoria)",
} as const;
export type Engagement = keyof typeof ENGAGEMENT_LABELS;

// ── Working time (CO tipo orario) ───────────────────────────────────────────────────────────────────────────────

/** CO tipo orario that a person can choose (N has no official label). */
export const WORKING_TIME_CODES = {
  F: "Tempo pieno",
  P: "Tempo parziale orizzontale",
  V: "Tempo parziale verticale",
  M: "Tempo parziale misto",
} as const;
export type WorkingTimeCode = keyof typeof WORKING_TIME_CODES;
export const isPartTime = (code: string | null | undefined) => code === "P" || code === "V" || code === "M";

// ── Languages (ministerial codes) and levels ────────────────────────────────────────────────────────────────

export const LANGUAGES: Readonly<Record<string, string>> = Object.fromEntries(LANGUAGE_ROWS.map(([c, l]) => [c, niceLabel(l)]));
export const LANGUAGE_PATTERN = /^([0-9]{3}|[A-Z]{3}|WU)$/;
/** The options, Italian first, then the others in alphabetical order of their label. */
export const LANGUAGE_OPTIONS: [string, string][] = Object.entries(LANGUAGES).sort(([a, la], [b, lb]) =>
  a === "003" ? -1 : b === "003" ? 1 : la.localeCompare(lb, "it"),
);
export const CEFR_LEVELS = ["A1", "A2", "B1", "B2", "C1", "C2"] as const;

/**
 * Rosa's crosswalk ministerial → ISO 639-1 (the page `lang` and the CV files written before the national codes speak
 * ISO). Only unambiguous pairs: a ministerial code that is not one language (e.g. SEN «senegalese»), or one that shares
 * its ISO code with another (FIA flemish and OLA dutch, MAN kuan-hua and CIN mandarin), has none.
 */
export const ISO_OF_LANGUAGE: Readonly<Record<string, string>> = {
  "001": "en", "002": "de", "003": "it", "004": "ja", "005": "fr", ALB: "sq", ARA: "ar", BEN: "bn", BIH: "bh", BIR: "my",
  BOS: "bs", BUL: "bg", CEC: "cs", CIN: "zh", COR: "ko", CRO: "hr", DAN: "da", EBR: "he", FIN: "fi", GIU: "gu", GIV: "jv",
  GRE: "el", HID: "hi", ISL: "is", KAN: "kn", LTU: "lt", MAL: "ml", MAR: "mr", MAY: "ms", MKD: "mk", NOR: "no", OLA: "nl",
  ORI: "or", PAS: "ps", PER: "fa", POL: "pl", POR: "pt", PUN: "pa", RUM: "ro", RUS: "ru", SER: "sr", SIN: "si", SLO: "sl",
  SLV: "sk", SOM: "so", SPA: "es", SUN: "su", SVE: "sv", SWA: "sw", TAM: "ta", TEL: "te", THA: "th", TUR: "tr", UCR: "uk",
  UNG: "hu", URD: "ur", VIE: "vi",
}; // prettier-ignore
export const LANGUAGE_OF_ISO: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(ISO_OF_LANGUAGE).map(([m, i]) => [i, m]),
);

// ── Driving licences, patentini, albi ─────────────────────────────────────────────────────────────────────────

/** ClicLavoro/SAP driving licences (01 A, 02 B…): «Patente B». */
export const DRIVING_LICENCES: Readonly<Record<string, string>> = Object.fromEntries(
  DRIVING_LICENCE_ROWS.map(([c, l]) => [
    c,
    l.replace(/^PATENTE (.+)$/, (_m, cat: string) => `Patente ${cat.replace("EXTRA UE", "extra UE")}`),
  ]),
);
/**
 * The EU categories a vacancy may add as detail, and the ministerial code each falls under (the ministerial list is
 * coarser: AM, A1, A2 and A are «A»; BE, C1E, CE, D1E, DE are the old «E» for trailers).
 */
export const LICENCE_CODE_OF_CATEGORY = {
  AM: "01", A1: "01", A2: "01", A: "01", B: "02", BE: "05", C1: "03", C: "03", C1E: "05", CE: "05", D1: "04", D: "04", D1E: "05", DE: "05",
} as const; // prettier-ignore
export type LicenceCategory = keyof typeof LICENCE_CODE_OF_CATEGORY;
export const LICENCE_CATEGORIES = Object.keys(LICENCE_CODE_OF_CATEGORY) as LicenceCategory[];

export const PATENTINI: Readonly<Record<string, string>> = Object.fromEntries(PATENTINO_ROWS.map(([c, l]) => [c, niceLabel(l)]));
export const ALBI: Readonly<Record<string, string>> = Object.fromEntries(ALBO_ROWS.map(([c, l]) => [c, niceLabel(l)]));

// ── Titles of study ───────────────────────────────────────────────────────────────────────────────────────────

/** Ministerial levels of study 0–12 (the 8-digit titles are on the server: national.server.ts, `studyTitles`). */
export const STUDY_LEVELS: Readonly<Record<string, string>> = Object.fromEntries(STUDY_LEVEL_ROWS.map(([c, l]) => [c, niceLabel(l)]));
export const STUDY_LEVEL_TOP_TITLE: Readonly<Record<string, string>> = Object.fromEntries(STUDY_LEVEL_ROWS.map(([c, , t]) => [c, t]));

/**
 * EQF level of a ministerial level of study (and 8-digit title where the level alone does not tell), where it is known;
 * null when it is not (the sources carry no EQF: this is Rosa's reading of the national qualifications framework).
 */
export function eqfOfStudy(level: number | null | undefined, title?: string | null): number | null {
  if (level === null || level === undefined) return null;
  if (level === 7) {
    if (title?.startsWith("71")) return 6;
    if (title && /^7[234]/.test(title)) return 7;
    return 6;
  }
  return ({ 0: 0, 1: 1, 2: 1, 3: 3, 4: 4, 5: 5, 6: 6, 9: 7, 10: 7, 11: 8, 12: 8 } as Record<number, number>)[level] ?? null;
}

/**
 * ClicLavoro's `idtitolostudio` (2 digits) of a level and optional title: the first digit of the 8-digit title and «0»,
 * except 81 and 83 which stay as they are; «nessun titolo» has none (MyPortal's rule, as in titoli_studio.csv).
 */
export function clicLavoroStudyCode(level: number | null | undefined, title?: string | null): string | null {
  const code = title ?? (level === null || level === undefined ? null : STUDY_LEVEL_TOP_TITLE[String(level)]);
  if (!code || code.startsWith("0")) return null;
  const two = code.slice(0, 2);
  return two === "81" || two === "83" ? two : `${code[0]}0`;
}
