/**
 * The province's list of people with disabilities enrolled for targeted placement (art. 8 L.
 * 68/1999). Identity and the ranking's social criteria live in `l68_enrolments`; the disability,
 * the functional diagnosis and the capacities are health data (GDPR art. 9) in
 * `l68_enrolment_health`, read only here, only for placement officers of the province, and every
 * read is audited (the audit keeps no health data).
 */
import type { Db, Trx } from "~/db/db.server";
import type { DisabilityCategory, EnrolmentStatus } from "~/db/tables/placement";
import { recordAudit, type Actor } from "~/domain/audit/index.server";
import { DomainError, StaleVersionError } from "~/domain/errors";
import { resolveComune } from "~/domain/reference/index.server";
import { rank, rankingParametersOn, type Ranked, type RankingEntry } from "./ranking";
import type { EnrolmentForm, HealthForm } from "./schema";

export async function enrol(trx: Trx, actor: Actor, province: string, input: EnrolmentForm, today: string) {
  if (input.enrolledOn > today) throw new DomainError("La data di iscrizione non può essere futura", "enrolledOn");
  const candidate = await trx
    .selectFrom("candidates")
    .select(["id", "first_name", "last_name", "birth_date", "phone", "email", "domicile_comune_code"])
    .where("tax_code", "=", input.taxCode)
    .where("erased_at", "is", null)
    .executeTakeFirst();
  const firstName = input.firstName ?? candidate?.first_name;
  const lastName = input.lastName ?? candidate?.last_name;
  const birthDate = input.birthDate ?? candidate?.birth_date;
  if (!firstName) throw new DomainError("Indica il nome (la persona non è nella banca dati dei candidati)", "firstName");
  if (!lastName) throw new DomainError("Indica il cognome", "lastName");
  if (!birthDate) throw new DomainError("Indica la data di nascita", "birthDate");
  let comuneCode = candidate?.domicile_comune_code;
  if (input.comune) {
    const comune = await resolveComune(trx, input.comune);
    if (!comune) throw new DomainError("Comune non trovato: scegli dall'elenco, ad esempio «Milano (MI)»", "comune");
    comuneCode = comune.istatCode;
  }
  if (!comuneCode) throw new DomainError("Indica il comune di domicilio", "comune");
  const exists = await trx
    .selectFrom("l68_enrolments")
    .select("id")
    .where("province_code", "=", province)
    .where("tax_code", "=", input.taxCode)
    .executeTakeFirst();
  if (exists) throw new DomainError("La persona è già iscritta nell'elenco di questa provincia", "taxCode", "conflict");
  const row = await trx
    .insertInto("l68_enrolments")
    .values({
      candidate_id: candidate?.id ?? null,
      first_name: firstName,
      last_name: lastName,
      tax_code: input.taxCode,
      birth_date: birthDate,
      phone: input.phone ?? candidate?.phone ?? null,
      email: input.email ?? candidate?.email ?? null,
      domicile_comune_code: comuneCode,
      province_code: province,
      enrolled_on: input.enrolledOn,
      family_dependants: input.familyDependants,
      isee_cents: input.isee,
      created_by: actor.userId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await trx
    .insertInto("l68_enrolment_health")
    .values({
      enrolment_id: row.id,
      disability_category: input.disabilityCategory,
      disability_percent: input.disabilityPercent,
      functional_diagnosis: input.functionalDiagnosis,
      capacities: input.cap,
      night_shifts_ok: input.nightShiftsOk,
      needs_barrier_free: input.needsBarrierFree,
      needs_public_transport: input.needsPublicTransport,
      updated_by: actor.userId,
    })
    .execute();
  await recordAudit(trx, actor, {
    action: "l68.enrolment_created",
    entityType: "l68_enrolment",
    entityId: row.id,
    details: { province, fromCandidateDatabase: !!candidate },
  });
  return row.id;
}

export interface EnrolmentRow {
  id: string;
  firstName: string;
  lastName: string;
  taxCode: string;
  enrolledOn: string;
  status: EnrolmentStatus;
  candidateId: string | null;
}

/** The list of a province (identity only), audited as a view of personal data. */
export async function listEnrolments(db: Db, actor: Actor, province: string): Promise<EnrolmentRow[]> {
  const rows = await db
    .selectFrom("l68_enrolments")
    .select([
      "id",
      "first_name as firstName",
      "last_name as lastName",
      "tax_code as taxCode",
      "enrolled_on as enrolledOn",
      "status",
      "candidate_id as candidateId",
    ])
    .where("province_code", "=", province)
    .orderBy("last_name")
    .orderBy("first_name")
    .orderBy("id")
    .execute();
  await recordAudit(db, actor, {
    action: "l68.enrolment_list_viewed",
    entityType: "l68_enrolment",
    details: { province, count: rows.length },
  });
  return rows;
}

export interface EnrolmentDetail extends EnrolmentRow {
  birthDate: string;
  phone: string | null;
  email: string | null;
  comuneLabel: string;
  provinceCode: string;
  familyDependants: number;
  iseeCents: number | null;
  health: {
    disabilityCategory: DisabilityCategory;
    disabilityPercent: string;
    functionalDiagnosis: string;
    capacities: string[];
    nightShiftsOk: boolean;
    needsBarrierFree: boolean;
    needsPublicTransport: boolean;
    version: number;
    updatedAt: Date;
    updatedByName: string | null;
  };
}

/** One person with the health data: the caller is a placement officer of `province`; the read is audited. */
export async function viewEnrolment(db: Db, actor: Actor, province: string, enrolmentId: string): Promise<EnrolmentDetail | null> {
  const r = await db
    .selectFrom("l68_enrolments as e")
    .innerJoin("l68_enrolment_health as h", "h.enrolment_id", "e.id")
    .innerJoin("comuni as c", "c.istat_code", "e.domicile_comune_code")
    .leftJoin("users as u", "u.id", "h.updated_by")
    .select([
      "e.id",
      "e.first_name",
      "e.last_name",
      "e.tax_code",
      "e.enrolled_on",
      "e.birth_date",
      "e.status",
      "e.candidate_id",
      "e.phone",
      "e.email",
      "c.name as comune_name",
      "c.province_code as comune_province",
      "e.province_code",
      "e.family_dependants",
      "e.isee_cents",
      "h.disability_category",
      "h.disability_percent",
      "h.functional_diagnosis",
      "h.capacities",
      "h.night_shifts_ok",
      "h.needs_barrier_free",
      "h.needs_public_transport",
      "h.version as health_version",
      "h.updated_at as health_updated_at",
      "u.full_name as health_updated_by",
    ])
    .where("e.id", "=", enrolmentId)
    .where("e.province_code", "=", province)
    .executeTakeFirst();
  if (!r) return null;
  await recordAudit(db, actor, {
    action: "l68.enrolment_health_viewed",
    entityType: "l68_enrolment",
    entityId: r.id,
    details: { province },
  });
  return {
    id: r.id,
    firstName: r.first_name,
    lastName: r.last_name,
    taxCode: r.tax_code,
    enrolledOn: r.enrolled_on,
    status: r.status,
    candidateId: r.candidate_id,
    birthDate: r.birth_date,
    phone: r.phone,
    email: r.email,
    comuneLabel: `${r.comune_name} (${r.comune_province})`,
    provinceCode: r.province_code,
    familyDependants: r.family_dependants,
    iseeCents: r.isee_cents,
    health: {
      disabilityCategory: r.disability_category,
      disabilityPercent: r.disability_percent,
      functionalDiagnosis: r.functional_diagnosis,
      capacities: r.capacities,
      nightShiftsOk: r.night_shifts_ok,
      needsBarrierFree: r.needs_barrier_free,
      needsPublicTransport: r.needs_public_transport,
      version: r.health_version,
      updatedAt: r.health_updated_at,
      updatedByName: r.health_updated_by,
    },
  };
}

const HEALTH_FIELDS = {
  disability_category: "disabilityCategory",
  disability_percent: "disabilityPercent",
  functional_diagnosis: "functionalDiagnosis",
  capacities: "capacities",
  night_shifts_ok: "nightShiftsOk",
  needs_barrier_free: "needsBarrierFree",
  needs_public_transport: "needsPublicTransport",
} as const;

/**
 * Corrects the health data of an enrolled person (a new assessment, a revised functional
 * diagnosis): placement officers of the province only. The replaced version is kept in
 * `l68_enrolment_health_versions` (health data too), the row's version guards against a concurrent
 * edit, and the audit names the fields changed, never their values.
 */
export async function updateHealth(trx: Trx, actor: Actor, province: string, enrolmentId: string, input: HealthForm) {
  const h = await trx
    .selectFrom("l68_enrolment_health as h")
    .innerJoin("l68_enrolments as e", "e.id", "h.enrolment_id")
    .select([
      "h.enrolment_id",
      "h.version",
      "h.disability_category",
      "h.disability_percent",
      "h.functional_diagnosis",
      "h.capacities",
      "h.night_shifts_ok",
      "h.needs_barrier_free",
      "h.needs_public_transport",
      "h.updated_by",
      "h.updated_at",
    ])
    .where("h.enrolment_id", "=", enrolmentId)
    .where("e.province_code", "=", province)
    .forUpdate()
    .executeTakeFirst();
  if (!h) throw new DomainError("Persona non trovata", "_form", "not_found");
  if (h.version !== input.version) throw new StaleVersionError();
  const next = {
    disability_category: input.disabilityCategory,
    disability_percent: input.disabilityPercent,
    functional_diagnosis: input.functionalDiagnosis,
    capacities: input.cap as string[],
    night_shifts_ok: input.nightShiftsOk,
    needs_barrier_free: input.needsBarrierFree,
    needs_public_transport: input.needsPublicTransport,
  };
  const same = (k: keyof typeof next) =>
    k === "disability_percent" ? Number(h[k]) === Number(next[k]) : JSON.stringify(h[k]) === JSON.stringify(next[k]);
  const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => !same(k)).map((k) => HEALTH_FIELDS[k]);
  if (!changed.length) throw new DomainError("Nessuna modifica ai dati sanitari", "_form", "invalid");
  const { version, enrolment_id, ...old } = h;
  await trx
    .insertInto("l68_enrolment_health_versions")
    .values({ enrolment_id, version, ...old, replaced_by: actor.userId })
    .execute();
  await trx
    .updateTable("l68_enrolment_health")
    .set({ ...next, version: version + 1, updated_by: actor.userId, updated_at: new Date() })
    .where("enrolment_id", "=", enrolmentId)
    .execute();
  await recordAudit(trx, actor, {
    action: "l68.enrolment_health_updated",
    entityType: "l68_enrolment",
    entityId: enrolmentId,
    details: { province, version: version + 1, fields: changed },
  });
  return version + 1;
}

export interface RankingRow extends RankingEntry {
  firstName: string;
  lastName: string;
  capacities: string[];
  nightShiftsOk: boolean;
  needsBarrierFree: boolean;
  needsPublicTransport: boolean;
  provinceCode: string;
  domicileComuneCode: string;
  candidateId: string | null;
  busy: boolean;
}

/** The active people of a province with what the ranking and the matching need (health data: server-side only). */
async function rankingRows(db: Db | Trx, province: string): Promise<RankingRow[]> {
  const rows = await db
    .selectFrom("l68_enrolments as e")
    .innerJoin("l68_enrolment_health as h", "h.enrolment_id", "e.id")
    .select((eb) => [
      "e.id",
      "e.tax_code",
      "e.birth_date",
      "e.enrolled_on",
      "e.first_name",
      "e.last_name",
      "e.family_dependants",
      "e.isee_cents",
      "e.province_code",
      "e.domicile_comune_code",
      "e.candidate_id",
      "h.disability_percent",
      "h.capacities",
      "h.night_shifts_ok",
      "h.needs_barrier_free",
      "h.needs_public_transport",
      eb
        .exists(
          eb
            .selectFrom("l68_referrals as r")
            .select("r.id")
            .whereRef("r.enrolment_id", "=", "e.id")
            .where("r.status", "in", ["proposed", "referred"]),
        )
        .as("busy"),
    ])
    .where("e.province_code", "=", province)
    .where("e.status", "=", "active")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    taxCode: r.tax_code,
    birthDate: r.birth_date,
    enrolledOn: r.enrolled_on,
    disabilityPercent: r.disability_percent,
    familyDependants: r.family_dependants,
    iseeCents: r.isee_cents === null ? null : BigInt(r.isee_cents),
    firstName: r.first_name,
    lastName: r.last_name,
    capacities: r.capacities,
    nightShiftsOk: r.night_shifts_ok,
    needsBarrierFree: r.needs_barrier_free,
    needsPublicTransport: r.needs_public_transport,
    provinceCode: r.province_code,
    domicileComuneCode: r.domicile_comune_code,
    candidateId: r.candidate_id,
    busy: !!r.busy,
  }));
}

/** The graduatoria of the province on `date` (pure ranking over the stored rows). */
export async function provincialRanking(db: Db | Trx, province: string, date: string): Promise<Ranked<RankingRow>[]> {
  return rank(await rankingRows(db, province), date, rankingParametersOn(date));
}

/** The graduatoria as the officer's page shows it: audited as a view of health data. */
export async function viewRanking(db: Db, actor: Actor, province: string, date: string) {
  const ranked = await provincialRanking(db, province, date);
  await recordAudit(db, actor, {
    action: "l68.ranking_viewed",
    entityType: "l68_enrolment",
    details: { province, date, count: ranked.length },
  });
  return ranked;
}
