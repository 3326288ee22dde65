/**
 * What happens to an internship once it has started and after it ends (docs/decisions/tirocini.md «Durante e dopo»):
 * each command runs in the caller's transaction, locks the internship within what the actor may see, and moves it along
 * the state table through `transitionInternship` (timeline + audit) when its state changes.
 */
import { createHash } from "node:crypto";
import type { Trx } from "~/db/db.server";
import { recordAudit } from "~/domain/audit/index.server";
import { DomainError, StaleVersionError } from "~/domain/errors";
import { addDays, addMonths, todayInItaly } from "~/utils/dates";
import { evaluateInternship, parseInternshipInput, type InternshipRegion } from "../checker";
import {
  countUnitTrainees,
  internshipCheckInput,
  lockInternship,
  transitionInternship,
  type InternshipActor,
  type InternshipRow,
} from "../transition.server";
import { monthOf, plannedCentiHoursInMonth, toCentiHours } from "./attendance";
import {
  INTERRUPTION_REASONS_BY,
  INTERRUPTION_REASON_LABELS,
  INTERRUPTED_BY_LABELS,
  type DossierKind,
  type InterruptionReason,
} from "./labels";
import { OUTCOME_HORIZONS, attestationAllowed, evaluateOutcome, outcomeWindow } from "./outcome";
import { REGISTER_STANDARDS, registerBounds, registerRow, registerStandardFor, type Modality } from "./register";
import { SUSPENSION_REASON_LABELS, shiftEndDate, suspendedDays, suspensionProblem, type SuspensionReason } from "./suspensions";
import { attendanceTotals, suspensionRanges } from "./queries.server";
import { plural } from "~/utils/plural";

const AUDIT_ROLE = { officer: "officer", employer: "employer", candidate: "candidate", system: null } as const;

function auditActor(actor: InternshipActor) {
  return actor.kind === "system"
    ? { userId: null, role: null, ip: null }
    : { userId: actor.userId, role: AUDIT_ROLE[actor.kind], ip: actor.ip ?? null };
}

const region = (row: InternshipRow) => row.region as InternshipRegion;

function requireDates(row: InternshipRow): { startDate: string; endDate: string } {
  if (!row.start_date || !row.end_date) throw new DomainError("Il tirocinio non ha ancora le date di inizio e fine", "_form", "conflict");
  return { startDate: row.start_date, endDate: row.end_date };
}

const fmtDay = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

// ---------------------------------------------------------------------------------------------------------------------
// Attendance

export interface AttendanceInput {
  internshipId: string;
  /** Any day of the month (YYYY-MM-DD or YYYY-MM). */
  month: string;
  /** Planned hours of the month; absent = the PFI's (weekly hours over the month's weekdays, suspensions excluded). */
  plannedHours?: number | null;
  attendedHours: number;
  absencesNote?: string | null;
  indemnityPaidCents?: number | null;
  /** The version of the month's row the person saw (absent for a new month). */
  version?: number | null;
}

const ATTENDANCE_STATES = ["active", "suspended", "completed", "interrupted"] as const;

