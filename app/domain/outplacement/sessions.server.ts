/**
 * Sessions of a member's plan actions, individual or in a group (docs/decisions/outplacement.md «Piano e ore»).
 * A session is logged only on an open action of the member's current SIGNED/IN_PROGRESS version; attendance gives the
 * hours delivered, writes the register row (4E-IND, 4E-GRUPPO and the person-service codes) and an unjustified absence
 * of a member on NASpI/CIGS opens a conditionality event.
 */
import type { Trx } from "~/db/db.server";
import { recordAudit, type Actor } from "~/domain/audit/index.server";
import { DomainError } from "~/domain/errors";
import { recordOutplacementDelivery } from "~/domain/services/index.server";
import { todayInItaly } from "~/utils/dates";
import {
  ACTION_MODE_LABELS,
  ACTION_OPEN,
  LOCATION_TO_MODALITY,
  SERVICE_CODE_LABELS,
  nextActionState,
  registerCode,
  type ActionLocation,
  type ActionMode,
  type ActionState,
  type ServiceCode,
} from "./actions-states";
import { openConditionalityEvent, proposeTrainingBand } from "./conditionality.server";
import type { GroupSessionInput, SessionInput } from "./plans-schema";
import { startPlanIfSigned } from "./plans.server";
import { PLAN_COUNTING } from "./plans-states";
import { benefitOf, findScopedEvent, findScopedMember, type MemberScope, type ScopedMember } from "./plans-scope.server";
import type { Attendance } from "./sessions-labels";

/** The member's open action `actionId` (or the first open one of this code and mode) on the current signed version. */
async function openAction(trx: Trx, memberId: string, pick: { actionId: string } | { serviceCode: ServiceCode; mode: ActionMode }) {
  let query = trx
    .selectFrom("outplacement_plan_actions as a")
    .innerJoin("outplacement_plans as p", "p.id", "a.plan_id")
    .select([
      "a.id",
      "a.plan_id",
      "a.service_code",
      "a.mode",
      "a.location",
      "a.state",
      "a.version",
      "a.course_total_minutes",
      "p.state as plan_state",
    ])
    .where("p.member_id", "=", memberId)
    .where("p.state", "in", [...PLAN_COUNTING])
    .where("a.state", "in", [...ACTION_OPEN]);
  query =
    "actionId" in pick
      ? query.where("a.id", "=", pick.actionId)
      : query.where("a.service_code", "=", pick.serviceCode).where("a.mode", "=", pick.mode).orderBy("a.position");
  return query.forUpdate("a").executeTakeFirst();
}

type OpenAction = NonNullable<Awaited<ReturnType<typeof openAction>>>;

