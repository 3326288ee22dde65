import type { Db, Trx } from "~/db/db.server";
import { DomainError } from "~/domain/errors";

/**
 * Who works on a member's intake, plan and sessions: a CPI officer (every member), or an accredited provider's
 * operator (only the members assigned to them; any other member is «not found», never «forbidden», so that an id
 * says nothing about who exists).
 */
export type MemberScope = { kind: "officer" } | { kind: "provider"; userId: string };

/** The member with what the plan needs (event, dismissing employer, benefits), scoped; locked when `lock`. */
export async function findScopedMember(db: Db | Trx, scope: MemberScope, eventId: string, memberId: string, lock = false) {
  let query = db
    .selectFrom("outplacement_members as m")
    .innerJoin("outplacement_events as e", "e.id", "m.event_id")
    .innerJoin("employers as em", "em.id", "e.employer_id")
    .select([
      "m.id",
      "m.event_id",
      "m.first_name",
      "m.last_name",
      "m.codice_fiscale",
      "m.qualification",
      "m.cp2021_code",
      "m.site",
      "m.situation",
      "m.naspi",
      "m.cigs_from",
      "m.state",
      "m.assigned_provider_user_id",
      "m.case_manager_user_id",
      "e.employer_id",
      "e.title as event_title",
      "em.legal_name as employer_name",
    ])
    .where("m.id", "=", memberId)
    .where("m.event_id", "=", eventId);
  if (scope.kind === "provider") query = query.where("m.assigned_provider_user_id", "=", scope.userId);
  const member = await (lock ? query.forUpdate("m") : query).executeTakeFirst();
  if (!member) throw new DomainError("Lavoratore non trovato", "_form", "not_found");
  return member;
}

export type ScopedMember = Awaited<ReturnType<typeof findScopedMember>>;

/** The event, if this scope may work on it (a provider: only an event with at least one member assigned to them). */
export async function findScopedEvent(db: Db | Trx, scope: MemberScope, eventId: string) {
  let query = db
    .selectFrom("outplacement_events as e")
    .innerJoin("employers as em", "em.id", "e.employer_id")
    .select(["e.id", "e.title", "e.employer_id", "e.state", "em.legal_name as employer_name"])
    .where("e.id", "=", eventId);
  if (scope.kind === "provider")
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("outplacement_members as m")
          .select("m.id")
          .whereRef("m.event_id", "=", "e.id")
          .where("m.assigned_provider_user_id", "=", scope.userId),
      ),
    );
  const event = await query.executeTakeFirst();
  if (!event) throw new DomainError("Evento non trovato", "_form", "not_found");
  return event;
}

/** The benefit that makes an unjustified absence a conditionality event: NASpI first, then CIGS; none otherwise. */
export function benefitOf(member: { naspi: boolean | null; situation: string; cigs_from: string | null }): "naspi" | "cigs" | null {
  if (member.naspi) return "naspi";
  if (member.situation === "cigs_zero_hours" || member.situation === "cigs_partial" || member.cigs_from) return "cigs";
  return null;
}
