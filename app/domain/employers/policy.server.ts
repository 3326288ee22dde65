/** Officers and employers can post vacancies only for a validated company (used by the vacancy issue). */
export function canPostVacancies(status: string): boolean {
  return status === "validated";
}
