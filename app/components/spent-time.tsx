import { SelectField, TextAreaField, TextField } from "~/components/forms";
import { formatMinutes } from "~/domain/services/durations";
import { MODALITY_LABELS } from "~/domain/services/schema";
import type { Field } from "~/web/form-metadata";
import type { FieldErrors, FormValues } from "~/utils/forms";

/**
 * The officer's actual time and modality for the register row an action writes (4B, 4C): prefilled from the
 * standard (or from the row already recorded), editable; outside the standard's range a justification is needed.
 */
export function SpentTimeFields(props: {
  code: string;
  prefill: { minutes: number; modality: string; justification?: string | null };
  range: { min_minutes: number | null; max_minutes: number | null } | null;
  errors?: FieldErrors;
  values?: FormValues;
  /** conform's metadata, when the form uses conform (the prefill is then the fields' default). */
  fields?: { minutes: Field; modality: Field; justification: Field };
}) {
  const values = {
    minutes: String(props.prefill.minutes),
    modality: props.prefill.modality,
    justification: props.prefill.justification ?? "",
    ...(props.values ?? {}),
  };
  const range =
    props.range?.min_minutes != null && props.range.max_minutes != null
      ? `standard ${formatMinutes(props.range.min_minutes)}–${formatMinutes(props.range.max_minutes)}`
      : null;
  const f = props.fields;
  const common = f ? {} : { errors: props.errors, values };
  const own = (name: "minutes" | "modality" | "justification") => (f ? { field: f[name], defaultValue: values[name] } : { name });
  return (
    <fieldset className="mb-3">
      <legend className="h6">Registro dei servizi ({props.code}): tempo dedicato e modalità</legend>
      <div className="row">
        <div className="col-md-4">
          <TextField
            {...own("minutes")}
            label="Durata (minuti)"
            inputMode="numeric"
            required
            hint={range ? `Proposta dallo ${range}` : undefined}
            {...common}
          />
        </div>
        <div className="col-md-4">
          <SelectField {...own("modality")} label="Modalità" options={MODALITY_LABELS} required {...common} />
        </div>
        <div className="col-md-4">
          <TextAreaField {...own("justification")} label="Giustificazione (se fuori standard)" rows={1} {...common} />
        </div>
      </div>
    </fieldset>
  );
}
