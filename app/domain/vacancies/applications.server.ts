import type { Db, Trx } from "~/db/db.server";
import { recordAudit, type Actor } from "~/domain/audit/index.server";
import { isCvObsolete } from "~/domain/candidates";
import { DomainError, StaleVersionError } from "~/domain/errors";
import { acceptsDirectApplications } from "./direct-apply";

/** A candidate applies to a live public vacancy, once, with an optional message. */
export async function applyToVacancy(
  trx: Trx,
  actor: Actor,
  input: { vacancyId: string; candidateId: string; message: string | null },
  now = new Date(),
) {
  const v = await trx
    .selectFrom("vacancies")
    .select(["id", "status", "publication_mode", "closing_date", "employer_id"])
    .where("id", "=", input.vacancyId)
    .forShare()
    .executeTakeFirst();
  if (!v || v.publication_mode === "internal") throw new DomainError("Offerta non trovata", "_form", "not_found");
  if (!acceptsDirectApplications({ status: v.status, publicationMode: v.publication_mode, closingDate: v.closing_date }, now))
    throw new DomainError("L'offerta è chiusa: non si accettano più candidature", "_form", "conflict");
  const row = await trx
    .insertInto("vacancy_applications")
    .values({ vacancy_id: v.id, candidate_id: input.candidateId, message: input.message })
    .onConflict((oc) => oc.columns(["vacancy_id", "candidate_id"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  if (!row) throw new DomainError("Ti sei già candidato a questa offerta", "_form", "conflict");
  await recordAudit(trx, actor, {
    action: "application.submitted",
    entityType: "vacancy_application",
    entityId: row.id,
    employerId: v.employer_id,
    details: { vacancyId: v.id, candidateId: input.candidateId },
  });
  return row.id;
}

/** The officer's verification: accepted into the vacancy's pool, or declined with a reason the candidate sees. */
export async function decideApplication(
  trx: Trx,
  actor: Actor,
  input: {
    vacancyId: string;
    applicationId: string;
    version: number;
    decision: "accept" | "decline";
    reason: string;
    checks: { requirements: boolean; cvCurrent: boolean; consent: boolean };
  },
) {
  const a = await trx
    .selectFrom("vacancy_applications")
    .innerJoin("vacancies", "vacancies.id", "vacancy_applications.vacancy_id")
    .select([
      "vacancy_applications.id",
      "vacancy_applications.status",
      "vacancy_applications.version",
      "vacancy_applications.candidate_id",
      "vacancies.employer_id",
    ])
    .where("vacancy_applications.id", "=", input.applicationId)
    .where("vacancy_applications.vacancy_id", "=", input.vacancyId)
    .forUpdate(["vacancy_applications"])
    .executeTakeFirst();
  if (!a) throw new DomainError("Candidatura non trovata", "_form", "not_found");
  if (a.version !== input.version) throw new StaleVersionError();
  if (a.status !== "submitted") throw new DomainError("La candidatura è già stata verificata", "_form", "conflict");
  if (input.decision === "accept" && !(input.checks.requirements && input.checks.cvCurrent && input.checks.consent))
    throw new DomainError("Per accettare la candidatura conferma le tre verifiche (requisiti, CV aggiornato, consenso)", "checks");
  await trx
    .updateTable("vacancy_applications")
    .set({
      status: input.decision === "accept" ? "accepted" : "declined",
      decline_reason: input.decision === "decline" ? input.reason : null,
      check_requirements: input.checks.requirements,
      check_cv_current: input.checks.cvCurrent,
      check_consent: input.checks.consent,
      decided_by: actor.userId,
      decided_at: new Date(),
      version: a.version + 1,
    })
    .where("id", "=", a.id)
    .execute();
  await recordAudit(trx, actor, {
    action: `application.${input.decision}`,
    entityType: "vacancy_application",
    entityId: a.id,
    employerId: a.employer_id,
    details: { vacancyId: input.vacancyId, candidateId: a.candidate_id, checks: input.checks, reason: input.reason || null },
  });
}

/** Applications of a vacancy with what the officer verifies (personal data: callers audit the view). */
export async function listVacancyApplications(db: Db, vacancyId: string, now = new Date()) {
  const rows = await db
    .selectFrom("vacancy_applications")
    .innerJoin("candidates", "candidates.id", "vacancy_applications.candidate_id")
    .select([
      "vacancy_applications.id",
      "vacancy_applications.candidate_id",
      "vacancy_applications.message",
      "vacancy_applications.status",
      "vacancy_applications.decline_reason",
      "vacancy_applications.version",
      "vacancy_applications.created_at",
      "candidates.first_name",
      "candidates.last_name",
      "candidates.cv_updated_at",
      "candidates.consent_visible",
    ])
    .where("vacancy_applications.vacancy_id", "=", vacancyId)
    .orderBy("vacancy_applications.created_at")
    .execute();
  return rows.map((r) => ({ ...r, cvObsolete: isCvObsolete(r.cv_updated_at, now) }));
}

/** The candidate's own applications, with the reason of a decline. */
export function listCandidateApplications(db: Db, candidateId: string) {
  return db
    .selectFrom("vacancy_applications")
    .innerJoin("vacancies", "vacancies.id", "vacancy_applications.vacancy_id")
    .select([
      "vacancy_applications.id",
      "vacancy_applications.status",
      "vacancy_applications.decline_reason",
      "vacancy_applications.created_at",
      "vacancies.id as vacancy_id",
      "vacancies.title",
      "vacancies.number",
      "vacancies.status as vacancy_status",
    ])
    .where("vacancy_applications.candidate_id", "=", candidateId)
    .orderBy("vacancy_applications.created_at", "desc")
    .execute();
}

export async function findOwnApplication(db: Db, vacancyId: string, candidateId: string) {
  return db
    .selectFrom("vacancy_applications")
    .select(["status", "decline_reason", "created_at"])
    .where("vacancy_id", "=", vacancyId)
    .where("candidate_id", "=", candidateId)
    .executeTakeFirst();
}

/** Per vacancy of an employer: applications received and accepted into the pool (counts only: no identities). */
export async function applicationCounts(db: Db, employerId: string) {
  const rows = await db
    .selectFrom("vacancy_applications")
    .innerJoin("vacancies", "vacancies.id", "vacancy_applications.vacancy_id")
    .select([
      "vacancy_applications.vacancy_id",
      (eb) => eb.fn.countAll<number>().as("total"),
      (eb) => eb.fn.count<number>("vacancy_applications.id").filterWhere("vacancy_applications.status", "=", "accepted").as("accepted"),
    ])
    .where("vacancies.employer_id", "=", employerId)
    .groupBy("vacancy_applications.vacancy_id")
    .execute();
  return Object.fromEntries(rows.map((r) => [r.vacancy_id, { total: Number(r.total), accepted: Number(r.accepted) }]));
}
