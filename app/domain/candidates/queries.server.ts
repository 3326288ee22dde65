import { sql } from "kysely";
import type { Db } from "~/db/db.server";
import { codeLabel } from "~/domain/reference/index.server";
import { isCvObsolete } from "./freshness";

/** A CV's title of study with the official label of its 8-digit code (the table is on the server only). */
export const withStudyTitleLabel = <T extends { study_title_code: string | null }>(e: T) => ({
  ...e,
  study_title_label: codeLabel("studyTitles", e.study_title_code),
});

export async function getCandidateCore(db: Db, candidateId: string) {
  return (
    db
      .selectFrom("candidates as c")
      .innerJoin("comuni as m", "m.istat_code", "c.domicile_comune_code")
      .select([
        "c.id",
        "c.first_name",
        "c.last_name",
        "c.tax_code",
        "c.birth_date",
        "c.domicile_comune_code",
        "c.domicile_address",
        "c.phone",
        "c.email",
        "c.user_id",
        "c.work_time",
        "c.shifts",
        "c.weekends",
        "c.max_commute_km",
        "c.willing_to_relocate",
        "c.own_vehicle",
        "c.available_from",
        "c.consent_visible",
        "c.consent_changed_at",
        "c.cv_updated_at",
        "c.protected_category",
        "c.version",
        "c.created_at",
        "c.updated_at",
        "m.name as comune_name",
        "m.province_code",
        "m.lat",
        "m.lon",
      ])
      .where("c.id", "=", candidateId)
      // An erased CV is a tombstone kept for the counts: nobody opens it any more.
      .where("c.erased_at", "is", null)
      .executeTakeFirst()
  );
}

/** Every section of the CV, in display order. */
export async function getCandidateSections(db: Db, candidateId: string) {
  const [education, experiences, preferences, motherTongues, languages, licences, certificates, itSkills] = await Promise.all([
    db
      .selectFrom("candidate_education")
      .select(["study_level", "study_title_code", "title", "institution", "year"])
      .where("candidate_id", "=", candidateId)
      .orderBy("year", "desc")
      .orderBy("study_level", "desc")
      .execute(),
    db
      .selectFrom("candidate_experiences as e")
      .innerJoin("occupations as o", "o.code", "e.occupation_code")
      .select(["e.occupation_code", "o.title as occupation_title", "e.employer_name", "e.started_on", "e.ended_on", "e.tasks"])
      .where("e.candidate_id", "=", candidateId)
      .orderBy("e.started_on", "desc")
      .execute(),
    db
      .selectFrom("candidate_preferences as p")
      .leftJoin("ateco as a", "a.code", "p.ateco_code")
      .select([
        "p.slot",
        "p.occupation_code",
        "p.occupation_label",
        "p.ateco_code",
        "a.title as ateco_title",
        "p.source",
        "p.years_experience",
        "p.last_job_year",
        "p.notes",
        "p.interview_date",
      ])
      .where("p.candidate_id", "=", candidateId)
      .orderBy("p.slot")
      .execute(),
    db
      .selectFrom("candidate_mother_tongues")
      .select("language_code")
      .where("candidate_id", "=", candidateId)
      .orderBy("language_code")
      .execute(),
    db
      .selectFrom("candidate_languages")
      .select(["language_code", "level"])
      .where("candidate_id", "=", candidateId)
      .orderBy("language_code")
      .execute(),
    db
      .selectFrom("candidate_licences")
      .select(["licence_code", "licence_category"])
      .where("candidate_id", "=", candidateId)
      .orderBy("licence_code")
      .orderBy("licence_category")
      .execute(),
    db
      .selectFrom("candidate_certificates")
      .select(["name", "expires_on", "patentino_code", "albo_code"])
      .where("candidate_id", "=", candidateId)
      .orderBy("name")
      .execute(),
    db.selectFrom("candidate_it_skills").select(["skill", "level"]).where("candidate_id", "=", candidateId).orderBy("skill").execute(),
  ]);
  return {
    education: education.map(withStudyTitleLabel),
    experiences,
    preferences,
    motherTongues: motherTongues.map((m) => m.language_code),
    languages,
    licences,
    certificates,
    itSkills,
  };
}

