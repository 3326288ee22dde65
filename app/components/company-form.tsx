import { HEADCOUNT_BANDS } from "~/domain/employers/labels";
import type { FieldErrors, FormValues } from "~/utils/forms";
import { conformName, type Field } from "~/web/form-metadata";
import { SelectField, TextField } from "./forms";
import { LookupInput } from "./lookup-input";

export const SITE_ROWS = 3;

/**
 * The company sections shared by registration and by the legal representative's corrections: bound to
 * conform's `fields` (by name, `sites[0].label`), or to the error and value maps of a form not yet on conform.
 */
export function CompanyFields({ errors, values, fields }: { errors?: FieldErrors; values?: FormValues; fields?: Record<string, Field> }) {
  const b = (name: string) => (fields ? { field: fields[conformName(name)] } : { name, errors, values });
  return (
    <>
      <fieldset className="mb-4">
        <legend className="h4">Dati dell'azienda</legend>
        <TextField {...b("legalName")} label="Ragione sociale" required autoComplete="organization" />
        <div className="row">
          <div className="col-md-6">
            <TextField
              {...b("taxCode")}
              label="Codice fiscale"
              required
              hint="11 cifre per le società, 16 caratteri per le ditte individuali"
            />
          </div>
          <div className="col-md-6">
            <TextField
              {...b("vatNumber")}
              label="Partita IVA"
              hint="11 cifre; facoltativa se coincide con il codice fiscale"
              inputMode="numeric"
            />
          </div>
        </div>
        <LookupInput
          {...b("atecoCode")}
          label="Settore di attività (ATECO)"
          source="/api/ateco"
          required
          hint="Scrivi il codice o una parola, poi scegli dall'elenco"
        />
        <SelectField
          {...b("headcountBand")}
          label="Numero di dipendenti"
          required
          options={HEADCOUNT_BANDS}
          placeholder="Scegli la fascia"
        />
        <TextField {...b("pec")} label="PEC" type="email" autoComplete="email" />
      </fieldset>
      <fieldset className="mb-4">
        <legend className="h4">Sede legale</legend>
        <TextField {...b("legalAddress")} label="Indirizzo" required autoComplete="street-address" />
        <LookupInput {...b("legalComune")} label="Comune" source="/api/comuni" required hint="Es. Milano (MI)" />
      </fieldset>
      <fieldset className="mb-4">
        <legend className="h4">Sedi operative</legend>
        <p className="rosa-muted">
          Indica le sedi dove lavorano i dipendenti, se diverse dalla sede legale. Potrai aggiungerne altre in seguito.
        </p>
        {Array.from({ length: SITE_ROWS }, (_, i) => (
          <div className="row" key={i}>
            <div className="col-md-3">
              <TextField {...b(`sites.${i}.label`)} label={`Sede ${i + 1}: nome`} />
            </div>
            <div className="col-md-5">
              <TextField {...b(`sites.${i}.address`)} label={`Sede ${i + 1}: indirizzo`} />
            </div>
            <div className="col-md-4">
              <LookupInput {...b(`sites.${i}.comune`)} label={`Sede ${i + 1}: comune`} source="/api/comuni" />
            </div>
          </div>
        ))}
      </fieldset>
      <fieldset className="mb-4">
        <legend className="h4">Referente per il Centro per l'Impiego</legend>
        <TextField {...b("contactName")} label="Nome e cognome" required autoComplete="name" />
        <div className="row">
          <div className="col-md-6">
            <TextField {...b("contactEmail")} label="E-mail" type="email" required autoComplete="email" />
          </div>
          <div className="col-md-6">
            <TextField {...b("contactPhone")} label="Telefono" type="tel" required autoComplete="tel" />
          </div>
        </div>
      </fieldset>
    </>
  );
}
