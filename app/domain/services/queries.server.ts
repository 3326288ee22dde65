import { sql } from "kysely";
import type { Db } from "~/db/db.server";
import type { ServiceQueue } from "~/db/tables/vacancies";
import type { DeliveryFilter } from "./schema";

/** Published articles matching the words (Italian full-text search), or all of them, in the admins' order. */
export async function searchArticles(db: Db, q: string, opts: { includeDrafts?: boolean } = {}) {
  let query = db
    .selectFrom("info_articles")
    .select(["id", "slug", "category", "title", "summary", "published", "sort_order", "updated_at"]);
  if (!opts.includeDrafts) query = query.where("published", "=", true);
  if (q) {
    query = query.where(
      sql<boolean>`to_tsvector('italian', title || ' ' || summary || ' ' || body) @@ websearch_to_tsquery('italian', ${q})
        or lower(unaccent(title)) like '%' || lower(unaccent(${q})) || '%'`,
    );
  }
  return query.orderBy("sort_order").orderBy("title").execute();
}

export function getArticleBySlug(db: Db, slug: string) {
  return db
    .selectFrom("info_articles")
    .select(["id", "slug", "category", "title", "summary", "body", "service_codes", "updated_at"])
    .where("slug", "=", slug)
    .where("published", "=", true)
    .executeTakeFirst();
}

export function getArticleForEdit(db: Db, id: string) {
  return db.selectFrom("info_articles").selectAll().where("id", "=", id).executeTakeFirst();
}

export function listServiceStandards(db: Db) {
  return db.selectFrom("service_standards").selectAll().orderBy("sort_order").execute();
}

export function getServiceStandard(db: Db, code: string) {
  return db
    .selectFrom("service_standards")
    .select(["code", "title", "min_minutes", "max_minutes"])
    .where("code", "=", code)
    .executeTakeFirst();
}

export function listEmployerRequests(db: Db, employerId: string) {
  return db
    .selectFrom("service_requests")
    .select(["id", "service_code", "status", "note", "created_at", "updated_at"])
    .where("employer_id", "=", employerId)
    .orderBy("created_at", "desc")
    .execute();
}

/** Open and taken requests of the officer's queues, oldest first. */
export function listRequestQueue(db: Db, queues: ServiceQueue[]) {
  return db
    .selectFrom("service_requests")
    .innerJoin("employers", "employers.id", "service_requests.employer_id")
    .leftJoin("users as assignee", "assignee.id", "service_requests.assigned_to")
    .select([
      "service_requests.id",
      "service_requests.employer_id",
      "service_requests.service_code",
      "service_requests.queue",
      "service_requests.status",
      "service_requests.note",
      "service_requests.version",
      "service_requests.created_at",
      "employers.legal_name as employer_name",
      "assignee.full_name as assignee_name",
    ])
    .where("service_requests.queue", "in", queues)
    .where("service_requests.status", "in", ["open", "taken"])
    .orderBy("service_requests.created_at")
    .execute();
}

