import { Form } from "@remix-run/react";
import { SelectField, TextField } from "~/components/forms";
import { formatDate } from "~/utils/format";
import type { FieldErrors, FormValues } from "~/utils/forms";

/** The query string of a figures page's period and grouping: the CSV link downloads the same figures. */
export function figuresQuery(f: { per: string; dal?: string | null; al?: string | null }): string {
  return new URLSearchParams({ per: f.per, ...(f.dal ? { dal: f.dal } : {}), ...(f.al ? { al: f.al } : {}) }).toString();
}

/**
 * The filter of a figures page (preselection, internships): grouping and period, sent by GET. Below it, once valid,
 * the period shown in words and the link to the same figures in CSV.
 */
export function FiguresFilter(props: {
  groupings: [string, string][];
  /** The label of the period's first day, saying what the dates count («Rose create dal», «Avviati dal»). */
  fromLabel: string;
  csvPath: string;
  query: string;
  errors: FieldErrors | undefined;
  values: FormValues;
}) {
  const common = { errors: props.errors, values: props.values };
  const { dal, al } = props.values;
  return (
    <>
      <Form method="get" className="row align-items-end mb-3" aria-label="Periodo e raggruppamento">
        <div className="col-12 col-md-3">
          <SelectField name="per" label="Per" options={props.groupings} {...common} />
        </div>
        <div className="col-12 col-md-3">
          <TextField name="dal" label={props.fromLabel} type="date" {...common} />
        </div>
        <div className="col-12 col-md-3">
          <TextField name="al" label="al" type="date" {...common} />
        </div>
        <div className="col-12 col-md-3 mb-4">
          <button type="submit" className="btn btn-primary w-100">
            Mostra
          </button>
        </div>
      </Form>
      {!props.errors ? (
        <p>
          {dal || al ? `Periodo: ${dal ? `dal ${formatDate(dal)}` : ""}${al ? ` al ${formatDate(al)}` : ""}. ` : "Tutto il periodo. "}
          <a href={`${props.csvPath}?${props.query}`}>Scarica in CSV (stesso periodo)</a>
        </p>
      ) : null}
    </>
  );
}
