/**
 * The actions behind the placement pages: validate with zod, run the command in one transaction,
 * turn a DomainError into the Italian message next to its field. Routes stay thin.
 */
import type { z } from "zod";
import { withTransaction } from "~/db/transaction.server";
import type { Trx } from "~/db/db.server";
import { DomainError } from "~/domain/errors";
import { type DomainErrorStatus, statusOf } from "~/web/errors.server";
import { type FieldErrors, type FormValues, formValues, parseFormData } from "~/utils/forms";
import { parseForm } from "~/web/conform";
import { replyDomainError, replyInvalid } from "~/web/conform.server";

export type PlacementResult<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors; values: FormValues; status: DomainErrorStatus };

export async function runForm<S extends z.ZodType, T>(
  formData: FormData,
  schema: S,
  fn: (trx: Trx, data: z.output<S>) => Promise<T>,
): Promise<PlacementResult<T>> {
  const form = parseFormData(formData, schema);
  if (!form.ok) return { ok: false, errors: form.errors, values: form.values, status: 400 };
  try {
    return { ok: true, value: await withTransaction((trx) => fn(trx, form.data)) };
  } catch (e) {
    if (e instanceof DomainError) return { ok: false, errors: { [e.field]: e.message }, values: formValues(formData), status: statusOf(e) };
    throw e;
  }
}

/**
 * The same through conform: on failure the action returns `reply` (conform's answer, errors by field,
 * the typed values, the status), which the page passes to `useSchemaForm` as `lastResult`.
 */
export async function runSubmission<S extends z.ZodObject, T>(
  formData: FormData,
  schema: S,
  fn: (trx: Trx, data: z.output<S>) => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; reply: ReturnType<typeof replyInvalid> }> {
  const submission = parseForm(formData, schema);
  if (submission.status !== "success") return { ok: false, reply: replyInvalid(submission) };
  try {
    return { ok: true, value: await withTransaction((trx) => fn(trx, submission.value)) };
  } catch (e) {
    return { ok: false, reply: replyDomainError(e, submission) };
  }
}
