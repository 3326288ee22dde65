/** Reads of the during-and-after records: the panels' data, attendance totals, the figures (docs/decisions/tirocini.md). */
import { sql } from "kysely";
import type { Db, Trx } from "~/db/db.server";
import { addDays, todayInItaly } from "~/utils/dates";
import type { InternshipRegion } from "../checker";
import type { InternshipRow } from "../transition.server";
import {
  attendanceRule,
  formatPercentBp,
  monthAttendance,
  monthsOfInternship,
  plannedCentiHoursInMonth,
  toCentiHours,
  type DayRange,
} from "./attendance";
import { STARTED_STATES, type FiguresGrouping, type FiguresRow } from "./figures";
import { ATTESTATION_MIN_PERCENT, attestationAllowed } from "./outcome";
import { ER_REFERENCE_MINUTES, REGISTER_STANDARDS, registerBounds, registerStandardFor } from "./register";

type Conn = Db | Trx;

/** Hundredths of an hour in Italian: 12050 → "120,5 h". */
export function hoursLabel(centi: number): string {
  return `${new Intl.NumberFormat("it-IT", { maximumFractionDigits: 2 }).format(centi / 100)} h`;
}

/** The suspended days of an internship as ranges: closed ones up to the day before the return, the open one to its expected end. */
export async function suspensionRanges(db: Conn, internshipId: string, today = todayInItaly()): Promise<DayRange[]> {
  const rows = await db
    .selectFrom("internship_suspensions")
    .select(["start_date", "expected_end_date", "resumed_on"])
    .where("internship_id", "=", internshipId)
    .execute();
  return rows.map((s) => ({
    from: s.start_date,
    to: s.resumed_on ? addDays(s.resumed_on, -1) : s.expected_end_date > today ? s.expected_end_date : today,
  }));
}

export interface AttendanceTotals {
  /** Hours planned by the PFI over its whole duration (suspensions excluded), in hundredths: recorded months as recorded. */
  planned: number;
  attended: number;
  percentBp: number;
  percentLabel: string;
  plannedLabel: string;
  attendedLabel: string;
  attestationAllowed: boolean;
}

type TotalsRow = Pick<InternshipRow, "id" | "start_date" | "end_date" | "weekly_hours">;

/**
 * Attendance over the whole PFI: the months recorded count with their planned and attended hours, the months not
 * recorded with the PFI's planned hours and no attendance (an interrupted internship is measured against the duration
 * the PFI planned, Allegato 3).
 */
export async function attendanceTotals(db: Conn, row: TotalsRow, today = todayInItaly()): Promise<AttendanceTotals> {
  const recorded = await db
    .selectFrom("internship_attendance")
    .select(["month", "planned_hours", "attended_hours"])
    .where("internship_id", "=", row.id)
    .execute();
  const byMonth = new Map(recorded.map((r) => [r.month, r]));
  let planned = 0;
  let attended = 0;
  if (row.start_date && row.end_date) {
    const suspensions = await suspensionRanges(db, row.id, today);
    for (const m of monthsOfInternship(row.start_date, row.end_date)) {
      const r = byMonth.get(m);
      planned += r
        ? toCentiHours(r.planned_hours)
        : plannedCentiHoursInMonth(m, row.weekly_hours, row.start_date, row.end_date, suspensions);
    }
  }
  for (const r of recorded) attended += toCentiHours(r.attended_hours);
  const percentBp = planned > 0 ? Math.floor((attended * 10_000) / planned) : 0;
  return {
    planned,
    attended,
    percentBp,
    percentLabel: formatPercentBp(percentBp),
    plannedLabel: hoursLabel(planned),
    attendedLabel: hoursLabel(attended),
    attestationAllowed: attestationAllowed(planned, attended),
  };
}

/** Who reads: the officer sees every internship, the host only its own, the trainee only theirs. */
export type MonitoringScope = { kind: "officer" } | { kind: "employer"; employerId: string } | { kind: "candidate"; candidateId: string };

