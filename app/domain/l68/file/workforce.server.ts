/**
 * From the stored file to the calculator and back: builds the calculator input from the
 * workforce groups, the protected workers in service and the records in force, recomputes
 * quota and coverage, keeps the snapshot and opens or closes the 60-day obligations.
 * Called inside the action's transaction after every change, so the change and its
 * recomputation commit together or not at all.
 */
import type { Db, Trx } from "~/db/db.server";
import type { L68ObligationCause } from "~/db/tables/l68";
import { recordAudit, type Actor } from "~/domain/audit/index.server";
import { DomainError } from "~/domain/errors";
import { reconcileObligations, type CoverFigures } from "./obligations.server";
import type { ContributionPeriod } from "../calculator/contribution";
import { allocateProvinces, type ProvinceAllocation, type ProvinceSuspensions } from "../calculator/provinces";
import { computeQuota } from "../calculator/quota";
import { type QuotaInput, type QuotaResult, parseQuotaInput } from "../calculator/schema";

const num = (v: string | null) => (v === null ? undefined : Number(v));

export interface RecordsInForce {
  exemption?: { percent: number; workingDays: number };
  /** Share of activity suspended per province; "*" = nationwide (collective dismissal, docs/legal/l68.md#s1-9). */
  suspensions: ProvinceSuspensions;
  art11OpenPositions: number;
  art12bisWorkers: number;
  /** Positions self-certified under art. 5 c. 3-bis (60 per mille) and the working days they cover. */
  selfCertified: { positions: number; workingDays: number };
  /** Convention places (art. 11 open + art. 12-bis) by the province of the record. */
  conventionsByProvince: Record<string, number>;
}

export interface FileComputation {
  input: QuotaInput;
  result: QuotaResult;
  provinces: ProvinceAllocation[];
  selfCertified: { positions: number; totalAmount: string | null };
  /** Disabled positions still missing after exemptions and self-certifications, plus art. 18 ones. */
  missing: number;
  /** The workforce groups the computation used. */
  groups: StoredGroup[];
}

/** Working days of the calendar-year period of a record that contains `date` (see contribution.ts). */
const workingDaysAt = (d: Record<string, unknown>, date: string) =>
  ((d.contribution as { periods?: ContributionPeriod[] } | undefined)?.periods ?? []).find((p) => p.from <= date && date <= p.to)
    ?.workingDays ?? 0;

async function recordsInForce(db: Db | Trx, employerId: string, date: string): Promise<RecordsInForce> {
  const rows = await db
    .selectFrom("l68_records")
    .select(["kind", "status", "details", "province_code", "starts_on"])
    .where("employer_id", "=", employerId)
    .where((eb) =>
      eb.or([eb("status", "=", "approved"), eb.and([eb("kind", "=", "autocertificazione_60"), eb("status", "=", "submitted")])]),
    )
    .where("starts_on", "<=", date)
    .where((eb) => eb.or([eb("ends_on", "is", null), eb("ends_on", ">=", date)]))
    .orderBy("created_at")
    .execute();
  const out: RecordsInForce = {
    suspensions: {},
    art11OpenPositions: 0,
    art12bisWorkers: 0,
    selfCertified: { positions: 0, workingDays: 0 },
    conventionsByProvince: {},
  };
  const addPlaces = (province: string, n: number) => (out.conventionsByProvince[province] = (out.conventionsByProvince[province] ?? 0) + n);
  for (const r of rows) {
    const d = r.details as Record<string, unknown>;
    switch (r.kind) {
      case "esonero":
        out.exemption = { percent: Number(d.percent), workingDays: workingDaysAt(d, date) };
        break;
      case "sospensione": {
        // CIGS and solidarity suspend in the province of the unit concerned; a collective dismissal nationwide.
        const key = d.suspensionType === "licenziamento_collettivo" ? "*" : r.province_code;
        const share = key === "*" ? 1 : Number(d.suspendedPercent ?? 0) / 100;
        out.suspensions[key] = Math.max(out.suspensions[key] ?? 0, share);
        break;
      }
      case "convenzione_art11": {
        // Positions the schedule plans from the reference date on are "open", not uncovered (docs/legal/l68.md#s1-10).
        const schedule = (d.schedule as { date: string; units: number }[] | undefined) ?? [];
        const open = schedule.filter((s) => s.date >= date).reduce((n, s) => n + Number(s.units), 0);
        out.art11OpenPositions += open;
        addPlaces(r.province_code, open);
        break;
      }
      case "convenzione_art12bis":
        out.art12bisWorkers += Number(d.workers ?? 0);
        addPlaces(r.province_code, Number(d.workers ?? 0));
        break;
      case "autocertificazione_60":
        out.selfCertified.positions += Number(d.positions ?? 0);
        out.selfCertified.workingDays = Math.max(out.selfCertified.workingDays, workingDaysAt(d, date));
        break;
    }
  }
  return out;
}

