/**
 * Monthly check-ins (checkins.ts): written by an officer or by the provider's operator assigned to the worker, read on
 * the worker's page (audited) and, as the list of workers not yet heard this month, on the officers' deadlines page.
 */
import type { Db, Trx } from "~/db/db.server";
import { recordAudit, type Actor } from "~/domain/audit/index.server";
import { DomainError } from "~/domain/errors";
import { todayInItaly } from "~/utils/dates";
import { eventInScope, type EventScope } from "./access.server";
import { CHECKIN_STATES, checkinDue, monthOf, type CheckinInput } from "./checkins";
import type { MemberState } from "./members";
import { findScopedMember, type MemberScope } from "./plans-scope.server";

export async function recordCheckin(
  trx: Trx,
  actor: Actor,
  scope: MemberScope,
  ref: { eventId: string; memberId: string },
  input: CheckinInput,
  now: Date = new Date(),
) {
  const member = await findScopedMember(trx, scope, ref.eventId, ref.memberId, true);
  const today = todayInItaly(now);
  if (input.contactedOn > today) throw new DomainError("La data del contatto non può essere futura", "contactedOn");
  if (input.nextStepOn && input.nextStepOn < input.contactedOn)
    throw new DomainError("La data del prossimo passo non può precedere il contatto", "nextStepOn");
  if (!CHECKIN_STATES.includes(member.state as MemberState) && member.state !== "suspended")
    throw new DomainError("Il lavoratore non è in percorso: il contatto mensile non si registra", "_form", "conflict");
  const row = await trx
    .insertInto("outplacement_checkins")
    .values({
      member_id: member.id,
      contacted_on: input.contactedOn,
      channel: input.channel,
      outcome: input.outcome,
      summary: input.summary,
      applications_sent: input.applicationsSent,
      interviews: input.interviews,
      next_step: input.nextStep,
      next_step_on: input.nextStepOn,
      created_by: actor.userId!,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await recordAudit(trx, actor, {
    action: "outplacement.checkin_recorded",
    entityType: "outplacement_member",
    entityId: member.id,
    employerId: member.employer_id,
    details: { checkin: row.id, contactedOn: input.contactedOn, channel: input.channel, outcome: input.outcome },
  });
  return row.id;
}

/** The worker's check-ins, newest first, with the month's status; the look is audited (individual data). */
export async function memberCheckinsPage(db: Db, actor: Actor, scope: MemberScope, eventId: string, memberId: string, today: string) {
  const member = await findScopedMember(db, scope, eventId, memberId);
  const checkins = await db
    .selectFrom("outplacement_checkins as c")
    .innerJoin("users as u", "u.id", "c.created_by")
    .select([
      "c.id",
      "c.contacted_on",
      "c.channel",
      "c.outcome",
      "c.summary",
      "c.applications_sent",
      "c.interviews",
      "c.next_step",
      "c.next_step_on",
      "u.full_name as recorded_by",
    ])
    .where("c.member_id", "=", memberId)
    .orderBy("c.contacted_on", "desc")
    .orderBy("c.created_at", "desc")
    .execute();
  await recordAudit(db, actor, {
    action: "outplacement.checkins_viewed",
    entityType: "outplacement_member",
    entityId: memberId,
    employerId: member.employer_id,
    details: { event: eventId },
  });
  return {
    member,
    checkins,
    due: checkinDue({ state: member.state as MemberState, lastCheckinOn: checkins[0]?.contacted_on ?? null }, today),
  };
}

/**
 * Workers in the path with no check-in in the month of `today`, over the events of the officer's scope (optionally
 * one event): who to call before the month ends. Names are shown: officers only; the list is audited (`actor` null: the
 * caller shows only how many, nothing is audited).
 */
export async function listMissingCheckins(db: Db, actor: Actor | null, scope: EventScope, today: string, eventId?: string) {
  const monthStart = `${monthOf(today)}-01`;
  let query = db
    .selectFrom("outplacement_members as m")
    .innerJoin("outplacement_events", "outplacement_events.id", "m.event_id")
    .leftJoin("users as p", "p.id", "m.assigned_provider_user_id")
    .select((eb) => [
      "m.id",
      "m.event_id",
      "m.first_name",
      "m.last_name",
      "m.state",
      "outplacement_events.title as event_title",
      "p.full_name as provider_name",
      eb
        .selectFrom("outplacement_checkins as c")
        .select((e) => e.fn.max("c.contacted_on").as("last"))
        .whereRef("c.member_id", "=", "m.id")
        .as("last_checkin_on"),
    ])
    .where(eventInScope(scope))
    .where("m.state", "in", [...CHECKIN_STATES])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("outplacement_checkins as c")
            .select("c.id")
            .whereRef("c.member_id", "=", "m.id")
            .where("c.contacted_on", ">=", monthStart)
            .where("c.contacted_on", "<=", today),
        ),
      ),
    )
    .orderBy("outplacement_events.title")
    .orderBy("m.last_name")
    .orderBy("m.first_name")
    .limit(1000);
  if (eventId) query = query.where("m.event_id", "=", eventId);
  const rows = await query.execute();
  if (actor && rows.length)
    await recordAudit(db, actor, {
      action: "outplacement.checkins_missing_listed",
      entityType: "outplacement_event",
      entityId: eventId ?? null,
      employerId: null,
      details: { month: monthOf(today), members: rows.map((r) => r.id) },
    });
  return rows;
}
