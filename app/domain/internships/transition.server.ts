import type { Selectable, Updateable } from "kysely";
import type { Trx } from "~/db/db.server";
import type { Internships } from "~/db/schema.generated";
import { DomainError } from "~/domain/errors";
import { applyTransition, lockRow } from "~/domain/workflow/index.server";
import { evaluateInternship, parseInternshipInput, type InputProblem, type InternshipCheck } from "./checker";
import {
  INTERNSHIP_EVENT_LABELS,
  INTERNSHIP_STATE_LABELS,
  nextInternshipState,
  type InternshipActorKind,
  type InternshipEvent,
  type InternshipState,
} from "./states";

export type InternshipRow = Selectable<Internships> & { state: InternshipState };

/**
 * Who acts on an internship. The host's users act only on their employer's internships, the trainee only on their
 * own: the row lock is scoped by these ids, so another one's internship is «not found», never moved.
 */
export type InternshipActor =
  | { kind: "officer"; userId: string; ip?: string | null }
  | { kind: "employer"; userId: string; employerId: string; ip?: string | null }
  | { kind: "candidate"; userId: string; candidateId: string; ip?: string | null }
  | { kind: "system"; userId?: null };

/** Columns a transition may change together with the state (never the state, version or keys). */
export type InternshipPatch = Omit<Updateable<Internships>, "id" | "number" | "state" | "version" | "employer_id" | "created_at">;

export interface TransitionInternshipInput {
  internshipId: string;
  event: InternshipEvent;
  actor: InternshipActor;
  /** The version the person saw; a different one means someone else changed it meanwhile. */
  expectedVersion?: number | null;
  note?: string | null;
  patch?: InternshipPatch;
  /** `signatures_complete` only: the Region requires a prior authorisation (awaiting_authorisation, not awaiting_co). */
  authorisationRequired?: boolean;
  now?: Date;
}

const AUDIT_ROLE: Record<InternshipActorKind, string | null> = {
  officer: "officer",
  employer: "employer",
  candidate: "candidate",
  system: null,
};

/** Locks the row for the rest of the caller's transaction, within what the actor may see. */
export async function lockInternship(trx: Trx, actor: InternshipActor, internshipId: string, expectedVersion?: number | null) {
  let query = trx.selectFrom("internships").selectAll().where("id", "=", internshipId);
  if (actor.kind === "employer") query = query.where("employer_id", "=", actor.employerId);
  if (actor.kind === "candidate") query = query.where("candidate_id", "=", actor.candidateId);
  return (await lockRow(query, expectedVersion, "Tirocinio non trovato")) as InternshipRow;
}

/**
 * Moves an internship along its state table, in the caller's transaction: the row is locked (scoped to the actor),
 * the version checked, state + patch written, the timeline row and the audit entry added. A move the table does not
 * allow for this actor is refused with a conflict naming the current state.
 */
export async function transitionInternship(trx: Trx, input: TransitionInternshipInput): Promise<InternshipRow> {
  const { actor, event } = input;
  const now = input.now ?? new Date();
  const current = await lockInternship(trx, actor, input.internshipId, input.expectedVersion);
  const next = nextInternshipState(current.state, event, actor.kind, { authorisationRequired: input.authorisationRequired });
  if (!next)
    throw new DomainError(
      `Operazione non consentita: «${INTERNSHIP_EVENT_LABELS[event]}» non è possibile quando il tirocinio è «${INTERNSHIP_STATE_LABELS[current.state]}»`,
      "_form",
      "conflict",
    );
  const note = input.note?.trim() || null;
  if (note && note.length > 2000) throw new DomainError("La nota può avere al massimo 2000 caratteri", "note");
  const changed = next !== current.state;
  const userId = actor.kind === "system" ? null : actor.userId;
  const updated = await applyTransition(trx, {
    table: "internships",
    row: current,
    patch: { ...input.patch, state: next, ...(changed ? { state_changed_at: now, state_reason: note } : {}) },
    now,
    log: {
      table: "internship_transitions",
      values: {
        internship_id: current.id,
        event,
        from_state: current.state,
        to_state: next,
        actor_kind: actor.kind,
        actor_user_id: userId,
        note,
        at: now,
      },
    },
    audit: {
      actor: { userId, role: AUDIT_ROLE[actor.kind], ip: actor.kind === "system" ? null : (actor.ip ?? null) },
      entry: {
        action: `internship.${event}`,
        entityType: "internship",
        employerId: current.employer_id,
        details: { from: current.state, to: next, note, fields: Object.keys(input.patch ?? {}) },
      },
    },
  });
  return updated as InternshipRow;
}

/** States whose internship occupies a place in the host's unit (signed and about to start, or running). */
export const COMMITTED_INTERNSHIP_STATES: readonly InternshipState[] = ["awaiting_authorisation", "awaiting_co", "active", "suspended"];

