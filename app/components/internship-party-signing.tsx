/**
 * What the host or the trainee still has to sign on an internship, and the upload of their signed copy
 * (docs/decisions/tirocini.md#firme-delle-parti). Rendered on the company's and on the trainee's internship page.
 */
import { getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { ErrorSummary, TextField } from "~/components/forms";
import { PartySignSchema } from "~/domain/internships";
import { formatDate } from "~/utils/format";
import { useSchemaForm, type FormResult } from "~/web/conform";

export interface PartySigningData {
  party: "host" | "trainee" | "promoter";
  maySign: boolean;
  toSign: { document: "convention" | "pfi"; id: string; number: number; documentHash: string; version: number }[];
  signed: { document: "convention" | "pfi"; number: number; signerName: string; signedAt: string | Date }[];
  pfiWaitsForConvention: boolean;
}

const TITLES = {
  convention: (n: number) => `Convenzione di tirocinio n. ${n}`,
  pfi: (n: number) => `Progetto formativo del tirocinio n. ${n}`,
};

function PartySignForm({
  doc,
  action,
  pdfHref,
  signerName,
  lastResult,
}: {
  doc: PartySigningData["toSign"][number];
  action: string;
  pdfHref: string;
  signerName: string;
  lastResult?: FormResult | null;
}) {
  const [form, fields] = useSchemaForm(PartySignSchema, {
    id: `party-sign-${doc.document}`,
    lastResult,
    defaultValue: { document: doc.document, signerName, documentHash: doc.documentHash, version: String(doc.version) },
  });
  const title = TITLES[doc.document](doc.number);
  const fileId = `party-signed-pdf-${doc.document}`;
  return (
    <Form method="post" action={action} encType="multipart/form-data" className="mb-4" {...getFormProps(form)}>
      <h3 className="h5">{title}</h3>
      <ErrorSummary form={form} />
      <ol>
        <li>
          <a href={pdfHref} download>
            Scarica il PDF: {title.charAt(0).toLowerCase() + title.slice(1)}
          </a>{" "}
          <span className="small">(impronta {doc.documentHash.slice(0, 16)}…)</span>
        </li>
        <li>Firmalo con la firma digitale, oppure stampalo, firmalo a mano e scansionalo in PDF.</li>
        <li>Carica qui il PDF firmato.</li>
      </ol>
      <input type="hidden" name={fields.document.name} value={doc.document} />
      <input type="hidden" name={fields.documentHash.name} value={doc.documentHash} />
      <input type="hidden" name={fields.version.name} value={doc.version} />
      <div className="row">
        <div className="col-md-6">
          <TextField field={fields.signerName} label="Nome e cognome di chi firma" required autoComplete="name" />
        </div>
        <div className="col-md-6">
          <div className="form-group">
            <label htmlFor={fileId}>PDF firmato *</label>
            <input id={fileId} name="signedPdf" type="file" accept="application/pdf" required className="form-control" />
          </div>
        </div>
      </div>
      <button type="submit" className="btn btn-primary">
        {doc.document === "convention" ? "Carica la convenzione firmata" : "Carica il progetto formativo firmato"}
      </button>
    </Form>
  );
}

/**
 * The «Da firmare» section: each document waiting for this party with its PDF, the steps and the upload; what the
 * party already signed; nothing at all when there is nothing to sign nor signed.
 */
export function PartySigningPanel({
  data,
  action,
  pdfHrefs,
  signerName,
  lastResult,
}: {
  data: PartySigningData;
  action: string;
  pdfHrefs: { convention?: string; pfi: string };
  signerName: string;
  lastResult?: FormResult | null;
}) {
  if (!data.toSign.length && !data.signed.length && !data.pfiWaitsForConvention) return null;
  const submitted = (lastResult?.initialValue as { document?: unknown } | undefined)?.document;
  const resultFor = (doc: "convention" | "pfi", index: number) =>
    submitted === doc || (submitted === undefined && index === 0) ? lastResult : undefined;
  return (
    <section aria-labelledby="party-signing" className="mb-4">
      <h2 id="party-signing" className="h4">
        {data.toSign.length ? "Da firmare" : "Firme"}
      </h2>
      {data.toSign.length && !data.maySign ? (
        <p>
          Da firmare: {data.toSign.map((d) => TITLES[d.document](d.number).toLowerCase()).join(", ")}. Firma per l&apos;azienda il legale
          rappresentante o un consulente delegato.
        </p>
      ) : null}
      {data.maySign
        ? data.toSign.map((d, i) => (
            <PartySignForm
              key={d.document}
              doc={d}
              action={action}
              pdfHref={d.document === "convention" ? (pdfHrefs.convention ?? "") : pdfHrefs.pfi}
              signerName={signerName}
              lastResult={resultFor(d.document, i)}
            />
          ))
        : null}
      {data.pfiWaitsForConvention ? (
        <p>
          Il progetto formativo si firma quando la convenzione è in vigore, cioè firmata dal Centro per l&apos;Impiego e dall&apos;azienda.
        </p>
      ) : null}
      {data.signed.length ? (
        <ul>
          {data.signed.map((s) => (
            <li key={s.document}>
              Firmato: {TITLES[s.document](s.number).toLowerCase()}, da {s.signerName} il {formatDate(s.signedAt)}.
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
