/**
 * Editing an internship request before its PFI is signed (docs/decisions/tirocini.md#modifica-della-richiesta), by the
 * host's users or by the promoter's officer. Every save runs the rules checker again and stores its answer; a request
 * that was ready to sign or partly signed goes back to drafting and its signatures are void. Once the three parties
 * signed, changes go through an addendum (`addenda.server.ts`).
 */
import type { Db, Trx } from "~/db/db.server";
import { recordAudit } from "~/domain/audit/index.server";
import { DomainError } from "~/domain/errors";
import { findOccupation, resolveComune } from "~/domain/reference/index.server";
import { addDays, addMonths } from "~/utils/dates";
import { internshipRegionOf } from "./region";
import type { InternshipRequestInput } from "./request-schema";
import { auditActor } from "./requests.server";
import { voidSignatures } from "./signatures.server";
import { INTERNSHIP_STATE_LABELS, type InternshipState } from "./states";
import { lockInternship, runInternshipChecks, transitionInternship, type InternshipActor, type InternshipRow } from "./transition.server";

/** States in which the request form may be saved: before the PFI is signed by all three parties. */
export const REQUEST_EDITABLE_STATES: readonly InternshipState[] = [
  "requested",
  "scouting",
  "candidate_chosen",
  "drafting",
  "checks_failed",
  "ready_to_sign",
  "partially_signed",
];

/** States after the three signatures in which a change of the PFI goes through an addendum. */
export const ADDENDUM_STATES: readonly InternshipState[] = ["awaiting_authorisation", "awaiting_co", "active", "suspended"];

type EditActor = Extract<InternshipActor, { kind: "employer" | "officer" }>;

/** The Italian reason why the request can no longer be edited, or null when it can. */
export function requestEditBlock(state: InternshipState): string | null {
  if (REQUEST_EDITABLE_STATES.includes(state)) return null;
  if (ADDENDUM_STATES.includes(state))
    return "Il progetto formativo è già firmato dalle tre parti: una modifica o una proroga passa da un'integrazione (addendum) da firmare di nuovo.";
  return `La richiesta non si modifica più: il tirocinio è «${INTERNSHIP_STATE_LABELS[state].toLowerCase()}».`;
}

/** The request form's values from the saved row (strings, the way the form shows them). */
export async function requestFormValues(db: Db | Trx, row: InternshipRow): Promise<Record<string, string>> {
  const comune = await db
    .selectFrom("comuni")
    .select(["name", "province_code"])
    .where("istat_code", "=", row.comune_code)
    .executeTakeFirst();
  const num = (v: string | number) => String(Number(v)).replace(".", ",");
  const values: Record<string, string> = {
    title: row.title,
    occupation: row.occupation_code,
    comune: comune ? `${comune.name} (${comune.province_code})` : "",
    activities: row.activities,
    objectives: row.objectives,
    weeklyHours: num(row.weekly_hours),
    dailyHours: num(row.daily_hours),
    plannedMonths: num(row.planned_months),
    startDate: row.start_date ?? "",
    monthlyIndemnity: num(row.monthly_indemnity_cents / 100),
    employeesPermanent: String(row.employees_permanent),
    employeesFixedTermCounting: String(row.employees_fixed_term_counting),
    otherActiveTrainees: String(row.other_active_trainees),
    hostTutorName: row.host_tutor_name ?? "",
    hostTutorEmail: row.host_tutor_email ?? "",
    hostTutorRole: row.host_tutor_role ?? "",
    hostTutorTrainees: String(row.host_tutor_trainees),
    version: String(row.version),
  };
  if (row.meal_vouchers) values.mealVouchers = "on";
  if (row.dismissals_last_12_months) values.dismissalsLast12Months = "on";
  if (row.cig_same_tasks) values.cigSameTasks = "on";
  return values;
}

/**
 * Saves the request form on an existing internship: the profile, place, hours, indemnity, the unit's head-counts and
 * the host tutor (the trainee is chosen elsewhere). A changed comune changes the unit and the Region whose rules apply;
 * a changed start moves a planned end by the same months. Then the checker runs: in drafting it moves the internship
 * to ready_to_sign or checks_failed, earlier it only stores its answer, which the case page shows.
 */
