import type { ProtectedCategory, WorkTime } from "~/db/tables/candidates";
import { matchingFields, type MatchingFields } from "~/domain/matching";
import { jobTitlesOf, vocabularyKeys } from "~/domain/professions";
import { cvStudyOf, highestEqf, highestStudyLevel } from "./education";

/**
 * The Meilisearch document of one candidate, and the pure mapping from the
 * PostgreSQL rows. What is deliberately NOT here: birth date (age), gender,
 * nationality, disability details; none of them may become a search or
 * ranking criterion. Contacts (phone, e-mail, address) stay in PostgreSQL:
 * the search page does not need them and the index is a copy we keep lean.
 */
/** MatchingFields: what preselection matching filters on (docs/architecture.md#service-4c, app/domain/matching/fields.ts). */
export interface CandidateDocument extends MatchingFields {
  id: string;
  fullName: string;
  taxCode: string;
  comuneCode: string;
  comuneName: string;
  provinceCode: string;
  preferenceTitles: string[];
  preferenceNotes: string[];
  /** Full CP2021 codes of the preferences (matching filters on them). */
  occupationCodes: string[];
  /** CP2021 major groups ("5", level 1) of the preferences: the facet (intermediate CP2021 titles are not published with the codes we vendor). */
  occupationGroups: string[];
  /** CP2021 level-3 classes ("5.1.2"): broader matching. */
  occupationClasses: string[];
  experienceTitles: string[];
  /**
   * The ISTAT job titles (voci professionali, "Fonte: Istat") of every CP2021 unit of the
   * preferences and experiences (app/domain/professions/vocabulary.ts): «magazziniere» finds
   * the unit «Addetti alla gestione dei magazzini…» though the CV never says the word.
   */
  professionTitles: string[];
  /**
   * Inflection keys (app/domain/professions/morphology.ts) of the vocabulary words in the name,
   * professions, notes, tasks, skills and education: the officer's words are turned into the same
   * keys at query time (searchText), so «magazziniera» meets «Magazziniere» and «Addetti… magazzini».
   */
  professionKeys: string;
  experienceTasks: string[];
  /** Certificates and tickets, IT skills. */
  skills: string[];
  /** Ministerial codes of the driving licences (patenti.csv, «02» = B): the facet; matching reads licenceCategories. */
  licences: string[];
  /** Ministerial codes (lingue.csv) of every language the CV mentions, mother tongues included (facet; "says nothing about" a language). */
  languages: string[];
  /** Ministerial codes of the mother tongues (any level of a language requirement is met). */
  motherTongues: string[];
  languageNames: string[];
  /** Highest EQF level derived from the ministerial codes (education.ts); 0 when unknown. Matching compares it. */
  educationLevel: number;
  /** Highest ministerial level of study 0–12 (-1 without titles): the officer's «titolo di studio» filter. */
  studyLevel: number;
  /** The 8-digit ministerial titles of the CV. */
  studyTitleCodes: string[];
  educationTitles: string[];
  availability: string[];
  maxCommuteKm: number | null;
  availableFrom: number | null;
  cvText: string;
  /** Unix seconds; obsolescence is decided at query time against a moving cut-off. */
  cvUpdatedAt: number;
  consentVisible: boolean;
  /** Only the enrolment category: filterable by placement officers (enforced by our server), never by employers. */
  protectedCategory: ProtectedCategory;
  /** Unix seconds of the person's last presentation to an employer (matching can favour the less presented); null if never. */
  lastPresentedAt: number | null;
  /**
   * The «ricollocazione» priority of a worker of a redundancy cohort (docs/decisions/outplacement.md): the window of the
   * latest-ending one, as Unix seconds of its first and last day (officers filter on the days and sort by the end); null
   * when the person is in no cohort. Shown to officers only: never a criterion for employer-facing matching.
   */
  outplacementPriorityFrom: number | null;
  outplacementPriorityTo: number | null;
  /** The redundancy events whose cohort the person is in. */
  outplacementEventIds: string[];
}

export interface CandidateSource {
  candidate: {
    id: string;
    first_name: string;
    last_name: string;
    tax_code: string;
    domicile_comune_code: string;
    work_time: WorkTime;
    shifts: boolean;
    weekends: boolean;
    max_commute_km: number | null;
    willing_to_relocate: boolean;
    own_vehicle: boolean;
    /** yyyy-mm-dd */
    available_from: string | null;
    consent_visible: boolean;
    cv_updated_at: Date;
    protected_category: ProtectedCategory;
  };
  comune: { name: string; province_code: string } | null;
  preferences: { slot: number; occupation_code: string; occupation_label: string; notes: string | null; ateco_title?: string | null }[];
  experiences: {
    occupation_title: string | null;
    employer_name: string;
    tasks: string | null;
    occupation_code?: string | null;
    started_on?: Date | string | null;
    ended_on?: Date | string | null;
  }[];
  education: { study_level: number; study_title_code: string | null; title: string }[];
  languages: { language_code: string; level: string }[];
  motherTongues?: string[];
  licences: { licence_code: string; licence_category: string | null }[];
  certificates: string[];
  /** "patentino:07", "albo:0001" of the certificates that name an official paper (app/domain/matching/fields.ts). */
  certificateCodes?: string[];
  itSkills: string[];
  cvText: string | null;
  lastPresentedAt?: Date | null;
  /** The person's cohort memberships (redundancy events), with the priority window as YYYY-MM-DD. */
  outplacement?: { event_id: string; priority_from: string | null; priority_to: string | null }[];
}

