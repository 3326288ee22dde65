import type { Settings } from "meilisearch";
import type { Db } from "~/db/db.server";
import { groupBy } from "~/utils/collections";
import { INDEX_STOP_WORDS } from "~/domain/professions";
import { certificateCodeValue } from "./cv-codes";
import { LANGUAGE_LABELS } from "./schema";
import type { SearchIndexDefinition } from "../../../search/registry";
import { toCandidateDocument, type CandidateDocument, type CandidateSource } from "./search-document";

export const CANDIDATE_SETTINGS: Settings = {
  // Order = weight of the "attribute" rule: what the person wants to do first, free CV text last.
  // No professionTitles: every word of the ISTAT job titles is in professionKeys (searchText turns the
  // typed words into those keys), so indexing the titles again only doubled the inverted index.
  // No comuneName: the place is a filter (comune and radius on the page), never free text, so a
  // comune can never outrank a profession («oss» → Ossimo, «commessa» → Commessaggio).
  searchableAttributes: [
    "professionKeys",
    "preferenceTitles",
    "experienceTitles",
    "skills",
    "fullName",
    "taxCode",
    "preferenceNotes",
    "educationTitles",
    "languageNames",
    "experienceTasks",
    "cvText",
  ],
  filterableAttributes: [
    "provinceCode",
    "comuneCode",
    "occupationGroups",
    "occupationCodes",
    "occupationClasses",
    "licences",
    "languages",
    "educationLevel",
    "studyLevel",
    "studyTitleCodes",
    "availability",
    "cvUpdatedAt",
    "consentVisible",
    "protectedCategory",
    "maxCommuteKm",
    "availableFrom",
    "lastPresentedAt",
    // The «ricollocazione» priority of redundancy cohorts (officers only; app/domain/candidates/outplacement-priority.ts).
    "outplacementPriorityFrom",
    "outplacementPriorityTo",
    "outplacementEventIds",
    // Preselection matching (app/domain/matching/fields.ts).
    "occupationCategories",
    "experienceCodes",
    "experienceYears",
    "languageLevels",
    "licenceCategories",
    "certificateTokens",
    "certificateCodes",
    "skillTokens",
  ],
  // No `_geo`: radius searches filter on the comuni within the radius (app/domain/reference/places.server.ts),
  // because Meilisearch rewrites its geo store on every batch and one-document syncs took 2–3 s with it.
  sortableAttributes: ["cvUpdatedAt", "outplacementPriorityTo"],
  // "sort" first: when an officer asks for distance or freshness order, that order wins; otherwise
  // relevance, and among equally relevant CVs the most recently updated first.
  rankingRules: ["sort", "words", "typo", "proximity", "attribute", "exactness", "cvUpdatedAt:desc"],
  typoTolerance: {
    enabled: true,
    // Italian job words are long; short ones ("oss", "cnc") must not drift to other words.
    minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
    disableOnAttributes: ["taxCode"],
    disableOnNumbers: true,
  },
  // No synonyms: gender and number are folded by the inflection keys of `professionKeys` (identical
  // function at indexing and query time). Synonyms generated for the 20,000 forms of the vocabulary made
  // multi-word queries 10–50× slower (measured with bench:relevance: p50 395 ms at 21,640 CVs).
  synonyms: {},
  stopWords: [...INDEX_STOP_WORDS],
  localizedAttributes: [{ attributePatterns: ["*"], locales: ["ita"] }],
  // Distance order is computed from per-comune counts: enough values for every comune of Italy
  // (a 200 km radius holds up to 3,887 of them, around Fombio).
  faceting: { maxValuesPerFacet: 8000, sortFacetValuesBy: { "*": "count" } },
  pagination: { maxTotalHits: 10_000 },
  // We never search inside facet values: skipping that structure makes indexing cheaper.
  facetSearch: false,
  searchCutoffMs: 500,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The rows of these candidates, grouped per candidate (one query per table, any batch size). */
export async function loadCandidateSources(db: Db, ids: string[]): Promise<CandidateSource[]> {
  const valid = ids.filter((id) => UUID.test(id));
  if (!valid.length) return [];
  const [candidates, prefs, exps, edu, langs, lics, certs, skills, cvs, presented, natives, cohorts] = await Promise.all([
    db
      .selectFrom("candidates as c")
      .leftJoin("comuni as m", "m.istat_code", "c.domicile_comune_code")
      .select([
        "c.id",
        "c.first_name",
        "c.last_name",
        "c.tax_code",
        "c.domicile_comune_code",
        "c.work_time",
        "c.shifts",
        "c.weekends",
        "c.max_commute_km",
        "c.willing_to_relocate",
        "c.own_vehicle",
        "c.available_from",
        "c.consent_visible",
        "c.cv_updated_at",
        "c.protected_category",
        "m.name as comune_name",
        "m.province_code",
      ])
      .where("c.id", "in", valid)
      // An erased CV (tombstone) has no document: the sync worker deletes it from the index.
      .where("c.erased_at", "is", null)
      .execute(),
    db
      .selectFrom("candidate_preferences as p")
      .leftJoin("ateco as a", "a.code", "p.ateco_code")
      .select(["p.candidate_id", "p.slot", "p.occupation_code", "p.occupation_label", "p.notes", "a.title as ateco_title"])
      .where("p.candidate_id", "in", valid)
      .execute(),
    db
      .selectFrom("candidate_experiences as e")
      .leftJoin("occupations as o", "o.code", "e.occupation_code")
      .select([
        "e.candidate_id",
        "o.title as occupation_title",
        "e.employer_name",
        "e.tasks",
        "e.started_on",
        "e.occupation_code",
        "e.ended_on",
      ])
      .where("e.candidate_id", "in", valid)
      .orderBy("e.started_on", "desc")
      .execute(),
    db
      .selectFrom("candidate_education")
      .select(["candidate_id", "study_level", "study_title_code", "title"])
      .where("candidate_id", "in", valid)
      .execute(),
    db.selectFrom("candidate_languages").select(["candidate_id", "language_code", "level"]).where("candidate_id", "in", valid).execute(),
    db
      .selectFrom("candidate_licences")
      .select(["candidate_id", "licence_code", "licence_category"])
      .where("candidate_id", "in", valid)
      .execute(),
    db
      .selectFrom("candidate_certificates")
      .select(["candidate_id", "name", "patentino_code", "albo_code"])
      .where("candidate_id", "in", valid)
      .execute(),
    db.selectFrom("candidate_it_skills").select(["candidate_id", "skill"]).where("candidate_id", "in", valid).execute(),
    db.selectFrom("candidate_cv_files").select(["candidate_id", "extracted_text"]).where("candidate_id", "in", valid).execute(),
    db
      .selectFrom("shortlist_candidates")
      .select(["candidate_id", (eb) => eb.fn.max("presented_at").as("last")])
      .where("candidate_id", "in", valid)
      .where("presented_at", "is not", null)
      .groupBy("candidate_id")
      .execute(),
    db.selectFrom("candidate_mother_tongues").select(["candidate_id", "language_code"]).where("candidate_id", "in", valid).execute(),
    // Cohort memberships: a worker of a redundancy event carries the «ricollocazione» priority window.
    db
      .selectFrom("outplacement_members")
      .select(["candidate_id", "event_id", "priority_from", "priority_to"])
      .where("candidate_id", "in", valid)
      .execute(),
  ]);
  const lastPresented = new Map(presented.map((r) => [r.candidate_id, r.last ? new Date(r.last as Date) : null]));
  const [p, e, ed, l, li, ce, sk, cv, mt, co] = [prefs, exps, edu, langs, lics, certs, skills, cvs, natives, cohorts].map((rows) =>
    groupBy(rows as { candidate_id: string }[], (r) => r.candidate_id),
  );
  return candidates.map((c) => ({
    candidate: c,
    comune: c.comune_name ? { name: c.comune_name, province_code: c.province_code! } : null,
    preferences: (p.get(c.id) ?? []) as (typeof prefs)[number][],
    experiences: (e.get(c.id) ?? []) as (typeof exps)[number][],
    education: (ed.get(c.id) ?? []) as (typeof edu)[number][],
    languages: (l.get(c.id) ?? []) as (typeof langs)[number][],
    motherTongues: ((mt.get(c.id) ?? []) as (typeof natives)[number][]).map((r) => r.language_code),
    licences: (li.get(c.id) ?? []) as (typeof lics)[number][],
    certificates: ((ce.get(c.id) ?? []) as (typeof certs)[number][]).map((r) => r.name),
    certificateCodes: ((ce.get(c.id) ?? []) as (typeof certs)[number][]).map(certificateCodeValue).filter(Boolean),
    itSkills: ((sk.get(c.id) ?? []) as (typeof skills)[number][]).map((r) => r.skill),
    cvText: ((cv.get(c.id) ?? [])[0] as (typeof cvs)[number] | undefined)?.extracted_text ?? null,
    lastPresentedAt: lastPresented.get(c.id) ?? null,
    outplacement: ((co.get(c.id) ?? []) as (typeof cohorts)[number][]).map((r) => ({
      event_id: r.event_id,
      priority_from: r.priority_from,
      priority_to: r.priority_to,
    })),
  }));
}

/**
 * Every candidate is in the index, with or without visibility consent:
 * officers search the whole CV database (the page marks withdrawn consent),
 * while employer-facing matching filters on consentVisible.
 */
export const candidatesIndex: SearchIndexDefinition<CandidateDocument> = {
  name: "candidates",
  settingsVersion: 7,
  settings: CANDIDATE_SETTINGS,
  async loadDocuments(db, ids) {
    const sources = await loadCandidateSources(db, ids);
    return sources.map((s) => toCandidateDocument(s, LANGUAGE_LABELS));
  },
  async listIds(db, afterId, limit) {
    let query = db.selectFrom("candidates").select("id").where("erased_at", "is", null).orderBy("id").limit(limit);
    if (afterId) query = query.where("id", ">", afterId);
    return (await query.execute()).map((r) => r.id);
  },
};

/** The filter matching and every employer-facing use must add: consent given. Freshness is added by the caller. */
export const EMPLOYER_VISIBLE_FILTER = "consentVisible = true";
