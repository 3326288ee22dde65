/**
 * The actions behind the placement pages: validate with zod through conform, run the command in one
 * transaction, turn a DomainError into the Italian message next to its field. Routes stay thin.
 */
import type { z } from "zod";
import { withTransaction } from "~/db/transaction.server";
import type { Trx } from "~/db/db.server";
import { parseForm } from "~/web/conform";
import { replyDomainError, replyInvalid } from "~/web/conform.server";

export type SubmissionOutcome<T> = { ok: true; value: T } | { ok: false; reply: ReturnType<typeof replyInvalid> };

/**
 * On failure the action returns `reply` (conform's answer: errors by field, the typed values, the status),
 * which the page passes to `useSchemaForm` as `lastResult`.
 */
export async function runSubmission<S extends z.ZodType, T>(
  formData: FormData,
  schema: S,
  fn: (trx: Trx, data: z.output<S>) => Promise<T>,
): Promise<SubmissionOutcome<T>> {
  const submission = parseForm(formData, schema);
  if (submission.status !== "success") return { ok: false, reply: replyInvalid(submission) };
  try {
    return { ok: true, value: await withTransaction((trx) => fn(trx, submission.value)) };
  } catch (e) {
    return { ok: false, reply: replyDomainError(e, submission) };
  }
}