export type CandidateSections = Awaited<ReturnType<typeof getCandidateSections>>;

/**
 * The full CV for a detail page. Health data (disability details) is loaded
 * only when the caller says the user holds candidates:health.
 */
export async function getCandidateCv(db: Db, candidateId: string, opts: { withHealth: boolean; obsoleteMonths: number; now?: Date }) {
  const core = await getCandidateCore(db, candidateId);
  if (!core) return null;
  const [sections, file, account, invitation, disability] = await Promise.all([
    getCandidateSections(db, candidateId),
    db
      .selectFrom("candidate_cv_files")
      .select(["filename", "size_bytes", "sha256", "page_count", "uploaded_at", sql<number>`length(extracted_text)`.as("text_length")])
      .where("candidate_id", "=", candidateId)
      .executeTakeFirst(),
    core.user_id ? db.selectFrom("users").select(["email", "active"]).where("id", "=", core.user_id).executeTakeFirst() : undefined,
    db
      .selectFrom("candidate_invitations")
      .select(["email", "created_at", "expires_at"])
      .where("candidate_id", "=", candidateId)
      .where("accepted_at", "is", null)
      .where("revoked_at", "is", null)
      .where("expires_at", ">", new Date())
      .orderBy("created_at", "desc")
      .executeTakeFirst(),
    opts.withHealth
      ? db
          .selectFrom("candidate_disability")
          .select(["percentage", "functional_notes", "updated_at"])
          .where("candidate_id", "=", candidateId)
          .executeTakeFirst()
      : undefined,
  ]);
  const { protected_category, ...rest } = core;
  return {
    candidate: {
      ...rest,
      birth_date: core.birth_date,
      available_from: core.available_from,
      comune_label: `${core.comune_name} (${core.province_code})`,
      obsolete: isCvObsolete(core.cv_updated_at, opts.now ?? new Date(), opts.obsoleteMonths),
      // Enrolment in collocamento mirato is itself sensitive: only placement officers see it.
      protected_category: opts.withHealth ? protected_category : null,
    },
    sections,
    file: file ?? null,
    account: account ?? null,
    invitation: invitation ?? null,
    disability: opts.withHealth ? (disability ?? null) : null,
  };
}

export type CandidateCv = NonNullable<Awaited<ReturnType<typeof getCandidateCv>>>;

export async function candidateIdForUser(db: Db, userId: string): Promise<string | null> {
  const r = await db.selectFrom("candidates").select("id").where("user_id", "=", userId).executeTakeFirst();
  return r?.id ?? null;
}

export async function getCvFile(db: Db, candidateId: string) {
  return db
    .selectFrom("candidate_cv_files")
    .select(["filename", "content", "sha256", "size_bytes"])
    .where("candidate_id", "=", candidateId)
    .executeTakeFirst();
}

export async function findCandidateInvitation(db: Db, tokenHash: string) {
  return db
    .selectFrom("candidate_invitations as i")
    .innerJoin("candidates as c", "c.id", "i.candidate_id")
    .select(["i.id", "i.email", "c.first_name", "c.last_name"])
    .where("i.token_hash", "=", tokenHash)
    .where("i.accepted_at", "is", null)
    .where("i.revoked_at", "is", null)
    .where("i.expires_at", ">", new Date())
    .executeTakeFirst();
}

export async function getCandidateImport(db: Db, importId: string, userId: string) {
  // Scoped to the officer who started it: an import's error report quotes personal data.
  return db
    .selectFrom("candidate_imports")
    .select([
      "id",
      "filename",
      "status",
      "total_rows",
      "processed_rows",
      "imported_rows",
      "error_count",
      "message",
      "created_at",
      "finished_at",
    ])
    .select(sql<boolean>`error_report is not null`.as("has_report"))
    .where("id", "=", importId)
    .where("created_by", "=", userId)
    .executeTakeFirst();
}

export async function getCandidateImportErrors(db: Db, importId: string, userId: string) {
  return db
    .selectFrom("candidate_imports")
    .select(["filename", "error_report"])
    .where("id", "=", importId)
    .where("created_by", "=", userId)
    .executeTakeFirst();
}
