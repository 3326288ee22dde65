import { withTransaction } from "~/db/transaction.server";
import type { Actor } from "~/domain/audit/commands.server";
import { domainErrorResponse, invalid } from "~/web/action.server";
import { redirectWithFlash } from "~/web/flash.server";
import { parseFormData } from "~/utils/forms";
import { transitionVacancy } from "~/domain/vacancies/commands.server";
import type { VacancyScope } from "~/domain/vacancies/policy.server";
import { TransitionSchema } from "~/domain/vacancies/schema";
import { EVENT_DONE_MESSAGES } from "~/domain/vacancies/states";

/**
 * The lifecycle half of the employer's and the officer's vacancy page actions:
 * parse the event, run the one transition in the action's transaction, then
 * back to the page (`pagePath`) with a notice, or the form error.
 */
export async function respondToVacancyTransition(
  formData: FormData,
  actor: Actor,
  scope: VacancyScope,
  vacancyId: string,
  pagePath: string,
) {
  const form = parseFormData(formData, TransitionSchema);
  if (!form.ok) return invalid(form.errors, form.values);
  try {
    await withTransaction((trx) => transitionVacancy(trx, actor, scope, vacancyId, form.data));
  } catch (e) {
    return domainErrorResponse(e, form.values);
  }
  const message = EVENT_DONE_MESSAGES[form.data.event][scope.kind === "employer" ? "employer" : "officer"];
  return redirectWithFlash(pagePath, { type: "success", message });
}