/** A workforce group as stored, and as kept in a snapshot (`l68_snapshots.workforce_groups`). */
export interface StoredGroup {
  province_code: string;
  count: number;
  contract: string;
  months: string | null;
  weekly_hours: string | null;
  full_time_hours: string | null;
  exclusion: string | null;
}

export interface FileInputOptions {
  /**
   * The workforce groups to use instead of today's: groups carry no dates, so the workforce at a past
   * date (31 December for the prospetto, art. 9 c. 6) is the one kept in the snapshot of that day.
   */
  groups?: StoredGroup[];
}

/** The calculator input for the file at `date`, with the province of each group (same order). */
export async function buildFileInput(db: Db | Trx, employerId: string, date: string, opts: FileInputOptions = {}) {
  const file = await db.selectFrom("l68_files").select("employer_type").where("employer_id", "=", employerId).executeTakeFirst();
  const groups: StoredGroup[] =
    opts.groups ??
    (await db
      .selectFrom("l68_workforce_groups")
      .select(["province_code", "count", "contract", "months", "weekly_hours", "full_time_hours", "exclusion"])
      .where("employer_id", "=", employerId)
      .orderBy("created_at")
      .orderBy("id")
      .execute());
  const workers = await db
    .selectFrom("l68_protected_workers")
    .select([
      "province_code",
      "category",
      "contract",
      "months",
      "weekly_hours",
      "full_time_hours",
      "disability_percent",
      "invalidity_category",
      "psychic_disability",
      "inail_percent",
      "employer_at_fault",
      "telework",
      "full_time_workload",
    ])
    .where("employer_id", "=", employerId)
    .where("hired_on", "<=", date)
    .where((eb) => eb.or([eb("left_on", "is", null), eb("left_on", ">", date)]))
    .orderBy("hired_on")
    .orderBy("id")
    .execute();
  const records = await recordsInForce(db, employerId, date);
  const workforce: Record<string, unknown>[] = [
    ...groups.map((g) => ({
      count: g.count,
      contract: g.contract,
      months: num(g.months),
      weeklyHours: num(g.weekly_hours),
      fullTimeHours: num(g.full_time_hours),
      exclusion: g.exclusion,
    })),
    ...workers.map((w) => ({
      count: 1,
      contract: w.contract,
      months: num(w.months),
      weeklyHours: num(w.weekly_hours),
      fullTimeHours: num(w.full_time_hours),
      protected: w.category,
      disabilityPercent: num(w.disability_percent),
      // Only set when declared: the calculator refuses these fields on other categories.
      invalidityCategory: w.invalidity_category ?? undefined,
      psychicDisability: w.psychic_disability ? true : undefined,
      inailPercent: num(w.inail_percent),
      employerAtFault: w.employer_at_fault ? true : undefined,
      telework: w.telework ? true : undefined,
      fullTimeWorkload: w.full_time_workload ? true : undefined,
    })),
  ];
  const raw: Record<string, unknown> = { date, employer: { type: file?.employer_type ?? "private" }, workforce };
  if (records.exemption && file?.employer_type !== "public") raw.exemption = records.exemption;
  if (records.suspensions["*"]) raw.suspension = { collectiveDismissal: true };
  // Self-certified positions enter the calculator: they come off the exemptible maximum (docs/legal/l68.md#s1-7).
  if (records.selfCertified.positions && file?.employer_type !== "public") {
    raw.selfCertification = { positions: records.selfCertified.positions, workingDays: records.selfCertified.workingDays };
  }
  if (records.art11OpenPositions || records.art12bisWorkers) {
    raw.conventions = { art11OpenPositions: records.art11OpenPositions, art12bisWorkers: records.art12bisWorkers };
  }
  const parsed = parseQuotaInput(raw);
  // Rows are validated with the calculator's schema before they are stored: failing here is a bug.
  if (!parsed.ok)
    throw new DomainError(`Dati del prospetto non validi: ${parsed.errors.map((e) => `${e.field}: ${e.message}`).join("; ")}`);
  const provinces = [...groups.map((g) => g.province_code), ...workers.map((w) => w.province_code)];
  return { input: parsed.data, provinces, records, groups };
}

async function legalProvinceOf(db: Db | Trx, employerId: string): Promise<string> {
  const row = await db
    .selectFrom("employers")
    .innerJoin("comuni", "comuni.istat_code", "employers.legal_comune_code")
    .select("comuni.province_code")
    .where("employers.id", "=", employerId)
    .executeTakeFirstOrThrow();
  return row.province_code;
}

