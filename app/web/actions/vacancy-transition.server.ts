import { withTransaction } from "~/db/transaction.server";
import type { Actor } from "~/domain/audit/commands.server";
import { parseForm } from "~/web/conform";
import { replyDomainError, replyInvalid } from "~/web/conform.server";
import { redirectWithFlash } from "~/web/flash.server";
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
  const submission = parseForm(formData, TransitionSchema);
  if (submission.status !== "success") return replyInvalid(submission);
  const move = submission.value;
  try {
    await withTransaction((trx) => transitionVacancy(trx, actor, scope, vacancyId, move));
  } catch (e) {
    return replyDomainError(e, submission);
  }
  const message = EVENT_DONE_MESSAGES[move.event][scope.kind === "employer" ? "employer" : "officer"];
  return redirectWithFlash(pagePath, { type: "success", message });
}
