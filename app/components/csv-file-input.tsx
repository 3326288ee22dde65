/**
 * The file field and the submit button of a CSV (or Excel) import form (candidates, outplacement cohorts): one field named
 * `file` with the id the error summary links to («f-file»), the server's message under it, and a button that says
 * the upload is under way while the form submits.
 */
export function CsvFileInput({
  label,
  error,
  submitting,
  busyLabel,
  accept = ".csv,text/csv",
}: {
  label: string;
  /** The file types offered (the cohort import takes Excel too). */
  accept?: string;
  error?: string;
  submitting: boolean;
  /** What the button says while the form submits. */
  busyLabel: string;
}) {
  return (
    <>
      <div className="form-group">
        <label htmlFor="f-file">{label}</label>
        <input
          id="f-file"
          name="file"
          type="file"
          accept={accept}
          className={`form-control${error ? " is-invalid" : ""}`}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "f-file-error" : undefined}
        />
        {error ? (
          <div id="f-file-error" className="invalid-feedback d-block">
            {error}
          </div>
        ) : null}
      </div>
      <button type="submit" className="btn btn-primary" disabled={submitting}>
        {submitting ? busyLabel : "Verifica e importa"}
      </button>
    </>
  );
}
