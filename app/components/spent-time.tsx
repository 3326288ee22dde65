import { SelectField, TextAreaField, TextField } from "~/components/forms";
import { formatMinutes } from "~/domain/services/durations";
import { MODALITY_LABELS } from "~/domain/services/schema";
import type { Field } from "~/web/form-metadata";

/**
 * The officer's actual time and modality for the register row an action writes (4B, 4C): prefilled from the
 * standard (or from the row already recorded), editable; outside the standard's range a justification is needed.
 */
export function SpentTimeFields(props: {
  code: string;
  prefill: { minutes: number; modality: string; justification?: string | null };
  range: { min_minutes: number | null; max_minutes: number | null } | null;
  /** conform's metadata of the form's fields (the prefill is their default). */
  fields: { minutes: Field; modality: Field; justification: Field };
}) {
  const values = {
    minutes: String(props.prefill.minutes),
    modality: props.prefill.modality,
    justification: props.prefill.justification ?? "",
  };
  const range =
    props.range?.min_minutes != null && props.range.max_minutes != null
      ? `standard ${formatMinutes(props.range.min_minutes)}–${formatMinutes(props.range.max_minutes)}`
      : null;
  const own = (name: "minutes" | "modality" | "justification") => ({ field: props.fields[name], defaultValue: values[name] });
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
          />
        </div>
        <div className="col-md-4">
          <SelectField {...own("modality")} label="Modalità" options={MODALITY_LABELS} required />
        </div>
        <div className="col-md-4">
          <TextAreaField {...own("justification")} label="Giustificazione (se fuori standard)" rows={1} />
        </div>
      </div>
    </fieldset>
  );
}
