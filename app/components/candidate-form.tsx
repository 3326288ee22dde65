import { getFormProps, type DefaultValue } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import type { z } from "zod";
import { CheckboxField, ErrorSummary, SelectField, TextAreaField, TextField } from "./forms";
import { LookupInput } from "./lookup-input";
import { StudyTitleFields } from "./study-title-fields";
import { CERTIFICATE_CODE_GROUPS, CV_LICENCE_CATEGORIES } from "~/domain/candidates/cv-codes";
import { CV_SECTION_ROWS, type CvFormValue, type CvSection } from "~/domain/candidates/form-values";
import {
  CEFR_LEVELS,
  IT_SKILL_LEVEL_LABELS,
  LANGUAGE_OPTIONS,
  LICENCE_LABELS,
  MAX_LICENCES,
  MAX_PREFERENCES,
  PREFERENCE_SOURCE_LABELS,
  PROTECTED_CATEGORY_LABELS,
  WORK_TIME_LABELS,
  CandidateSchema,
} from "~/domain/candidates/schema";
import { conformName, useSchemaForm, type Field, type FormResult } from "~/web/conform";

type CvConform = ReturnType<typeof useSchemaForm<typeof CandidateSchema>>;

interface Props {
  /** conform's form and fields (CandidateCvForm). */
  conform: { form: CvConform[0]; fields: CvConform[1] };
  /**
   * "officer": the officer registers or corrects a CV and fills the fields only an officer fills (the codice fiscale,
   * the protected category when allowed to see it); "self": the candidate edits their own CV.
   */
  mode: "officer" | "self";
  canSetProtectedCategory: boolean;
}

const ADD_LABELS: Partial<Record<CvSection, [add: string, remove: string]>> = {
  education: ["Aggiungi un titolo di studio", "Rimuovi il titolo di studio"],
  experiences: ["Aggiungi un'esperienza", "Rimuovi l'esperienza"],
  motherTongues: ["Aggiungi una madrelingua", "Rimuovi la madrelingua"],
  languages: ["Aggiungi una lingua straniera", "Rimuovi la lingua straniera"],
  licences: ["Aggiungi una patente", "Rimuovi la patente"],
  certificates: ["Aggiungi un certificato", "Rimuovi il certificato"],
  itSkills: ["Aggiungi una competenza informatica", "Rimuovi la competenza informatica"],
};

/**
 * Every section of the CV as one form. Fields are bound by conform's names (`preferences[0].occupation`)
 * and the repeated sections get «Aggiungi…»/«Rimuovi…» buttons (conform intents, answered by the server
 * too before the page's script has loaded).
 */
