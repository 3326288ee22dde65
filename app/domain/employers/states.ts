import type { EmployerStatus } from "~/db/types";
import { transitionTable } from "~/domain/workflow/index";

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

/** Any officer reviews, the company's users correct: the table names no actor. */
const TABLE = transitionTable<EmployerStatus, EmployerEvent, null, EmployerStatus>(EMPLOYER_TRANSITIONS, {
  to: (status) => status,
  allows: () => true,
});

export function nextEmployerStatus(from: EmployerStatus, event: EmployerEvent): EmployerStatus | null {
  return TABLE.next(from, event, null);
}

/** The company data whose change needs a new validation (the others — address, phone, ATECO… — don't). */
export const REVALIDATION_FIELD_LABELS = { legalName: "ragione sociale", taxCode: "codice fiscale" } as const;