/** Quota, coverage, provincial allocation and what is still missing, for the file at `date`. */
export async function computeFile(db: Db | Trx, employerId: string, date: string, opts: FileInputOptions = {}): Promise<FileComputation> {
  const { input, provinces, records, groups } = await buildFileInput(db, employerId, date, opts);
  let result = computeQuota(input);
  const bare = { date: input.date, employer: input.employer, workforce: input.workforce } as QuotaInput;
  const legalProvince = await legalProvinceOf(db, employerId);
  const allocation = allocateProvinces(bare, provinces, legalProvince, result, records.suspensions);
  // Provincial suspensions (CIGS, solidarity) reduce the national quotas by what they suspend in their province.
  const suspendedUnits = allocation.reduce((n, p) => n + p.suspendedUnits, 0);
  const suspendedArt18Units = allocation.reduce((n, p) => n + p.art18.suspendedUnits, 0);
  if ((suspendedUnits > 0 || suspendedArt18Units > 0) && !input.suspension) {
    input.suspension = { suspendedUnits, suspendedArt18Units };
    result = computeQuota(input);
  }
  const self = result.selfCertification;
  const stillUncovered = result.exemption?.remainingUncovered ?? self?.remainingUncovered ?? result.uncoveredDisabili;
  // Convention places go to the province of the convention; one with no workforce there to the registered office's.
  for (const [province, places] of Object.entries(records.conventionsByProvince)) {
    if (!places) continue;
    const row = allocation.find((p) => p.province === province) ?? allocation.find((p) => p.province === legalProvince) ?? allocation[0];
    if (row) row.conventionPlaces = (row.conventionPlaces ?? 0) + places;
  }
  return {
    input,
    result,
    provinces: allocation,
    selfCertified: { positions: self?.countedPositions ?? 0, totalAmount: self?.totalAmount ?? null },
    missing: stillUncovered + result.uncoveredArt18,
    groups,
  };
}

/** Locks the file row: concurrent changes to one file are serialised, so recomputations never interleave. */
export async function lockFile(trx: Trx, employerId: string) {
  await trx
    .insertInto("l68_files")
    .values({ employer_id: employerId })
    .onConflict((oc) => oc.column("employer_id").doNothing())
    .execute();
  return trx
    .selectFrom("l68_files")
    .select(["employer_id", "employer_type", "version"])
    .where("employer_id", "=", employerId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export interface Trigger {
  reason: string;
  cause?: L68ObligationCause;
  /** When the event happened (a worker's last day, …); default the reference date. */
  eventDate?: string;
}

/**
 * Recomputes and stores a snapshot (the caller holds the file lock). A rise in what is missing
 * opens an obligation with 60 days to hire or request a referral; a fall closes the oldest ones.
 */
export async function recompute(trx: Trx, actor: Actor, employerId: string, today: string, trigger: Trigger) {
  const previous = await trx
    .selectFrom("l68_snapshots")
    .select(["missing_after_exemptions", "result", "input"])
    .where("employer_id", "=", employerId)
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  const c = await computeFile(trx, employerId, today);
  const snapshot = await trx
    .insertInto("l68_snapshots")
    .values({
      employer_id: employerId,
      reference_date: today,
      reason: trigger.reason,
      actor_user_id: actor.userId,
      input: JSON.stringify(c.input),
      result: JSON.stringify({ ...c.result, provinces: c.provinces, selfCertified: c.selfCertified }),
      base_computo: c.result.baseComputo,
      band: c.result.band,
      quota_disabili: c.result.quotaDisabili,
      covered_disabili: c.result.coveredDisabili,
      uncovered_disabili: c.result.uncoveredDisabili,
      quota_art18: c.result.quotaArt18,
      uncovered_art18: c.result.uncoveredArt18,
      missing_after_exemptions: c.missing,
      workforce_groups: JSON.stringify(c.groups),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const arose = trigger.eventDate && trigger.eventDate > today ? today : (trigger.eventDate ?? today);
  const before = previous
    ? coverFigures(previous.result as FileComputation["result"] & { selfCertified?: { positions: number } }, previous.input as QuotaInput)
    : null;
  await reconcileObligations(
    trx,
    actor,
    employerId,
    c.missing,
    today,
    { cause: trigger.cause ?? "threshold", arose },
    { before, after: coverFigures({ ...c.result, selfCertified: c.selfCertified }, c.input) },
  );
  await recordAudit(trx, actor, {
    action: "l68.recomputed",
    entityType: "l68_file",
    entityId: employerId,
    employerId,
    details: { reason: trigger.reason, snapshotId: snapshot.id, base: c.result.baseComputo, missing: c.missing },
  });
  const { groups: _groups, ...rest } = c;
  return { snapshotId: snapshot.id, ...rest };
}

/** What may end an obligation, from a computation (obligations.server.ts `splitResolution`). */
function coverFigures(result: QuotaResult & { selfCertified?: { positions: number } }, input: QuotaInput): CoverFigures {
  return {
    covered: result.coveredDisabili + result.coveredArt18,
    exempted: (result.exemption?.exemptedUnits ?? 0) + (result.selfCertified?.positions ?? 0),
    conventions: (input.conventions?.art11OpenPositions ?? 0) + (input.conventions?.art12bisWorkers ?? 0),
  };
}
