import { z } from "zod";
import type { ShortlistActorKind } from "~/db/tables/shortlists";
import type { SessionUser } from "~/domain/identity/queries.server";
import { roleHas } from "~/domain/identity/roles";
import { forbidden, notFound, requirePermission } from "~/utils/session.server";

/**
 * Who acts on shortlists and over which rows. Officers (matching:run) see
 * every shortlist; an employer user only its own company's, and only once
 * presented; a candidate only their own availability requests. Queries take
 * the scope, so a forgotten check still finds nothing (404).
 */
export type ShortlistScope =
  | { kind: "officer"; userId: string }
  | { kind: "employer"; employerId: string; userId: string }
  | { kind: "candidate"; userId: string }
  /** Whoever holds a genuine availability link: the candidate, for that one row only (docs/decisions/0010-signed-availability-links.md). */
  | { kind: "link"; candidateId: string }
  | { kind: "system" };

export function actorKind(scope: ShortlistScope): ShortlistActorKind {
  return scope.kind === "link" ? "candidate" : scope.kind;
}

export async function requireMatchingOfficer(request: Request) {
  const user = await requirePermission(request, "matching:run");
  return { user, scope: { kind: "officer", userId: user.id } as ShortlistScope };
}

export async function requireShortlistEmployer(request: Request) {
  const user = await requirePermission(request, "vacancies:own");
  if (!user.employerId) throw forbidden();
  return { user, employerId: user.employerId, scope: { kind: "employer", employerId: user.employerId, userId: user.id } as ShortlistScope };
}

export async function requireCandidateUser(request: Request) {
  const user = await requirePermission(request, "candidate:self");
  return { user, scope: { kind: "candidate", userId: user.id } as ShortlistScope };
}

/** L. 68/99 enrolment is sensitive: matching a reserved vacancy is for placement officers. */
export function mayMatchReserved(user: SessionUser): boolean {
  return roleHas(user.role, "l68:manage");
}

const Ids = z.object({ shortlistId: z.uuid() });
export function shortlistIdFrom(params: unknown): string {
  const parsed = Ids.safeParse(params);
  if (!parsed.success) throw notFound("Rosa non trovata");
  return parsed.data.shortlistId;
}
