import { HEADCOUNT_BANDS } from "~/domain/employers/labels";
import type { FieldErrors, FormValues } from "~/utils/forms";
import { SelectField, TextField } from "./forms";
import { LookupInput } from "./lookup-input";

export const SITE_ROWS = 3;

/** The company sections shared by registration and by the legal representative's corrections. */
export function CompanyFields({ errors, values }: { errors?: FieldErrors; values?: FormValues }) {
  const common = { errors, values };
  return (
    <>
      <fieldset className="mb-4">
        <legend className="h4">Dati dell'azienda</legend>
        <TextField {...common} name="legalName" label="Ragione sociale" required autoComplete="organization" />
        <div className="row">
          <div className="col-md-6">
            <TextField
              {...common}
              name="taxCode"
              label="Codice fiscale"
              required
              hint="11 cifre per le società, 16 caratteri per le ditte individuali"
            />
          </div>
          <div className="col-md-6">
            <TextField
              {...common}
              name="vatNumber"
              label="Partita IVA"
              hint="11 cifre; facoltativa se coincide con il codice fiscale"
              inputMode="numeric"
            />
          </div>
        </div>
        <LookupInput
          {...common}
          name="atecoCode"
          label="Settore di attività (ATECO)"
          source="/api/ateco"
          required
          hint="Scrivi il codice o una parola, poi scegli dall'elenco"
        />
        <SelectField
          {...common}
          name="headcountBand"
          label="Numero di dipendenti"
          required
          options={HEADCOUNT_BANDS}
          placeholder="Scegli la fascia"
        />
        <TextField {...common} name="pec" label="PEC" type="email" autoComplete="email" />
      </fieldset>
      <fieldset className="mb-4">
        <legend className="h4">Sede legale</legend>
        <TextField {...common} name="legalAddress" label="Indirizzo" required autoComplete="street-address" />
        <LookupInput {...common} name="legalComune" label="Comune" source="/api/comuni" required hint="Es. Milano (MI)" />
      </fieldset>
      <fieldset className="mb-4">
        <legend className="h4">Sedi operative</legend>
        <p className="rosa-muted">
          Indica le sedi dove lavorano i dipendenti, se diverse dalla sede legale. Potrai aggiungerne altre in seguito.
        </p>
        {Array.from({ length: SITE_ROWS }, (_, i) => (
          <div className="row" key={i}>
            <div className="col-md-3">
              <TextField {...common} name={`sites.${i}.label`} label={`Sede ${i + 1}: nome`} />
            </div>
            <div className="col-md-5">
              <TextField {...common} name={`sites.${i}.address`} label={`Sede ${i + 1}: indirizzo`} />
            </div>
            <div className="col-md-4">
              <LookupInput {...common} name={`sites.${i}.comune`} label={`Sede ${i + 1}: comune`} source="/api/comuni" />
            </div>
          </div>
        ))}
      </fieldset>
      <fieldset className="mb-4">
        <legend className="h4">Referente per il Centro per l'Impiego</legend>
        <TextField {...common} name="contactName" label="Nome e cognome" required autoComplete="name" />
        <div className="row">
          <div className="col-md-6">
            <TextField {...common} name="contactEmail" label="E-mail" type="email" required autoComplete="email" />
          </div>
          <div className="col-md-6">
            <TextField {...common} name="contactPhone" label="Telefono" type="tel" required autoComplete="tel" />
          </div>
        </div>
      </fieldset>
    </>
  );
}
