import { Form } from "@remix-run/react";
import { ErrorSummary, SelectField, TextAreaField, TextField } from "~/components/forms";
import { LookupInput } from "~/components/lookup-input";
import {
  CEFR_LEVELS,
  CONTRACT_TYPES,
  EDUCATION_LEVELS,
  L68_LABELS,
  LANGUAGES,
  LICENCE_CATEGORIES,
  PAY_PERIOD_LABELS,
  PRIORITY_LABELS,
  PUBLICATION_MODE_LABELS,
  REQUIREMENT_KIND_LABELS,
  WORKING_TIME_LABELS,
} from "~/domain/vacancies/codes";
import type { PublicVacancy } from "~/domain/vacancies/public-view";
import type { FieldErrors, FormValues } from "~/utils/forms";
import { decimalComma } from "~/utils/format";

/** Form values of an existing vacancy (edit page). */
export function vacancyFormValues(v: PublicVacancy): FormValues {
  const values: FormValues = {
    title: v.title,
    occupation: `${v.occupationCode} — ${v.occupationTitle}`,
    atecoCode: v.atecoCode ? `${v.atecoCode} — ${v.atecoTitle ?? ""}` : "",
    description: v.description,
    tasks: v.tasks,
    comune: `${v.comuneName} (${v.provinceCode})`,
    radiusKm: String(v.radiusKm),
    contractType: v.contractType,
    ccnl: v.ccnl ?? "",
    workingTime: v.workingTime,
    weeklyHours: v.weeklyHours === null ? "" : decimalComma(v.weeklyHours),
    shifts: v.shifts ?? "",
    payMin: v.payMin === null ? "" : decimalComma(v.payMin),
    payMax: v.payMax === null ? "" : decimalComma(v.payMax),
    payPeriod: v.payPeriod ?? "",
    positions: String(v.positions),
    startDate: v.startDate ?? "",
    closingDate: v.closingDate,
    l68Reserved: v.l68Reserved,
    publicationMode: v.publicationMode,
  };
  v.requirements.forEach((r, i) => {
    const p = `requirements.${i}.`;
    Object.assign(values, {
      [`${p}position`]: String(r.position),
      [`${p}kind`]: r.kind,
      [`${p}priority`]: r.priority,
      [`${p}description`]: r.description,
      [`${p}educationLevel`]: r.educationLevel ?? "",
      [`${p}years`]: r.years === null ? "" : String(r.years),
      [`${p}languageCode`]: r.languageCode ?? "",
      [`${p}cefrLevel`]: r.cefrLevel ?? "",
      [`${p}licenceCategory`]: r.licenceCategory ?? "",
    });
  });
  return values;
}

function requirementRows(values: FormValues): number {
  let used = 0;
  for (const key of Object.keys(values)) {
    const m = /^requirements\.(\d+)\.kind$/.exec(key);
    if (m && values[key]) used = Math.max(used, Number(m[1]) + 1);
  }
  return Math.min(20, Math.max(3, used + 2));
}

function RequirementRow({ i, errors, values }: { i: number; errors?: FieldErrors; values: FormValues }) {
  const p = `requirements.${i}.`;
  const common = { errors, values };
  return (
    <fieldset className="border rounded p-3 mb-3">
      <legend className="h6 float-none w-auto px-2">Requisito {i + 1}</legend>
      <div className="row">
        <div className="col-md-2">
          <TextField name={`${p}position`} label="Ordine" inputMode="numeric" defaultValue={String(i + 1)} {...common} />
        </div>
        <div className="col-md-4">
          <SelectField name={`${p}kind`} label="Tipo" options={REQUIREMENT_KIND_LABELS} placeholder="— nessuno —" {...common} />
        </div>
        <div className="col-md-3">
          <SelectField name={`${p}priority`} label="Importanza" options={PRIORITY_LABELS} {...common} />
        </div>
        <div className="col-md-3">
          <TextField name={`${p}years`} label="Anni di esperienza" inputMode="numeric" {...common} />
        </div>
        <div className="col-md-4">
          <SelectField name={`${p}educationLevel`} label="Titolo di studio" options={EDUCATION_LEVELS} placeholder="—" {...common} />
        </div>
        <div className="col-md-3">
          <SelectField name={`${p}languageCode`} label="Lingua" options={LANGUAGES} placeholder="—" {...common} />
        </div>
        <div className="col-md-2">
          <SelectField name={`${p}cefrLevel`} label="Livello" options={CEFR_LEVELS.map((l) => [l, l] as [string, string])} placeholder="—" {...common} />
        </div>
        <div className="col-md-3">
          <SelectField name={`${p}licenceCategory`} label="Patente" options={LICENCE_CATEGORIES.map((l) => [l, l] as [string, string])} placeholder="—" {...common} />
        </div>
        <div className="col-12">
          <TextField name={`${p}description`} label="Descrizione o note" hint="Obbligatoria per certificazioni e competenze" {...common} />
        </div>
      </div>
    </fieldset>
  );
}

