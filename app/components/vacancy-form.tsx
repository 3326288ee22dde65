import { getFormProps } from "@conform-to/react";
import type { DefaultValue } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import type { z } from "zod";
import { CheckboxField, ErrorSummary, SelectField, TextAreaField, TextField } from "~/components/forms";
import { CnelLookup, LookupInput } from "~/components/lookup-input";
import { StudyTitleFields } from "~/components/study-title-fields";
import {
  ALBI,
  CEFR_LEVELS,
  currentContractTypeOptions,
  DRIVING_LICENCES,
  LANGUAGE_OPTIONS,
  LICENCE_CATEGORIES,
  PATENTINI,
  WORKING_TIME_CODES,
} from "~/domain/reference";
import {
  ENGAGEMENT_LABELS,
  L68_LABELS,
  PAY_PERIOD_LABELS,
  PRIORITY_LABELS,
  PUBLICATION_MODE_LABELS,
  REQUIREMENT_KIND_LABELS,
} from "~/domain/vacancies/codes";
import type { PublicVacancy } from "~/domain/vacancies/public-view";
import { SaveVacancySchema } from "~/domain/vacancies/schema";
import { useSchemaForm, type FormResult } from "~/web/conform";
import { decimalComma } from "~/utils/format";

type VacancyFormValue = DefaultValue<z.input<typeof SaveVacancySchema>>;
type RequirementValue = Record<string, string>;

const MAX_REQUIREMENTS = 20;

/** Rows shown: the ones in use and two empty ones, at least three. */
function withEmptyRows(rows: RequirementValue[]): RequirementValue[] {
  const count = Math.min(MAX_REQUIREMENTS, Math.max(3, rows.length + 2));
  return Array.from({ length: count }, (_, i) => rows[i] ?? { position: String(i + 1) });
}

/** Form values of an existing vacancy (edit page). */
export function vacancyFormValues(v: PublicVacancy): VacancyFormValue {
  return {
    title: v.title,
    occupation: `${v.occupationCode} — ${v.occupationTitle}`,
    atecoCode: v.atecoCode ? `${v.atecoCode} — ${v.atecoTitle ?? ""}` : "",
    description: v.description,
    tasks: v.tasks,
    comune: `${v.comuneName} (${v.provinceCode})`,
    radiusKm: String(v.radiusKm),
    engagement: v.engagement,
    contractType: v.contractType ?? "",
    ccnl: v.ccnl ? `${v.ccnl}${v.ccnlLabel ? ` — ${v.ccnlLabel}` : ""}` : "",
    ccnlNote: v.ccnlNote ?? "",
    ccnlCnel: v.ccnlCnel ? (v.ccnlCnelLabel ?? v.ccnlCnel) : "",
    workingTime: v.workingTimeCode,
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
    requirements: withEmptyRows(
      v.requirements.map((r) => ({
        position: String(r.position),
        kind: r.kind,
        priority: r.priority,
        description: r.description,
        studyLevel: r.studyLevel === null ? "" : String(r.studyLevel),
        studyTitle: r.studyTitle ? `${r.studyTitle}${r.studyTitleLabel ? ` — ${r.studyTitleLabel}` : ""}` : "",
        years: r.years === null ? "" : String(r.years),
        languageCode: r.languageCode ?? "",
        cefrLevel: r.cefrLevel ?? "",
        nativeSpeaker: r.nativeSpeaker ? "on" : "",
        licenceCode: r.licenceCode ?? "",
        licenceCategory: r.licenceCategory ?? "",
        patentinoCode: r.patentinoCode ?? "",
        alboCode: r.alboCode ?? "",
      })),
    ),
  } as VacancyFormValue;
}

const NEW_VACANCY: VacancyFormValue = { radiusKm: "20", positions: "1", requirements: withEmptyRows([]) } as VacancyFormValue;

type RequirementFields = ReturnType<ReturnType<typeof useSchemaForm<typeof SaveVacancySchema>>[1]["requirements"]["getFieldList"]>[number];

