/**
 * Meetings of the event's steering committee (steering.ts): recorded by an officer of the event, listed on the event
 * page and, read-only, in the union representatives' aggregated area (minutes with no personal data: checked here).
 */
import type { Db, Trx } from "~/db/db.server";
import { recordAudit, type Actor } from "~/domain/audit/index.server";
import { DomainError } from "~/domain/errors";
import { todayInItaly } from "~/utils/dates";
import { eventInScope, type EventScope } from "./access.server";
import { participantsOf, personalDataFound, type SteeringMeetingInput, type SteeringParticipants } from "./steering";

export async function recordSteeringMeeting(
  trx: Trx,
  actor: Actor,
  scope: EventScope,
  eventId: string,
  input: SteeringMeetingInput,
  now: Date = new Date(),
) {
  if (scope.kind !== "officer") throw new DomainError("Solo un operatore registra le riunioni del comitato", "_form", "forbidden");
  const event = await trx
    .selectFrom("outplacement_events")
    .select(["id", "employer_id"])
    .where("id", "=", eventId)
    .where(eventInScope(scope))
    .executeTakeFirst();
  if (!event) throw new DomainError("Evento non trovato", "_form", "not_found");
  if (input.heldOn > todayInItaly(now)) throw new DomainError("La data della riunione non può essere futura", "heldOn");
  const names = await trx
    .selectFrom("outplacement_members")
    .select(["first_name as first", "last_name as last"])
    .where("event_id", "=", eventId)
    .execute();
  for (const field of ["minutes", "decisions"] as const) {
    const found = personalDataFound(input[field], names);
    if (found.length)
      throw new DomainError(
        `Il testo contiene ${found.join(", ")}: i sindacati leggono il verbale, togli i dati personali dei lavoratori`,
        field,
      );
  }
  const row = await trx
    .insertInto("outplacement_steering_meetings")
    .values({
      event_id: eventId,
      held_on: input.heldOn,
      participants: JSON.stringify(participantsOf(input)),
      minutes: input.minutes,
      decisions: input.decisions,
      created_by: actor.userId!,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await recordAudit(trx, actor, {
    action: "outplacement.steering_meeting_recorded",
    entityType: "outplacement_event",
    entityId: eventId,
    employerId: event.employer_id,
    details: { meeting: row.id, heldOn: input.heldOn },
  });
  return row.id;
}

/** The event's meetings, newest first, for a scope that reaches the event (officer, union, employer); none otherwise. */
export async function listSteeringMeetings(db: Db | Trx, scope: EventScope, eventId: string) {
  const rows = await db
    .selectFrom("outplacement_steering_meetings as s")
    .innerJoin("outplacement_events", "outplacement_events.id", "s.event_id")
    .select(["s.id", "s.held_on", "s.participants", "s.minutes", "s.decisions", "s.created_at"])
    .where("s.event_id", "=", eventId)
    .where(eventInScope(scope))
    .orderBy("s.held_on", "desc")
    .orderBy("s.created_at", "desc")
    .execute();
  return rows.map((r) => ({ ...r, participants: (r.participants ?? {}) as SteeringParticipants }));
}