export function VacancyForm({
  errors,
  values,
  version,
  submitLabel = "Salva e invia al Centro per l'Impiego",
  canSubmit,
}: {
  errors?: FieldErrors;
  values: FormValues;
  version?: number;
  submitLabel?: string;
  canSubmit: boolean;
}) {
  const common = { errors, values };
  const rows = requirementRows(values);
  return (
    <Form method="post" noValidate>
      <ErrorSummary errors={errors} />
      {version ? <input type="hidden" name="version" value={version} /> : null}
      <fieldset className="mb-4">
        <legend className="h4">Professione e mansioni</legend>
        <TextField name="title" label="Titolo dell'offerta" required hint="Es. «Addetto/a al banco panetteria»" {...common} />
        <LookupInput name="occupation" label="Professione (classificazione CP2021)" source="/api/professioni" required hint="Scrivi almeno due lettere e scegli dall'elenco" {...common} />
        <LookupInput name="atecoCode" label="Settore di attività (ATECO), se diverso da quello dell'azienda" source="/api/ateco" {...common} />
        <TextAreaField name="description" label="Descrizione dell'offerta" required rows={6} {...common} />
        <TextAreaField name="tasks" label="Mansioni principali" rows={4} {...common} />
      </fieldset>
      <fieldset className="mb-4">
        <legend className="h4">Requisiti</legend>
        <p className="rosa-muted">
          Indica i requisiti in ordine di importanza. Non chiedere sesso, età, stato civile, nazionalità o condizioni di salute: la legge lo vieta
          (art. 10 D.Lgs. 276/2003).
        </p>
        {Array.from({ length: rows }, (_, i) => (
          <RequirementRow key={i} i={i} errors={errors} values={values} />
        ))}
      </fieldset>
      <fieldset className="mb-4">
        <legend className="h4">Sede di lavoro</legend>
        <div className="row">
          <div className="col-md-8">
            <LookupInput name="comune" label="Comune della sede di lavoro" source="/api/comuni" required {...common} />
          </div>
          <div className="col-md-4">
            <TextField name="radiusKm" label="Distanza accettabile per chi si candida (km)" inputMode="numeric" defaultValue="20" {...common} />
          </div>
        </div>
      </fieldset>
      <fieldset className="mb-4">
        <legend className="h4">Contratto, orario e retribuzione</legend>
        <div className="row">
          <div className="col-md-6">
            <SelectField name="contractType" label="Tipo di contratto" options={CONTRACT_TYPES} placeholder="Scegli…" required {...common} />
          </div>
          <div className="col-md-6">
            <TextField name="ccnl" label="Contratto collettivo (CCNL)" hint="Es. «Alimentari artigianato»" {...common} />
          </div>
          <div className="col-md-4">
            <SelectField name="workingTime" label="Orario" options={WORKING_TIME_LABELS} placeholder="Scegli…" required {...common} />
          </div>
          <div className="col-md-4">
            <TextField name="weeklyHours" label="Ore settimanali" inputMode="numeric" {...common} />
          </div>
          <div className="col-md-4">
            <TextField name="shifts" label="Turni" hint="Es. «turni notturni a rotazione»" {...common} />
          </div>
          <div className="col-md-4">
            <TextField name="payMin" label="Retribuzione lorda minima (€)" inputMode="numeric" {...common} />
          </div>
          <div className="col-md-4">
            <TextField name="payMax" label="Retribuzione lorda massima (€)" inputMode="numeric" {...common} />
          </div>
          <div className="col-md-4">
            <SelectField name="payPeriod" label="Importo" options={PAY_PERIOD_LABELS} placeholder="—" {...common} />
          </div>
        </div>
      </fieldset>
      <fieldset className="mb-4">
        <legend className="h4">Posti e date</legend>
        <div className="row">
          <div className="col-md-4">
            <TextField name="positions" label="Numero di posti" inputMode="numeric" required defaultValue="1" {...common} />
          </div>
          <div className="col-md-4">
            <TextField name="startDate" label="Inizio previsto" type="date" {...common} />
          </div>
          <div className="col-md-4">
            <TextField name="closingDate" label="Scadenza dell'offerta" type="date" required {...common} />
          </div>
        </div>
      </fieldset>
      <fieldset className="mb-4">
        <legend className="h4">Pubblicazione</legend>
        <SelectField name="l68Reserved" label="Collocamento mirato (L. 68/99)" options={L68_LABELS} {...common} />
        <SelectField name="publicationMode" label="Come pubblicare l'offerta" options={PUBLICATION_MODE_LABELS} placeholder="Scegli…" required {...common} />
      </fieldset>
      <div className="d-flex gap-3 flex-wrap">
        <button type="submit" name="intent" value="save" className="btn btn-outline-primary">
          Salva la bozza
        </button>
        {canSubmit ? (
          <button type="submit" name="intent" value="submit" className="btn btn-primary">
            {submitLabel}
          </button>
        ) : null}
      </div>
    </Form>
  );
}
