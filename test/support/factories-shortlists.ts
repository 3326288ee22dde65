import { LANGUAGE_OF_ISO, LICENCE_CODE_OF_CATEGORY, type LicenceCategory } from "~/domain/reference";
import { randomUUID } from "node:crypto";
import { getDb } from "~/db/db.server";
import { cvLicenceFromCsv } from "~/domain/candidates/cv-codes";
import { enqueueSearchSync } from "../../search/outbox.server";
import { drainOutbox } from "../../search/sync.server";

/** Distinct fake codici fiscali (the format check only). */
function fakeTaxCode(): string {
  const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  const r = randomUUID().replace(/-/g, "").toUpperCase();
  return (r.slice(0, 6).replace(/[0-9]/g, (d) => letters[Number(d)]) + r.slice(6, 16)).slice(0, 16);
}

export async function comuneCode(name: string): Promise<string> {
  const c = await getDb().selectFrom("comuni").select("istat_code").where("name", "=", name).executeTakeFirstOrThrow();
  return c.istat_code;
}

export interface CandidateSpec {
  comune?: string;
  preferences?: string[];
  experiences?: { code: string; years: number }[];
  languages?: { code: string; level: "A1" | "A2" | "B1" | "B2" | "C1" | "C2" }[];
  motherTongues?: string[];
  licences?: string[];
  certificates?: string[];
  /** Ministerial level of study and optional 8-digit title (default: level 4, diploma). */
  study?: { level: number; title?: string | null };
  consent?: boolean;
  cvUpdatedAt?: Date;
  maxCommuteKm?: number | null;
  workTime?: "full_time" | "part_time" | "any";
  shifts?: boolean;
  protectedCategory?: "none" | "art1" | "art18";
  userId?: string | null;
  lastName?: string;
  /** A real codice fiscale (`validTaxCode()`) where the code is read (UNILAV, SAP); else one that passes the format check only. */
  taxCode?: string;
}