/** The host (or the officer) records a month: planned and attended hours, absences, indemnity paid. */
export async function recordAttendance(
  trx: Trx,
  actor: InternshipActor & { kind: "employer" | "officer" },
  input: AttendanceInput,
  today = todayInItaly(),
) {
  const row = await lockInternship(trx, actor, input.internshipId);
  if (!(ATTENDANCE_STATES as readonly string[]).includes(row.state))
    throw new DomainError("Le presenze si registrano solo per un tirocinio avviato e non ancora chiuso", "_form", "conflict");
  const { startDate } = requireDates(row);
  const lastDay = row.actual_end_date ?? row.end_date!;
  const month = monthOf(input.month.length === 7 ? `${input.month}-01` : input.month);
  if (month < monthOf(startDate) || month > monthOf(lastDay))
    throw new DomainError(`Il mese deve essere tra l'inizio (${fmtDay(startDate)}) e la fine (${fmtDay(lastDay)}) del tirocinio`, "month");
  if (month > monthOf(today)) throw new DomainError("Non si possono registrare le presenze di un mese futuro", "month");
  const suspensions = await suspensionRanges(trx, row.id, today);
  const planned =
    input.plannedHours != null
      ? toCentiHours(input.plannedHours)
      : plannedCentiHoursInMonth(month, row.weekly_hours, startDate, lastDay, suspensions);
  if (planned <= 0)
    throw new DomainError(
      "In questo mese il progetto non prevede ore (tirocinio sospeso o fuori dalle date): indica le ore previste",
      "plannedHours",
    );
  const attended = toCentiHours(input.attendedHours);
  if (attended < 0) throw new DomainError("Le ore di presenza non possono essere negative", "attendedHours");
  if (attended > 74_400) throw new DomainError("Troppe ore per un mese", "attendedHours");
  const existing = await trx
    .selectFrom("internship_attendance")
    .select(["id", "version"])
    .where("internship_id", "=", row.id)
    .where("month", "=", month)
    .forUpdate()
    .executeTakeFirst();
  const values = {
    planned_hours: (planned / 100).toFixed(2),
    attended_hours: (attended / 100).toFixed(2),
    absences_note: input.absencesNote?.trim() || null,
    indemnity_paid_cents: input.indemnityPaidCents ?? null,
    recorded_as: actor.kind,
    recorded_by: actor.userId,
  };
  let id: string;
  if (existing) {
    if (input.version != null && input.version !== existing.version) throw new StaleVersionError();
    id = existing.id;
    await trx
      .updateTable("internship_attendance")
      .set({ ...values, version: existing.version + 1, updated_at: new Date() })
      .where("id", "=", existing.id)
      .execute();
  } else {
    id = (
      await trx
        .insertInto("internship_attendance")
        .values({ internship_id: row.id, month, ...values })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  }
  await recordAudit(trx, auditActor(actor), {
    action: "internship.attendance_recorded",
    entityType: "internship",
    entityId: row.id,
    employerId: row.employer_id,
    details: {
      month,
      planned: planned / 100,
      attended: attended / 100,
      indemnityPaidCents: values.indemnity_paid_cents,
      updated: !!existing,
    },
  });
  return { id, month };
}

// ---------------------------------------------------------------------------------------------------------------------
// Suspension and resumption

export interface SuspendInput {
  internshipId: string;
  reason: SuspensionReason;
  requestedBy: "host" | "trainee";
  startDate: string;
  expectedEndDate: string;
  note?: string | null;
  version?: number | null;
}

/** The officer suspends on the host's or the trainee's request, for a reason and length the Region allows. */
export async function suspendInternship(
  trx: Trx,
  actor: InternshipActor & { kind: "officer" },
  input: SuspendInput,
  today = todayInItaly(),
) {
  const row = await lockInternship(trx, actor, input.internshipId, input.version);
  if (row.state !== "active") throw new DomainError("Si può sospendere solo un tirocinio in corso", "_form", "conflict");
  const dates = requireDates(row);
  if (input.startDate > today)
    throw new DomainError("La sospensione non può iniziare in un giorno futuro: registrala dal primo giorno di assenza", "startDate");
  const problem = suspensionProblem(region(row), input.reason, input.startDate, input.expectedEndDate, dates);
  if (problem) throw new DomainError(problem.message, problem.field);
  const suspension = await trx
    .insertInto("internship_suspensions")
    .values({
      internship_id: row.id,
      reason: input.reason,
      requested_by: input.requestedBy,
      start_date: input.startDate,
      expected_end_date: input.expectedEndDate,
      note: input.note?.trim() || null,
      created_by: actor.userId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await transitionInternship(trx, {
    internshipId: row.id,
    event: "suspend",
    actor,
    note: `${SUSPENSION_REASON_LABELS[input.reason]} dal ${fmtDay(input.startDate)}, fine prevista ${fmtDay(input.expectedEndDate)}`,
  });
  return suspension.id;
}

/** The trainee is back on `resumedOn`: the suspended days move the end date forward by as many days. */
export async function resumeInternship(
  trx: Trx,
  actor: InternshipActor & { kind: "officer" },
  input: { internshipId: string; resumedOn: string; version?: number | null },
  today = todayInItaly(),
) {
  const row = await lockInternship(trx, actor, input.internshipId, input.version);
  if (row.state !== "suspended") throw new DomainError("Il tirocinio non è sospeso", "_form", "conflict");
  const open = await trx
    .selectFrom("internship_suspensions")
    .selectAll()
    .where("internship_id", "=", row.id)
    .where("resumed_on", "is", null)
    .forUpdate()
    .executeTakeFirst();
  if (!open) throw new DomainError("Sospensione non trovata", "_form", "not_found");
  if (input.resumedOn <= open.start_date)
    throw new DomainError(`Il rientro deve essere dopo l'inizio della sospensione (${fmtDay(open.start_date)})`, "resumedOn");
  if (input.resumedOn > addDays(today, 1))
    throw new DomainError("Il rientro non può essere in un giorno futuro (al più domani)", "resumedOn");
  const days = suspendedDays(open.start_date, input.resumedOn);
  const endDate = shiftEndDate(row.end_date!, days);
  await trx.updateTable("internship_suspensions").set({ resumed_on: input.resumedOn, days }).where("id", "=", open.id).execute();
  await transitionInternship(trx, {
    internshipId: row.id,
    event: "resume",
    actor,
    patch: { end_date: endDate },
    note: `Rientro il ${fmtDay(input.resumedOn)}: ${plural(days, "giorno", "giorni")} di sospensione, fine spostata dal ${fmtDay(row.end_date!)} al ${fmtDay(endDate)}`,
  });
  return { days, endDate };
}

// ---------------------------------------------------------------------------------------------------------------------
// Extension (proroga)

export interface ExtendInput {
  internshipId: string;
  /** Whole months added to the end date and to the planned duration. */
  months: number;
  reason: string;
  version?: number | null;
}

/**
 * A proroga: the new total is re-checked with the rules checker (same unit count as at activation, this internship
 * excluded); refused with the checker's messages when not allowed. The UNILAV proroga data are prepared for the host.
 */
export async function extendInternship(
  trx: Trx,
  actor: InternshipActor & { kind: "officer" | "system" },
  input: ExtendInput,
  today = todayInItaly(),
) {
  const row = await lockInternship(trx, actor, input.internshipId, input.version);
  if (row.state !== "active") throw new DomainError("Si può prorogare solo un tirocinio in corso", "_form", "conflict");
  requireDates(row);
  if (!Number.isInteger(input.months) || input.months < 1 || input.months > 24)
    throw new DomainError("Indica da 1 a 24 mesi di proroga", "months");
  const { check, date, rosa, previousMonths, newMonths } = await checkExtension(trx, row, input.months, today);
  const newEnd = addMonths(row.end_date!, input.months);
  const extension = await trx
    .insertInto("internship_extensions")
    .values({
      internship_id: row.id,
      previous_end_date: row.end_date!,
      new_end_date: newEnd,
      previous_planned_months: previousMonths.toFixed(1),
      new_planned_months: newMonths.toFixed(1),
      reason: input.reason.trim(),
      check_result: JSON.stringify({
        date,
        allowed: true,
        check,
        trainees: { rosa, declared: row.other_active_trainees },
      }),
      created_by: actor.kind === "system" ? null : actor.userId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await trx
    .insertInto("internship_unilav_changes")
    .values({ internship_id: row.id, kind: "proroga", extension_id: extension.id, effective_date: newEnd, reason: input.reason.trim() })
    .execute();
  await transitionInternship(trx, {
    internshipId: row.id,
    event: "extend",
    actor,
    patch: { end_date: newEnd, planned_months: newMonths.toFixed(1) },
    note: `Proroga di ${plural(input.months, "mese", "mesi")}: nuova fine ${fmtDay(newEnd)} (${plural(newMonths, "mese", "mesi")} in tutto, massimo ${check.maxDurationMonths})`,
  });
  return { extensionId: extension.id, endDate: newEnd, plannedMonths: newMonths, maxDurationMonths: check.maxDurationMonths };
}

/**
 * The rules checker on the total after an extension of `months` (same unit count as at activation, this internship
 * excluded; suspended days never count, the planned months do): refused with the checker's messages when not allowed.
 */
export async function checkExtension(trx: Trx, row: InternshipRow, months: number, today: string) {
  const previousMonths = Number(row.planned_months);
  const newMonths = previousMonths + months;
  const rosa = await countUnitTrainees(trx, row);
  const parsed = parseInternshipInput({ ...internshipCheckInput(row, rosa, today), plannedMonths: newMonths });
  if (!parsed.ok)
    throw new DomainError(
      `I dati del progetto non permettono il controllo: ${parsed.problems.map((p) => p.message).join("; ")}`,
      "_form",
      "conflict",
    );
  const check = evaluateInternship(parsed.input);
  if (!check.allowed) {
    const messages = check.messages.filter((m) => m.kind === "violation").map((m) => m.message);
    throw new DomainError(`Proroga non ammessa: ${messages.join(" ")}`, "months", "conflict");
  }
  return { check, date: parsed.input.date, rosa, previousMonths, newMonths };
}

// ---------------------------------------------------------------------------------------------------------------------
// Interruption

export interface InterruptInput {
  internshipId: string;
  by: "trainee" | "host" | "promoter";
  reason: InterruptionReason;
  note: string;
  /** The last day of the internship. */
  lastDay: string;
  version?: number | null;
}

/**
 * Early termination, with its initiator and reason: the trainee (motivated), the host or the promoter (serious breach,
 * objectives out of reach). An officer records it for any party; the host and the trainee only for themselves. The
 * UNILAV cessazione data are prepared for the host.
 */
export async function interruptInternship(trx: Trx, actor: InternshipActor, input: InterruptInput, today = todayInItaly()) {
  if (actor.kind === "system") throw new DomainError("Operazione non consentita", "_form", "forbidden");
  if (actor.kind === "employer" && input.by !== "host")
    throw new DomainError("L'azienda può interrompere il tirocinio solo a proprio nome", "by", "forbidden");
  if (actor.kind === "candidate" && input.by !== "trainee")
    throw new DomainError("Puoi interrompere il tirocinio solo a tuo nome", "by", "forbidden");
  if (!INTERRUPTION_REASONS_BY[input.by].includes(input.reason))
    throw new DomainError(
      `Motivo non ammesso per chi interrompe (${INTERRUPTED_BY_LABELS[input.by]}): scegli tra quelli elencati`,
      "reason",
    );
  const note = input.note.trim();
  if (note.length < 5) throw new DomainError("Scrivi la motivazione (almeno 5 caratteri)", "note");
  const row = await lockInternship(trx, actor, input.internshipId, input.version);
  if (row.state !== "active" && row.state !== "suspended")
    throw new DomainError("Si può interrompere solo un tirocinio in corso o sospeso", "_form", "conflict");
  const { startDate, endDate } = requireDates(row);
  if (input.lastDay < startDate || input.lastDay > endDate)
    throw new DomainError(
      `L'ultimo giorno deve essere tra l'inizio (${fmtDay(startDate)}) e la fine prevista (${fmtDay(endDate)})`,
      "lastDay",
    );
  if (input.lastDay > addDays(today, 30)) throw new DomainError("L'ultimo giorno può essere al più tra 30 giorni", "lastDay");
  const open = await trx
    .selectFrom("internship_suspensions")
    .select(["id", "start_date"])
    .where("internship_id", "=", row.id)
    .where("resumed_on", "is", null)
    .executeTakeFirst();
  if (open) {
    const resumedOn = input.lastDay >= open.start_date ? addDays(input.lastDay, 1) : addDays(open.start_date, 1);
    await trx
      .updateTable("internship_suspensions")
      .set({ resumed_on: resumedOn, days: suspendedDays(open.start_date, resumedOn) })
      .where("id", "=", open.id)
      .execute();
  }
  await trx
    .insertInto("internship_unilav_changes")
    .values({
      internship_id: row.id,
      kind: "cessazione",
      effective_date: input.lastDay,
      reason: `${INTERRUPTION_REASON_LABELS[input.reason]}: ${note}`.slice(0, 2000),
    })
    .execute();
  const updated = await transitionInternship(trx, {
    internshipId: row.id,
    event: "interrupt",
    actor,
    patch: { actual_end_date: input.lastDay, interrupted_by: input.by, interruption_reason: input.reason, end_reason: note.slice(0, 2000) },
    note: `${INTERRUPTED_BY_LABELS[input.by]}: ${INTERRUPTION_REASON_LABELS[input.reason]}. Ultimo giorno ${fmtDay(input.lastDay)}`,
  });
  await ensureOutcomeRows(trx, updated);
  return updated;
}

// ---------------------------------------------------------------------------------------------------------------------
// The daily job: completion on the end date, outcomes

/** Every internship still running after its end date moves to «concluso»; returns how many. */
export async function completeDueInternships(trx: Trx, today = todayInItaly()) {
  const due = await trx.selectFrom("internships").select("id").where("state", "=", "active").where("end_date", "<", today).execute();
  for (const { id } of due) {
    const current = await lockInternship(trx, { kind: "system" }, id);
    if (current.state !== "active" || !current.end_date || current.end_date >= today) continue;
    const updated = await transitionInternship(trx, {
      internshipId: id,
      event: "complete",
      actor: { kind: "system" },
      patch: { actual_end_date: current.end_date },
      note: `Concluso alla data di fine (${fmtDay(current.end_date)})`,
    });
    await ensureOutcomeRows(trx, updated);
  }
  return due.length;
}

/**
 * The officer records the conclusion of an internship whose end date has passed, without waiting for the job (the
 * attestazione is issued on a concluded internship). Before the end date it is an interruption, not a conclusion.
 */
export async function concludeInternship(
  trx: Trx,
  actor: InternshipActor & { kind: "officer" },
  input: { internshipId: string; version?: number | null },
  today = todayInItaly(),
) {
  const row = await lockInternship(trx, actor, input.internshipId, input.version);
  if (row.state !== "active") throw new DomainError("Si conclude solo un tirocinio in corso", "_form", "conflict");
  if (!row.end_date || row.end_date >= today)
    throw new DomainError(
      `Il tirocinio finisce il ${row.end_date ? fmtDay(row.end_date) : "—"}: prima di quel giorno si può solo interrompere`,
      "_form",
      "conflict",
    );
  const updated = await transitionInternship(trx, {
    internshipId: row.id,
    event: "complete",
    actor,
    patch: { actual_end_date: row.end_date },
    note: `Concluso alla data di fine (${fmtDay(row.end_date)})`,
  });
  await ensureOutcomeRows(trx, updated);
  return updated;
}

/** The outcome rows at 6 and 12 months of an ended internship (idempotent). */
export async function ensureOutcomeRows(trx: Trx, row: Pick<InternshipRow, "id" | "start_date" | "actual_end_date" | "end_date">) {
  const lastDay = row.actual_end_date ?? row.end_date;
  if (!row.start_date || !lastDay) return;
  for (const months of OUTCOME_HORIZONS) {
    await trx
      .insertInto("internship_outcomes")
      .values({ internship_id: row.id, horizon_months: months, window_end: outcomeWindow(row.start_date, lastDay, months).to })
      .onConflict((oc) => oc.columns(["internship_id", "horizon_months"]).doNothing())
      .execute();
  }
}

/**
 * Pending outcomes against Rosa's hires of the trainee: a hire in the window closes the outcome as hired (the host
 * flagged), and the gap proposal «tirocinio» the internship came from becomes done; a window that has passed without
 * a hire closes as not hired. Returns how many outcomes were closed.
 */
export async function evaluateOutcomes(trx: Trx, today = todayInItaly(), onlyInternshipId?: string) {
  let query = trx
    .selectFrom("internship_outcomes as o")
    .innerJoin("internships as i", "i.id", "o.internship_id")
    .select([
      "o.id",
      "o.horizon_months",
      "i.id as internshipId",
      "i.candidate_id",
      "i.employer_id",
      "i.start_date",
      "i.actual_end_date",
      "i.end_date",
      "i.gap_proposal_id",
    ])
    .where("o.status", "=", "pending");
  if (onlyInternshipId) query = query.where("i.id", "=", onlyInternshipId);
  const pending = await query.execute();
  let closed = 0;
  for (const o of pending) {
    const lastDay = o.actual_end_date ?? o.end_date;
    if (!o.start_date || !lastDay || !o.candidate_id) continue;
    const window = outcomeWindow(o.start_date, lastDay, o.horizon_months as 6 | 12);
    const hires = await trx
      .selectFrom("hires")
      .select(["id", "employer_id as employerId", "start_date as startDate"])
      .where("candidate_id", "=", o.candidate_id)
      .where("start_date", ">=", window.from)
      .where("start_date", "<=", window.to)
      .execute();
    const verdict = evaluateOutcome(window, o.employer_id, hires, today);
    if (verdict.status === "pending") continue;
    const res = await trx
      .updateTable("internship_outcomes")
      .set({
        status: verdict.status,
        source: verdict.status === "hired" ? "rosa" : null,
        hire_id: verdict.hire?.id ?? null,
        hired_on: verdict.hire?.startDate ?? null,
        hired_by_host: verdict.hiredByHost,
        evaluated_at: new Date(),
      })
      .where("id", "=", o.id)
      .where("status", "=", "pending")
      .executeTakeFirst();
    if (!Number(res.numUpdatedRows)) continue;
    closed++;
    await recordAudit(
      trx,
      { userId: null, role: null, ip: null },
      {
        action: "internship.outcome_evaluated",
        entityType: "internship",
        entityId: o.internshipId,
        employerId: o.employer_id,
        details: { horizonMonths: o.horizon_months, status: verdict.status, hiredByHost: verdict.hiredByHost },
      },
    );
    if (verdict.status === "hired" && o.gap_proposal_id)
      await trx
        .updateTable("gap_proposals")
        .set({ outcome: "done", updated_at: new Date() })
        .where("id", "=", o.gap_proposal_id)
        .where("outcome", "=", "accepted")
        .execute();
  }
  return closed;
}

/** The officer records an outcome the person declared (no hire in Rosa): marked as self-declared. */
export async function declareOutcome(
  trx: Trx,
  actor: InternshipActor & { kind: "officer" },
  input: { internshipId: string; horizonMonths: 6 | 12; hired: boolean; hiredOn?: string | null; byHost: boolean; note: string },
  today = todayInItaly(),
) {
  const row = await lockInternship(trx, actor, input.internshipId);
  const outcome = await trx
    .selectFrom("internship_outcomes")
    .selectAll()
    .where("internship_id", "=", row.id)
    .where("horizon_months", "=", input.horizonMonths)
    .forUpdate()
    .executeTakeFirst();
  if (!outcome) throw new DomainError("L'esito si registra dopo la fine del tirocinio", "_form", "conflict");
  if (outcome.source === "rosa")
    throw new DomainError("L'esito viene da un'assunzione registrata in Rosa e non si modifica a mano", "_form", "conflict");
  if (input.hired) {
    if (!input.hiredOn) throw new DomainError("Indica la data di assunzione", "hiredOn");
    if (input.hiredOn < row.start_date! || input.hiredOn > outcome.window_end)
      throw new DomainError(`La data di assunzione deve essere tra l'inizio del tirocinio e il ${fmtDay(outcome.window_end)}`, "hiredOn");
    if (input.hiredOn > today) throw new DomainError("La data di assunzione non può essere futura", "hiredOn");
  } else if (today <= outcome.window_end) {
    throw new DomainError(
      `«Non assunto» si registra dopo il ${fmtDay(outcome.window_end)}, alla fine del periodo osservato`,
      "hired",
      "conflict",
    );
  }
  await trx
    .updateTable("internship_outcomes")
    .set({
      status: input.hired ? "hired" : "not_hired",
      source: "self_declared",
      hire_id: null,
      hired_on: input.hired ? input.hiredOn! : null,
      hired_by_host: input.hired ? input.byHost : null,
      note: input.note.trim() || null,
      evaluated_at: new Date(),
    })
    .where("id", "=", outcome.id)
    .execute();
  await recordAudit(trx, auditActor(actor), {
    action: "internship.outcome_declared",
    entityType: "internship",
    entityId: row.id,
    employerId: row.employer_id,
    details: { horizonMonths: input.horizonMonths, hired: input.hired, byHost: input.hired ? input.byHost : null },
  });
  if (input.hired && row.gap_proposal_id)
    await trx
      .updateTable("gap_proposals")
      .set({ outcome: "done", updated_at: new Date() })
      .where("id", "=", row.gap_proposal_id)
      .where("outcome", "=", "accepted")
      .execute();
}

// ---------------------------------------------------------------------------------------------------------------------
// Dossier

export interface DossierInput {
  internshipId: string;
  kind: DossierKind;
  occurredOn: string;
  title: string;
  description: string;
  competences: string;
}

/** An item of the individual dossier: by the promoter tutor (officer) or the host tutor (employer). */
export async function addDossierItem(
  trx: Trx,
  actor: InternshipActor & { kind: "officer" | "employer" },
  input: DossierInput,
  today = todayInItaly(),
) {
  const row = await lockInternship(trx, actor, input.internshipId);
  if (!["active", "suspended", "completed", "interrupted"].includes(row.state))
    throw new DomainError("Il dossier si compila durante il tirocinio e fino all'attestazione", "_form", "conflict");
  if (row.start_date && input.occurredOn < row.start_date)
    throw new DomainError("La data non può precedere l'inizio del tirocinio", "occurredOn");
  if (input.occurredOn > today) throw new DomainError("La data non può essere futura", "occurredOn");
  const item = await trx
    .insertInto("internship_dossier_items")
    .values({
      internship_id: row.id,
      kind: input.kind,
      occurred_on: input.occurredOn,
      title: input.title.trim(),
      description: input.description.trim(),
      competences: input.competences.trim(),
      author_kind: actor.kind,
      created_by: actor.userId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await recordAudit(trx, auditActor(actor), {
    action: "internship.dossier_item_added",
    entityType: "internship",
    entityId: row.id,
    employerId: row.employer_id,
    details: { kind: input.kind, occurredOn: input.occurredOn },
  });
  return item.id;
}

// ---------------------------------------------------------------------------------------------------------------------
// Attestazione, or closing without it

/** What the attestazione states, hashed: the same content always gives the same hash. */
export function attestationHash(content: Record<string, unknown>): string {
  return createHash("sha256").update(JSON.stringify(content)).digest("hex");
}

/**
 * The officer issues the attestazione, co-signed by the host (its signer named): only when the hours attended reach
 * 70 % of those the PFI planned (suspensions excluded). Refused with the figures otherwise.
 */
export async function issueAttestation(
  trx: Trx,
  actor: InternshipActor & { kind: "officer" },
  input: { internshipId: string; competences: string; hostSignerName: string; version?: number | null },
  today = todayInItaly(),
) {
  const row = await lockInternship(trx, actor, input.internshipId, input.version);
  if (row.state !== "completed" && row.state !== "interrupted")
    throw new DomainError("L'attestazione si rilascia a tirocinio concluso o interrotto", "_form", "conflict");
  const totals = await attendanceTotals(trx, row, today);
  if (!attestationAllowed(totals.planned, totals.attended))
    throw new DomainError(
      `Attestazione non rilasciabile: presenze al ${totals.percentLabel} delle ore previste dal progetto (${totals.attendedLabel} su ${totals.plannedLabel}); serve almeno il 70 %. Chiudi il tirocinio senza attestazione.`,
      "_form",
      "conflict",
    );
  const competences = input.competences.trim();
  const signer = input.hostSignerName.trim();
  const content = {
    internship: row.id,
    trainee: row.candidate_id,
    host: row.employer_id,
    start: row.start_date,
    end: row.actual_end_date ?? row.end_date,
    planned: totals.planned,
    attended: totals.attended,
    competences,
    signer,
    issuedOn: today,
  };
  const hash = attestationHash(content);
  await trx
    .insertInto("internship_attestations")
    .values({
      internship_id: row.id,
      issued_on: today,
      planned_hours: (totals.planned / 100).toFixed(2),
      attended_hours: (totals.attended / 100).toFixed(2),
      competences,
      host_signer_name: signer,
      document_hash: hash,
      issued_by: actor.userId,
    })
    .execute();
  const updated = await transitionInternship(trx, {
    internshipId: row.id,
    event: "issue_attestation",
    actor,
    note: `Attestazione rilasciata: presenze al ${totals.percentLabel} delle ore previste`,
  });
  await ensureOutcomeRows(trx, updated);
  return { hash, percentBp: totals.percentBp };
}

/** The officer closes without attestazione: allowed when the attendance is under 70 % of the planned hours. */
export async function closeWithoutAttestation(
  trx: Trx,
  actor: InternshipActor & { kind: "officer" },
  input: { internshipId: string; note: string; version?: number | null },
  today = todayInItaly(),
) {
  const row = await lockInternship(trx, actor, input.internshipId, input.version);
  if (row.state !== "completed" && row.state !== "interrupted")
    throw new DomainError("Si chiude senza attestazione un tirocinio concluso o interrotto", "_form", "conflict");
  const totals = await attendanceTotals(trx, row, today);
  if (attestationAllowed(totals.planned, totals.attended))
    throw new DomainError(
      `Le presenze sono al ${totals.percentLabel} delle ore previste: il tirocinante ha diritto all'attestazione, rilasciala.`,
      "_form",
      "conflict",
    );
  const updated = await transitionInternship(trx, {
    internshipId: row.id,
    event: "close",
    actor,
    note: `${input.note.trim() ? `${input.note.trim()} — ` : ""}presenze al ${totals.percentLabel} delle ore previste`.slice(0, 2000),
  });
  await ensureOutcomeRows(trx, updated);
  return updated;
}

// ---------------------------------------------------------------------------------------------------------------------
// The officer's time: the LEP R register row

export interface ServiceTimeInput {
  internshipId: string;
  deliveredOn: string;
  minutes: number;
  modality: Modality;
  activity: string;
  justification?: string | null;
}

/**
 * The officer records real time spent on the internship; the one register row of standard R (R-SVANT for disabled or
 * disadvantaged trainees) is rewritten with the total, the last day and the prevailing modality. Beyond the standard's
 * maximum the officer must explain why.
 */
export async function recordServiceTime(
  trx: Trx,
  actor: InternshipActor & { kind: "officer" },
  input: ServiceTimeInput,
  today = todayInItaly(),
) {
  const row = await lockInternship(trx, actor, input.internshipId);
  if (row.state === "cancelled" || row.state === "rejected")
    throw new DomainError("Il tirocinio è annullato o respinto: il tempo non si registra più", "_form", "conflict");
  if (input.deliveredOn > today) throw new DomainError("La data non può essere futura", "deliveredOn");
  const entries = await trx
    .selectFrom("internship_service_time")
    .select(["delivered_on as deliveredOn", "minutes", "modality"])
    .where("internship_id", "=", row.id)
    .execute();
  const next = registerRow([...entries, { deliveredOn: input.deliveredOn, minutes: input.minutes, modality: input.modality }])!;
  const code = registerStandardFor({ disabled: row.trainee_disabled, disadvantaged: row.trainee_disadvantaged });
  const existing = await trx
    .selectFrom("service_deliveries")
    .select(["id", "version", "justification"])
    .where("internship_id", "=", row.id)
    .forUpdate()
    .executeTakeFirst();
  const justification = input.justification?.trim() || existing?.justification || null;
  if (registerBounds(code, next.minutes) === "over" && (!justification || justification.length < 10))
    throw new DomainError(
      `Con questo tempo il servizio supera il massimo dello standard ${code} (${plural(REGISTER_STANDARDS[code].maxMinutes, "minuto", "minuti")}): spiega perché`,
      "justification",
    );
  await trx
    .insertInto("internship_service_time")
    .values({
      internship_id: row.id,
      delivered_on: input.deliveredOn,
      minutes: input.minutes,
      modality: input.modality,
      activity: input.activity.trim(),
      officer_id: actor.userId,
    })
    .execute();
  const output = `Tirocinio n. ${row.number}: ${row.title}`.slice(0, 500);
  if (existing) {
    await trx
      .updateTable("service_deliveries")
      .set({
        standard_code: code,
        minutes: next.minutes,
        modality: next.modality,
        delivered_on: next.deliveredOn,
        output,
        justification,
        version: existing.version + 1,
        updated_at: new Date(),
      })
      .where("id", "=", existing.id)
      .execute();
  } else {
    await trx
      .insertInto("service_deliveries")
      .values({
        employer_id: row.employer_id,
        standard_code: code,
        delivered_on: next.deliveredOn,
        minutes: next.minutes,
        modality: next.modality,
        officer_id: actor.userId,
        output,
        justification,
        service_request_id: row.service_request_id,
        internship_id: row.id,
      })
      .execute();
  }
  await recordAudit(trx, auditActor(actor), {
    action: "internship.service_time_recorded",
    entityType: "internship",
    entityId: row.id,
    employerId: row.employer_id,
    details: { minutes: input.minutes, modality: input.modality, total: next.minutes, standard: code },
  });
  return { total: next.minutes, standard: code, bounds: registerBounds(code, next.minutes) };
}

/** The UNILAV of a proroga or cessazione has been filed: protocol, day, and who recorded it. */
export async function recordUnilavFiled(
  trx: Trx,
  actor: InternshipActor & { kind: "officer" | "employer" },
  input: { internshipId: string; changeId: string; protocol: string; filedOn: string },
  today = todayInItaly(),
) {
  const row = await lockInternship(trx, actor, input.internshipId);
  const change = await trx
    .selectFrom("internship_unilav_changes")
    .selectAll()
    .where("id", "=", input.changeId)
    .where("internship_id", "=", row.id)
    .forUpdate()
    .executeTakeFirst();
  if (!change) throw new DomainError("Comunicazione non trovata", "_form", "not_found");
  if (change.protocol) throw new DomainError("La comunicazione è già registrata", "_form", "conflict");
  if (input.filedOn > today) throw new DomainError("La data non può essere futura", "filedOn");
  const protocol = input.protocol.trim();
  if (!/^[A-Za-z0-9/.-]{4,50}$/.test(protocol))
    throw new DomainError("Protocollo non valido: da 4 a 50 lettere, cifre, «/», «.» o «-»", "protocol");
  await trx
    .updateTable("internship_unilav_changes")
    .set({ protocol, filed_on: input.filedOn, filed_by: actor.userId })
    .where("id", "=", change.id)
    .execute();
  await recordAudit(trx, auditActor(actor), {
    action: "internship.unilav_filed",
    entityType: "internship",
    entityId: row.id,
    employerId: row.employer_id,
    details: { kind: change.kind, protocol, filedOn: input.filedOn },
  });
}
