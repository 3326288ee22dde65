import type { ServiceRequestStatus } from "~/db/tables/vacancies";
import { DomainError } from "~/domain/errors";

/** What an officer of the request's queue does with a service request. */
export type ServiceRequestEvent = "take" | "done" | "cancel";

/**
 * The only allowed moves of a service request: taken in charge only while open,
 * closed as done or cancelled while open or taken; done and cancelled are final.
 */
export const SERVICE_REQUEST_TRANSITIONS: Record<ServiceRequestStatus, Partial<Record<ServiceRequestEvent, ServiceRequestStatus>>> = {
  open: { take: "taken", done: "done", cancel: "cancelled" },
  taken: { done: "done", cancel: "cancelled" },
  done: {},
  cancelled: {},
};

export const SERVICE_REQUEST_REFUSED = "Operazione non consentita nello stato attuale della richiesta";

export function nextServiceRequestStatus(from: ServiceRequestStatus, event: ServiceRequestEvent): ServiceRequestStatus | null {
  return SERVICE_REQUEST_TRANSITIONS[from][event] ?? null;
}

/** The state after this move, or a conflict with the Italian message when the table does not allow it. */
export function serviceRequestMove(from: ServiceRequestStatus, event: ServiceRequestEvent): ServiceRequestStatus {
  const to = nextServiceRequestStatus(from, event);
  if (!to) throw new DomainError(SERVICE_REQUEST_REFUSED, "_form", "conflict");
  return to;
}