/** One candidate with a complete CV, indexed in Meilisearch before it returns. */
export async function createMatchCandidate(spec: CandidateSpec = {}) {
  const db = getDb();
  const comune = await comuneCode(spec.comune ?? "Milano");
  const id = await db.transaction().execute(async (trx) => {
    const c = await trx
      .insertInto("candidates")
      .values({
        first_name: "Prova",
        last_name: spec.lastName ?? `Candidato ${randomUUID().slice(0, 6)}`,
        tax_code: spec.taxCode ?? fakeTaxCode(),
        birth_date: "1990-01-01",
        domicile_comune_code: comune,
        email: `cand-${randomUUID().slice(0, 8)}@example.it`,
        phone: "333 1234567",
        user_id: spec.userId ?? null,
        work_time: spec.workTime ?? "any",
        shifts: spec.shifts ?? true,
        max_commute_km: spec.maxCommuteKm === undefined ? null : spec.maxCommuteKm,
        consent_visible: spec.consent ?? true,
        cv_updated_at: spec.cvUpdatedAt ?? new Date(),
        protected_category: spec.protectedCategory ?? "none",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("candidate_education")
      .values({ candidate_id: c.id, study_level: spec.study?.level ?? 4, study_title_code: spec.study?.title ?? null, title: "Diploma" })
      .execute();
    const prefs = spec.preferences ?? ["5.1.2.2.0"];
    for (const [i, code] of prefs.entries()) {
      const o = await trx.selectFrom("occupations").select("title").where("code", "=", code).executeTakeFirstOrThrow();
      await trx
        .insertInto("candidate_preferences")
        .values({ candidate_id: c.id, slot: i + 1, occupation_code: code, occupation_label: o.title, source: "work" })
        .execute();
    }
    for (const e of spec.experiences ?? []) {
      const end = new Date();
      const start = new Date(end.getTime() - (e.years * 365.25 + 20) * 86_400_000);
      await trx
        .insertInto("candidate_experiences")
        .values({
          candidate_id: c.id,
          occupation_code: e.code,
          employer_name: "Ditta",
          started_on: start.toISOString().slice(0, 10),
          ended_on: end.toISOString().slice(0, 10),
        })
        .execute();
    }
    for (const l of spec.languages ?? [])
      await trx.insertInto("candidate_languages").values({ candidate_id: c.id, language_code: l.code, level: l.level }).execute();
    for (const code of spec.motherTongues ?? [])
      await trx.insertInto("candidate_mother_tongues").values({ candidate_id: c.id, language_code: code }).execute();
    // The tests may speak the old CV values («B», «CQC_MERCI»): converted as the CSV import converts them.
    const licences = (spec.licences ?? []).map(cvLicenceFromCsv);
    for (const l of licences)
      if ("code" in l)
        await trx
          .insertInto("candidate_licences")
          .values({ candidate_id: c.id, licence_code: l.code, licence_category: l.category || null })
          .execute();
    for (const n of [...(spec.certificates ?? []), ...licences.flatMap((l) => ("certificate" in l ? [l.certificate] : []))])
      await trx.insertInto("candidate_certificates").values({ candidate_id: c.id, name: n }).execute();
    await enqueueSearchSync(trx, "candidates", [c.id]);
    return c.id;
  });
  return id;
}

export async function indexPending() {
  await drainOutbox(getDb());
}

export interface VacancySpec {
  employerId: string;
  comune?: string;
  occupation?: string;
  radiusKm?: number;
  status?: "validated" | "published" | "in_preselection" | "draft";
  positions?: number;
  l68Reserved?: "no" | "art1" | "art18";
  workingTime?: "full_time" | "part_time";
  requirements?: {
    kind: "education" | "experience" | "language" | "licence" | "certificate" | "skill";
    priority: "must" | "nice";
    description?: string;
    educationLevel?: string;
    years?: number;
    languageCode?: string;
    cefrLevel?: string;
    licenceCategory?: string;
    licenceCode?: string;
    patentinoCode?: string;
    alboCode?: string;
  }[];
}

/** The tests speak the CV's words (ISO languages, EU licence categories, education steps): the official codes a vacancy stores. */
const STUDY: Record<string, [number, string | null]> = {
  none: [0, null],
  lower_secondary: [2, null],
  vocational: [3, null],
  upper_secondary: [4, null],
  its: [5, null],
  bachelor: [7, "71000000"],
  master: [7, "74000000"],
  doctorate: [12, "90000000"],
};
function officialRequirement(r: NonNullable<VacancySpec["requirements"]>[number]) {
  const [study_level, study_title_code] = r.educationLevel ? STUDY[r.educationLevel]! : [null, null];
  const muletto = r.kind === "licence" && r.licenceCategory === "Muletto";
  return {
    kind: muletto ? ("certificate" as const) : r.kind,
    description: muletto ? "Muletto (conduzione di carrelli elevatori)" : (r.description ?? ""),
    study_level,
    study_title_code,
    language_code: r.languageCode ? (LANGUAGE_OF_ISO[r.languageCode] ?? r.languageCode) : null,
    licence_code: r.licenceCode ?? (r.licenceCategory && !muletto ? LICENCE_CODE_OF_CATEGORY[r.licenceCategory as LicenceCategory] : null),
    licence_category: r.licenceCategory && !muletto ? r.licenceCategory : null,
    patentino_code: r.patentinoCode ?? null,
    albo_code: r.alboCode ?? null,
  };
}

export async function createMatchVacancy(spec: VacancySpec) {
  const db = getDb();
  const comune = await comuneCode(spec.comune ?? "Milano");
  const v = await db
    .insertInto("vacancies")
    .values({
      employer_id: spec.employerId,
      status: spec.status ?? "validated",
      title: "Addetto alle vendite",
      occupation_code: spec.occupation ?? "5.1.2.2.0",
      description: "Vendita al banco e assistenza ai clienti del negozio.",
      comune_code: comune,
      radius_km: spec.radiusKm ?? 20,
      contract_type: "A.02.00",
      working_time_code: (spec.workingTime ?? "full_time") === "full_time" ? "F" : "P",
      weekly_hours: 40,
      positions: spec.positions ?? 1,
      closing_date: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
      l68_reserved: spec.l68Reserved ?? "no",
      publication_mode: "internal",
      discrimination_flags: "[]",
      validated_at: new Date(),
    })
    .returning(["id", "version"])
    .executeTakeFirstOrThrow();
  for (const [i, r] of (spec.requirements ?? []).entries()) {
    await db
      .insertInto("vacancy_requirements")
      .values({
        vacancy_id: v.id,
        position: i + 1,
        priority: r.priority,
        ...officialRequirement(r),
        years: r.years ?? null,
        cefr_level: r.cefrLevel ?? null,
      })
      .execute();
  }
  return v;
}

/** A rosa already presented to this employer (for the authorization matrix: another employer's rosa). */
export async function insertPresentedShortlist(employerId: string, vacancyId: string) {
  const db = getDb();
  const officer = await db
    .insertInto("users")
    .values({
      email: `off-${randomUUID().slice(0, 8)}@example.it`,
      full_name: "Operatore",
      role: "preselection_officer",
      office_province: "MI",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const s = await db
    .insertInto("shortlists")
    .values({
      vacancy_id: vacancyId,
      employer_id: employerId,
      title: "Rosa di un'altra azienda",
      status: "presented",
      search_snapshot: JSON.stringify({ conditions: [], filter: "", sort: [], relaxed: [], total: 0 }),
      results_snapshot: "[]",
      index_uid: "rosa_candidates",
      settings_version: 2,
      created_by: officer.id,
      presented_at: new Date(),
      presented_by: officer.id,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return s.id;
}
