import type { EmployerStatus } from "~/db/types";

export const EMPLOYER_STATUS_LABELS: Record<EmployerStatus, string> = {
  pending: "In attesa di convalida",
  validated: "Convalidata",
  rejected: "Respinta",
};

/** revalidate: a validated company changed codice fiscale or ragione sociale, so an officer checks it again. */
export type EmployerEvent = "validate" | "reject" | "resubmit" | "revalidate";

/** The only allowed moves; anything else is refused with a message. */
export const EMPLOYER_TRANSITIONS: Record<EmployerStatus, Partial<Record<EmployerEvent, EmployerStatus>>> = {
  pending: { validate: "validated", reject: "rejected" },
  rejected: { resubmit: "pending" },
  validated: { revalidate: "pending" },
};

export function nextEmployerStatus(from: EmployerStatus, event: EmployerEvent): EmployerStatus | null {
  return EMPLOYER_TRANSITIONS[from][event] ?? null;
}

/** The company data whose change needs a new validation (the others — address, phone, ATECO… — don't). */
export const REVALIDATION_FIELD_LABELS = { legalName: "ragione sociale", taxCode: "codice fiscale" } as const;
