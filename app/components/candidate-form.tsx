import { CheckboxField, SelectField, TextAreaField, TextField } from "./forms";
import { LookupInput } from "./lookup-input";
import { rowCount } from "~/domain/candidates/form-values";
import {
  CEFR_LEVELS,
  EQF_LABELS,
  IT_SKILL_LEVEL_LABELS,
  LANGUAGE_LABELS,
  LICENCE_LABELS,
  MAX_PREFERENCES,
  PREFERENCE_SOURCE_LABELS,
  PROTECTED_CATEGORY_LABELS,
  WORK_TIME_LABELS,
} from "~/domain/candidates/schema";
import type { FieldErrors, FormValues } from "~/utils/forms";

interface Props {
  errors?: FieldErrors;
  values?: FormValues;
  /** "self": the candidate edits their own CV (no codice fiscale, no protected category). */
  mode: "officer" | "self";
  canSetProtectedCategory: boolean;
}

/** Every section of the CV as one form; repeated sections use dotted names ("preferences.0.occupation"). */
export function CandidateFormFields({ errors, values, mode, canSetProtectedCategory }: Props) {
  const f = { errors, values };
  const n = (section: string, spare: number, max: number) => Array.from({ length: rowCount(values, section, spare, max) }, (_, i) => i);
  return (
    <>
      <fieldset className="mb-4">
        <legend className="h4">Dati anagrafici e contatti</legend>
        <div className="row">
          <div className="col-md-6">
            <TextField name="firstName" label="Nome" required autoComplete="given-name" {...f} />
          </div>
          <div className="col-md-6">
            <TextField name="lastName" label="Cognome" required autoComplete="family-name" {...f} />
          </div>
          {mode === "officer" ? (
            <div className="col-md-6">
              <TextField name="taxCode" label="Codice fiscale" required maxLength={16} {...f} />
            </div>
          ) : (
            <input type="hidden" name="taxCode" value={values?.taxCode ?? ""} />
          )}
          <div className="col-md-6">
            <TextField name="birthDate" label="Data di nascita" type="date" required {...f} />
          </div>
          <div className="col-md-6">
            <LookupInput
              name="comune"
              label="Comune di domicilio"
              source="/api/comuni"
              required
              hint="Scrivi le prime lettere e scegli, es. «Milano (MI)»"
              {...f}
            />
          </div>
          <div className="col-md-6">
            <TextField name="address" label="Indirizzo di domicilio" autoComplete="street-address" {...f} />
          </div>
          <div className="col-md-6">
            <TextField name="phone" label="Telefono" type="tel" inputMode="tel" autoComplete="tel" {...f} />
          </div>
          <div className="col-md-6">
            <TextField name="email" label="E-mail" type="email" autoComplete="email" {...f} />
          </div>
        </div>
      </fieldset>

      <fieldset className="mb-4">
        <legend className="h4">Istruzione (almeno un titolo)</legend>
        {n("education", 1, 10).map((i) => (
          <div className="row border-bottom mb-3" key={i}>
            <div className="col-md-6">
              <TextField name={`education.${i}.title`} label={`Titolo di studio ${i + 1}`} required={i === 0} {...f} />
            </div>
            <div className="col-md-6">
              <SelectField
                name={`education.${i}.eqfLevel`}
                label={`Livello EQF del titolo ${i + 1}`}
                options={EQF_LABELS}
                placeholder="Scegli il livello"
                {...f}
              />
            </div>
            <div className="col-md-8">
              <TextField name={`education.${i}.institution`} label={`Istituto del titolo ${i + 1}`} {...f} />
            </div>
            <div className="col-md-4">
              <TextField name={`education.${i}.year`} label={`Anno del titolo ${i + 1}`} inputMode="numeric" maxLength={4} {...f} />
            </div>
          </div>
        ))}
      </fieldset>

      <fieldset className="mb-4">
        <legend className="h4">Propensioni (da una a tre)</legend>
        <p className="form-hint">
          Le professioni che la persona può e vuole svolgere, emerse dal colloquio. Al massimo tre: per aggiungerne una, svuota prima
          un'altra.
        </p>
        {Array.from({ length: MAX_PREFERENCES }, (_, i) => (
          <div className="border rounded p-3 mb-3" key={i}>
            <h3 className="h5">Propensione {i + 1}</h3>
            <div className="row">
              <div className="col-md-8">
                <LookupInput
                  name={`preferences.${i}.occupation`}
                  label={`Professione della propensione ${i + 1}`}
                  source="/api/professioni"
                  required={i === 0}
                  hint="Cerca per nome o codice CP2021, es. «commesso» o «5.1.2»"
                  {...f}
                />
              </div>
              <div className="col-md-4">
                <SelectField
                  name={`preferences.${i}.source`}
                  label={`Provenienza della propensione ${i + 1}`}
                  options={PREFERENCE_SOURCE_LABELS}
                  placeholder="Scegli"
                  {...f}
                />
              </div>
              <div className="col-md-6">
                <LookupInput
                  name={`preferences.${i}.ateco`}
                  label={`Settore economico (ATECO) della propensione ${i + 1}`}
                  source="/api/ateco"
                  {...f}
                />
              </div>
              <div className="col-md-3">
                <TextField name={`preferences.${i}.years`} label={`Anni di esperienza (propensione ${i + 1})`} inputMode="numeric" {...f} />
              </div>
              <div className="col-md-3">
                <TextField
                  name={`preferences.${i}.lastJobYear`}
                  label={`Anno ultimo lavoro (propensione ${i + 1})`}
                  inputMode="numeric"
                  maxLength={4}
                  {...f}
                />
              </div>
              <div className="col-md-8">
                <TextAreaField
                  name={`preferences.${i}.notes`}
                  label={`Note della propensione ${i + 1}`}
                  rows={2}
                  hint="Competenze specifiche, patentini e attrezzature, disponibilità"
                  {...f}
                />
              </div>
              <div className="col-md-4">
                <TextField name={`preferences.${i}.interviewDate`} label={`Data del colloquio (propensione ${i + 1})`} type="date" {...f} />
              </div>
            </div>
          </div>
        ))}
        {errors?.["preferences.3.occupation"] ? (
          <div id="f-preferences-3-occupation" className="alert alert-danger" role="alert">
            {errors["preferences.3.occupation"]}
          </div>
        ) : null}
      </fieldset>

      <fieldset className="mb-4">
        <legend className="h4">Esperienze di lavoro</legend>
        {n("experiences", 1, 20).map((i) => (
          <div className="row border-bottom mb-3" key={i}>
            <div className="col-md-6">
              <LookupInput
                name={`experiences.${i}.occupation`}
                label={`Professione svolta (esperienza ${i + 1})`}
                source="/api/professioni"
                {...f}
              />
            </div>
            <div className="col-md-6">
              <TextField name={`experiences.${i}.employer`} label={`Datore di lavoro (esperienza ${i + 1})`} {...f} />
            </div>
            <div className="col-md-3">
              <TextField name={`experiences.${i}.from`} label={`Dal (esperienza ${i + 1})`} type="date" {...f} />
            </div>
            <div className="col-md-3">
              <TextField name={`experiences.${i}.to`} label={`Al (esperienza ${i + 1})`} type="date" hint="Vuoto se in corso" {...f} />
            </div>
            <div className="col-md-6">
              <TextAreaField name={`experiences.${i}.tasks`} label={`Mansioni (esperienza ${i + 1})`} rows={2} {...f} />
            </div>
          </div>
        ))}
      </fieldset>

      <fieldset className="mb-4">
        <legend className="h4">Lingue, patenti, certificati, informatica</legend>
        <div className="row">
          {n("motherTongues", 1, 3).map((i) => (
            <div className="col-md-4" key={i}>
              <SelectField
                name={`motherTongues.${i}.code`}
                label={`Madrelingua${i ? ` ${i + 1}` : ""}`}
                options={LANGUAGE_LABELS}
                placeholder="Nessuna"
                {...f}
              />
            </div>
          ))}
        </div>
        <p className="small text-muted">
          Le lingue straniere con il livello QCER; la madrelingua soddisfa un requisito di lingua a qualunque livello.
        </p>
        {n("languages", 1, 10).map((i) => (
          <div className="row" key={i}>
            <div className="col-md-6">
              <SelectField
                name={`languages.${i}.code`}
                label={`Lingua straniera ${i + 1}`}
                options={LANGUAGE_LABELS}
                placeholder="Nessuna"
                {...f}
              />
            </div>
            <div className="col-md-6">
              <SelectField
                name={`languages.${i}.level`}
                label={`Livello QCER della lingua ${i + 1}`}
                options={CEFR_LEVELS.map((l) => [l, l])}
                placeholder="Scegli"
                {...f}
              />
            </div>
          </div>
        ))}
        <fieldset className="mb-3">
          <legend className="h6">Patenti di guida e CQC</legend>
          <div className="d-flex flex-wrap gap-3">
            {Object.entries(LICENCE_LABELS).map(([code, label]) => (
              <CheckboxField key={code} name={`licences.${code}`} label={`Patente ${label}`} {...f} />
            ))}
          </div>
        </fieldset>
        {n("certificates", 1, 20).map((i) => (
          <div className="row" key={i}>
            <div className="col-md-8">
              <TextField
                name={`certificates.${i}.name`}
                label={`Certificato o patentino ${i + 1}`}
                hint={i === 0 ? "Es. carrellista, HACCP, saldatura, primo soccorso" : undefined}
                {...f}
              />
            </div>
            <div className="col-md-4">
              <TextField name={`certificates.${i}.expiresOn`} label={`Scadenza del certificato ${i + 1}`} type="date" {...f} />
            </div>
          </div>
        ))}
        {n("itSkills", 1, 20).map((i) => (
          <div className="row" key={i}>
            <div className="col-md-8">
              <TextField
                name={`itSkills.${i}.skill`}
                label={`Competenza informatica ${i + 1}`}
                hint={i === 0 ? "Es. Excel, gestionali di magazzino, CAD" : undefined}
                {...f}
              />
            </div>
            <div className="col-md-4">
              <SelectField
                name={`itSkills.${i}.level`}
                label={`Livello della competenza ${i + 1}`}
                options={IT_SKILL_LEVEL_LABELS}
                placeholder="Scegli"
                {...f}
              />
            </div>
          </div>
        ))}
      </fieldset>

      <fieldset className="mb-4">
        <legend className="h4">Disponibilità</legend>
        <div className="row">
          <div className="col-md-4">
            <SelectField name="workTime" label="Orario" options={WORK_TIME_LABELS} {...f} />
          </div>
          <div className="col-md-4">
            <TextField name="maxCommuteKm" label="Distanza massima casa–lavoro (km)" inputMode="numeric" {...f} />
          </div>
          <div className="col-md-4">
            <TextField name="availableFrom" label="Disponibile dal" type="date" {...f} />
          </div>
        </div>
        <CheckboxField name="shifts" label="Disponibile a lavorare su turni" {...f} />
        <CheckboxField name="weekends" label="Disponibile nei fine settimana" {...f} />
        <CheckboxField name="ownVehicle" label="Automunito / mezzo proprio" {...f} />
        <CheckboxField name="willingToRelocate" label="Disponibile a trasferirsi" {...f} />
      </fieldset>

      {canSetProtectedCategory ? (
        <fieldset className="mb-4">
          <legend className="h4">Collocamento mirato</legend>
          <SelectField name="protectedCategory" label="Categoria protetta (L. 68/99)" options={PROTECTED_CATEGORY_LABELS} {...f} />
        </fieldset>
      ) : (
        <input type="hidden" name="protectedCategory" value={values?.protectedCategory ?? "none"} />
      )}

      <fieldset className="mb-4">
        <legend className="h4">Consenso</legend>
        <CheckboxField
          name="consent"
          label={
            mode === "self"
              ? "Acconsento che il mio CV sia usato per l'incrocio con le offerte e mostrato alle aziende"
              : "La persona acconsente che il CV sia usato per l'incrocio e mostrato alle aziende"
          }
          hint="Senza consenso il CV non viene mai mostrato a un'azienda. Il consenso si può revocare in qualsiasi momento."
          {...f}
        />
      </fieldset>
    </>
  );
}
