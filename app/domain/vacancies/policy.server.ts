import { z } from "zod";
import type { SessionUser } from "~/domain/identity/queries.server";
import { roleHas } from "~/domain/identity/roles";
import { forbidden, notFound, requirePermission } from "~/utils/session.server";
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

/** An employer user with the vacancy permission, and the scope of its company's vacancies. */
export async function requireVacancyEmployer(request: Request) {
  const user = await requirePermission(request, "vacancies:own");
  if (!user.employerId) throw forbidden();
  return { user, employerId: user.employerId, scope: { kind: "employer", employerId: user.employerId } as VacancyScope };
}

/** A CPI officer who reviews vacancies; officers see every vacancy. */
export async function requireVacancyOfficer(request: Request) {
  const user = await requirePermission(request, "vacancies:review");
  return { user, scope: { kind: "officer" } as VacancyScope };
}

const ParamsSchema = z.object({ vacancyId: z.uuid() });

/** The vacancy id of a route, or a 404 for anything that is not a uuid. */
export function vacancyIdFrom(params: unknown): string {
  const parsed = ParamsSchema.safeParse(params);
  if (!parsed.success) throw notFound("Offerta non trovata");
  return parsed.data.vacancyId;
}