/** PDF text can be long; what matters for search fits well within this. */
export const CV_TEXT_LIMIT = 20_000;

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);
const uniq = <T>(xs: T[]) => [...new Set(xs)];
const prefix = (code: string, parts: number) => code.split(".").slice(0, parts).join(".");

export function candidateAvailability(c: CandidateSource["candidate"]): string[] {
  const out: string[] = [];
  if (c.work_time !== "part_time") out.push("full_time");
  if (c.work_time !== "full_time") out.push("part_time");
  if (c.shifts) out.push("shifts");
  if (c.weekends) out.push("weekends");
  if (c.willing_to_relocate) out.push("relocate");
  if (c.own_vehicle) out.push("own_vehicle");
  return out;
}

export function toCandidateDocument(
  src: CandidateSource,
  languageLabels: Record<string, string>,
  now: Date = new Date(),
): CandidateDocument {
  const c = src.candidate;
  const prefs = [...src.preferences].sort((a, b) => a.slot - b.slot);
  const codes = prefs.map((p) => p.occupation_code);
  const professionTitles = jobTitlesOf([...codes, ...src.experiences.map((e) => e.occupation_code).filter((c): c is string => !!c)]);
  const fullName = `${c.first_name} ${c.last_name}`;
  const notes = prefs.map((p) => [p.notes, p.ateco_title].filter(Boolean).join(" — ")).filter(Boolean);
  const experienceTitles = uniq(src.experiences.map((e) => e.occupation_title).filter((t): t is string => !!t));
  const experienceTasks = src.experiences.map((e) => [e.employer_name, e.tasks].filter(Boolean).join(": "));
  const skills = uniq([...src.certificates, ...src.itSkills]);
  const educationTitles = src.education.map((e) => e.title);
  return {
    id: c.id,
    fullName,
    taxCode: c.tax_code,
    comuneCode: c.domicile_comune_code,
    comuneName: src.comune?.name ?? "",
    provinceCode: src.comune?.province_code ?? "",
    preferenceTitles: prefs.map((p) => p.occupation_label),
    preferenceNotes: notes,
    occupationCodes: codes,
    occupationGroups: uniq(codes.map((code) => prefix(code, 1))),
    occupationClasses: uniq(codes.map((code) => prefix(code, 3))),
    experienceTitles,
    professionTitles,
    professionKeys: vocabularyKeys([
      ...prefs.map((p) => p.occupation_label),
      ...experienceTitles,
      ...professionTitles,
      ...notes,
      ...experienceTasks,
      ...skills,
      ...educationTitles,
      fullName,
    ]),
    experienceTasks,
    skills,
    licences: uniq(src.licences.map((l) => l.licence_code)).sort(),
    languages: uniq([...(src.motherTongues ?? []), ...src.languages.map((l) => l.language_code)]).sort(),
    motherTongues: [...(src.motherTongues ?? [])].sort(),
    languageNames: [
      ...(src.motherTongues ?? []).map((code) => `${languageLabels[code] ?? code} madrelingua`),
      ...src.languages.map((l) => `${languageLabels[l.language_code] ?? l.language_code} ${l.level}`),
    ],
    ...educationFields(src.education),
    educationTitles,
    availability: candidateAvailability(c),
    maxCommuteKm: c.max_commute_km,
    availableFrom: c.available_from ? seconds(new Date(`${c.available_from}T00:00:00Z`)) : null,
    cvText: (src.cvText ?? "").replace(/\s+/g, " ").trim().slice(0, CV_TEXT_LIMIT),
    cvUpdatedAt: seconds(c.cv_updated_at),
    consentVisible: c.consent_visible,
    protectedCategory: c.protected_category,
    lastPresentedAt: src.lastPresentedAt ? seconds(src.lastPresentedAt) : null,
    ...outplacementFields(src.outplacement ?? []),
    ...matchingFields(src, now),
  };
}

/** The education fields of the document from the ministerial codes of the CV's titles. */
export function educationFields(
  rows: CandidateSource["education"],
): Pick<CandidateDocument, "educationLevel" | "studyLevel" | "studyTitleCodes"> {
  const studies = rows.map(cvStudyOf);
  return {
    educationLevel: highestEqf(studies),
    studyLevel: highestStudyLevel(studies),
    studyTitleCodes: uniq(rows.flatMap((e) => (e.study_title_code ? [e.study_title_code] : []))).sort(),
  };
}

const daySeconds = (iso: string) => seconds(new Date(`${iso}T00:00:00Z`));

/** The priority window of the latest-ending cohort membership that has one, and every event of the person. */
export function outplacementFields(
  rows: NonNullable<CandidateSource["outplacement"]>,
): Pick<CandidateDocument, "outplacementPriorityFrom" | "outplacementPriorityTo" | "outplacementEventIds"> {
  const windows = rows.filter((r) => r.priority_from && r.priority_to).sort((a, b) => (a.priority_to! < b.priority_to! ? 1 : -1));
  const w = windows[0];
  return {
    outplacementPriorityFrom: w ? daySeconds(w.priority_from!) : null,
    outplacementPriorityTo: w ? daySeconds(w.priority_to!) : null,
    outplacementEventIds: uniq(rows.map((r) => r.event_id)).sort(),
  };
}
