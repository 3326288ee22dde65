import { roleHas } from "~/domain/identity/roles";
import { forbidden, requireUser } from "~/utils/session.server";
import type { ServiceQueue } from "~/db/tables/vacancies";
import type { SessionUser } from "~/domain/identity/queries.server";

/** Which request queues an officer works on: preselection officers the 4B/4C/R/4E queue, placement officers the L. 68/99 one. */
export function queuesOf(user: SessionUser): ServiceQueue[] {
  if (user.role === "preselection_officer") return ["preselection"];
  if (user.role === "placement_officer") return ["placement"];
  return [];
}

/** The register of deliveries: officers (who record) and administrators (who report) may read and export it. */
export async function requireRegisterReader(request: Request) {
  const user = await requireUser(request);
  if (!roleHas(user.role, "services:deliver") && user.role !== "admin") throw forbidden();
  return user;
}
