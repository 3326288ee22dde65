/**
 * The case page sections for the PFI's documents and signatures and for the mandatory communication (UNILAV C.01.00),
 * rendered by the officer's and the employer's internship pages. The forms post to `action` (the page's own action or
 * the `…/progetto` route).
 */
import { getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { ErrorSummary, SelectField, TextField } from "~/components/forms";
import {
  AuthoriseSchema,
  CO_FILED_BY_LABELS,
  CoSchema,
  SIGNATURE_METHOD_LABELS,
  SIGNATURE_PARTY_LABELS,
  SignSchema,
  UNILAV_KIND_LABELS,
  type CoFiledBy,
  type SignatureMethod,
  type SignatureParty,
  type UnilavData,
} from "~/domain/internships";
import { INTERNSHIP_STATE_LABELS, type InternshipState } from "~/domain/internships";
import { formatDate, formatDateTime } from "~/utils/format";
import { useSchemaForm, type FormResult } from "~/web/conform";

export interface DocumentsPanelData {
  internship: {
    id: string;
    number: number;
    state: InternshipState;
    version: number;
    document_hash: string | null;
    start_date: string | null;
    authorisation_ref: string | null;
    co_protocol: string | null;
    co_filed_on: string | null;
    co_filed_by: string | null;
    co_filer_name: string | null;
    convention_id: string | null;
    convention_number: number | null;
    convention_state: string | null;
  };
  signatures: {
    id: string;
    party: string;
    method: string;
    signer_name: string;
    signed_at: string | Date;
    document_hash: string;
    voided_at: string | Date | null;
  }[];
  missingParties: string[];
  authorisationRequired: boolean;
  unilav: UnilavData | null;
}

type Area = "officer" | "employer";

const SIGNING: InternshipState[] = ["ready_to_sign", "partially_signed"];

/**
 * The officer's record of a signed copy (convention, PFI, addendum): the party that signed, who signed and the signed
 * PDF of the version `documentHash`/`version`, for one of `parties` (none left: no form). `children` adds hidden fields.
 */
export function SignedCopyForm({
  id,
  parties,
  documentHash,
  version,
  fileInputId,
  heading,
  action,
  lastResult,
  children,
}: {
  id: string;
  parties: SignatureParty[];
  documentHash: string;
  version: number;
  fileInputId: string;
  heading?: string;
  action?: string;
  lastResult?: FormResult | null;
  children?: ReactNode;
}) {
  const [form, fields] = useSchemaForm(SignSchema, {
    id,
    lastResult,
    defaultValue: { party: parties[0], documentHash, version: String(version) },
  });
  if (!parties.length) return null;
  return (
    <Form method="post" action={action} encType="multipart/form-data" {...getFormProps(form)}>
      {heading ? <h4 className="h6">{heading}</h4> : null}
      <ErrorSummary form={form} />
      {children}
      <input type="hidden" name={fields.documentHash.name} value={documentHash} />
      <input type="hidden" name={fields.version.name} value={version} />
      <div className="row">
        <div className="col-md-4">
          <SelectField
            field={fields.party}
            label="Parte che ha firmato"
            options={parties.map((p) => [p, SIGNATURE_PARTY_LABELS[p]] as [string, string])}
            required
          />
        </div>
        <div className="col-md-4">
          <TextField field={fields.signerName} label="Nome di chi ha firmato" required />
        </div>
        <div className="col-md-4">
          <div className="form-group">
            <label htmlFor={fileInputId}>PDF firmato *</label>
            <input id={fileInputId} name="signedPdf" type="file" accept="application/pdf" required className="form-control" />
          </div>
        </div>
      </div>
      <button type="submit" className="btn btn-primary btn-sm">
        Registra la firma
      </button>
    </Form>
  );
}

/** The PFI: version fingerprint, PDF, signatures (voided ones marked), who still signs, and the upload of a signed copy. */
export function InternshipDocumentsPanel({
  data,
  area,
  action,
  pdfHref,
  lastResult,
}: {
  data: DocumentsPanelData;
  area: Area;
  action: string;
  pdfHref: string;
  lastResult?: FormResult | null;
}) {
  const i = data.internship;
  return (
    <section aria-labelledby={`docs-${i.id}`} className="mb-4">
      <h3 id={`docs-${i.id}`} className="h5">
        Progetto formativo e firme
      </h3>
      <p>
        Stato: <strong>{INTERNSHIP_STATE_LABELS[i.state]}</strong>.{" "}
        {i.convention_number ? (
          <>
            Convenzione n. {i.convention_number}
            {i.convention_state === "active"
              ? " (in vigore)"
              : " (non ancora in vigore: il progetto si firma solo con la convenzione in vigore)"}
            .
          </>
        ) : (
          "Nessuna convenzione collegata."
        )}
      </p>
      {i.document_hash ? (
        <p className="small">
          Versione da firmare: impronta <code>{i.document_hash.slice(0, 16)}…</code>.{" "}
          <a href={pdfHref} download>
            Scarica il PDF del progetto formativo
          </a>
        </p>
      ) : (
        <p className="small">
          Il progetto diventa firmabile quando i controlli sono superati.{" "}
          <a href={pdfHref} download>
            Scarica la bozza in PDF
          </a>
        </p>
      )}
      {data.signatures.length ? (
        <div className="table-responsive" tabIndex={0}>
          <table className="table table-sm">
            <caption className="visually-hidden">Firme del progetto formativo</caption>
            <thead>
              <tr>
                <th scope="col">Parte</th>
                <th scope="col">Firmatario</th>
                <th scope="col">Quando</th>
                <th scope="col">Come</th>
                <th scope="col">Validità</th>
              </tr>
            </thead>
            <tbody>
              {data.signatures.map((s) => (
                <tr key={s.id}>
                  <td>{SIGNATURE_PARTY_LABELS[s.party as SignatureParty]}</td>
                  <td>{s.signer_name}</td>
                  <td>{formatDateTime(s.signed_at)}</td>
                  <td>{SIGNATURE_METHOD_LABELS[s.method as SignatureMethod]}</td>
                  <td>{s.voided_at ? `Annullata il ${formatDate(s.voided_at)} (documento modificato)` : "Valida"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>Nessuna firma registrata.</p>
      )}
      {SIGNING.includes(i.state) ? (
        <>
          <p>
            Mancano le firme di:{" "}
            {data.missingParties.map((p) => SIGNATURE_PARTY_LABELS[p as SignatureParty].toLowerCase()).join(", ") || "nessuno"}.
          </p>
          <SignedCopyForm
            id={`sign-${data.internship.id}`}
            parties={(area === "officer" ? data.missingParties : data.missingParties.filter((p) => p === "host")) as SignatureParty[]}
            documentHash={data.internship.document_hash ?? ""}
            version={data.internship.version}
            fileInputId={`signed-pdf-${data.internship.id}`}
            heading="Registra una firma"
            action={action}
            lastResult={lastResult}
          />
        </>
      ) : null}
    </section>
  );
}

function AuthoriseForm({ data, action, lastResult }: { data: DocumentsPanelData; action: string; lastResult?: FormResult | null }) {
  const [form, fields] = useSchemaForm(AuthoriseSchema, {
    id: `authorise-${data.internship.id}`,
    lastResult,
    defaultValue: { version: String(data.internship.version) },
  });
  return (
    <Form method="post" action={action} {...getFormProps(form)}>
      <ErrorSummary form={form} />
      <input type="hidden" name="intent" value="authorise" />
      <input type="hidden" name={fields.version.name} value={data.internship.version} />
      <TextField field={fields.authorisationRef} label="Estremi dell'autorizzazione regionale" required />
      <button type="submit" className="btn btn-primary btn-sm">
        Registra l'autorizzazione
      </button>
    </Form>
  );
}

function CoForm({ data, action, lastResult }: { data: DocumentsPanelData; action: string; lastResult?: FormResult | null }) {
  const [form, fields] = useSchemaForm(CoSchema, {
    id: `co-${data.internship.id}`,
    lastResult,
    defaultValue: { version: String(data.internship.version), filedBy: "host" },
  });
  return (
    <Form method="post" action={action} {...getFormProps(form)}>
      <h4 className="h6">Registra la comunicazione inviata</h4>
      <ErrorSummary form={form} />
      <input type="hidden" name="intent" value="co" />
      <input type="hidden" name={fields.version.name} value={data.internship.version} />
      <div className="row">
        <div className="col-md-4">
          <TextField field={fields.protocol} label="Protocollo UNILAV" required />
        </div>
        <div className="col-md-4">
          <TextField
            field={fields.filedOn}
            type="date"
            label="Data di invio"
            hint={data.internship.start_date ? `Entro l'avvio: ${formatDate(data.internship.start_date)}` : undefined}
            required
          />
        </div>
        <div className="col-md-4">
          <SelectField
            field={fields.filedBy}
            label="Chi l'ha inviata"
            options={Object.entries(CO_FILED_BY_LABELS) as [CoFiledBy, string][]}
            required
          />
        </div>
      </div>
      <TextField field={fields.filerName} label="Nome di chi l'ha inviata (facoltativo)" />
      <button type="submit" className="btn btn-primary btn-sm">
        Registra la comunicazione
      </button>
    </Form>
  );
}

/** The mandatory communication: the UNILAV C.01.00 data (with what a CO system would refuse), its CSV, and its recording. */
export function InternshipCoPanel({
  data,
  area,
  action,
  csvHref,
  lastResult,
}: {
  data: DocumentsPanelData;
  area: Area;
  action: string;
  csvHref: string;
  lastResult?: FormResult | null;
}) {
  const i = data.internship;
  const u = data.unilav;
  return (
    <section aria-labelledby={`co-${i.id}-title`} className="mb-4">
      <h3 id={`co-${i.id}-title`} className="h5">
        Comunicazione obbligatoria (UNILAV C.01.00)
      </h3>
      {i.co_protocol ? (
        <p>
          Inviata il {i.co_filed_on ? formatDate(i.co_filed_on) : "—"} da{" "}
          {CO_FILED_BY_LABELS[i.co_filed_by as CoFiledBy]?.toLowerCase() ?? "—"}
          {i.co_filer_name ? ` (${i.co_filer_name})` : ""}, protocollo <strong>{i.co_protocol}</strong>.
        </p>
      ) : (
        <p>L'azienda ospitante invia la comunicazione sul sistema regionale delle CO prima dell'avvio, con questi dati.</p>
      )}
      {data.authorisationRequired ? (
        <p>
          In questa Regione ogni tirocinio va autorizzato prima dell'avvio
          {i.authorisation_ref ? `: autorizzazione ${i.authorisation_ref}.` : "."}
        </p>
      ) : null}
      {i.state === "awaiting_authorisation" && area === "officer" ? (
        <AuthoriseForm data={data} action={action} lastResult={lastResult} />
      ) : null}
      {u ? (
        <>
          {u.problems.length ? (
            <div className="alert alert-danger" role="alert">
              <p className="mb-1">Il sistema delle CO rifiuterebbe questi dati:</p>
              <ul className="mb-0">
                {u.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {u.warnings.length ? (
            <div className="alert alert-warning" role="status">
              <ul className="mb-0">
                {u.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <div className="table-responsive" tabIndex={0}>
            <table className="table table-sm">
              <caption>{UNILAV_KIND_LABELS[u.kind]}</caption>
              <thead>
                <tr>
                  <th scope="col">Sezione</th>
                  <th scope="col">Campo</th>
                  <th scope="col">Valore</th>
                </tr>
              </thead>
              <tbody>
                {u.fields.map((f) => (
                  <tr key={f.key}>
                    <td>{f.section}</td>
                    <td>{f.label}</td>
                    <td>{f.value || "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            <a href={csvHref} download>
              Scarica i dati della comunicazione (CSV)
            </a>{" "}
            ·{" "}
            <a href={csvHref.replace(/\/csv$/, ".xml")} download>
              Scarica la UNILAV (XML, struttura ricostruita)
            </a>
          </p>
        </>
      ) : (
        <p>I dati saranno pronti quando il tirocinante è scelto.</p>
      )}
      {i.state === "awaiting_co" && !i.co_protocol ? <CoForm data={data} action={action} lastResult={lastResult} /> : null}
    </section>
  );
}
