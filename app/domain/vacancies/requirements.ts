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
  educationLevel: string | null;
  years: number | null;
  languageCode: string | null;
  cefrLevel: string | null;
  licenceCategory: string | null;
}

/** The columns of vacancy_requirements behind a {@link VacancyRequirement}. */
export type VacancyRequirementRow = Pick<
  Selectable<VacancyRequirementsTable>,
  "position" | "kind" | "priority" | "description" | "education_level" | "years" | "language_code" | "cefr_level" | "licence_category"
>;

export const requirementFromRow = (r: VacancyRequirementRow): VacancyRequirement => ({
  position: r.position,
  kind: r.kind,
  priority: r.priority,
  description: r.description,
  educationLevel: r.education_level,
  years: r.years,
  languageCode: r.language_code,
  cefrLevel: r.cefr_level,
  licenceCategory: r.licence_category,
});

export const requirementToRow = (r: VacancyRequirement): VacancyRequirementRow => ({
  position: r.position,
  kind: r.kind,
  priority: r.priority,
  description: r.description,
  education_level: r.educationLevel,
  years: r.years,
  language_code: r.languageCode,
  cefr_level: r.cefrLevel,
  licence_category: r.licenceCategory,
});
