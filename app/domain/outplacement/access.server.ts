import { sql, type ExpressionBuilder } from "kysely";
import type { DB } from "~/db/types";
import type { SessionUser } from "~/domain/identity/index.server";
import { roleHas } from "~/domain/identity";

/**
 * Who acts on redundancy events and over which rows (docs/decisions/outplacement.md#evento): an officer over the events
 * of their office's province (or that they coordinate; without a province, all of them); an employer's user over its own
 * company's events (aggregates only); a union representative over the events they are linked to; an accredited
 * provider's operator over the events of the workers assigned to them. Every query takes a scope: a missed check finds
 * nothing (404).
 */
export type EventScope =
  | { kind: "officer"; userId: string; province: string | null }
  | { kind: "employer"; employerId: string }
  | { kind: "union"; userId: string }
  | { kind: "provider"; userId: string }
  | { kind: "system" };

export function eventScopeOf(user: SessionUser): EventScope | null {
  if (roleHas(user.role, "outplacement:manage")) return { kind: "officer", userId: user.id, province: user.officeProvince };
  if (roleHas(user.role, "outplacement:own") && user.employerId) return { kind: "employer", employerId: user.employerId };
  if (roleHas(user.role, "outplacement:aggregates")) return { kind: "union", userId: user.id };
  if (roleHas(user.role, "outplacement:deliver")) return { kind: "provider", userId: user.id };
  return null;
}

/** The where-clause of a scope on outplacement_events. */
export function eventInScope(scope: EventScope) {
  return (eb: ExpressionBuilder<DB, "outplacement_events">) => {
    switch (scope.kind) {
      case "system":
        return eb.val(true);
      case "officer":
        return scope.province
          ? eb.or([
              eb(sql<string>`${scope.province}::text`, "=", eb.fn.any("outplacement_events.provinces")),
              eb("outplacement_events.coordinator_user_id", "=", scope.userId),
            ])
          : eb.val(true);
      case "employer":
        return eb.or([
          eb("outplacement_events.employer_id", "=", scope.employerId),
          eb.exists(
            eb
              .selectFrom("outplacement_event_employers")
              .select(sql`1`.as("one"))
              .whereRef("outplacement_event_employers.event_id", "=", "outplacement_events.id")
              .where("outplacement_event_employers.employer_id", "=", scope.employerId),
          ),
        ]);
      case "union":
        return eb.exists(
          eb
            .selectFrom("outplacement_event_unions")
            .select(sql`1`.as("one"))
            .whereRef("outplacement_event_unions.event_id", "=", "outplacement_events.id")
            .where("outplacement_event_unions.user_id", "=", scope.userId),
        );
      case "provider":
        return eb.exists(
          eb
            .selectFrom("outplacement_members")
            .select(sql`1`.as("one"))
            .whereRef("outplacement_members.event_id", "=", "outplacement_events.id")
            .where("outplacement_members.assigned_provider_user_id", "=", scope.userId),
        );
    }
  };
}
