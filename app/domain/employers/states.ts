import type { EmployerStatus } from "~/db/types";

export const EMPLOYER_STATUS_LABELS: Record<EmployerStatus, string> = {
  pending: "In attesa di convalida",
  validated: "Convalidata",
  rejected: "Respinta",
};

export type EmployerEvent = "validate" | "reject" | "resubmit";

/** The only allowed moves; anything else is refused with a message. */
export const EMPLOYER_TRANSITIONS: Record<EmployerStatus, Partial<Record<EmployerEvent, EmployerStatus>>> = {
  pending: { validate: "validated", reject: "rejected" },
  rejected: { resubmit: "pending" },
  validated: {},
};

export function nextEmployerStatus(from: EmployerStatus, event: EmployerEvent): EmployerStatus | null {
  return EMPLOYER_TRANSITIONS[from][event] ?? null;
}
