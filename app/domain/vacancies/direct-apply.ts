import type { PublicationMode, VacancyStatus } from "~/db/tables/vacancies";
import { todayInItaly } from "~/utils/dates";
import { LIVE_STATUSES } from "./states";

/**
 * The one answer to «can a person apply to this vacancy on Rosa itself?»
 * (client-safe). The application action, the public page, the JSON-LD
 * (`directApply`) and the JSON feed all ask here, so they never disagree: a
 * visitor can register as a candidate and apply on the vacancy's page while it
 * is public, live and its closing day has not passed (in Italian time).
 */
export function acceptsDirectApplications(
  v: { status: VacancyStatus; publicationMode: PublicationMode; closingDate: string },
  now: Date = new Date(),
): boolean {
  return v.publicationMode !== "internal" && LIVE_STATUSES.includes(v.status) && v.closingDate >= todayInItaly(now);
}