function CandidateFormFields({ conform, mode, canSetProtectedCategory }: Props) {
  const fields = conform.fields as unknown as Record<string, Field>;
  /** The binding of one field by its dotted name. */
  const b = (name: string): { field: Field } => ({ field: fields[conformName(name)] });
  const initial = (name: string) => {
    const v = fields[name].initialValue;
    return typeof v === "string" ? v : undefined;
  };
  const n = (section: CvSection, max: number) => {
    const count = (fields[section] as unknown as { getFieldList(): unknown[] }).getFieldList().length;
    return Array.from({ length: Math.min(count, max) }, (_, i) => i);
  };
  /** «Rimuovi…» for row i of a section (when the section has more than one row). */
  const remove = (section: CvSection, i: number, count: number): ReactNode => {
    const labels = ADD_LABELS[section];
    if (!labels || count < 2) return null;
    return (
      <div className="col-12 mb-3">
        <button className="btn btn-outline-secondary btn-sm" {...conform.form.remove.getButtonProps({ name: section, index: i })}>
          {labels[1]} {i + 1}
        </button>
      </div>
    );
  };
  const add = (section: CvSection, count: number): ReactNode => {
    const labels = ADD_LABELS[section];
    if (!labels || count >= CV_SECTION_ROWS[section].max) return null;
    return (
      <p>
        <button className="btn btn-outline-primary btn-sm" {...conform.form.insert.getButtonProps({ name: section })}>
          {labels[0]}
        </button>
      </p>
    );
  };
  const rows = {
    education: n("education", 10),
    experiences: n("experiences", 20),
    motherTongues: n("motherTongues", 3),
    languages: n("languages", 10),
    licences: n("licences", MAX_LICENCES),
    certificates: n("certificates", 20),
    itSkills: n("itSkills", 20),
  };
  const extraPreference = fields[conformName(`preferences.${MAX_PREFERENCES}.occupation`)];
  const extraPreferenceError = extraPreference.errors?.[0];
  return (
    <>
      <fieldset className="mb-4">
        <legend className="h4">Dati anagrafici e contatti</legend>
        <div className="row">
          <div className="col-md-6">
            <TextField {...b("firstName")} label="Nome" required autoComplete="given-name" />
          </div>
          <div className="col-md-6">
            <TextField {...b("lastName")} label="Cognome" required autoComplete="family-name" />
          </div>
          {mode === "officer" ? (
            <div className="col-md-6">
              <TextField {...b("taxCode")} label="Codice fiscale" required maxLength={16} />
            </div>
          ) : (
            <input type="hidden" name={fields.taxCode.name} value={initial("taxCode") ?? ""} />
          )}
          <div className="col-md-6">
            <TextField {...b("birthDate")} label="Data di nascita" type="date" required />
          </div>
          <div className="col-md-6">
            <LookupInput
              {...b("comune")}
              label="Comune di domicilio"
              source="/api/comuni"
              required
              hint="Scrivi le prime lettere e scegli, es. «Milano (MI)»"
            />
          </div>
          <div className="col-md-6">
            <TextField {...b("address")} label="Indirizzo di domicilio" autoComplete="street-address" />
          </div>
          <div className="col-md-6">
            <TextField {...b("phone")} label="Telefono" type="tel" inputMode="tel" autoComplete="tel" />
          </div>
          <div className="col-md-6">
            <TextField {...b("email")} label="E-mail" type="email" autoComplete="email" />
          </div>
        </div>
      </fieldset>

      <fieldset className="mb-4">
        <legend className="h4">Istruzione (almeno un titolo)</legend>
        {rows.education.map((i) => (
          <div className="row border-bottom mb-3" key={i}>
            <div className="col-md-6">
              <TextField
                {...b(`education.${i}.title`)}
                label={`Titolo di studio ${i + 1}`}
                required={i === 0}
                hint="Come lo indica la persona, es. «Diploma di ragioneria»"
              />
            </div>
            <StudyTitleFields
              level={b(`education.${i}.studyLevel`).field}
              title={b(`education.${i}.studyTitle`).field}
              levelLabel={`Livello di studio del titolo ${i + 1}`}
              titleLabel={`Titolo ministeriale ${i + 1} (facoltativo)`}
              levelPlaceholder="Scegli il livello"
              levelRequired={i === 0}
              columns={["col-md-6", "col-md-12"]}
            />
            <div className="col-md-8">
              <TextField {...b(`education.${i}.institution`)} label={`Istituto del titolo ${i + 1}`} />
            </div>
            <div className="col-md-4">
              <TextField {...b(`education.${i}.year`)} label={`Anno del titolo ${i + 1}`} inputMode="numeric" maxLength={4} />
            </div>
            {remove("education", i, rows.education.length)}
          </div>
        ))}
        {add("education", rows.education.length)}
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
                  {...b(`preferences.${i}.occupation`)}
                  label={`Professione della propensione ${i + 1}`}
                  source="/api/professioni"
                  required={i === 0}
                  hint="Cerca per nome o codice CP2021, es. «commesso» o «5.1.2»"
                />
              </div>
              <div className="col-md-4">
                <SelectField
                  {...b(`preferences.${i}.source`)}
                  label={`Provenienza della propensione ${i + 1}`}
                  options={PREFERENCE_SOURCE_LABELS}
                  placeholder="Scegli"
                />
              </div>
              <div className="col-md-6">
                <LookupInput
                  {...b(`preferences.${i}.ateco`)}
                  label={`Settore economico (ATECO) della propensione ${i + 1}`}
                  source="/api/ateco"
                />
              </div>
              <div className="col-md-3">
                <TextField {...b(`preferences.${i}.years`)} label={`Anni di esperienza (propensione ${i + 1})`} inputMode="numeric" />
              </div>
              <div className="col-md-3">
                <TextField
                  {...b(`preferences.${i}.lastJobYear`)}
                  label={`Anno ultimo lavoro (propensione ${i + 1})`}
                  inputMode="numeric"
                  maxLength={4}
                />
              </div>
              <div className="col-md-8">
                <TextAreaField
                  {...b(`preferences.${i}.notes`)}
                  label={`Note della propensione ${i + 1}`}
                  rows={2}
                  hint="Competenze specifiche, patentini e attrezzature, disponibilità"
                />
              </div>
              <div className="col-md-4">
                <TextField {...b(`preferences.${i}.interviewDate`)} label={`Data del colloquio (propensione ${i + 1})`} type="date" />
              </div>
            </div>
          </div>
        ))}
        {extraPreferenceError ? (
          <div id={extraPreference.id} className="alert alert-danger" role="alert">
            {extraPreferenceError}
          </div>
        ) : null}
      </fieldset>

      <fieldset className="mb-4">
        <legend className="h4">Esperienze di lavoro</legend>
        {rows.experiences.map((i) => (
          <div className="row border-bottom mb-3" key={i}>
            <div className="col-md-6">
              <LookupInput
                {...b(`experiences.${i}.occupation`)}
                label={`Professione svolta (esperienza ${i + 1})`}
                source="/api/professioni"
              />
            </div>
            <div className="col-md-6">
              <TextField {...b(`experiences.${i}.employer`)} label={`Datore di lavoro (esperienza ${i + 1})`} />
            </div>
            <div className="col-md-3">
              <TextField {...b(`experiences.${i}.from`)} label={`Dal (esperienza ${i + 1})`} type="date" />
            </div>
            <div className="col-md-3">
              <TextField {...b(`experiences.${i}.to`)} label={`Al (esperienza ${i + 1})`} type="date" hint="Vuoto se in corso" />
            </div>
            <div className="col-md-6">
              <TextAreaField {...b(`experiences.${i}.tasks`)} label={`Mansioni (esperienza ${i + 1})`} rows={2} />
            </div>
            {remove("experiences", i, rows.experiences.length)}
          </div>
        ))}
        {add("experiences", rows.experiences.length)}
      </fieldset>

      <fieldset className="mb-4">
        <legend className="h4">Lingue, patenti, certificati, informatica</legend>
        <div className="row">
          {rows.motherTongues.map((i) => (
            <div className="col-md-4" key={i}>
              <SelectField
                {...b(`motherTongues.${i}.code`)}
                label={`Madrelingua${i ? ` ${i + 1}` : ""}`}
                options={LANGUAGE_OPTIONS}
                placeholder="Nessuna"
              />
              {remove("motherTongues", i, rows.motherTongues.length)}
            </div>
          ))}
        </div>
        {add("motherTongues", rows.motherTongues.length)}
        <p className="small text-muted">
          Le lingue straniere con il livello QCER; la madrelingua soddisfa un requisito di lingua a qualunque livello.
        </p>
        {rows.languages.map((i) => (
          <div className="row" key={i}>
            <div className="col-md-6">
              <SelectField
                {...b(`languages.${i}.code`)}
                label={`Lingua straniera ${i + 1}`}
                options={LANGUAGE_OPTIONS}
                placeholder="Nessuna"
              />
            </div>
            <div className="col-md-6">
              <SelectField
                {...b(`languages.${i}.level`)}
                label={`Livello QCER della lingua ${i + 1}`}
                options={CEFR_LEVELS.map((l) => [l, l])}
                placeholder="Scegli"
              />
            </div>
            {remove("languages", i, rows.languages.length)}
          </div>
        ))}
        {add("languages", rows.languages.length)}
        <fieldset className="mb-3">
          <legend className="h6">Patenti di guida</legend>
          <p className="small text-muted">
            La patente dall'elenco ministeriale e, se vuoi, la categoria UE (es. C1, CE). La CQC (carta di qualificazione del conducente) e
            il CAP KA/KB vanno tra i certificati.
          </p>
          {rows.licences.map((i) => (
            <div className="row" key={i}>
              <div className="col-md-6">
                <SelectField
                  {...b(`licences.${i}.code`)}
                  label={`Patente di guida ${i + 1}`}
                  options={Object.entries(LICENCE_LABELS)}
                  placeholder="Nessuna"
                />
              </div>
              <div className="col-md-6">
                <SelectField
                  {...b(`licences.${i}.category`)}
                  label={`Categoria UE della patente ${i + 1} (facoltativa)`}
                  options={CV_LICENCE_CATEGORIES.map((c) => [c, c])}
                  placeholder="—"
                />
              </div>
              {remove("licences", i, rows.licences.length)}
            </div>
          ))}
          {add("licences", rows.licences.length)}
        </fieldset>
        {rows.certificates.map((i) => (
          <div className="row" key={i}>
            <div className="col-md-5">
              <TextField
                {...b(`certificates.${i}.name`)}
                label={`Certificato o patentino ${i + 1}`}
                hint={i === 0 ? "Es. carrellista, HACCP, saldatura, primo soccorso, CQC merci" : undefined}
              />
            </div>
            <div className="col-md-4">
              <SelectField
                {...b(`certificates.${i}.official`)}
                label={`Patentino o albo dell'elenco ministeriale ${i + 1}`}
                options={[]}
                groups={CERTIFICATE_CODE_GROUPS}
                placeholder="Nessuno"
                hint={i === 0 ? "Facoltativo; se lasci vuoto il nome, vale quello ufficiale" : undefined}
              />
            </div>
            <div className="col-md-3">
              <TextField {...b(`certificates.${i}.expiresOn`)} label={`Scadenza del certificato ${i + 1}`} type="date" />
            </div>
            {remove("certificates", i, rows.certificates.length)}
          </div>
        ))}
        {add("certificates", rows.certificates.length)}
        {rows.itSkills.map((i) => (
          <div className="row" key={i}>
            <div className="col-md-8">
              <TextField
                {...b(`itSkills.${i}.skill`)}
                label={`Competenza informatica ${i + 1}`}
                hint={i === 0 ? "Es. Excel, gestionali di magazzino, CAD" : undefined}
              />
            </div>
            <div className="col-md-4">
              <SelectField
                {...b(`itSkills.${i}.level`)}
                label={`Livello della competenza ${i + 1}`}
                options={IT_SKILL_LEVEL_LABELS}
                placeholder="Scegli"
              />
            </div>
            {remove("itSkills", i, rows.itSkills.length)}
          </div>
        ))}
        {add("itSkills", rows.itSkills.length)}
      </fieldset>

      <fieldset className="mb-4">
        <legend className="h4">Disponibilità</legend>
        <div className="row">
          <div className="col-md-4">
            <SelectField {...b("workTime")} label="Orario" options={WORK_TIME_LABELS} />
          </div>
          <div className="col-md-4">
            <TextField {...b("maxCommuteKm")} label="Distanza massima casa–lavoro (km)" inputMode="numeric" />
          </div>
          <div className="col-md-4">
            <TextField {...b("availableFrom")} label="Disponibile dal" type="date" />
          </div>
        </div>
        <CheckboxField {...b("shifts")} label="Disponibile a lavorare su turni" />
        <CheckboxField {...b("weekends")} label="Disponibile nei fine settimana" />
        <CheckboxField {...b("ownVehicle")} label="Automunito / mezzo proprio" />
        <CheckboxField {...b("willingToRelocate")} label="Disponibile a trasferirsi" />
      </fieldset>

      {canSetProtectedCategory ? (
        <fieldset className="mb-4">
          <legend className="h4">Collocamento mirato</legend>
          <SelectField {...b("protectedCategory")} label="Categoria protetta (L. 68/99)" options={PROTECTED_CATEGORY_LABELS} />
        </fieldset>
      ) : (
        <input type="hidden" name={fields.protectedCategory.name} value={initial("protectedCategory") ?? "none"} />
      )}

      <fieldset className="mb-4">
        <legend className="h4">Consenso</legend>
        <CheckboxField
          {...b("consent")}
          label={
            mode === "self"
              ? "Acconsento che il mio CV sia usato per l'incrocio con le offerte e mostrato alle aziende"
              : "La persona acconsente che il CV sia usato per l'incrocio e mostrato alle aziende"
          }
          hint="Senza consenso il CV non viene mai mostrato a un'azienda. Il consenso si può revocare in qualsiasi momento."
        />
      </fieldset>
    </>
  );
}

