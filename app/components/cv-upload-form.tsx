import { Form } from "@remix-run/react";
import type { FieldErrors } from "~/utils/forms";
import { TextField } from "./forms";

/** Upload of a PDF CV, used by the candidate and by the officer (same checks on the server). */
export function CvUploadForm({ maxUpload, errors }: { maxUpload: string; errors?: FieldErrors }) {
  return (
    <Form method="post" encType="multipart/form-data">
      <TextField type="file" name="cv" label={`File PDF (al massimo ${maxUpload})`} accept="application/pdf,.pdf" errors={errors} />
      <button type="submit" className="btn btn-outline-primary">
        Carica il PDF
      </button>
    </Form>
  );
}