/** Everything the attendance, dossier and outcome panels show for one internship, or null when not visible. */
export async function internshipMonitoring(db: Conn, internshipId: string, scope: MonitoringScope, today = todayInItaly()) {
  let query = db.selectFrom("internships").selectAll().where("id", "=", internshipId);
  if (scope.kind === "employer") query = query.where("employer_id", "=", scope.employerId);
  if (scope.kind === "candidate") query = query.where("candidate_id", "=", scope.candidateId);
  const row = (await query.executeTakeFirst()) as InternshipRow | undefined;
  if (!row) return null;
  const region = row.region as InternshipRegion;
  const [attendance, suspensions, extensions, unilav, dossier, attestation, outcomes, time, register, totals] = await Promise.all([
    db.selectFrom("internship_attendance").selectAll().where("internship_id", "=", row.id).orderBy("month").execute(),
    db.selectFrom("internship_suspensions").selectAll().where("internship_id", "=", row.id).orderBy("start_date").execute(),
    db.selectFrom("internship_extensions").selectAll().where("internship_id", "=", row.id).orderBy("created_at").execute(),
    db.selectFrom("internship_unilav_changes").selectAll().where("internship_id", "=", row.id).orderBy("created_at").execute(),
    db
      .selectFrom("internship_dossier_items")
      .selectAll()
      .where("internship_id", "=", row.id)
      .orderBy("occurred_on")
      .orderBy("created_at")
      .execute(),
    db.selectFrom("internship_attestations").selectAll().where("internship_id", "=", row.id).executeTakeFirst(),
    db
      .selectFrom("internship_outcomes as o")
      .select(["o.id", "o.horizon_months", "o.window_end", "o.status", "o.source", "o.hired_on", "o.hired_by_host", "o.note"])
      .where("o.internship_id", "=", row.id)
      .orderBy("o.horizon_months")
      .execute(),
    scope.kind === "officer"
      ? db
          .selectFrom("internship_service_time as t")
          .innerJoin("users as u", "u.id", "t.officer_id")
          .select(["t.id", "t.delivered_on", "t.minutes", "t.modality", "t.activity", "u.full_name as officer"])
          .where("t.internship_id", "=", row.id)
          .orderBy("t.delivered_on")
          .orderBy("t.id")
          .execute()
      : Promise.resolve([]),
    scope.kind === "officer"
      ? db
          .selectFrom("service_deliveries")
          .select(["id", "standard_code", "minutes", "modality", "delivered_on", "justification"])
          .where("internship_id", "=", row.id)
          .executeTakeFirst()
      : Promise.resolve(undefined),
    attendanceTotals(db, row, today),
  ]);
  const indemnity = row.monthly_indemnity_cents;
  const months = attendance.map((a) => {
    const planned = toCentiHours(a.planned_hours);
    const attended = toCentiHours(a.attended_hours);
    const m = monthAttendance(region, planned, attended, indemnity);
    return {
      id: a.id,
      month: a.month,
      planned,
      attended,
      plannedLabel: hoursLabel(planned),
      attendedLabel: hoursLabel(attended),
      percentBp: m.percentBp,
      percentLabel: formatPercentBp(m.percentBp),
      full: m.full,
      dueCents: m.dueCents,
      paidCents: a.indemnity_paid_cents,
      absencesNote: a.absences_note,
      recordedAs: a.recorded_as,
      version: a.version,
    };
  });
  const code = registerStandardFor({ disabled: row.trainee_disabled, disadvantaged: row.trainee_disadvantaged });
  const lastDay = row.actual_end_date ?? row.end_date;
  const suggestedMonth =
    row.start_date && lastDay
      ? (monthsOfInternship(row.start_date, lastDay)
          .filter((m) => m <= today)
          .find((m) => !attendance.some((a) => a.month === m)) ?? null)
      : null;
  return {
    internship: {
      id: row.id,
      number: row.number,
      title: row.title,
      state: row.state,
      version: row.version,
      region,
      employerId: row.employer_id,
      candidateId: row.candidate_id,
      startDate: row.start_date,
      endDate: row.end_date,
      actualEndDate: row.actual_end_date,
      plannedMonths: Number(row.planned_months),
      weeklyHours: Number(row.weekly_hours),
      monthlyIndemnityCents: indemnity,
      hostTutorName: row.host_tutor_name,
      hostTutorTrainees: row.host_tutor_trainees,
      interruptedBy: row.interrupted_by,
      interruptionReason: row.interruption_reason,
      endReason: row.end_reason,
    },
    rule: { ...attendanceRule(region), attestationMinPercent: ATTESTATION_MIN_PERCENT },
    months,
    suggestedMonth,
    totals,
    suspensions,
    extensions: extensions.map((e) => ({
      id: e.id,
      previousEndDate: e.previous_end_date,
      newEndDate: e.new_end_date,
      previousMonths: Number(e.previous_planned_months),
      newMonths: Number(e.new_planned_months),
      reason: e.reason,
      createdAt: e.created_at,
    })),
    unilav,
    dossier,
    attestation: attestation ?? null,
    outcomes,
    time,
    register: register
      ? {
          ...register,
          bounds: registerBounds(code, register.minutes),
          standard: REGISTER_STANDARDS[code],
        }
      : null,
    registerStandard: { ...REGISTER_STANDARDS[code], referenceMinutes: ER_REFERENCE_MINUTES },
  };
}