/** One member's attendance: the session row, the action and plan moves, the conditionality event. */
async function writeAttendance(
  trx: Trx,
  actor: Actor,
  member: ScopedMember,
  action: OpenAction,
  s: { heldOn: string; minutes: number; attendance: Attendance; absenceReason: string; note: string; groupSessionId: string | null },
) {
  const session = await trx
    .insertInto("outplacement_sessions")
    .values({
      action_id: action.id,
      member_id: member.id,
      group_session_id: s.groupSessionId,
      held_on: s.heldOn,
      minutes: s.minutes,
      attendance: s.attendance,
      absence_reason: s.attendance === "absent_justified" ? s.absenceReason : s.absenceReason || null,
      note: s.note,
      created_by: actor.userId!,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  let conditionalityId: string | null = null;
  if (s.attendance === "present") {
    const next = nextActionState(action.state as ActionState, "start");
    if (next)
      await trx
        .updateTable("outplacement_plan_actions")
        .set({ state: next, version: action.version + 1 })
        .where("id", "=", action.id)
        .execute();
    await startPlanIfSigned(trx, action.plan_id);
  } else if (s.attendance === "absent_unjustified") {
    const benefit = benefitOf(member);
    if (benefit)
      conditionalityId = await openConditionalityEvent(trx, actor, {
        memberId: member.id,
        employerId: member.employer_id,
        sessionId: session.id,
        kind: action.service_code === "FORM" ? "training_absence" : "no_show",
        benefit,
        occurredOn: s.heldOn,
      });
    const band = await proposeTrainingBand(trx, actor, member, action, s.heldOn);
    conditionalityId ??= band;
  }
  return { sessionId: session.id, conditionalityId };
}

function checkDay(heldOn: string) {
  if (heldOn > todayInItaly()) throw new DomainError("La data dell'incontro non può essere futura", "heldOn");
}

/** Logs an individual session (or an absence) on one action of the member's signed plan. */
export async function logSession(trx: Trx, actor: Actor, scope: MemberScope, eventId: string, memberId: string, input: SessionInput) {
  checkDay(input.heldOn);
  const member = await findScopedMember(trx, scope, eventId, memberId, true);
  const action = await openAction(trx, memberId, { actionId: input.actionId });
  if (!action) throw new DomainError("Scegli un'azione aperta del piano firmato", "actionId");
  const written = await writeAttendance(trx, actor, member, action, {
    heldOn: input.heldOn,
    minutes: input.hours,
    attendance: input.attendance,
    absenceReason: input.absenceReason,
    note: input.note,
    groupSessionId: null,
  });
  const code = registerCode(action.service_code as ServiceCode, action.mode as ActionMode);
  if (code && input.attendance === "present")
    await recordOutplacementDelivery(trx, actor, {
      source: { sessionId: written.sessionId },
      employerId: member.employer_id,
      standardCode: code,
      deliveredOn: input.heldOn,
      minutes: input.hours,
      modality: LOCATION_TO_MODALITY[action.location as ActionLocation],
      output: `Ricollocazione: ${SERVICE_CODE_LABELS[action.service_code as ServiceCode]}, incontro ${ACTION_MODE_LABELS[action.mode as ActionMode].toLowerCase()}`,
    });
  await recordAudit(trx, actor, {
    action: "outplacement.session_logged",
    entityType: "outplacement_session",
    entityId: written.sessionId,
    employerId: member.employer_id,
    details: { member: memberId, service: action.service_code, minutes: input.hours, attendance: input.attendance },
  });
  return written;
}

/**
 * A group session, once, with its attendees: each one gets a session on the open group action of that code in their
 * signed plan; the register gets one row for the group (the hours of the meeting, if anybody attended).
 */
export async function logGroupSession(trx: Trx, actor: Actor, scope: MemberScope, eventId: string, input: GroupSessionInput) {
  checkDay(input.heldOn);
  const event = await findScopedEvent(trx, scope, eventId);
  const attendees = input.attendees as { memberId: string; attendance: Attendance; absenceReason: string }[];
  if (new Set(attendees.map((a) => a.memberId)).size !== attendees.length)
    throw new DomainError("Un partecipante compare due volte", "attendees");
  const members: [ScopedMember, OpenAction, (typeof attendees)[number]][] = [];
  const missing: string[] = [];
  for (const a of attendees) {
    const member = await findScopedMember(trx, scope, eventId, a.memberId, true);
    const action = await openAction(trx, member.id, { serviceCode: input.serviceCode, mode: "group" });
    if (!action) missing.push(`${member.last_name} ${member.first_name}`);
    else members.push([member, action, a]);
  }
  if (missing.length)
    throw new DomainError(
      `Senza un'azione ${input.serviceCode} di gruppo aperta nel piano firmato: ${missing.join(", ")}. Aggiorna il loro piano o toglili dall'elenco.`,
      "attendees",
      "conflict",
    );
  const group = await trx
    .insertInto("outplacement_group_sessions")
    .values({
      event_id: event.id,
      held_on: input.heldOn,
      minutes: input.hours,
      service_code: input.serviceCode,
      topic: input.topic,
      location: input.location,
      created_by: actor.userId!,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  let present = 0;
  let conditionality = 0;
  for (const [member, action, a] of members) {
    const written = await writeAttendance(trx, actor, member, action, {
      heldOn: input.heldOn,
      minutes: input.hours,
      attendance: a.attendance,
      absenceReason: a.absenceReason,
      note: "",
      groupSessionId: group.id,
    });
    if (a.attendance === "present") present++;
    if (written.conditionalityId) conditionality++;
  }
  const code = registerCode(input.serviceCode, "group");
  if (code && present > 0)
    await recordOutplacementDelivery(trx, actor, {
      source: { groupSessionId: group.id },
      employerId: event.employer_id,
      standardCode: code,
      deliveredOn: input.heldOn,
      minutes: input.hours,
      modality: LOCATION_TO_MODALITY[input.location],
      output: `Ricollocazione: ${SERVICE_CODE_LABELS[input.serviceCode]}, incontro di gruppo «${input.topic}» (${present} presenti)`,
    });
  await recordAudit(trx, actor, {
    action: "outplacement.group_session_logged",
    entityType: "outplacement_group_session",
    entityId: group.id,
    employerId: event.employer_id,
    details: { event: eventId, service: input.serviceCode, minutes: input.hours, attendees: members.length, present, conditionality },
  });
  return { groupSessionId: group.id, present, attendees: members.length, conditionality };
}
