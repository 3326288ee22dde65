import { CheckboxField, SelectField, TextAreaField, TextField } from "~/components/forms";
import { CAPACITIES, CAPACITY_KEYS, DISABILITY_CATEGORIES } from "~/domain/placement";
import type { FieldErrors, FormValues } from "~/utils/forms";
import type { Field } from "~/web/form-metadata";

/**
 * The health data of a person enrolled for targeted placement (category, percentage, functional diagnosis,
 * capacities, conditions): the same fields at enrolment and when a placement officer corrects them later.
 */
type HealthFieldNames =
  | "disabilityCategory"
  | "disabilityPercent"
  | "functionalDiagnosis"
  | "cap"
  | "nightShiftsOk"
  | "needsBarrierFree"
  | "needsPublicTransport";

/**
 * `fields`: conform's metadata when the page uses conform (`cap` is the capacities' fieldset); otherwise
 * the error and value maps of a page not yet moved to it.
 */
export function HealthFields({
  placeholder,
  fields,
  ...common
}: {
  errors?: FieldErrors;
  values?: FormValues;
  placeholder?: string;
  fields?: Record<HealthFieldNames, Field & { getFieldset?: () => Record<string, Field> }>;
}) {
  const caps = fields?.cap.getFieldset?.();
  return (
    <>
      <div className="row">
        <div className="col-md-6">
          <SelectField
            name="disabilityCategory"
            field={fields?.disabilityCategory}
            label="Categoria"
            options={DISABILITY_CATEGORIES}
            placeholder={placeholder}
            required
            {...common}
          />
        </div>
        <div className="col-md-6">
          <TextField
            field={fields?.disabilityPercent}
            name="disabilityPercent"
            label="Percentuale di invalidità"
            inputMode="numeric"
            required
            {...common}
          />
        </div>
      </div>
      <TextAreaField
        field={fields?.functionalDiagnosis}
        name="functionalDiagnosis"
        label="Diagnosi funzionale"
        required
        rows={4}
        {...common}
      />
      <fieldset className="mb-3">
        <legend className="h6">Capacità della persona</legend>
        <div className="row">
          {CAPACITY_KEYS.map((k) => (
            <div className="col-md-6" key={k}>
              <CheckboxField field={caps?.[k]} name={`cap.${k}`} label={CAPACITIES[k]} {...common} />
            </div>
          ))}
        </div>
      </fieldset>
      <CheckboxField field={fields?.nightShiftsOk} name="nightShiftsOk" label="Può lavorare su turni notturni" {...common} />
      <CheckboxField
        field={fields?.needsBarrierFree}
        name="needsBarrierFree"
        label="Ha bisogno di un luogo di lavoro senza barriere architettoniche"
        {...common}
      />
      <CheckboxField
        field={fields?.needsPublicTransport}
        name="needsPublicTransport"
        label="Ha bisogno di una sede raggiungibile con i mezzi pubblici"
        {...common}
      />
    </>
  );
}
