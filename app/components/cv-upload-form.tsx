import { getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { FieldErrors } from "~/utils/forms";
import { useServerForm, type FormResult } from "~/web/form-metadata";
import { ErrorSummary, TextField } from "./forms";

type Props = { maxUpload: string } & ({ lastResult: FormResult | null | undefined } | { errors?: FieldErrors; lastResult?: undefined });

/**
 * Upload of a PDF CV, used by the candidate and by the officer (same checks on the server). With `lastResult`
 * it is a conform form whose file field shows the server's message (the checks need the whole file:
 * nothing to validate in the browser); with `errors` it takes the error map of an action not yet on conform.
 */
export function CvUploadForm(props: Props) {
  if ("errors" in props || !("lastResult" in props)) return <LegacyCvUploadForm maxUpload={props.maxUpload} errors={props.errors} />;
  return <ConformCvUploadForm maxUpload={props.maxUpload} lastResult={props.lastResult} />;
}

function ConformCvUploadForm({ maxUpload, lastResult }: { maxUpload: string; lastResult: FormResult | null | undefined }) {
  const [form, fields] = useServerForm<{ cv: File }>({ id: "cv-upload", lastResult, constraint: {} });
  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
      <ErrorSummary form={form} />
      <TextField field={fields.cv} type="file" label={`File PDF (al massimo ${maxUpload})`} accept="application/pdf,.pdf" />
      <button type="submit" className="btn btn-outline-primary">
        Carica il PDF
      </button>
    </Form>
  );
}

function LegacyCvUploadForm({ maxUpload, errors }: { maxUpload: string; errors?: FieldErrors }) {
  return (
    <Form method="post" encType="multipart/form-data">
      <TextField type="file" name="cv" label={`File PDF (al massimo ${maxUpload})`} accept="application/pdf,.pdf" errors={errors} />
      <button type="submit" className="btn btn-outline-primary">
        Carica il PDF
      </button>
    </Form>
  );
}
