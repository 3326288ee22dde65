/**
 * Guards of the cohort pages (outplacement): the officer running events, and the accredited provider's operator who
 * sees only the workers assigned to them. A route param that is not a uuid is a row that does not exist (404).
 */
import { z } from "zod";
import { forbidden, notFound, requirePermission, requireUser } from "./session.server";
import { roleHas } from "~/domain/identity/roles";

function uuidParam(params: unknown, name: string, message: string): string {
  const parsed = z.object({ [name]: z.uuid() }).safeParse(params);
  if (!parsed.success) throw notFound(message);
  return parsed.data[name] as string;
}

/** An officer on an event's cohort: employers, union representatives, providers and administrators get 403. */
export async function requireCohortOfficer(request: Request, params: unknown) {
  const user = await requirePermission(request, "outplacement:manage");
  return { user, eventId: uuidParam(params, "eventId", "Evento di ricollocazione non trovato") };
}

export function memberIdFrom(params: unknown): string {
  return uuidParam(params, "memberId", "Lavoratore non trovato");
}

/** The accredited provider's operator: every other role gets 403. */
export async function requireProviderOperator(request: Request) {
  const user = await requireUser(request);
  if (!roleHas(user.role, "outplacement:deliver")) throw forbidden();
  return user;
}
