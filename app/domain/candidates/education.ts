import { clicLavoroStudyCode, eqfOfStudy, STUDY_LEVELS } from "~/domain/reference";
import { foldAccents } from "~/utils/text";

/**
 * The CV's titles of study in the ministerial codes (client-safe, pure): the level of study 0–12 and, when known, the
 * 8-digit title (`titoli_studio.csv`), as a vacancy's education requirement stores them. The EQF level is derived
 * (`eqfOfStudy`), never stored. Decisions in docs/legal/national-systems.md («Titoli di studio nel CV»).
 */
export interface CvStudy {
  studyLevel: number;
  studyTitleCode: string | null;
}

/** A `candidate_education` row's codes as the functions below take them. */
export const cvStudyOf = (row: { study_level: number; study_title_code: string | null }): CvStudy => ({
  studyLevel: row.study_level,
  studyTitleCode: row.study_title_code,
});

/**
 * The first digits every 8-digit title of a level starts with (titoli_studio.csv: 80… post-laurea, 81… master di I
 * livello, 82… di II livello, 83… specializzazione, 9… dottorato); the database checks the same rule.
 */
export const titlePrefixOfLevel = (level: number) => ({ 8: "80", 9: "81", 10: "82", 11: "83", 12: "9" })[level] ?? String(level);
export const titleBelongsToLevel = (title: string, level: number) => title.startsWith(titlePrefixOfLevel(level));

const fold = (s: string) => foldAccents(s.toLowerCase());

/**
 * The ministerial level (and title, where the level alone does not give the same EQF) of a title stored as an EQF level
 * with the person's words: the conversion of the old CV rows (migration 2026_12_08_1200_cv_education_official_codes,
 * which repeats it in SQL) and of the CSV import's `livello_eqf`. The words only choose within the EQF level, so the EQF
 * derived afterwards is the one stored, except EQF 2: the ministerial tables have no title for it (QNQ level 2 is the
 * certificate of compulsory schooling, whose title is the licenza media, EQF 1). Null for a value outside 1–8.
 */
export function studyOfEqf(eqf: number, text = ""): CvStudy | null {
  const t = fold(text);
  const s = (studyLevel: number, studyTitleCode: string | null = null): CvStudy => ({ studyLevel, studyTitleCode });
  switch (eqf) {
    case 1:
      return s(/elementare/.test(t) ? 1 : 2);
    case 2:
      return s(2);
    case 3:
      return s(3);
    case 4:
      return s(4);
    case 5:
      return s(5);
    case 6:
      return /diploma universitario/.test(t) ? s(6) : s(7, "71000000");
    case 7:
      if (/\bmaster\b/.test(t)) return s(/\b(ii|secondo|2)\b.{0,3}livello|livello (ii|2)\b/.test(t) ? 10 : 9);
      if (/vecchio ordinamento/.test(t)) return s(7, "72000000");
      if (/ciclo unico/.test(t)) return s(7, "73000000");
      return s(7, "74000000");
    case 8:
      return /specializzazione/.test(t) ? s(11) : s(12);
    default:
      return null;
  }
}

/** The EQF of one title (null where no source gives it: post-laurea generico). */
export const eqfOfCvStudy = (e: CvStudy) => eqfOfStudy(e.studyLevel, e.studyTitleCode);

/** The highest EQF of the CV's titles, 0 when none is known (what matching compares with a vacancy's requirement). */
export const highestEqf = (rows: CvStudy[]) => Math.max(0, ...rows.map((e) => eqfOfCvStudy(e) ?? 0));

/** The highest ministerial level of the CV (the officer's search filter), -1 for a CV without titles. */
export const highestStudyLevel = (rows: CvStudy[]) => Math.max(-1, ...rows.map((e) => e.studyLevel));

/** The title with the highest level (the most specific one among equals): the one the UNILAV's level of education reports. */
export function highestStudy<T extends CvStudy>(rows: T[]): T | null {
  return rows.reduce<T | null>(
    (best, e) =>
      !best || e.studyLevel > best.studyLevel || (e.studyLevel === best.studyLevel && !best.studyTitleCode && e.studyTitleCode) ? e : best,
    null,
  );
}

/** The UNILAV/ClicLavoro 2-digit level of education of the CV (the depth-1 title's code), null when it has none. */
export function unilavEducationLevelOf(rows: CvStudy[]): string | null {
  const top = highestStudy(rows);
  return top ? clicLavoroStudyCode(top.studyLevel, top.studyTitleCode) : null;
}

/** «Diploma di ragioneria (Diploma di istruzione secondaria superiore…, EQF 4)»: the person's words, then the official level. */
export function studyLine(e: CvStudy & { title: string; studyTitleLabel?: string | null }): string {
  const official = e.studyTitleLabel ?? STUDY_LEVELS[String(e.studyLevel)] ?? `Livello ${e.studyLevel}`;
  const eqf = eqfOfCvStudy(e);
  return `${e.title} (${official}${eqf ? `, EQF ${eqf}` : ""})`;
}