function RequirementRow({ i, row, removeButton }: { i: number; row: RequirementFields; removeButton: ReactNode }) {
  const f = row.getFieldset();
  return (
    <fieldset className="border rounded p-3 mb-3">
      <legend className="h6 float-none w-auto px-2">Requisito {i + 1}</legend>
      <div className="row">
        <div className="col-md-2">
          <TextField field={f.position} label="Ordine" inputMode="numeric" defaultValue={String(i + 1)} />
        </div>
        <div className="col-md-4">
          <SelectField field={f.kind} label="Tipo" options={REQUIREMENT_KIND_LABELS} placeholder="— nessuno —" />
        </div>
        <div className="col-md-3">
          <SelectField field={f.priority} label="Importanza" options={PRIORITY_LABELS} />
        </div>
        <div className="col-md-3">
          <TextField field={f.years} label="Anni di esperienza" inputMode="numeric" />
        </div>
        <StudyTitleFields
          level={f.studyLevel}
          title={f.studyTitle}
          levelLabel="Livello del titolo di studio"
          titleLabel="Titolo di studio (facoltativo)"
          columns={["col-md-5", "col-md-7"]}
        />
        <div className="col-md-4">
          <SelectField field={f.languageCode} label="Lingua" options={LANGUAGE_OPTIONS} placeholder="—" />
        </div>
        <div className="col-md-3">
          <SelectField field={f.cefrLevel} label="Livello" options={CEFR_LEVELS.map((l) => [l, l] as [string, string])} placeholder="—" />
        </div>
        <div className="col-md-5 pt-md-4">
          <CheckboxField field={f.nativeSpeaker} label="Madrelingua" />
        </div>
        <div className="col-md-4">
          <SelectField field={f.licenceCode} label="Patente di guida" options={DRIVING_LICENCES} placeholder="—" />
        </div>
        <div className="col-md-3">
          <SelectField
            field={f.licenceCategory}
            label="Categoria (facoltativa)"
            options={LICENCE_CATEGORIES.map((l) => [l, l] as [string, string])}
            placeholder="—"
          />
        </div>
        <div className="col-md-5">
          <SelectField field={f.patentinoCode} label="Abilitazione (patentino)" options={PATENTINI} placeholder="—" />
        </div>
        <div className="col-md-6">
          <SelectField field={f.alboCode} label="Iscrizione a un albo" options={ALBI} placeholder="—" />
        </div>
        <div className="col-12">
          <TextField
            field={f.description}
            label="Descrizione o note"
            hint="Obbligatoria per le competenze e per le certificazioni non in elenco (es. «Muletto», «HACCP»)"
          />
        </div>
      </div>
      {removeButton}
    </fieldset>
  );
}

/**
 * The vacancy form (new and edit): one schema (SaveVacancySchema) checks it in the browser and in the
 * action. Requirement rows are a conform list: «Aggiungi un requisito» and «Rimuovi» are conform
 * intents, so they also work before the page's JavaScript has loaded (the server answers with the list changed).
 */
