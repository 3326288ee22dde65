import type { Settings } from "meilisearch";
import type { Db } from "~/db/db.server";
import { LIVE_STATUSES } from "./states";
import { requirementLabel } from "./requirement-label";
import { REQUIREMENT_COLUMNS, requirementFromRow } from "./requirements";
import { codeLabel } from "~/domain/reference/index.server";
import type { SearchIndexDefinition } from "../../../search/registry";
import { jobTitlesOf, vocabularyKeys } from "~/domain/professions";

/**
 * The public job board: one document per published vacancy that is not
 * internal-only. Anonymous vacancies carry no employer name, so the index
 * can never leak it.
 */
export interface VacancyDocument {
  id: string;
  number: number;
  title: string;
  description: string;
  tasks: string;
  occupationCode: string;
  occupationTitle: string;
  /** ISTAT job titles of the occupation ("Fonte: Istat"): a jobseeker typing «magazziniere» finds «Addetti alla gestione dei magazzini». */
  occupationJobTitles: string[];
  /** Inflection keys of the vocabulary words of title, occupation, job titles and tasks (see candidate-document.ts professionKeys). */
  occupationKeys: string;
  /** CP2021 prefixes at every level ("5", "5.1", "5.1.2", …): filter by any level. */
  occupationPrefixes: string[];
  comuneCode: string;
  comuneName: string;
  provinceCode: string;
  _geo?: { lat: number; lng: number };
  /** CO tipologia contrattuale ("" for self-employment), how the work is engaged, CO tipo orario and the coarse full/part time. */
  contractType: string;
  engagement: string;
  workingTimeCode: string;
  workingTime: string;
  weeklyHours: number | null;
  employerName: string | null;
  requirementLabels: string[];
  positions: number;
  l68Reserved: string;
  publishedAt: number;
  closingDate: string;
}

export const VACANCY_SETTINGS: Settings = {
  // occupationJobTitles is carried for display only: its words are all in occupationKeys.
  searchableAttributes: [
    "title",
    "occupationKeys",
    "occupationTitle",
    "requirementLabels",
    "tasks",
    "description",
    "employerName",
    "comuneName",
  ],
  filterableAttributes: [
    "occupationPrefixes",
    "comuneCode",
    "provinceCode",
    "contractType",
    "engagement",
    "workingTimeCode",
    "workingTime",
    "l68Reserved",
    "_geo",
  ],
  sortableAttributes: ["publishedAt", "_geo"],
  displayedAttributes: ["*"],
  // Gender and number: inflection keys (occupationKeys), as in the candidate index.
  synonyms: {},
  typoTolerance: { minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
  // The board prints its total: Meilisearch's default cap (1,000) would understate a region's published vacancies.
  pagination: { maxTotalHits: 100_000 },
};

export function occupationPrefixes(code: string): string[] {
  const parts = code.split(".");
  return parts.map((_, i) => parts.slice(0, i + 1).join("."));
}

async function loadVacancyDocuments(db: Db, ids: string[]): Promise<VacancyDocument[]> {
  if (!ids.length) return [];
  const rows = await db
    .selectFrom("vacancies")
    .innerJoin("employers", "employers.id", "vacancies.employer_id")
    .innerJoin("occupations", "occupations.code", "vacancies.occupation_code")
    .innerJoin("comuni", "comuni.istat_code", "vacancies.comune_code")
    .select([
      "vacancies.id",
      "vacancies.number",
      "vacancies.title",
      "vacancies.description",
      "vacancies.tasks",
      "vacancies.occupation_code",
      "vacancies.contract_type",
      "vacancies.engagement",
      "vacancies.working_time_code",
      "vacancies.working_time",
      "vacancies.weekly_hours",
      "vacancies.positions",
      "vacancies.l68_reserved",
      "vacancies.publication_mode",
      "vacancies.published_at",
      "vacancies.closing_date",
      "vacancies.comune_code",
      "occupations.title as occupation_title",
      "comuni.name as comune_name",
      "comuni.province_code",
      "comuni.lat",
      "comuni.lon",
      "employers.legal_name",
    ])
    .where("vacancies.id", "in", ids)
    .where("vacancies.status", "in", LIVE_STATUSES)
    .where("vacancies.publication_mode", "!=", "internal")
    .execute();
  if (!rows.length) return [];
  const reqs = await db
    .selectFrom("vacancy_requirements")
    .select(["vacancy_id", ...REQUIREMENT_COLUMNS])
    .where(
      "vacancy_id",
      "in",
      rows.map((r) => r.id),
    )
    .orderBy("position")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    number: Number(r.number),
    title: r.title,
    description: r.description,
    tasks: r.tasks,
    occupationCode: r.occupation_code,
    occupationTitle: r.occupation_title,
    occupationJobTitles: jobTitlesOf([r.occupation_code]),
    occupationKeys: vocabularyKeys([r.title, r.occupation_title, ...jobTitlesOf([r.occupation_code]), r.tasks]),
    occupationPrefixes: occupationPrefixes(r.occupation_code),
    comuneCode: r.comune_code,
    comuneName: r.comune_name,
    provinceCode: r.province_code,
    ...(r.lat !== null && r.lon !== null ? { _geo: { lat: r.lat, lng: r.lon } } : {}),
    contractType: r.contract_type ?? "",
    engagement: r.engagement,
    workingTimeCode: r.working_time_code,
    workingTime: r.working_time,
    weeklyHours: r.weekly_hours === null ? null : Number(r.weekly_hours),
    employerName: r.publication_mode === "public" ? r.legal_name : null,
    requirementLabels: reqs
      .filter((q) => q.vacancy_id === r.id)
      .map((q) =>
        requirementLabel({
          ...requirementFromRow(q),
          studyTitleLabel: q.study_title_code ? codeLabel("studyTitles", q.study_title_code) : null,
        }),
      ),
    positions: r.positions,
    l68Reserved: r.l68_reserved,
    publishedAt: r.published_at ? Math.floor(new Date(r.published_at).getTime() / 1000) : 0,
    closingDate: r.closing_date,
  }));
}

export const vacanciesIndex: SearchIndexDefinition<VacancyDocument> = {
  name: "vacancies",
  settingsVersion: 2,
  settings: VACANCY_SETTINGS,
  loadDocuments: loadVacancyDocuments,
  async listIds(db, afterId, limit) {
    let query = db
      .selectFrom("vacancies")
      .select("id")
      .where("status", "in", LIVE_STATUSES)
      .where("publication_mode", "!=", "internal")
      .orderBy("id")
      .limit(limit);
    if (afterId) query = query.where("id", ">", afterId);
    return (await query.execute()).map((r) => r.id);
  },
};
