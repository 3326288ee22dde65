/**
 * Request guards of the outplacement pages (docs/decisions/outplacement.md): the user, their scope over the events and,
 * for an event's pages, the event in that scope (404 outside it, so an employer never learns another company's events).
 */
import { z } from "zod";
import { getDb } from "~/db/db.server";
import { eventScopeOf, getEvent, type EventScope } from "~/domain/outplacement/index.server";
import type { SessionUser } from "~/domain/identity/index.server";
import { forbidden, notFound, requirePermission, requireUser } from "./session.server";

/** An officer (preselection or targeted placement) on the outplacement pages. */
export async function requireOutplacementOfficer(
  request: Request,
): Promise<{ user: SessionUser; scope: EventScope & { kind: "officer" } }> {
  const user = await requirePermission(request, "outplacement:manage");
  return { user, scope: { kind: "officer", userId: user.id, province: user.officeProvince } };
}

/** The dismissing employer's users on their own company's events (aggregates only). */
export async function requireOutplacementEmployer(
  request: Request,
): Promise<{ user: SessionUser & { employerId: string }; scope: EventScope & { kind: "employer" } }> {
  const user = await requirePermission(request, "outplacement:own");
  if (!user.employerId) throw forbidden();
  return { user: user as SessionUser & { employerId: string }, scope: { kind: "employer", employerId: user.employerId } };
}

/** The :eventId route param; anything that is not a uuid is an event that does not exist. */
export function eventIdFrom(params: unknown): string {
  const parsed = z.object({ eventId: z.uuid() }).safeParse(params);
  if (!parsed.success) throw notFound("Evento non trovato");
  return parsed.data.eventId;
}

/** Any outplacement role on one event of their scope: the user, the scope and the event (404 outside the scope). */
export async function requireEvent(request: Request, params: unknown, kinds: EventScope["kind"][]) {
  const user = await requireUser(request);
  const scope = eventScopeOf(user);
  if (!scope || !kinds.includes(scope.kind)) throw forbidden();
  const eventId = eventIdFrom(params);
  const event = await getEvent(getDb(), scope, eventId);
  if (!event) throw notFound("Evento non trovato");
  return { user, scope, event };
}
