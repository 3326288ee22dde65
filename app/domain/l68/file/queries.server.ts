import { sql } from "kysely";
import type { Db } from "~/db/db.server";
import { employerInProvince } from "../policy.server";
import type { ProvinceAllocation } from "../calculator/provinces";
import type { QuotaResult } from "../calculator/schema";

import { romeDay } from "~/db/dates.server";
const num = (v: string | null) => (v === null ? null : Number(v));

export type SnapshotResult = QuotaResult & {
  provinces: ProvinceAllocation[];
  selfCertified: { positions: number; totalAmount: string | null };
};

export async function getEmployerHeader(db: Db, employerId: string) {
  return db
    .selectFrom("employers")
    .innerJoin("comuni", "comuni.istat_code", "employers.legal_comune_code")
    .select([
      "employers.id",
      "employers.legal_name",
      "employers.tax_code",
      "employers.contact_email",
      "comuni.province_code",
      "comuni.name as comune_name",
    ])
    .where("employers.id", "=", employerId)
    .executeTakeFirst();
}

export async function latestSnapshot(db: Db, employerId: string) {
  const row = await db
    .selectFrom("l68_snapshots")
    .select(["id", "computed_at", "reference_date", "reason", "result", "missing_after_exemptions"])
    .where("employer_id", "=", employerId)
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  return row ? { ...row, result: row.result as SnapshotResult } : null;
}

/**
 * The whole file for one employer. Callers scope `employerId` (the session's own, or an
 * officer's province). `health` adds the disability percentages — placement officers only.
 */
export async function getFileView(db: Db, employerId: string, opts: { health: boolean }) {
  const file = await db
    .selectFrom("l68_files")
    .select(["employer_type", "version"])
    .where("employer_id", "=", employerId)
    .executeTakeFirst();
  const groups = await db
    .selectFrom("l68_workforce_groups")
    .select([
      "id",
      "province_code",
      "site_label",
      "count",
      "contract",
      "months",
      "weekly_hours",
      "full_time_hours",
      "exclusion",
      "patron_saint",
      "extra_holidays",
    ])
    .where("employer_id", "=", employerId)
    .orderBy("province_code")
    .orderBy("created_at")
    .execute();
  const workers = await db
    .selectFrom("l68_protected_workers")
    .select([
      "id",
      "worker_name",
      "province_code",
      "category",
      "contract",
      "weekly_hours",
      "full_time_hours",
      "disability_percent",
      "invalidity_category",
      "psychic_disability",
      "inail_percent",
      "employer_at_fault",
      "telework",
      "full_time_workload",
      "hired_on",
      "left_on",
    ])
    .where("employer_id", "=", employerId)
    .orderBy("left_on", "desc")
    .orderBy("hired_on")
    .execute();
  const history = await db
    .selectFrom("l68_snapshots")
    .select([
      "id",
      "computed_at",
      "reason",
      "base_computo",
      "quota_disabili",
      "covered_disabili",
      "uncovered_disabili",
      "uncovered_art18",
      "missing_after_exemptions",
    ])
    .where("employer_id", "=", employerId)
    .orderBy("id", "desc")
    .limit(20)
    .execute();
  return {
    file: file ?? { employer_type: "private" as const, version: 1 },
    groups: groups.map((g) => ({
      ...g,
      months: num(g.months),
      weekly_hours: num(g.weekly_hours),
      full_time_hours: num(g.full_time_hours),
    })),
    workers: workers.map(({ disability_percent, invalidity_category, psychic_disability, inail_percent, employer_at_fault, ...w }) => ({
      ...w,
      weekly_hours: num(w.weekly_hours),
      full_time_hours: num(w.full_time_hours),
      // Never sent to an employer's browser, not even as a hidden value.
      disability_percent: opts.health ? num(disability_percent) : undefined,
      invalidity_category: opts.health ? invalidity_category : undefined,
      psychic_disability: opts.health ? psychic_disability : undefined,
      inail_percent: opts.health ? num(inail_percent) : undefined,
      employer_at_fault: opts.health ? employer_at_fault : undefined,
    })),
    latest: await latestSnapshot(db, employerId),
    history,
    obligations: await listObligations(db, employerId),
    alerts: await db
      .selectFrom("l68_alerts")
      .select(["id", "kind", "message", "created_at"])
      .where("employer_id", "=", employerId)
      .orderBy("id", "desc")
      .limit(10)
      .execute(),
  };
}

export type FileView = Awaited<ReturnType<typeof getFileView>>;

