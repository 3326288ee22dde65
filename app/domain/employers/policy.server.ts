import type { SessionUser } from "~/domain/identity/queries.server";
import { forbidden } from "~/utils/session.server";

/** Only the legal representative may invite colleagues or a delegate and correct the company data. */
export function requireLegalRepresentative(user: SessionUser): asserts user is SessionUser & { employerId: string } {
  if (user.role !== "employer" || user.employerRole !== "legal_rep" || !user.employerId) throw forbidden();
}

/** Officers and employers can post vacancies only for a validated company (used by the vacancy issue). */
export function canPostVacancies(status: string): boolean {
  return status === "validated";
}
