import { addDays, todayInItaly } from "~/utils/dates";
import { sql } from "kysely";
import type { Db } from "~/db/db.server";
import type { VacancyStatus } from "~/db/tables/vacancies";
import type { DiscriminationFinding } from "./discrimination";
import type { VacancyScope } from "./policy.server";
import { EXPIRING_DAYS, LIVE_STATUSES } from "./states";
import { REQUIREMENT_COLUMNS } from "./requirements";
import { cnelLabel, codeLabel } from "~/domain/reference/index.server";

export const VACANCY_PAGE_SIZE = 25;

function baseVacancyQuery(db: Db) {
  return db
    .selectFrom("vacancies")
    .innerJoin("employers", "employers.id", "vacancies.employer_id")
    .innerJoin("occupations", "occupations.code", "vacancies.occupation_code")
    .innerJoin("comuni", "comuni.istat_code", "vacancies.comune_code")
    .leftJoin("ateco", "ateco.code", "vacancies.ateco_code");
}

/** The employer's own vacancies, newest first, with what the list shows; `expiring`: live ones closing within EXPIRING_DAYS. */
export async function listEmployerVacancies(db: Db, employerId: string, opts: { expiring?: boolean; today?: string } = {}) {
  const rows = await db
    .selectFrom("vacancies")
    .innerJoin("comuni", "comuni.istat_code", "vacancies.comune_code")
    .select([
      "vacancies.id",
      "vacancies.number",
      "vacancies.title",
      "vacancies.status",
      "vacancies.closing_date",
      "vacancies.positions",
      "vacancies.outcome",
      "vacancies.updated_at",
      "comuni.name as comune_name",
    ])
    .where("vacancies.employer_id", "=", employerId)
    // An internship's scouting vacancy is shown under Tirocini, not among the employer's job offers.
    .where("vacancies.kind", "<>", "internship")
    .$if(!!opts.expiring, (q) => {
      const today = opts.today ?? todayInItaly();
      return q
        .where("vacancies.status", "in", [...LIVE_STATUSES])
        .where("vacancies.closing_date", ">=", sql<string>`${today}::date`)
        .where("vacancies.closing_date", "<=", sql<string>`${addDays(today, EXPIRING_DAYS)}::date`);
    })
    .orderBy("vacancies.created_at", "desc")
    .execute();
  return rows;
}

export async function countEmployerVacanciesByStatus(db: Db, employerId: string) {
  const rows = await db
    .selectFrom("vacancies")
    .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
    .where("employer_id", "=", employerId)
    .where("kind", "<>", "internship")
    .groupBy("status")
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])) as Partial<Record<VacancyStatus, number>>;
}

/** One vacancy in full, or null when it does not exist or is outside the scope. */
export async function getVacancy(db: Db, scope: VacancyScope, vacancyId: string) {
  let query = baseVacancyQuery(db)
    .leftJoin("users as validator", "validator.id", "vacancies.validated_by")
    .selectAll("vacancies")
    .select([
      "employers.legal_name as employer_name",
      "employers.status as employer_status",
      "employers.tax_code as employer_tax_code",
      "employers.ateco_code as employer_ateco_code",
      "employers.headcount_band as employer_headcount_band",
      "employers.legal_address as employer_address",
      "employers.legal_comune_code as employer_comune_code",
      "employers.contact_email as employer_email",
      "employers.contact_phone as employer_phone",
      "occupations.title as occupation_title",
      "comuni.name as comune_name",
      "comuni.province_code",
      "ateco.title as ateco_title",
      "validator.full_name as validator_name",
    ])
    .where("vacancies.id", "=", vacancyId);
  if (scope.kind === "employer") query = query.where("vacancies.employer_id", "=", scope.employerId);
  const v = await query.executeTakeFirst();
  if (!v) return null;
  const requirements = await db
    .selectFrom("vacancy_requirements")
    .select(["id", ...REQUIREMENT_COLUMNS])
    .where("vacancy_id", "=", vacancyId)
    .orderBy("position")
    .execute();
  return {
    ...v,
    closing_date: v.closing_date,
    start_date: v.start_date,
    discrimination_flags: (v.discrimination_flags ?? []) as DiscriminationFinding[],
    ccnl_label: v.ccnl_code ? codeLabel("ccnl", v.ccnl_code) : null,
    ccnl_cnel_label: v.ccnl_cnel_code ? cnelLabel(v.ccnl_cnel_code) : null,
    requirements: requirements.map((r) => ({
      ...r,
      study_title_label: r.study_title_code ? codeLabel("studyTitles", r.study_title_code) : null,
    })),
  };
}

export type VacancyDetail = NonNullable<Awaited<ReturnType<typeof getVacancy>>>;

/** Officers' queue: by status (submitted first by default), oldest submission first. */
export interface VacancyQueueFilter {
  status: VacancyStatus | "";
  page: number;
  /** One employer's vacancies (from the officer's employer page). */
  azienda?: string;
}