export function VacancyForm({
  lastResult,
  defaultValue = NEW_VACANCY,
  version,
  submitLabel = "Salva e invia al Centro per l'Impiego",
  canSubmit,
}: {
  lastResult?: FormResult | null;
  defaultValue?: VacancyFormValue;
  version?: number;
  submitLabel?: string;
  canSubmit: boolean;
}) {
  const [form, fields] = useSchemaForm(SaveVacancySchema, { id: "vacancy", lastResult, defaultValue });
  const rows = fields.requirements.getFieldList();
  return (
    <Form method="post" {...getFormProps(form)}>
      <ErrorSummary form={form} />
      {version ? <input type="hidden" name="version" value={version} /> : null}
      <fieldset className="mb-4">
        <legend className="h4">Professione e mansioni</legend>
        <TextField field={fields.title} label="Titolo dell'offerta" required hint="Es. «Addetto/a al banco panetteria»" />
        <LookupInput
          field={fields.occupation}
          label="Professione (classificazione CP2021)"
          source="/api/professioni"
          required
          hint="Scrivi almeno due lettere e scegli dall'elenco"
        />
        <LookupInput field={fields.atecoCode} label="Settore di attività (ATECO), se diverso da quello dell'azienda" source="/api/ateco" />
        <TextAreaField field={fields.description} label="Descrizione dell'offerta" required rows={6} />
        <TextAreaField field={fields.tasks} label="Mansioni principali" rows={4} />
      </fieldset>
      <fieldset className="mb-4">
        <legend className="h4">Requisiti</legend>
        <p className="rosa-muted">
          Indica i requisiti in ordine di importanza. Non chiedere sesso, età, stato civile, nazionalità o condizioni di salute: la legge lo
          vieta (art. 10 D.Lgs. 276/2003).
        </p>
        {rows.map((row, i) => (
          <RequirementRow
            key={row.key}
            i={i}
            row={row}
            removeButton={
              rows.length > 1 ? (
                <button
                  className="btn btn-outline-secondary btn-sm"
                  {...form.remove.getButtonProps({ name: fields.requirements.name, index: i })}
                >
                  Rimuovi il requisito {i + 1}
                </button>
              ) : null
            }
          />
        ))}
        {rows.length < MAX_REQUIREMENTS ? (
          <button
            className="btn btn-outline-primary btn-sm"
            {...form.insert.getButtonProps({ name: fields.requirements.name, defaultValue: { position: String(rows.length + 1) } })}
          >
            Aggiungi un requisito
          </button>
        ) : null}
      </fieldset>
      <fieldset className="mb-4">
        <legend className="h4">Sede di lavoro</legend>
        <div className="row">
          <div className="col-md-8">
            <LookupInput field={fields.comune} label="Comune della sede di lavoro" source="/api/comuni" required />
          </div>
          <div className="col-md-4">
            <TextField field={fields.radiusKm} label="Distanza accettabile per chi si candida (km)" inputMode="numeric" defaultValue="20" />
          </div>
        </div>
      </fieldset>
      <fieldset className="mb-4">
        <legend className="h4">Contratto, orario e retribuzione</legend>
        <div className="row">
          <div className="col-md-6">
            <SelectField field={fields.engagement} label="Forma di impiego" options={ENGAGEMENT_LABELS} />
          </div>
          <div className="col-md-6">
            <SelectField
              field={fields.contractType}
              label="Tipo di contratto (codici della comunicazione obbligatoria in vigore)"
              options={currentContractTypeOptions()}
              placeholder="Scegli…"
            />
          </div>
          <div className="col-md-8">
            <LookupInput
              field={fields.ccnl}
              label="Contratto collettivo (CCNL)"
              hint="Scrivi il codice o parte del nome (es. panificazione) e scegli dall'elenco; ND se nessuno"
              source="/api/codici-unilav?elenco=ccnl"
            />
          </div>
          <div className="col-md-4">
            <TextField field={fields.ccnlNote} label="Livello o note sul contratto" hint="Es. «livello A3»" />
          </div>
          <div className="col-md-8">
            <CnelLookup field={fields.ccnlCnel} coValue={fields.ccnl.value} />
          </div>
          <div className="col-md-4">
            <SelectField field={fields.workingTime} label="Orario" options={WORKING_TIME_CODES} placeholder="Scegli…" required />
          </div>
          <div className="col-md-4">
            <TextField field={fields.weeklyHours} label="Ore settimanali" inputMode="numeric" />
          </div>
          <div className="col-md-4">
            <TextField field={fields.shifts} label="Turni" hint="Es. «turni notturni a rotazione»" />
          </div>
          <div className="col-md-4">
            <TextField field={fields.payMin} label="Retribuzione lorda minima (€)" inputMode="numeric" />
          </div>
          <div className="col-md-4">
            <TextField field={fields.payMax} label="Retribuzione lorda massima (€)" inputMode="numeric" />
          </div>
          <div className="col-md-4">
            <SelectField field={fields.payPeriod} label="Importo" options={PAY_PERIOD_LABELS} placeholder="—" />
          </div>
        </div>
      </fieldset>
      <fieldset className="mb-4">
        <legend className="h4">Posti e date</legend>
        <div className="row">
          <div className="col-md-4">
            <TextField field={fields.positions} label="Numero di posti" inputMode="numeric" required defaultValue="1" />
          </div>
          <div className="col-md-4">
            <TextField field={fields.startDate} label="Inizio previsto" type="date" />
          </div>
          <div className="col-md-4">
            <TextField field={fields.closingDate} label="Scadenza dell'offerta" type="date" required />
          </div>
        </div>
      </fieldset>
      <fieldset className="mb-4">
        <legend className="h4">Pubblicazione</legend>
        <SelectField field={fields.l68Reserved} label="Collocamento mirato (L. 68/99)" options={L68_LABELS} />
        <SelectField
          field={fields.publicationMode}
          label="Come pubblicare l'offerta"
          options={PUBLICATION_MODE_LABELS}
          placeholder="Scegli…"
          required
        />
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