export function listObligations(db: Db, employerId: string) {
  return db
    .selectFrom("l68_obligations")
    .select(["id", "cause", "units", "status", "resolution", "arose_on", "due_on", "resolved_on"])
    .where("employer_id", "=", employerId)
    .orderBy("arose_on", "desc")
    .limit(20)
    .execute();
}

export const WORKSPACE_SORTS = ["nome", "scoperti", "scadenza"] as const;
export type WorkspaceSort = (typeof WORKSPACE_SORTS)[number];

/**
 * The placement officer's workspace: employers of the province (registered office or an
 * operating site there) whose latest snapshot shows an obligation (quota > 0), with what is
 * missing, the next deadline and the overdue obligations.
 */
/** Days ahead the placement officer's desk looks for hiring deadlines (overdue ones always count). */
export const DEADLINE_HORIZON_DAYS = 30;

/** Employers of the province with an open or overdue hiring obligation due by `until` (yyyy-mm-dd). */
const dueBy = (until: string) =>
  sql<boolean>`exists (select 1 from l68_obligations o where o.employer_id = employers.id and o.status in ('open','overdue') and o.due_on <= ${until}::date)`;

export async function listProvinceEmployers(
  db: Db,
  province: string,
  opts: { sort: WorkspaceSort; onlyUncovered: boolean; dueBy?: string },
) {
  let query = db
    .selectFrom("employers")
    .innerJoin("comuni", "comuni.istat_code", "employers.legal_comune_code")
    .innerJoin(
      (eb) =>
        eb
          .selectFrom("l68_snapshots")
          .distinctOn("employer_id")
          .select([
            "employer_id",
            "base_computo",
            "quota_disabili",
            "covered_disabili",
            "uncovered_disabili",
            "uncovered_art18",
            "missing_after_exemptions",
            "computed_at",
          ])
          .orderBy("employer_id")
          .orderBy("id", "desc")
          .as("s"),
      (join) => join.onRef("s.employer_id", "=", "employers.id"),
    )
    .select((eb) => [
      "employers.id",
      "employers.legal_name",
      "employers.tax_code",
      "comuni.province_code as legal_province",
      "s.base_computo",
      "s.quota_disabili",
      "s.covered_disabili",
      "s.uncovered_disabili",
      "s.uncovered_art18",
      "s.missing_after_exemptions as missing",
      "s.computed_at",
      eb
        .selectFrom("l68_obligations")
        .select((o) => sql<string | null>`min(${o.ref("due_on")})`.as("d"))
        .whereRef("l68_obligations.employer_id", "=", "employers.id")
        .where("l68_obligations.status", "in", ["open", "overdue"])
        .as("next_due"),
      eb
        .selectFrom("l68_obligations")
        .select((o) => o.fn.countAll<number>().as("n"))
        .whereRef("l68_obligations.employer_id", "=", "employers.id")
        .where("l68_obligations.status", "=", "overdue")
        .as("overdue"),
    ])
    .where(employerInProvince(province))
    .where((eb) => eb.or([eb("s.quota_disabili", ">", 0), eb("s.uncovered_art18", ">", 0)]));
  if (opts.onlyUncovered) query = query.where("s.missing_after_exemptions", ">", 0);
  if (opts.dueBy) query = query.where(dueBy(opts.dueBy));
  switch (opts.sort) {
    case "nome":
      query = query.orderBy("employers.legal_name");
      break;
    case "scoperti":
      query = query.orderBy("s.missing_after_exemptions", "desc").orderBy("employers.legal_name");
      break;
    case "scadenza":
      query = query.orderBy(sql`next_due asc nulls last`).orderBy("employers.legal_name");
      break;
  }
  const rows = await query.limit(500).execute();
  const reserved = await listReservedVacancies(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, overdue: Number(r.overdue ?? 0), reserved: reserved.get(r.id) ?? [] }));
}

/**
 * The vacancies reserved to the collocamento mirato (L. 68 art. 1 or art. 18) of these employers,
 * still open or closed in the last 90 days, with their shortlists (rose) and hires: how the office
 * works to cover the units the workspace shows as missing.
 */
