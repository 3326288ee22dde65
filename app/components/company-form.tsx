import { HEADCOUNT_BANDS } from "~/domain/employers/labels";
import type { FieldErrors, FormValues } from "~/utils/forms";
import type { Field } from "~/web/form-metadata";
import { SelectField, TextField } from "./forms";
import { LookupInput } from "./lookup-input";

export const SITE_ROWS = 3;

type CompanyFieldName =
  | "legalName"
  | "taxCode"
  | "vatNumber"
  | "atecoCode"
  | "headcountBand"
  | "pec"
  | "legalAddress"
  | "legalComune"
  | "contactName"
  | "contactEmail"
  | "contactPhone";

/** conform's metadata of the company fields (the form's default value gives the site rows, at least SITE_ROWS). */
export type CompanyFieldset = Record<CompanyFieldName, Field> & {
  sites: { getFieldList(): { key?: string; getFieldset(): { label: Field; address: Field; comune: Field } }[] };
};

/**
 * The company sections shared by registration and by the legal representative's corrections: fed with
 * conform's metadata (`fields`), or with the error and value maps of a form not yet moved to conform.
 */
export function CompanyFields({ errors, values, fields }: { errors?: FieldErrors; values?: FormValues; fields?: CompanyFieldset }) {
  const common = fields ? {} : { errors, values };
  const own = (name: CompanyFieldName) => (fields ? { field: fields[name] } : { name });
  // Every saved site, and at least SITE_ROWS rows: a form without default rows (registration) gets them by name.
  const listed = fields ? fields.sites.getFieldList() : [];
  const byName = (i: number) => {
    const named = fields as unknown as Record<string, Field>;
    return { label: named[`sites[${i}].label`], address: named[`sites[${i}].address`], comune: named[`sites[${i}].comune`] };
  };
  const sites = Array.from({ length: Math.max(SITE_ROWS, listed.length) }, (_, i) => ({
    key: listed[i]?.key ?? String(i),
    f: fields ? (listed[i]?.getFieldset() ?? byName(i)) : null,
  }));
  const site = (f: { label: Field; address: Field; comune: Field } | null, i: number, part: "label" | "address" | "comune") =>
    f ? { field: f[part] } : { name: `sites.${i}.${part}` };
  return (
    <>
      <fieldset className="mb-4">
        <legend className="h4">Dati dell'azienda</legend>
        <TextField {...common} {...own("legalName")} label="Ragione sociale" required autoComplete="organization" />
        <div className="row">
          <div className="col-md-6">
            <TextField
              {...common}
              {...own("taxCode")}
              label="Codice fiscale"
              required
              hint="11 cifre per le società, 16 caratteri per le ditte individuali"
            />
          </div>
          <div className="col-md-6">
            <TextField
              {...common}
              {...own("vatNumber")}
              label="Partita IVA"
              hint="11 cifre; facoltativa se coincide con il codice fiscale"
              inputMode="numeric"
            />
          </div>
        </div>
        <LookupInput
          {...common}
          {...own("atecoCode")}
          label="Settore di attività (ATECO)"
          source="/api/ateco"
          required
          hint="Scrivi il codice o una parola, poi scegli dall'elenco"
        />
        <SelectField
          {...common}
          {...own("headcountBand")}
          label="Numero di dipendenti"
          required
          options={HEADCOUNT_BANDS}
          placeholder="Scegli la fascia"
        />
        <TextField {...common} {...own("pec")} label="PEC" type="email" autoComplete="email" />
      </fieldset>
      <fieldset className="mb-4">
        <legend className="h4">Sede legale</legend>
        <TextField {...common} {...own("legalAddress")} label="Indirizzo" required autoComplete="street-address" />
        <LookupInput {...common} {...own("legalComune")} label="Comune" source="/api/comuni" required hint="Es. Milano (MI)" />
      </fieldset>
      <fieldset className="mb-4">
        <legend className="h4">Sedi operative</legend>
        <p className="rosa-muted">
          Indica le sedi dove lavorano i dipendenti, se diverse dalla sede legale. Potrai aggiungerne altre in seguito.
        </p>
        {sites.map(({ key, f }, i) => (
          <div className="row" key={key}>
            <div className="col-md-3">
              <TextField {...common} {...site(f, i, "label")} label={`Sede ${i + 1}: nome`} />
            </div>
            <div className="col-md-5">
              <TextField {...common} {...site(f, i, "address")} label={`Sede ${i + 1}: indirizzo`} />
            </div>
            <div className="col-md-4">
              <LookupInput {...common} {...site(f, i, "comune")} label={`Sede ${i + 1}: comune`} source="/api/comuni" credit={false} />
            </div>
          </div>
        ))}
      </fieldset>
      <fieldset className="mb-4">
        <legend className="h4">Referente per il Centro per l'Impiego</legend>
        <TextField {...common} {...own("contactName")} label="Nome e cognome" required autoComplete="name" />
        <div className="row">
          <div className="col-md-6">
            <TextField {...common} {...own("contactEmail")} label="E-mail" type="email" required autoComplete="email" />
          </div>
          <div className="col-md-6">
            <TextField {...common} {...own("contactPhone")} label="Telefono" type="tel" required autoComplete="tel" />
          </div>
        </div>
      </fieldset>
    </>
  );
}