export async function updateInternshipRequest(
  trx: Trx,
  actor: EditActor,
  internshipId: string,
  input: InternshipRequestInput & { version: number },
  today: string,
  now = new Date(),
) {
  let row = await lockInternship(trx, actor, internshipId, input.version);
  const block = requestEditBlock(row.state);
  if (block) throw new DomainError(block, "_form", "conflict");
  const occupation = await findOccupation(trx, input.occupation);
  if (!occupation || occupation.level < 4) throw new DomainError("Professione inesistente: sceglila dall'elenco CP2021", "occupation");
  const comune = await resolveComune(trx, input.comune);
  if (!comune) throw new DomainError("Comune non trovato: scegli il comune dall'elenco, es. «Milano (MI)»", "comune");
  const place = await trx
    .selectFrom("comuni")
    .select(["region_name", "province_code"])
    .where("istat_code", "=", comune.istatCode)
    .executeTakeFirstOrThrow();
  let voided = 0;
  if (row.state === "ready_to_sign" || row.state === "partially_signed") {
    row = await transitionInternship(trx, {
      internshipId,
      event: "edit",
      actor,
      note: "Richiesta modificata: le firme raccolte non valgono più",
      patch: { document_hash: null },
      now,
    });
    voided = await voidSignatures(trx, { internshipId }, "pfi", now);
  }
  const months = input.plannedMonths;
  const endDate = input.startDate && (row.end_date || input.startDate !== row.start_date) ? planEnd(input.startDate, months) : row.end_date;
  const changed: string[] = [];
  const patch = {
    title: input.title,
    occupation_code: occupation.code,
    comune_code: comune.istatCode,
    region: internshipRegionOf(place.region_name, place.province_code),
    site_id: comune.istatCode === row.comune_code ? row.site_id : null,
    activities: input.activities,
    objectives: input.objectives ?? "",
    weekly_hours: String(input.weeklyHours),
    daily_hours: String(input.dailyHours),
    planned_months: String(months),
    start_date: input.startDate,
    end_date: input.startDate ? endDate : null,
    monthly_indemnity_cents: Math.round(input.monthlyIndemnity * 100),
    meal_vouchers: input.mealVouchers,
    employees_permanent: input.employeesPermanent,
    employees_fixed_term_counting: input.employeesFixedTermCounting,
    other_active_trainees: input.otherActiveTrainees,
    dismissals_last_12_months: input.dismissalsLast12Months,
    cig_same_tasks: input.cigSameTasks,
    host_tutor_name: input.hostTutorName,
    host_tutor_email: input.hostTutorEmail,
    host_tutor_role: input.hostTutorRole,
    host_tutor_trainees: input.hostTutorTrainees,
  };
  for (const [key, value] of Object.entries(patch))
    if (!sameValue((row as unknown as Record<string, unknown>)[key], value)) changed.push(key);
  await trx
    .updateTable("internships")
    .set({ ...patch, version: row.version + 1, updated_at: now })
    .where("id", "=", internshipId)
    .execute();
  const { record, internship } = await runInternshipChecks(trx, internshipId, today, { now });
  await recordAudit(trx, auditActor(actor), {
    action: "internship.request_edited",
    entityType: "internship",
    entityId: internshipId,
    employerId: row.employer_id,
    details: { state: internship.state, allowed: record.allowed, fields: changed, voidedSignatures: voided },
  });
  return { internship, record, voidedSignatures: voided };
}

/** Equal as stored: the same text, or the same number written differently («40» and «40.00»). */
function sameValue(a: unknown, b: unknown): boolean {
  if (String(a ?? "") === String(b ?? "")) return true;
  if (a == null || b == null || a === "" || b === "") return false;
  return typeof a !== "boolean" && !Number.isNaN(Number(a)) && Number(a) === Number(b);
}

/** The last day of a project of `months` (tenths allowed) starting on `start`. */
function planEnd(start: string, months: number): string {
  const whole = Math.floor(months);
  const days = Math.round((months - whole) * 30);
  return addDays(addDays(addMonths(start, whole), days), -1);
}

/**
 * The employer's open «Vuoi ospitare un tirocinio?» service request that no internship answers yet (the
 * questionnaire's link to the request form), or null.
 */
export async function openInternshipServiceRequest(db: Db | Trx, employerId: string): Promise<string | null> {
  const row = await db
    .selectFrom("service_requests as r")
    .select(["r.id"])
    .where("r.employer_id", "=", employerId)
    .where("r.service_code", "=", "R")
    .where("r.status", "in", ["open", "taken"])
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom("internships as i").select("i.id").whereRef("i.service_request_id", "=", "r.id"))),
    )
    .orderBy("r.created_at", "desc")
    .executeTakeFirst();
  return row?.id ?? null;
}

/**
 * What pre-fills the request form answering a service request: its note (as the activities' start) and the employer's
 * registered comune. Null when the service request is not this employer's «tirocinio» request.
 */
export async function requestPrefill(db: Db | Trx, employerId: string, serviceRequestId: string) {
  const r = await db
    .selectFrom("service_requests as r")
    .innerJoin("employers as e", "e.id", "r.employer_id")
    .innerJoin("comuni as c", "c.istat_code", "e.legal_comune_code")
    .select(["r.id", "r.note", "r.created_at", "c.name", "c.province_code"])
    .where("r.id", "=", serviceRequestId)
    .where("r.employer_id", "=", employerId)
    .where("r.service_code", "=", "R")
    .executeTakeFirst();
  if (!r) return null;
  return { id: r.id, requestedAt: r.created_at, comune: `${r.name} (${r.province_code})`, note: r.note };
}

/**
 * The edit page's data, scoped to the actor (null when not theirs): the form's values, why it cannot be edited (if
 * so) and the checker's stored answer.
 */
export async function requestEditView(db: Db, actor: EditActor, internshipId: string) {
  let q = db.selectFrom("internships").selectAll().where("id", "=", internshipId);
  if (actor.kind === "employer") q = q.where("employer_id", "=", actor.employerId);
  const row = (await q.executeTakeFirst()) as InternshipRow | undefined;
  if (!row) return null;
  return {
    internship: {
      id: row.id,
      number: row.number,
      title: row.title,
      state: row.state,
      version: row.version,
      region: row.region,
      checkedAt: row.checked_at ? row.checked_at.toISOString() : null,
    },
    values: await requestFormValues(db, row),
    block: requestEditBlock(row.state),
    voidsSignatures: row.state === "ready_to_sign" || row.state === "partially_signed",
    check: row.check_result,
  };
}