/** What `runInternshipChecks` stores in `internships.check_result`. */
export interface InternshipCheckRecord {
  /** The day whose parameters were applied: the planned start, or the day of the check when there is none yet. */
  date: string;
  allowed: boolean;
  /** The checker's answer; null when the PFI data are incomplete or not valid for it (see `problems`). */
  check: InternshipCheck | null;
  problems: InputProblem[];
  /** Trainees counted in the unit: Rosa's own internships there (exempt trainees excluded) and those the host declared. */
  trainees: { rosa: number; declared: number };
}

/**
 * Rosa's internships occupying a place in the same unit as this one (same site, or same comune when no site is
 * given), this one and exempt trainees (disabled or disadvantaged, not counted against the limit) excluded.
 */
export async function countUnitTrainees(trx: Trx, row: Pick<InternshipRow, "id" | "employer_id" | "site_id" | "comune_code">) {
  let query = trx
    .selectFrom("internships")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("employer_id", "=", row.employer_id)
    .where("id", "<>", row.id)
    .where("state", "in", COMMITTED_INTERNSHIP_STATES)
    .where("trainee_disabled", "=", false)
    .where("trainee_disadvantaged", "=", false);
  query = row.site_id
    ? query.where("site_id", "=", row.site_id)
    : query.where("site_id", "is", null).where("comune_code", "=", row.comune_code);
  const { n } = await query.executeTakeFirstOrThrow();
  return Number(n);
}

/** The checker's input from the PFI columns (head-counts, flags, hours, indemnity) and the unit's current trainees. */
export function internshipCheckInput(row: InternshipRow, rosaTrainees: number, today: string) {
  return {
    date: row.start_date ?? today,
    region: row.region,
    host: {
      employeesPermanent: row.employees_permanent,
      employeesFixedTermCounting: row.employees_fixed_term_counting,
      activeTrainees: rosaTrainees + row.other_active_trainees,
      hiresFromPastTrainees: row.hires_from_past_trainees,
      qualifyingDismissalsLast12Months: row.dismissals_last_12_months,
      cigSameTasksSameUnit: row.cig_same_tasks,
      isPublicAdministration: row.is_public_administration,
    },
    trainee: {
      disabled: row.trainee_disabled,
      disadvantaged: row.trainee_disadvantaged,
      priorEmploymentWithHostLast24Months: row.prior_employment_with_host,
      previousTraineeshipWithHost: row.previous_traineeship_with_host,
    },
    plannedMonths: Number(row.planned_months),
    seasonalHost: row.seasonal_host,
    weeklyHours: Number(row.weekly_hours),
    dailyHours: Number(row.daily_hours),
    fullTimeWeeklyHours: Number(row.full_time_weekly_hours),
    mealVouchers: row.meal_vouchers,
    monthlyIndemnity: row.monthly_indemnity_cents / 100,
    hostTutorTrainees: row.host_tutor_trainees,
    eqfLevel: row.eqf_level,
  };
}

/**
 * Runs the rules checker on the internship as saved and stores the result with the PFI. In drafting or
 * checks_failed it also moves the internship: `checks_passed` (ready_to_sign) or `checks_failed`. In the other states
 * (before each signature, before the CO) it only refreshes the stored result: the caller decides what a failure blocks.
 */
export async function runInternshipChecks(
  trx: Trx,
  internshipId: string,
  today: string,
  options: { now?: Date } = {},
): Promise<{ record: InternshipCheckRecord; internship: InternshipRow }> {
  const now = options.now ?? new Date();
  const row = await lockInternship(trx, { kind: "system" }, internshipId);
  const rosa = await countUnitTrainees(trx, row);
  const raw = internshipCheckInput(row, rosa, today);
  const parsed = parseInternshipInput(raw);
  const check = parsed.ok ? evaluateInternship(parsed.input) : null;
  const record: InternshipCheckRecord = {
    date: raw.date,
    allowed: check?.allowed ?? false,
    check,
    problems: parsed.ok ? [] : parsed.problems,
    trainees: { rosa, declared: row.other_active_trainees },
  };
  const stored = { check_result: JSON.stringify(record), checked_at: now };
  if (row.state === "drafting" || row.state === "checks_failed") {
    const internship = await transitionInternship(trx, {
      internshipId,
      event: record.allowed ? "checks_passed" : "checks_failed",
      actor: { kind: "system" },
      patch: stored,
      note: record.allowed ? null : failureNote(record),
      now,
    });
    return { record, internship };
  }
  const internship = await trx
    .updateTable("internships")
    .set(stored)
    .where("id", "=", internshipId)
    .returningAll()
    .executeTakeFirstOrThrow();
  return { record, internship: internship as InternshipRow };
}

function failureNote(record: InternshipCheckRecord): string {
  const lines = record.check
    ? record.check.messages.filter((m) => m.kind === "violation").map((m) => m.message)
    : record.problems.map((p) => `${p.field}: ${p.message}`);
  return lines.join(" ").slice(0, 2000);
}
