import type { Submission } from "@conform-to/react";
import { data } from "@remix-run/node";
import { z } from "zod";
import { DomainError, FieldsError } from "~/domain/errors";
import { statusOf } from "./errors.server";
import { parseForm } from "./conform";
import { conformName, type FormResult } from "./form-metadata";

export type SubmissionReply = { result: FormResult };

type AnySubmission = Submission<unknown, string[], unknown>;

/** What the person typed goes back to re-fill the form, except passwords. */
const hiddenFields = (submission: AnySubmission) => Object.keys(submission.payload).filter((name) => /password/i.test(name));

/**
 * The action's answer to a submission that is not accepted: conform's reply (errors by field,
 * values to re-fill the form), with the HTTP status.
 */
export function replyInvalid(
  submission: AnySubmission,
  options: { status?: number; formError?: string; fieldErrors?: Record<string, string> } = {},
) {
  const { _form: formError = options.formError, ...byField } = options.fieldErrors ?? {};
  const fieldErrors = Object.fromEntries(Object.entries(byField).map(([name, message]) => [conformName(name), [message]]));
  const result = submission.reply({
    hideFields: hiddenFields(submission),
    formErrors: formError ? [formError] : undefined,
    fieldErrors: Object.keys(fieldErrors).length ? fieldErrors : undefined,
  });
  // A list intent («Aggiungi un requisito» before the page's JavaScript has loaded) is not an error.
  const isIntent = submission.status === undefined && !formError && !Object.keys(fieldErrors).length;
  return data<SubmissionReply>({ result }, { status: options.status ?? (isIntent ? 200 : 400) });
}

/** Maps a DomainError to the form's reply (by its field, or for the whole form); anything else is a bug and propagates to the 500 page. */
export function replyDomainError(e: unknown, submission: AnySubmission) {
  if (e instanceof FieldsError) return replyInvalid(submission, { status: statusOf(e), fieldErrors: e.fields });
  if (e instanceof DomainError) {
    return e.field === "_form"
      ? replyInvalid(submission, { status: statusOf(e), formError: e.message })
      : replyInvalid(submission, { status: statusOf(e), fieldErrors: { [e.field]: e.message } });
  }
  throw e;
}

const NO_FIELDS = z.object({});

/** A submission with no fields, for an answer decided before (or without) reading the form: an upload, a button alone. */
export const emptySubmission = () => parseForm(new FormData(), NO_FIELDS);

/**
 * A refusal for the whole form decided before its fields are read (a used link, a closed vacancy):
 * the message and the status, with no field errors and nothing to re-fill.
 */
export function replyFormError(formError: string, status: number) {
  return replyInvalid(emptySubmission(), { formError, status });
}

/** For the public pages, whose script must not carry zod: parsing and constraints reached through a .server module. */
export { constraintsOf, parseForm } from "./conform";
