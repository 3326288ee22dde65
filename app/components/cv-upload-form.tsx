import { Form } from "@remix-run/react";
import type { FieldErrors } from "~/utils/forms";
import type { FormResult } from "~/web/form-metadata";
import { ErrorSummary, TextField } from "./forms";

/**
 * Upload of a PDF CV, used by the candidate and by the officer (same checks on the server). The
 * message comes from conform's reply (`lastResult`) or from the error map of a page not yet moved to conform.
 */
export function CvUploadForm({
  maxUpload,
  errors,
  lastResult,
}: {
  maxUpload: string;
  errors?: FieldErrors;
  lastResult?: FormResult | null;
}) {
  const message = lastResult?.error?.cv?.[0];
  return (
    <Form method="post" encType="multipart/form-data">
      {lastResult ? <ErrorSummary errors={message ? { cv: message } : undefined} /> : null}
      <TextField
        type="file"
        name="cv"
        label={`File PDF (al massimo ${maxUpload})`}
        accept="application/pdf,.pdf"
        errors={lastResult ? (message ? { cv: message } : undefined) : errors}
      />
      <button type="submit" className="btn btn-outline-primary">
        Carica il PDF
      </button>
    </Form>
  );
}
