/**
 * The candidate-document fields matching needs beyond the officer's search
 * (pure, client-safe). They are added to the candidate index by
 * app/domain/candidates/search-document.ts; the same functions decide, in the
 * explanation and in the brute-force check, whether a requirement is met, so
 * the filter and the explanation can never disagree.
 */
import { CEFR_ORDER, type Cefr } from "./codes";
import { foldAccents } from "~/utils/text";

export interface MatchingFields {
  /** CP2021 4-level categories ("5.1.2.2") of the preferences, in slot order. */
  occupationCategories: string[];
  /** CP2021 units of past jobs (experiences). */
  experienceCodes: string[];
  /** "code:n" for every whole year n (1..50) of experience in that unit: "at least n years" is one equality filter. */
  experienceYears: string[];
  /** "001:A1" (ministerial language code) … up to the level held: "at least B1" is one equality filter. */
  languageLevels: string[];
  /**
   * The EU categories of the driving licences (the one the CV gives as detail, else the lowest of the ministerial
   * licence: «Patente C» alone is C1); matching expands what a requirement accepts (codes.ts LICENCE_SATISFIED_BY).
   */
  licenceCategories: string[];
  /** Normalised words of the certificates ("haccp", "muletto"). */
  certificateTokens: string[];
  /** The official papers the certificates name: "patentino:07" (patentini.csv), "albo:0001" (albi.csv). */
  certificateCodes: string[];
  /** Normalised words of certificates and IT skills. */
  skillTokens: string[];
}

export interface MatchingSource {
  preferences: { slot: number; occupation_code: string }[];
  experiences: { occupation_code?: string | null; started_on?: Date | string | null; ended_on?: Date | string | null }[];
  languages: { language_code: string; level: string }[];
  motherTongues?: string[];
  /** Ministerial licence (patenti.csv) and optional EU category. */
  licences?: { licence_code: string; licence_category: string | null }[];
  certificates: string[];
  /** "patentino:07", "albo:0001" of the certificates that name one. */
  certificateCodes?: string[];
  itSkills: string[];
}

export const MAX_EXPERIENCE_YEARS = 50;
const DAY = 86_400_000;

export const codePrefix = (code: string, parts: number) => code.split(".").slice(0, parts).join(".");

/** Words that say what kind of paper it is, not what it certifies. */
const GENERIC_WORDS = new Set([
  "attestato",
  "attestazione",
  "certificato",
  "certificazione",
  "corso",
  "patentino",
  "abilitazione",
  "qualifica",
  "di",
  "del",
  "della",
  "dei",
  "delle",
  "per",
  "e",
  "ed",
  "in",
  "con",
  "la",
  "il",
  "lo",
  "le",
  "gli",
  "un",
  "una",
  "uso",
  "conoscenza",
  "base",
  "buona",
  "ottima",
  "livello",
  "addetto",
  "addetta",
  "valido",
  "valida",
  "a",
  "da",
  "al",
  "alla",
  "su",
]);

/** Lower case, no accents, words of letters/digits, generic words dropped. */
export function significantTokens(text: string): string[] {
  const words = foldAccents(text)
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 2 && !GENERIC_WORDS.has(w));
  return [...new Set(words)];
}

function toTime(d: Date | string): number {
  return (d instanceof Date ? d : new Date(`${String(d).slice(0, 10)}T00:00:00Z`)).getTime();
}

/**
 * The day a job in progress has reached at `now`, as experienceYearsByCode counts it: spans are rounded to whole days
 * from dates at 00:00 UTC, so the count of every such job steps at 12:00 UTC and between two times of the same step
 * no one's years can change (refreshExperienceYears reads nothing then).
 */
export function experienceDayStep(now: Date): number {
  return Math.round(now.getTime() / DAY);
}

/** Whole years of experience per CP2021 unit (overlapping jobs add up, as a CV reads). */
export function experienceYearsByCode(experiences: MatchingSource["experiences"], now: Date): Map<string, number> {
  const days = new Map<string, number>();
  for (const e of experiences) {
    if (!e.occupation_code || !e.started_on) continue;
    const end = e.ended_on ? toTime(e.ended_on) : now.getTime();
    const span = Math.max(0, Math.round((end - toTime(e.started_on)) / DAY));
    days.set(e.occupation_code, (days.get(e.occupation_code) ?? 0) + span);
  }
  return new Map([...days].map(([code, d]) => [code, Math.min(MAX_EXPERIENCE_YEARS, Math.floor(d / 365.25))]));
}

/** "001:A1" … up to the level held; a mother tongue holds every level. */
export function languageLevelTokens(languages: MatchingSource["languages"], motherTongues: string[] = []): string[] {
  const out = new Set<string>();
  const held = [...languages, ...motherTongues.map((code) => ({ language_code: code, level: CEFR_ORDER[CEFR_ORDER.length - 1] }))];
  for (const l of held) {
    const top = CEFR_ORDER.indexOf(l.level as Cefr);
    for (let i = 0; i <= top; i++) out.add(`${l.language_code}:${CEFR_ORDER[i]}`);
  }
  return [...out].sort();
}

/** The lowest EU category of each ministerial licence that has categories (A, B, C, D, E); F, UE, extra UE have none. */
export const LOWEST_CATEGORY_OF_LICENCE: Readonly<Record<string, string>> = { "01": "A1", "02": "B", "03": "C1", "04": "D1", "05": "BE" };

export function licenceCategoryTokens(licences: NonNullable<MatchingSource["licences"]>): string[] {
  const out = new Set<string>();
  for (const l of licences) {
    const category = l.licence_category ?? LOWEST_CATEGORY_OF_LICENCE[l.licence_code];
    if (category) out.add(category);
  }
  return [...out].sort();
}

export function matchingFields(src: MatchingSource, now: Date = new Date()): MatchingFields {
  const prefs = [...src.preferences].sort((a, b) => a.slot - b.slot);
  const years = experienceYearsByCode(src.experiences, now);
  const experienceYears: string[] = [];
  for (const [code, n] of years) for (let i = 1; i <= n; i++) experienceYears.push(`${code}:${i}`);
  const certificateTokens = [...new Set(src.certificates.flatMap(significantTokens))].sort();
  return {
    occupationCategories: [...new Set(prefs.map((p) => codePrefix(p.occupation_code, 4)))],
    experienceCodes: [...new Set(src.experiences.map((e) => e.occupation_code).filter((c): c is string => !!c))].sort(),
    experienceYears: experienceYears.sort(),
    languageLevels: languageLevelTokens(src.languages, src.motherTongues),
    licenceCategories: licenceCategoryTokens(src.licences ?? []),
    certificateTokens,
    certificateCodes: [...new Set(src.certificateCodes ?? [])].sort(),
    skillTokens: [...new Set([...certificateTokens, ...src.itSkills.flatMap(significantTokens)])].sort(),
  };
}
