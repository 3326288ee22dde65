import { withTransaction } from "~/db/transaction.server";
import { todayInItaly } from "~/utils/dates";
import { completeDueInternships, evaluateOutcomes } from "./commands.server";

/**
 * The periodic internship job: internships past their end date are concluded, and the outcomes at 6 and 12 months are
 * checked against Rosa's hires (a hire through Rosa closes the outcome at the next run). Idempotent.
 */
export async function runInternshipJob(today = todayInItaly()) {
  const completed = await withTransaction((trx) => completeDueInternships(trx, today));
  const outcomes = await withTransaction((trx) => evaluateOutcomes(trx, today));
  return { completed, outcomes };
}
