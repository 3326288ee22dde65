import { data } from "@remix-run/node";
import { DomainError, FieldsError } from "~/domain/errors";
import type { FieldErrors, FormValues } from "~/utils/forms";
import { statusOf } from "./errors.server";

export type ActionErrors = { errors: FieldErrors; values: FormValues };

/** A 400 (or the given status) that re-renders the form with the messages and what the user typed. */
export function invalid(errors: FieldErrors, values: FormValues, status = 400) {
  return data<ActionErrors>({ errors, values }, { status });
}

/** Maps a DomainError to a form error; anything else is a bug and propagates to the 500 page. */
export function domainErrorResponse(e: unknown, values: FormValues) {
  if (e instanceof FieldsError) return invalid(e.fields, values, statusOf(e));
  if (e instanceof DomainError) return invalid({ [e.field]: e.message }, values, statusOf(e));
  throw e;
}

export { publicBaseUrl } from "~/utils/public-url.server";

export const isMultipart = (request: Request) => (request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data");
