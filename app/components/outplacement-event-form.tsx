import { getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { CheckboxField, ErrorSummary, SelectField, TextAreaField, TextField } from "~/components/forms";
import { LookupInput } from "~/components/lookup-input";
import { AGREEMENT_TYPE_LABELS, EVENT_TYPE_LABELS, ProposalSchema } from "~/domain/outplacement";
import type { useSchemaForm } from "~/web/conform";

/** The form's conform state: the officer's form (a superset) is passed as this, with `asEventForm`. */
export type EventForm = ReturnType<typeof useSchemaForm<typeof ProposalSchema>>;

/** The officer's form has two more fields (employer, coordinator): the shared part is the proposal's. */
export const asEventForm = (f: readonly [unknown, unknown]) => f as unknown as EventForm;

/**
 * The redundancy event's form, shared by the officer (new event, correction) and the employer's proposal. `head` holds
 * the fields only the officer has (employer, coordinator).
 */
export function OutplacementEventForm({
  form,
  fields,
  head,
  submitLabel,
  employerView = false,
}: {
  form: EventForm[0];
  fields: EventForm[1];
  head?: ReactNode;
  submitLabel: string;
  employerView?: boolean;
}) {
  const sites = fields.sites.getFieldList();
  return (
    <Form method="post" {...getFormProps(form)}>
      <ErrorSummary form={form} />
      <fieldset className="mb-4">
        <legend className="h4">Procedura</legend>
        {head}
        <SelectField field={fields.type} label="Tipo di procedura" options={EVENT_TYPE_LABELS} placeholder="Scegli…" required />
        <TextField field={fields.title} label="Titolo" hint="Ad esempio «Riduzione di personale 2026 — stabilimento di Monza»" required />
      </fieldset>
      <fieldset className="mb-4">
        <legend className="h4">Sedi interessate</legend>
        {sites.map((site, i) => {
          const f = site.getFieldset();
          return (
            <fieldset key={site.key} className="border rounded p-3 mb-3">
              <legend className="h6 float-none w-auto px-2">Sede {i + 1}</legend>
              <div className="row">
                <div className="col-md-4">
                  <TextField field={f.label} label="Nome della sede" hint="Ad esempio «Stabilimento»" />
                </div>
                <div className="col-md-4">
                  <TextField field={f.address} label="Indirizzo" />
                </div>
                <div className="col-md-4">
                  <LookupInput field={f.comune} label="Comune" source="/api/comuni" hint="Con la provincia, es. «Monza (MB)»" required />
                </div>
              </div>
              {sites.length > 1 ? (
                <button className="btn btn-outline-secondary btn-sm" {...form.remove.getButtonProps({ name: fields.sites.name, index: i })}>
                  Rimuovi la sede {i + 1}
                </button>
              ) : null}
            </fieldset>
          );
        })}
        {sites.length < 20 ? (
          <button className="btn btn-outline-primary btn-sm" {...form.insert.getButtonProps({ name: fields.sites.name })}>
            Aggiungi una sede
          </button>
        ) : null}
      </fieldset>
      <fieldset className="mb-4">
        <legend className="h4">Dipendenti ed esuberi</legend>
        <div className="row">
          <div className="col-md-4">
            <TextField field={fields.headcountTotal} label="Dipendenti in organico" inputMode="numeric" />
          </div>
          <div className="col-md-4">
            <TextField field={fields.surplusAnnounced} label="Esuberi dichiarati" inputMode="numeric" />
          </div>
          <div className="col-md-4">
            <TextField field={fields.surplusFinal} label="Esuberi definitivi" inputMode="numeric" hint="Dopo l'accordo, se diverso" />
          </div>
        </div>
      </fieldset>
      <fieldset className="mb-4">
        <legend className="h4">Date della procedura</legend>
        <p className="small">Dalle date Rosa calcola le scadenze di legge. Lascia vuote quelle che non conosci ancora.</p>
        <div className="row">
          <div className="col-md-4">
            <TextField
              field={fields.communicationOn}
              label="Comunicazione di avvio"
              type="date"
              hint="L. 223: comunicazione ai sindacati; L. 234: comunicazione della chiusura; CIGS: domanda"
            />
          </div>
          <div className="col-md-4">
            <TextField field={fields.unionRequestOn} label="Richiesta di esame congiunto" type="date" />
          </div>
          <div className="col-md-4">
            <TextField field={fields.unionPhaseEndOn} label="Fine della fase sindacale" type="date" />
          </div>
          <div className="col-md-4">
            <TextField field={fields.planReceivedOn} label="Piano ricevuto (L. 234)" type="date" />
          </div>
          <div className="col-md-4">
            <TextField field={fields.agreementOn} label="Firma dell'accordo" type="date" />
          </div>
          <div className="col-md-4">
            <TextField field={fields.procedureEndOn} label="Fine della procedura" type="date" />
          </div>
          <div className="col-md-4">
            <TextField field={fields.firstDismissalOn} label="Primo licenziamento" type="date" />
          </div>
          <div className="col-md-4">
            <TextField field={fields.cigsFrom} label="CIGS dal" type="date" />
          </div>
          <div className="col-md-4">
            <TextField field={fields.cigsTo} label="CIGS al" type="date" />
          </div>
        </div>
      </fieldset>
      <fieldset className="mb-4">
        <legend className="h4">Accordo sindacale</legend>
        <div className="row">
          <div className="col-md-6">
            <SelectField
              field={fields.agreementType}
              label="Tipo di accordo"
              options={AGREEMENT_TYPE_LABELS}
              placeholder="Nessun accordo (ancora)"
            />
          </div>
          <div className="col-md-6">
            <TextField
              field={fields.agreementDocumentRef}
              label="Estremi del verbale"
              hint="Ad esempio «Verbale del 10/12/2026, Regione Lombardia»"
            />
          </div>
        </div>
        <TextAreaField field={fields.agreementOutplacementClauses} label="Clausole sulla ricollocazione" />
      </fieldset>
      <fieldset className="mb-4">
        <legend className="h4">Ricollocazione a carico dell'azienda</legend>
        <CheckboxField field={fields.employerFunded} label="Ricollocazione pagata dall'azienda (outplacement)" />
        <div className="row">
          <div className="col-md-8">
            <TextField field={fields.employerFundedProvider} label="Ente che svolge la ricollocazione" />
          </div>
          <div className="col-md-4">
            <TextField field={fields.employerFundedBudget} label="Budget in euro" inputMode="text" hint="Ad esempio 120.000,00" />
          </div>
        </div>
      </fieldset>
      <TextAreaField
        field={fields.notes}
        label={employerView ? "Note per il Centro per l'Impiego" : "Note"}
        hint="Non scrivere qui nomi o dati dei lavoratori."
      />
      <button type="submit" className="btn btn-primary">
        {submitLabel}
      </button>
    </Form>
  );
}
