/**
 * Request guards of the internship pages (docs/decisions/tirocini.md#chi-vede-cosa): officers (the promoter) see every
 * internship; an employer's users only their company's (another company's is a 404); the trainee only their own.
 */
import { z } from "zod";
import { getDb } from "~/db/db.server";
import type { InternshipActor } from "~/domain/internships/index.server";
import type { SessionUser } from "~/domain/identity/index.server";
import { requireOwnCandidateId } from "./guards.server";
import { clientIp, forbidden, notFound, requirePermission } from "./session.server";

/** A CPI officer (preselection or targeted placement): the promoter of the internships. */
export async function requireInternshipOfficer(request: Request, context: unknown) {
  const user = await requirePermission(request, "services:deliver");
  const actor = { kind: "officer" as const, userId: user.id, ip: clientIp(context) } satisfies InternshipActor;
  return { user, actor };
}

/** An employer's user (legal representative, colleague or delegated consultant) on its company's internships. */
export async function requireInternshipEmployer(request: Request, context: unknown) {
  const user = await requirePermission(request, "vacancies:own");
  if (!user.employerId) throw forbidden();
  const actor = {
    kind: "employer" as const,
    userId: user.id,
    employerId: user.employerId,
    ip: clientIp(context),
  } satisfies InternshipActor;
  return { user: user as SessionUser & { employerId: string }, employerId: user.employerId, actor };
}

/** The trainee (a candidate account linked to its CV) on their own internships. */
export async function requireInternshipTrainee(request: Request, context: unknown) {
  const user = await requirePermission(request, "candidate:self");
  const candidateId = await requireOwnCandidateId(getDb(), user);
  const actor = { kind: "candidate" as const, userId: user.id, candidateId, ip: clientIp(context) } satisfies InternshipActor;
  return { user, candidateId, actor };
}

/** The :internshipId route param; anything that is not a uuid is an internship that does not exist. */
export function internshipIdFrom(params: unknown): string {
  const parsed = z.object({ internshipId: z.uuid() }).safeParse(params);
  if (!parsed.success) throw notFound("Tirocinio non trovato");
  return parsed.data.internshipId;
}
