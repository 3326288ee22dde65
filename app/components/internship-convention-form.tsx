/** The convention form (officer): host, validity, promoter as the CO wants it, legal representative, insurance. */
import { getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { ErrorSummary, SelectField, TextField } from "~/components/forms";
import { ConventionSchema } from "~/domain/internships";
import { useSchemaForm, type FormResult } from "~/web/conform";

export function ConventionForm({
  employers,
  defaults,
  lastResult,
  submitLabel,
  intent,
}: {
  employers: { id: string; legal_name: string }[];
  defaults: Record<string, string>;
  lastResult?: FormResult | null;
  submitLabel: string;
  intent?: string;
}) {
  const [form, fields] = useSchemaForm(ConventionSchema, { id: "convention", lastResult, defaultValue: defaults });
  return (
    <Form method="post" {...getFormProps(form)}>
      <ErrorSummary form={form} />
      {intent ? <input type="hidden" name="intent" value={intent} /> : null}
      <input type="hidden" name={fields.version.name} value={defaults.version ?? "0"} />
      <SelectField
        field={fields.employerId}
        label="Azienda ospitante"
        options={employers.map((e) => [e.id, e.legal_name] as [string, string])}
        placeholder="Scegli dall'elenco delle aziende convalidate…"
        required
      />
      <div className="row">
        <div className="col-md-6">
          <TextField field={fields.validFrom} type="date" label="Valida dal" required />
        </div>
        <div className="col-md-6">
          <TextField field={fields.validTo} type="date" label="Valida fino al" required />
        </div>
      </div>
      <h2 className="h5">Soggetto promotore</h2>
      <div className="row">
        <div className="col-md-6">
          <TextField field={fields.promoterName} label="Denominazione" required />
        </div>
        <div className="col-md-6">
          <TextField
            field={fields.promoterTaxCode}
            label="Codice fiscale"
            hint="Quello dell'ente promotore, diverso da quello dell'azienda: va nella comunicazione obbligatoria"
            required
          />
        </div>
        <div className="col-md-6">
          <TextField field={fields.promoterKind} label="Tipologia dell'ente promotore" required />
        </div>
        <div className="col-md-6">
          <TextField field={fields.promoterOffice} label="Ufficio" />
        </div>
      </div>
      <h2 className="h5">Azienda e assicurazioni</h2>
      <div className="row">
        <div className="col-md-6">
          <TextField field={fields.hostRepresentative} label="Legale rappresentante dell'azienda" required />
        </div>
        <div className="col-md-6">
          <TextField field={fields.maxInternships} label="Numero massimo di tirocini (facoltativo)" inputMode="numeric" />
        </div>
        <div className="col-md-6">
          <TextField field={fields.inailPosition} label="Posizione INAIL" />
        </div>
        <div className="col-md-6">
          <TextField field={fields.rcPolicy} label="Polizza di responsabilità civile" />
        </div>
      </div>
      <button type="submit" className="btn btn-primary">
        {submitLabel}
      </button>
    </Form>
  );
}