type CvDefault = DefaultValue<z.input<typeof CandidateSchema>>;

/**
 * The CV form on conform: CandidateSchema checks it in the browser and in the action (`parseForm` →
 * `replyInvalid`), the sections' rows come from `defaultValue` (see `withBlankRows`) and from the
 * «Aggiungi…»/«Rimuovi…» buttons. For the candidate's own pages (`mode="self"`) and the officer's (`mode="officer"`).
 */
export function CandidateCvForm({
  lastResult,
  defaultValue,
  mode,
  canSetProtectedCategory,
  action,
  submitLabel,
  children,
}: {
  lastResult?: FormResult | null;
  defaultValue?: CvFormValue;
  mode: "officer" | "self";
  canSetProtectedCategory: boolean;
  action?: string;
  submitLabel: string;
  /** Shown between the summary of errors and the fields. */
  children?: ReactNode;
}) {
  const [form, fields] = useSchemaForm(CandidateSchema, { id: "cv", lastResult, defaultValue: defaultValue as CvDefault });
  const version = fields.version.initialValue;
  return (
    <Form method="post" action={action} {...getFormProps(form)}>
      <ErrorSummary form={form} />
      {children}
      {version ? <input type="hidden" name={fields.version.name} value={String(version)} /> : null}
      <CandidateFormFields conform={{ form, fields }} mode={mode} canSetProtectedCategory={canSetProtectedCategory} />
      <button type="submit" className="btn btn-primary">
        {submitLabel}
      </button>
    </Form>
  );
}