/** How many rows the officer's request queue lists (open and taken): the desk's count. */
export async function countRequestQueue(db: Db, queues: ServiceQueue[]) {
  if (!queues.length) return 0;
  const r = await db
    .selectFrom("service_requests")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("queue", "in", queues)
    .where("status", "in", ["open", "taken"])
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function countOpenRequests(db: Db, queues: ServiceQueue[]) {
  const r = await db
    .selectFrom("service_requests")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("queue", "in", queues)
    .where("status", "=", "open")
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Deliveries matching the filter with their totals (count and minutes, overall and per service). */
/** A register row with its company, officer and standard: what the list and the correction form both show. */
function deliveryRows(db: Db) {
  return db
    .selectFrom("service_deliveries")
    .innerJoin("employers", "employers.id", "service_deliveries.employer_id")
    .innerJoin("users as officer", "officer.id", "service_deliveries.officer_id")
    .innerJoin("service_standards", "service_standards.code", "service_deliveries.standard_code")
    .select([
      "service_deliveries.id",
      "service_deliveries.delivered_on",
      "service_deliveries.minutes",
      "service_deliveries.modality",
      "service_deliveries.output",
      "service_deliveries.justification",
      "service_deliveries.standard_code",
      "service_deliveries.shortlist_id",
      "service_deliveries.needs_assessment_id",
      "service_standards.title as standard_title",
      "employers.legal_name as employer_name",
      "officer.full_name as officer_name",
    ]);
}

export async function listDeliveries(db: Db, filter: DeliveryFilter, limit = 1000) {
  let query = deliveryRows(db).select([
    "service_standards.trento_code",
    "service_standards.lep_letter",
    "service_standards.sap_code",
    "employers.tax_code as employer_tax_code",
  ]);
  if (filter.dal) query = query.where("service_deliveries.delivered_on", ">=", sql<string>`${filter.dal}::date`);
  if (filter.al) query = query.where("service_deliveries.delivered_on", "<=", sql<string>`${filter.al}::date`);
  if (filter.servizio) query = query.where("service_deliveries.standard_code", "=", filter.servizio);
  if (filter.operatore) query = query.where("service_deliveries.officer_id", "=", filter.operatore);
  if (filter.azienda) query = query.where("service_deliveries.employer_id", "=", filter.azienda);
  const rows = (
    await query
      .orderBy("service_deliveries.delivered_on", "desc")
      .orderBy("service_deliveries.created_at", "desc")
      .limit(limit + 1)
      .execute()
  ).map((r) => ({
    ...r,
    delivered_on: r.delivered_on,
  }));
  const shown = rows.slice(0, limit);
  const byService = new Map<string, { code: string; title: string; count: number; minutes: number }>();
  for (const r of shown) {
    const t = byService.get(r.standard_code) ?? { code: r.standard_code, title: r.standard_title, count: 0, minutes: 0 };
    t.count++;
    t.minutes += r.minutes;
    byService.set(r.standard_code, t);
  }
  return {
    rows: shown,
    truncated: rows.length > limit,
    totals: { count: shown.length, minutes: shown.reduce((s, r) => s + r.minutes, 0), byService: [...byService.values()] },
  };
}

/** One row of the register with its standard's range: the officer's correction form (automatic rows only). */
export async function getDeliveryForCorrection(db: Db, id: string) {
  const row = await deliveryRows(db)
    .select(["service_deliveries.version", "service_standards.min_minutes", "service_standards.max_minutes"])
    .where("service_deliveries.id", "=", id)
    .executeTakeFirst();
  if (!row || (!row.shortlist_id && !row.needs_assessment_id)) return null;
  return row;
}

export function listOfficers(db: Db) {
  return db
    .selectFrom("users")
    .select(["id", "full_name"])
    .where("role", "in", ["preselection_officer", "placement_officer"])
    .where("active", "=", true)
    .orderBy("full_name")
    .execute();
}

export function listValidatedEmployers(db: Db) {
  return db
    .selectFrom("employers")
    .select(["id", "legal_name"])
    .where("status", "=", "validated")
    .orderBy("legal_name")
    .limit(500)
    .execute();
}

export async function listNeedsAssessments(db: Db, scope: { employerId?: string }) {
  let query = db
    .selectFrom("needs_assessments")
    .innerJoin("employers", "employers.id", "needs_assessments.employer_id")
    .select([
      "needs_assessments.id",
      "needs_assessments.assessed_on",
      "employers.legal_name as employer_name",
      (eb) =>
        eb
          .selectFrom("needs_figures")
          .select((e) => e.fn.coalesce(e.fn.sum<number>("quantity"), sql<number>`0`).as("n"))
          .whereRef("needs_figures.assessment_id", "=", "needs_assessments.id")
          .as("people"),
    ]);
  if (scope.employerId) query = query.where("needs_assessments.employer_id", "=", scope.employerId);
  const rows = await query.orderBy("needs_assessments.assessed_on", "desc").limit(200).execute();
  return rows.map((r) => ({ ...r, people: Number(r.people ?? 0) }));
}

/** One assessment with its figures; employers only their own (scope). */
export async function getNeedsAssessment(db: Db, id: string, scope: { employerId?: string }) {
  let query = db
    .selectFrom("needs_assessments")
    .innerJoin("employers", "employers.id", "needs_assessments.employer_id")
    .innerJoin("users as officer", "officer.id", "needs_assessments.officer_id")
    .selectAll("needs_assessments")
    .select(["employers.legal_name as employer_name", "employers.tax_code as employer_tax_code", "officer.full_name as officer_name"])
    .where("needs_assessments.id", "=", id);
  if (scope.employerId) query = query.where("needs_assessments.employer_id", "=", scope.employerId);
  const a = await query.executeTakeFirst();
  if (!a) return null;
  const figures = await db
    .selectFrom("needs_figures")
    .innerJoin("occupations", "occupations.code", "needs_figures.occupation_code")
    .leftJoin("vacancies", "vacancies.id", "needs_figures.vacancy_id")
    .select([
      "needs_figures.id",
      "needs_figures.position",
      "needs_figures.occupation_code",
      "needs_figures.quantity",
      "needs_figures.needed_by",
      "needs_figures.notes",
      "needs_figures.vacancy_id",
      "occupations.title as occupation_title",
      "vacancies.status as vacancy_status",
      "vacancies.outcome as vacancy_outcome",
    ])
    .where("assessment_id", "=", id)
    .orderBy("position")
    .execute();
  return {
    ...a,
    assessed_on: a.assessed_on,
    figures: figures.map((f) => ({ ...f, unmet: isUnmet(f) })),
  };
}

/**
 * Unmet demand (information for the service): a figure with no vacancy yet, or
 * whose vacancy closed without filling it.
 */
export function isUnmet(f: { vacancy_id: string | null; vacancy_status: string | null; vacancy_outcome: string | null }) {
  return !f.vacancy_id || (f.vacancy_status === "closed" && f.vacancy_outcome !== "filled" && f.vacancy_outcome !== "partly_filled");
}

export async function countUnmetDemand(db: Db) {
  const r = await db
    .selectFrom("needs_figures")
    .leftJoin("vacancies", "vacancies.id", "needs_figures.vacancy_id")
    .select([
      (eb) => eb.fn.countAll<number>().as("figures"),
      (eb) => eb.fn.coalesce(eb.fn.sum<number>("needs_figures.quantity"), sql<number>`0`).as("people"),
    ])
    .where((eb) =>
      eb.or([
        eb("needs_figures.vacancy_id", "is", null),
        eb.and([
          eb("vacancies.status", "=", "closed"),
          eb.or([eb("vacancies.outcome", "is", null), eb("vacancies.outcome", "not in", ["filled", "partly_filled"])]),
        ]),
      ]),
    )
    .executeTakeFirstOrThrow();
  return { figures: Number(r.figures), people: Number(r.people) };
}

/** Published information pages for the sitemap. */
export async function listSitemapArticles(db: Db) {
  const rows = await db
    .selectFrom("info_articles")
    .select(["slug", "updated_at"])
    .where("published", "=", true)
    .orderBy("sort_order")
    .execute();
  return rows.map((r) => ({ slug: r.slug, updatedAt: new Date(r.updated_at) }));
}
