import type { Selectable } from "kysely";
import type { VacancyRequirements as VacancyRequirementsTable } from "~/db/schema.generated";
import type { RequirementKind } from "~/db/tables/vacancies";

export type { RequirementKind };

/**
 * A requirement of a vacancy (title of study, years of experience, language, driving licence,
 * certificate, skill) as the domain, the forms, the public view and the matching speak of it. The one
 * definition: the others extend it or pick from it.
 */
export interface VacancyRequirement {
  position: number;
  kind: RequirementKind;
  priority: "must" | "nice";
  description: string;
  /** Ministerial level of study 0–12 (titoli_studio_livelli) and, when chosen, the 8-digit title (titoli_studio). */
  studyLevel: number | null;
  studyTitle: string | null;
  years: number | null;
  /** Ministerial language code (lingue.csv: `001` inglese…), CEFR level, and whether a mother tongue is asked for. */
  languageCode: string | null;
  cefrLevel: string | null;
  nativeSpeaker: boolean;
  /** Driving licence of the ministerial list (patenti.csv: `02` = B) and, optionally, the EU category in detail. */
  licenceCode: string | null;
  licenceCategory: string | null;
  /** Certificates: a patentino/abilitazione (patentini.csv) or a professional register (albi.csv), when the requirement is one. */
  patentinoCode: string | null;
  alboCode: string | null;
}

/** The columns of vacancy_requirements behind a {@link VacancyRequirement}. */
export type VacancyRequirementRow = Pick<
  Selectable<VacancyRequirementsTable>,
  | "position"
  | "kind"
  | "priority"
  | "description"
  | "study_level"
  | "study_title_code"
  | "years"
  | "language_code"
  | "cefr_level"
  | "native_speaker"
  | "licence_code"
  | "licence_category"
  | "patentino_code"
  | "albo_code"
>;

export const REQUIREMENT_COLUMNS = [
  "position",
  "kind",
  "priority",
  "description",
  "study_level",
  "study_title_code",
  "years",
  "language_code",
  "cefr_level",
  "native_speaker",
  "licence_code",
  "licence_category",
  "patentino_code",
  "albo_code",
] as const satisfies readonly (keyof VacancyRequirementRow)[];

export const requirementFromRow = (r: VacancyRequirementRow): VacancyRequirement => ({
  position: r.position,
  kind: r.kind,
  priority: r.priority,
  description: r.description,
  studyLevel: r.study_level,
  studyTitle: r.study_title_code,
  years: r.years,
  languageCode: r.language_code,
  cefrLevel: r.cefr_level,
  nativeSpeaker: r.native_speaker ?? false,
  licenceCode: r.licence_code,
  licenceCategory: r.licence_category,
  patentinoCode: r.patentino_code,
  alboCode: r.albo_code,
});

export const requirementToRow = (r: VacancyRequirement): VacancyRequirementRow => ({
  position: r.position,
  kind: r.kind,
  priority: r.priority,
  description: r.description,
  study_level: r.studyLevel,
  study_title_code: r.studyTitle,
  years: r.years,
  language_code: r.languageCode,
  cefr_level: r.cefrLevel,
  native_speaker: r.nativeSpeaker,
  licence_code: r.licenceCode,
  licence_category: r.licenceCategory,
  patentino_code: r.patentinoCode,
  albo_code: r.alboCode,
});
