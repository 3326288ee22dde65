import type { ServiceQueue } from "~/db/tables/vacancies";
import type { SessionUser } from "~/domain/identity/index.server";

/** Which request queues an officer works on: preselection officers the 4B/4C/R/4E queue, placement officers the L. 68/99 one. */
export function queuesOf(user: SessionUser): ServiceQueue[] {
  if (user.role === "preselection_officer") return ["preselection"];
  if (user.role === "placement_officer") return ["placement"];
  return [];
}
