import type { SessionUser } from "~/domain/identity/index.server";
import { roleHas } from "~/domain/identity";
import type { VacancyActorKind } from "./states";

/**
 * Who is acting on vacancies and over which rows: an employer user only over
 * its own company's vacancies, an officer over all of them. Every query and
 * command takes a scope, so a missed check still finds nothing (404).
 */
export type VacancyScope = { kind: "employer"; employerId: string } | { kind: "officer" } | { kind: "system" };

export function scopeOf(user: SessionUser): VacancyScope | null {
  if (roleHas(user.role, "vacancies:own") && user.employerId) return { kind: "employer", employerId: user.employerId };
  if (roleHas(user.role, "vacancies:review")) return { kind: "officer" };
  return null;
}

export function actorKindOf(scope: VacancyScope): VacancyActorKind {
  return scope.kind;
}