/** The queue's rows before paging: the list and the desk's count share it. */
function vacancyQueue(db: Db, filter: VacancyQueueFilter) {
  let query = baseVacancyQuery(db).where("vacancies.status", "!=", "draft");
  if (filter.status) query = query.where("vacancies.status", "=", filter.status);
  if (filter.azienda) query = query.where("vacancies.employer_id", "=", filter.azienda);
  return query;
}

/** How many rows the queue has with this filter, all pages. */
export async function countVacancyQueueRows(db: Db, filter: Omit<VacancyQueueFilter, "page">): Promise<number> {
  const r = await vacancyQueue(db, { ...filter, page: 1 })
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function listVacancyQueue(db: Db, filter: VacancyQueueFilter) {
  const query = vacancyQueue(db, filter).select([
    "vacancies.id",
    "vacancies.number",
    "vacancies.title",
    "vacancies.status",
    "vacancies.closing_date",
    "vacancies.submitted_at",
    "vacancies.positions",
    "vacancies.discrimination_flags",
    "employers.legal_name as employer_name",
    "comuni.name as comune_name",
    "comuni.province_code",
  ]);
  const rows = await query
    .orderBy(sql`vacancies.submitted_at asc nulls last`)
    .orderBy("vacancies.number")
    .limit(VACANCY_PAGE_SIZE + 1)
    .offset((filter.page - 1) * VACANCY_PAGE_SIZE)
    .execute();
  return {
    vacancies: rows.slice(0, VACANCY_PAGE_SIZE).map((r) => ({
      ...r,
      closing_date: r.closing_date,
      warnings: ((r.discrimination_flags ?? []) as DiscriminationFinding[]).length,
      discrimination_flags: undefined,
    })),
    hasMore: rows.length > VACANCY_PAGE_SIZE,
  };
}

export async function countVacancyQueue(db: Db): Promise<number> {
  const r = await db
    .selectFrom("vacancies")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("status", "=", "submitted")
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** A vacancy anyone may see: live and not internal-only. */
export async function getPublicVacancy(db: Db, vacancyId: string) {
  const v = await db
    .selectFrom("vacancies")
    .select("id")
    .where("id", "=", vacancyId)
    .where("status", "in", LIVE_STATUSES)
    .where("publication_mode", "!=", "internal")
    .executeTakeFirst();
  return v ? getVacancy(db, { kind: "officer" }, v.id) : null;
}

/**
 * The public page of a vacancy that is or was on the board: a vacancy closed after publication keeps its page
 * (links from feeds, search engines and e-mails keep working) but says it is closed. `open` is false once the
 * vacancy left the live states or its closing date passed. Drafts, internal and never-published vacancies: null.
 */
export async function getPublicVacancyPage(db: Db, vacancyId: string, today: string) {
  const v = await db
    .selectFrom("vacancies")
    .select(["id", "status", "closing_date"])
    .where("id", "=", vacancyId)
    .where("publication_mode", "!=", "internal")
    .where((eb) => eb.or([eb("status", "in", LIVE_STATUSES), eb.and([eb("status", "=", "closed"), eb("published_at", "is not", null)])]))
    .executeTakeFirst();
  if (!v) return null;
  const detail = await getVacancy(db, { kind: "officer" }, v.id);
  if (!detail) return null;
  return { detail, open: LIVE_STATUSES.includes(v.status) && v.closing_date >= today };
}

/** Published vacancies for the feeds, newest first. */
export async function listPublicVacancies(db: Db, limit = 100) {
  const ids = await db
    .selectFrom("vacancies")
    .select("id")
    .where("status", "in", LIVE_STATUSES)
    .where("publication_mode", "!=", "internal")
    .orderBy("published_at", "desc")
    .limit(limit)
    .execute();
  const out: VacancyDetail[] = [];
  for (const { id } of ids) {
    const v = await getVacancy(db, { kind: "officer" }, id);
    if (v) out.push(v);
  }
  return out;
}

/** Whether the vacancy exists inside the scope (actions check this before reading the form, so others' ids are 404). */
export async function vacancyVisible(db: Db, scope: VacancyScope, vacancyId: string): Promise<boolean> {
  let query = db.selectFrom("vacancies").select("id").where("id", "=", vacancyId);
  if (scope.kind === "employer") query = query.where("employer_id", "=", scope.employerId);
  if (scope.kind === "officer") query = query.where("status", "!=", "draft");
  return !!(await query.executeTakeFirst());
}

/** Vacancies for the sitemap: published, not internal, still open today (`today` = "YYYY-MM-DD" in Italy). */
export async function listSitemapVacancies(db: Db, today: string, limit = 50_000) {
  const rows = await db
    .selectFrom("vacancies")
    .select(["id", "updated_at"])
    .where("status", "in", LIVE_STATUSES)
    .where("publication_mode", "!=", "internal")
    .where("closing_date", ">=", sql<string>`${today}::date`)
    .orderBy("published_at", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, updatedAt: new Date(r.updated_at) }));
}