export async function listReservedVacancies(db: Db, employerIds: string[]) {
  const out = new Map<
    string,
    {
      id: string;
      number: number;
      title: string;
      status: string;
      l68_reserved: string;
      hired: number;
      shortlists: { id: string; status: string }[];
    }[]
  >();
  if (!employerIds.length) return out;
  const vacancies = await db
    .selectFrom("vacancies")
    .select((eb) => [
      "vacancies.id",
      "vacancies.employer_id",
      "vacancies.number",
      "vacancies.title",
      "vacancies.status",
      "vacancies.l68_reserved",
      eb
        .selectFrom("hires")
        .select((h) => h.fn.countAll<string>().as("n"))
        .whereRef("hires.vacancy_id", "=", "vacancies.id")
        .as("hired"),
    ])
    .where("vacancies.employer_id", "in", employerIds)
    .where("vacancies.l68_reserved", "<>", "no")
    .where((eb) => eb.or([eb("vacancies.status", "<>", "closed"), eb("vacancies.closed_at", ">", sql<Date>`now() - interval '90 days'`)]))
    .orderBy("vacancies.number", "desc")
    .execute();
  const shortlists = vacancies.length
    ? await db
        .selectFrom("shortlists")
        .select(["id", "vacancy_id", "status"])
        .where(
          "vacancy_id",
          "in",
          vacancies.map((v) => v.id),
        )
        .orderBy("created_at")
        .execute()
    : [];
  for (const v of vacancies) {
    const list = out.get(v.employer_id) ?? [];
    list.push({
      id: v.id,
      number: v.number,
      title: v.title,
      status: v.status,
      l68_reserved: v.l68_reserved,
      hired: Number(v.hired ?? 0),
      shortlists: shortlists.filter((s) => s.vacancy_id === v.id).map((s) => ({ id: s.id, status: s.status })),
    });
    out.set(v.employer_id, list);
  }
  return out;
}

export type WorkspaceRow = Awaited<ReturnType<typeof listProvinceEmployers>>[number];

export function listCertificates(db: Db, employerId: string) {
  return db
    .selectFrom("l68_certificates")
    .select(["id", "number", "outcome", "reasons", "requested_at", "valid_until", "pending_units", "pending_due_on"])
    .where("employer_id", "=", employerId)
    .orderBy("requested_at", "desc")
    .limit(20)
    .execute()
    .then((rows) => rows.map((r) => ({ ...r, reasons: r.reasons as string[] })));
}

/** An issued certificate with what its PDF prints; scoped by employer so another company's id gives null. */
export async function getIssuedCertificate(db: Db, employerId: string, certificateId: string) {
  return db
    .selectFrom("l68_certificates")
    .innerJoin("l68_snapshots", "l68_snapshots.id", "l68_certificates.snapshot_id")
    .innerJoin("employers", "employers.id", "l68_certificates.employer_id")
    .innerJoin("comuni", "comuni.istat_code", "employers.legal_comune_code")
    .select([
      "l68_certificates.number",
      romeDay("l68_certificates.requested_at").$castTo<string>().as("issued_on"),
      "l68_certificates.valid_until",
      "l68_certificates.pending_units",
      "l68_certificates.pending_due_on",
      "employers.legal_name",
      "employers.tax_code",
      "employers.legal_address",
      "comuni.name as comune_name",
      "comuni.province_code",
      "l68_snapshots.result",
    ])
    .where("l68_certificates.id", "=", certificateId)
    .where("l68_certificates.employer_id", "=", employerId)
    .where("l68_certificates.outcome", "=", "issued")
    .executeTakeFirst();
}

/** The desk's count of the workspace list filtered by deadline: same province, same obligated employers, same filter. */
export async function countProvinceEmployersDueBy(db: Db, province: string, until: string): Promise<number> {
  const r = await db
    .selectFrom("employers")
    .innerJoin("comuni", "comuni.istat_code", "employers.legal_comune_code")
    .innerJoin(
      (eb) =>
        eb
          .selectFrom("l68_snapshots")
          .distinctOn("employer_id")
          .select(["employer_id", "quota_disabili", "uncovered_art18"])
          .orderBy("employer_id")
          .orderBy("id", "desc")
          .as("s"),
      (join) => join.onRef("s.employer_id", "=", "employers.id"),
    )
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where(employerInProvince(province))
    .where((eb) => eb.or([eb("s.quota_disabili", ">", 0), eb("s.uncovered_art18", ">", 0)]))
    .where(dueBy(until))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The employer's own open or overdue hiring obligations (its desk's L. 68 deadlines). */
export async function countPendingObligations(db: Db, employerId: string): Promise<number> {
  const r = await db
    .selectFrom("l68_obligations")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("employer_id", "=", employerId)
    .where("status", "in", ["open", "overdue"])
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
