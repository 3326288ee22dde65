import { getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { CheckboxField, ErrorSummary, TextAreaField, TextField } from "~/components/forms";
import { LookupInput } from "~/components/lookup-input";
import type { InternshipRequestSchema } from "~/domain/internships";
import type { useSchemaForm } from "~/web/conform";

export type InternshipRequestForm = ReturnType<typeof useSchemaForm<typeof InternshipRequestSchema>>;

/**
 * The internship request: profile and tasks, place and hours, indemnity, the unit's head-counts the rules depend on,
 * the host tutor and, optionally, the person the employer already wants to host.
 */
export function InternshipRequestFormView({
  form: [form, fields],
  serviceRequestId,
  submitLabel,
  version,
  withTrainee = true,
}: {
  form: InternshipRequestForm;
  serviceRequestId?: string | null;
  submitLabel: string;
  /** Editing a saved request: the version the person saw. */
  version?: number;
  /** The «person to host» fieldset (a new request only: afterwards the trainee is chosen on the case page). */
  withTrainee?: boolean;
}) {
  return (
    <Form method="post" {...getFormProps(form)}>
      <ErrorSummary form={form} />
      {serviceRequestId ? <input type="hidden" name="serviceRequestId" value={serviceRequestId} /> : null}
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      <fieldset className="mb-4">
        <legend className="h4">Profilo e attività</legend>
        <TextField field={fields.title} label="Titolo del tirocinio" required hint="Es. «Tirocinio di addetto/a alla contabilità»" />
        <LookupInput
          field={fields.occupation}
          label="Professione di riferimento (classificazione CP2021)"
          source="/api/professioni"
          required
          hint="Scrivi almeno due lettere e scegli dall'elenco"
        />
        <TextAreaField field={fields.activities} label="Attività che svolgerà il tirocinante" required rows={5} />
        <TextAreaField field={fields.objectives} label="Obiettivi formativi (facoltativo)" rows={3} />
      </fieldset>
      <fieldset className="mb-4">
        <legend className="h4">Sede, orario e durata</legend>
        <LookupInput field={fields.comune} label="Comune della sede del tirocinio" source="/api/comuni" required />
        <div className="row">
          <div className="col-md-4">
            <TextField field={fields.weeklyHours} label="Ore settimanali" required inputMode="text" hint="Es. 40 oppure 37,5" />
          </div>
          <div className="col-md-4">
            <TextField field={fields.dailyHours} label="Ore giornaliere" required inputMode="text" />
          </div>
          <div className="col-md-4">
            <TextField field={fields.plannedMonths} label="Durata prevista in mesi" required inputMode="text" />
          </div>
        </div>
        <TextField field={fields.startDate} type="date" label="Data di avvio prevista (facoltativa)" />
      </fieldset>
      <fieldset className="mb-4">
        <legend className="h4">Indennità</legend>
        <TextField field={fields.monthlyIndemnity} label="Indennità mensile lorda in euro" required hint="Es. 600 oppure 650,50" />
        <CheckboxField field={fields.mealVouchers} label="Il tirocinante riceve buoni pasto o usa la mensa" />
      </fieldset>
      <fieldset className="mb-4">
        <legend className="h4">Unità operativa</legend>
        <p className="rosa-muted">Servono per calcolare quanti tirocinanti può ospitare la sede.</p>
        <div className="row">
          <div className="col-md-4">
            <TextField
              field={fields.employeesPermanent}
              label="Dipendenti a tempo indeterminato"
              inputMode="numeric"
              hint="Apprendisti esclusi"
            />
          </div>
          <div className="col-md-4">
            <TextField
              field={fields.employeesFixedTermCounting}
              label="Dipendenti a tempo determinato"
              inputMode="numeric"
              hint="Solo chi ha un contratto che copre tutto il tirocinio"
            />
          </div>
          <div className="col-md-4">
            <TextField field={fields.otherActiveTrainees} label="Tirocinanti già presenti con altri promotori" inputMode="numeric" />
          </div>
        </div>
        <CheckboxField field={fields.dismissalsLast12Months} label="Negli ultimi 12 mesi la sede ha licenziato per mansioni equivalenti" />
        <CheckboxField field={fields.cigSameTasks} label="La sede ha in corso la cassa integrazione per mansioni equivalenti" />
      </fieldset>
      <fieldset className="mb-4">
        <legend className="h4">Tutor aziendale</legend>
        <TextField field={fields.hostTutorName} label="Nome e cognome del tutor" autoComplete="off" />
        <TextField field={fields.hostTutorEmail} type="email" label="Email del tutor" autoComplete="off" />
        <TextField field={fields.hostTutorRole} label="Ruolo del tutor in azienda" />
        <TextField field={fields.hostTutorTrainees} label="Tirocinanti già seguiti dal tutor" inputMode="numeric" />
      </fieldset>
      {withTrainee ? (
        <fieldset className="mb-4">
          <legend className="h4">Persona da ospitare (facoltativo)</legend>
          <p className="rosa-muted">
            Se conosci già la persona, indicala: deve essere iscritta al portale. Altrimenti il Centro per l'Impiego cercherà il
            tirocinante.
          </p>
          <div className="row">
            <div className="col-md-6">
              <TextField field={fields.traineeTaxCode} label="Codice fiscale" autoComplete="off" />
            </div>
            <div className="col-md-6">
              <TextField field={fields.traineeLastName} label="Cognome" autoComplete="off" />
            </div>
          </div>
        </fieldset>
      ) : null}
      <button type="submit" className="btn btn-primary">
        {submitLabel}
      </button>
    </Form>
  );
}
