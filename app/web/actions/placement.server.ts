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
