import { CheckboxField, SelectField, TextAreaField, TextField } from "~/components/forms";
import { CAPACITIES, CAPACITY_KEYS, DISABILITY_CATEGORIES } from "~/domain/placement";
import type { FieldErrors, FormValues } from "~/utils/forms";

/**
 * The health data of a person enrolled for targeted placement (category, percentage, functional diagnosis,
 * capacities, conditions): the same fields at enrolment and when a placement officer corrects them later.
 */
export function HealthFields({ placeholder, ...common }: { errors?: FieldErrors; values?: FormValues; placeholder?: string }) {
  return (
    <>
      <div className="row">
        <div className="col-md-6">
          <SelectField
            name="disabilityCategory"
            label="Categoria"
            options={DISABILITY_CATEGORIES}
            placeholder={placeholder}
            required
            {...common}
          />
        </div>
        <div className="col-md-6">
          <TextField name="disabilityPercent" label="Percentuale di invalidità" inputMode="numeric" required {...common} />
        </div>
      </div>
      <TextAreaField name="functionalDiagnosis" label="Diagnosi funzionale" required rows={4} {...common} />
      <fieldset className="mb-3">
        <legend className="h6">Capacità della persona</legend>
        <div className="row">
          {CAPACITY_KEYS.map((k) => (
            <div className="col-md-6" key={k}>
              <CheckboxField name={`cap.${k}`} label={CAPACITIES[k]} {...common} />
            </div>
          ))}
        </div>
      </fieldset>
      <CheckboxField name="nightShiftsOk" label="Può lavorare su turni notturni" {...common} />
      <CheckboxField name="needsBarrierFree" label="Ha bisogno di un luogo di lavoro senza barriere architettoniche" {...common} />
      <CheckboxField name="needsPublicTransport" label="Ha bisogno di una sede raggiungibile con i mezzi pubblici" {...common} />
    </>
  );
}
