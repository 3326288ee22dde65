import type { SessionUser } from "~/domain/identity/index.server";
import { roleHas } from "~/domain/identity";
import { getEnv } from "~/utils/env.server";

/** Disability details and the L. 68/99 enrolment: placement officers only (art. 9 GDPR data). */
export function canReadHealth(user: SessionUser): boolean {
  return roleHas(user.role, "candidates:health");
}

export function cvSettings() {
  const env = getEnv();
  return { obsoleteMonths: env.CV_OBSOLETE_MONTHS, maxUploadBytes: Math.round(env.CV_MAX_UPLOAD_MB * 1_048_576) };
}
