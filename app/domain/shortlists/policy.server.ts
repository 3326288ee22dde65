import type { ShortlistActorKind } from "~/db/tables/shortlists";
import type { SessionUser } from "~/domain/identity/index.server";
import { roleHas } from "~/domain/identity";

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

/** L. 68/99 enrolment is sensitive: matching a reserved vacancy is for placement officers. */
export function mayMatchReserved(user: SessionUser): boolean {
  return roleHas(user.role, "l68:manage");
}
