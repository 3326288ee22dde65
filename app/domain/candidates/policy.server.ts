import { redirect } from "@remix-run/node";
import { z } from "zod";
import type { Db } from "~/db/db.server";
import type { SessionUser } from "~/domain/identity/queries.server";
import { roleHas } from "~/domain/identity/roles";
import { getEnv } from "~/utils/env.server";
import { notFound } from "~/utils/session.server";
import { candidateIdForUser } from "./queries.server";

/** Disability details and the L. 68/99 enrolment: placement officers only (art. 9 GDPR data). */
export function canReadHealth(user: SessionUser): boolean {
  return roleHas(user.role, "candidates:health");
}

/**
 * The CV of the logged-in candidate. An account not (yet) linked to a CV (a self-registered
 * candidate) is sent to write its first CV, or to read that the CPI is linking the existing one.
 */
export async function requireOwnCandidateId(db: Db, user: SessionUser): Promise<string> {
  const id = await candidateIdForUser(db, user.id);
  if (!id) throw redirect("/candidato/nuovo");
  return id;
}

export function cvSettings() {
  const env = getEnv();
  return { obsoleteMonths: env.CV_OBSOLETE_MONTHS, maxUploadBytes: Math.round(env.CV_MAX_UPLOAD_MB * 1_048_576) };
}

const ParamsSchema = z.object({ candidateId: z.uuid() });

/** The :candidateId route param; anything that is not a uuid is simply a candidate that does not exist. */
export function candidateIdFrom(params: unknown): string {
  const parsed = ParamsSchema.safeParse(params);
  if (!parsed.success) throw notFound("Candidato non trovato");
  return parsed.data.candidateId;
}