export type InternshipMonitoring = NonNullable<Awaited<ReturnType<typeof internshipMonitoring>>>;

/**
 * The figures by province of the unit or by profession (docs/decisions/tirocini.md «Cifre»): internships that started
 * in the period (start date from `dal` to `al`), each counted once.
 */
export async function internshipFigures(db: Conn, by: FiguresGrouping, period: { dal?: string; al?: string } = {}): Promise<FiguresRow[]> {
  let query = db
    .selectFrom("internships as i")
    .leftJoin("internship_outcomes as o6", (j) => j.onRef("o6.internship_id", "=", "i.id").on("o6.horizon_months", "=", 6))
    .where("i.state", "in", STARTED_STATES)
    .where("i.start_date", "is not", null);
  if (period.dal) query = query.where("i.start_date", ">=", period.dal);
  if (period.al) query = query.where("i.start_date", "<=", period.al);
  const counts = [
    sql<string>`count(*)`.as("activated"),
    sql<string>`count(*) filter (where i.state = 'attested')`.as("attested"),
    sql<string>`count(*) filter (where i.interrupted_by is not null)`.as("interrupted"),
    sql<string>`count(*) filter (where o6.status = 'hired')`.as("hired6"),
    sql<string>`count(*) filter (where o6.status = 'hired' and o6.hired_by_host)`.as("hired6ByHost"),
  ];
  const rows =
    by === "provincia"
      ? await query
          .innerJoin("comuni as c", "c.istat_code", "i.comune_code")
          .select(["c.province_code as key", sql<string>`min(c.province_name)`.as("label"), ...counts])
          .groupBy("c.province_code")
          .orderBy("c.province_code")
          .execute()
      : await query
          .leftJoin("occupations as oc", "oc.code", "i.occupation_code")
          .select(["i.occupation_code as key", sql<string>`coalesce(min(oc.title), i.occupation_code)`.as("label"), ...counts])
          .groupBy("i.occupation_code")
          .orderBy("i.occupation_code")
          .execute();
  return rows.map((r) => ({
    key: r.key,
    label: by === "provincia" ? `${r.label} (${r.key})` : `${r.label} (${r.key})`,
    activated: Number(r.activated),
    attested: Number(r.attested),
    interrupted: Number(r.interrupted),
    hired6: Number(r.hired6),
    hired6ByHost: Number(r.hired6ByHost),
  }));
}
