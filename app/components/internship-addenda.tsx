/**
 * The addenda page (officer and employer): the addenda of a signed PFI with their signatures, the forms to propose an
 * extension or a change, to record a signature (upload of the signed PDF) and to withdraw an addendum.
 */
import { getFormProps } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { ErrorSummary, TextAreaField, TextField } from "~/components/forms";
import { SignedCopyForm } from "~/components/internship-documents";
import { PageTitle } from "~/components/layout";
import {
  ADDENDUM_CHANGE_LABELS,
  ADDENDUM_KIND_LABELS,
  ADDENDUM_STATE_LABELS,
  AddendumChangeSchema,
  AddendumExtensionSchema,
  SIGNATURE_METHOD_LABELS,
  SIGNATURE_PARTY_LABELS,
  type AddendumChangeItem,
  type SignatureMethod,
  type SignatureParty,
} from "~/domain/internships";
import { formatDate, formatDateTime, formatMoney } from "~/utils/format";
import { useSchemaForm, type FormResult } from "~/web/conform";

interface AddendumItem {
  id: string;
  sequence: number;
  kind: "extension" | "change";
  state: keyof typeof ADDENDUM_STATE_LABELS;
  extension_months: number | null;
  previous_end_date: string | null;
  new_end_date: string | null;
  changes: Partial<Record<AddendumChangeItem, { from: string | number | null; to: string | number }>>;
  reason: string;
  document_hash: string;
  version: number;
  signatures: { id: string; party: string; method: string; signer_name: string; signed_at: string; voided_at: string | null }[];
  missingParties: string[];
}

export interface AddendaPageData {
  area: "officer" | "employer";
  base: string;
  internship: { id: string; number: number; title: string; state: string; version: number; endDate: string | null };
  canPropose: boolean;
  canExtend: boolean;
  addenda: AddendumItem[];
}

const value = (item: AddendumChangeItem, v: string | number | null) =>
  v === null || v === "" ? "—" : item === "monthlyIndemnity" ? formatMoney(Number(v) / 100) : String(v).replace(".", ",");

function SignAddendumForm({ a, area, lastResult }: { a: AddendumItem; area: "officer" | "employer"; lastResult?: FormResult | null }) {
  return (
    <SignedCopyForm
      id={`sign-addendum-${a.id}`}
      parties={(area === "officer" ? a.missingParties : a.missingParties.filter((p) => p === "host")) as SignatureParty[]}
      documentHash={a.document_hash}
      version={a.version}
      fileInputId={`addendum-pdf-${a.id}`}
      heading={`Registra una firma dell'integrazione n. ${a.sequence}`}
      lastResult={lastResult}
    >
      <input type="hidden" name="addendumId" value={a.id} />
    </SignedCopyForm>
  );
}

function AddendumCard({ a, data, lastResult }: { a: AddendumItem; data: AddendaPageData; lastResult?: FormResult | null }) {
  const live = a.signatures.filter((s) => !s.voided_at);
  return (
    <article className="card mb-3" aria-labelledby={`addendum-${a.id}`}>
      <div className="card-body">
        <h3 id={`addendum-${a.id}`} className="h5">
          Integrazione n. {a.sequence}: {ADDENDUM_KIND_LABELS[a.kind].toLowerCase()} — {ADDENDUM_STATE_LABELS[a.state]}
        </h3>
        <p className="mb-1">Motivo: {a.reason}</p>
        {a.kind === "extension" ? (
          <p className="mb-1">
            Fine da {a.previous_end_date ? formatDate(a.previous_end_date) : "—"} a {a.new_end_date ? formatDate(a.new_end_date) : "—"}
          </p>
        ) : (
          <ul>
            {(Object.entries(a.changes) as [AddendumChangeItem, { from: string | number | null; to: string | number }][]).map(
              ([item, c]) => (
                <li key={item}>
                  {ADDENDUM_CHANGE_LABELS[item]}: da «{value(item, c.from)}» a «{value(item, c.to)}»
                </li>
              ),
            )}
          </ul>
        )}
        <p className="small">
          <a href={`${data.base}/integrazioni/${a.id}/pdf`} download>
            Scarica il PDF dell'integrazione n. {a.sequence}
          </a>{" "}
          (impronta <code>{a.document_hash.slice(0, 16)}…</code>)
        </p>
        {live.length ? (
          <ul className="small">
            {live.map((s) => (
              <li key={s.id}>
                {SIGNATURE_PARTY_LABELS[s.party as SignatureParty]}: {s.signer_name}, {formatDateTime(s.signed_at)} (
                {SIGNATURE_METHOD_LABELS[s.method as SignatureMethod].toLowerCase()})
              </li>
            ))}
          </ul>
        ) : null}
        {a.state === "awaiting_signatures" ? (
          <>
            <p>Mancano le firme di: {a.missingParties.map((p) => SIGNATURE_PARTY_LABELS[p as SignatureParty].toLowerCase()).join(", ")}.</p>
            <SignAddendumForm a={a} area={data.area} lastResult={lastResult} />
            <Form method="post" className="mt-2">
              <input type="hidden" name="intent" value="withdraw" />
              <input type="hidden" name="addendumId" value={a.id} />
              <input type="hidden" name="version" value={a.version} />
              <button type="submit" className="btn btn-outline-danger btn-sm">
                Ritira l'integrazione n. {a.sequence}
              </button>
            </Form>
          </>
        ) : null}
      </div>
    </article>
  );
}

function ExtensionForm({ data, lastResult }: { data: AddendaPageData; lastResult?: FormResult | null }) {
  const [form, fields] = useSchemaForm(AddendumExtensionSchema, { id: "addendum-extension", lastResult });
  return (
    <Form method="post" {...getFormProps(form)} className="mb-4">
      <h3 className="h5">Proroga</h3>
      <p>
        I mesi aggiunti si sommano alla durata del progetto (i giorni di sospensione non contano) e il totale è ricontrollato con le regole
        della Regione. La nuova fine vale solo quando le tre parti hanno firmato l'integrazione.
      </p>
      <ErrorSummary form={form} />
      <input type="hidden" name="intent" value="extension" />
      <input type="hidden" name={fields.version.name} value={data.internship.version} />
      <TextField field={fields.months} label="Mesi di proroga" inputMode="numeric" required />
      <TextAreaField field={fields.reason} label="Motivo della proroga" rows={2} required />
      <button type="submit" className="btn btn-primary">
        Prepara l'integrazione di proroga
      </button>
    </Form>
  );
}

function ChangeForm({ data, lastResult }: { data: AddendumChangeFormProps["data"]; lastResult?: FormResult | null }) {
  const [form, fields] = useSchemaForm(AddendumChangeSchema, { id: "addendum-change", lastResult });
  return (
    <Form method="post" {...getFormProps(form)} className="mb-4">
      <h3 className="h5">Modifica del progetto formativo</h3>
      <p>Compila solo le voci che cambiano. Le modifiche sono ricontrollate con le regole e valgono quando le tre parti hanno firmato.</p>
      <ErrorSummary form={form} />
      <input type="hidden" name="intent" value="change" />
      <input type="hidden" name={fields.version.name} value={data.internship.version} />
      <TextAreaField field={fields.activities} label="Nuove attività" rows={3} />
      <TextAreaField field={fields.objectives} label="Nuovi obiettivi formativi" rows={2} />
      <TextAreaField field={fields.competences} label="Nuove competenze da acquisire" rows={2} />
      <div className="row">
        <div className="col-md-4">
          <TextField field={fields.weeklyHours} label="Nuove ore settimanali" />
        </div>
        <div className="col-md-4">
          <TextField field={fields.dailyHours} label="Nuove ore giornaliere" />
        </div>
        <div className="col-md-4">
          <TextField field={fields.monthlyIndemnity} label="Nuova indennità mensile in euro" />
        </div>
      </div>
      <div className="row">
        <div className="col-md-4">
          <TextField field={fields.hostTutorName} label="Nuovo tutor aziendale" />
        </div>
        <div className="col-md-4">
          <TextField field={fields.hostTutorRole} label="Ruolo del nuovo tutor" />
        </div>
        <div className="col-md-4">
          <TextField field={fields.hostTutorEmail} type="email" label="Email del nuovo tutor" />
        </div>
      </div>
      <TextAreaField field={fields.reason} label="Motivo della modifica" rows={2} required />
      <button type="submit" className="btn btn-primary">
        Prepara l'integrazione di modifica
      </button>
    </Form>
  );
}

interface AddendumChangeFormProps {
  data: AddendaPageData;
}

export function AddendaPage({ data, lastResult }: { data: AddendaPageData; lastResult?: FormResult | null }) {
  const open = data.addenda.some((a) => a.state === "awaiting_signatures");
  return (
    <div className="col-lg-10">
      <p>
        <Link to={data.base}>← Tirocinio n. {data.internship.number}</Link>
      </p>
      <PageTitle
        title={`Integrazioni al progetto formativo del tirocinio n. ${data.internship.number}`}
        lead="Dopo le tre firme del progetto formativo, una proroga o una modifica passa da un'integrazione (addendum) firmata di nuovo dalle tre parti."
      />
      <h2 className="h4">Integrazioni</h2>
      {data.addenda.length ? (
        data.addenda.map((a) => <AddendumCard key={a.id} a={a} data={data} lastResult={lastResult} />)
      ) : (
        <p>Nessuna integrazione.</p>
      )}
      {data.canPropose && !open ? (
        <>
          <h2 className="h4">Prepara un'integrazione</h2>
          {data.canExtend ? <ExtensionForm data={data} lastResult={lastResult} /> : null}
          <ChangeForm data={data} lastResult={lastResult} />
        </>
      ) : data.canPropose ? (
        <p>Un'integrazione è in attesa delle firme: falla firmare o ritirala prima di prepararne un'altra.</p>
      ) : (
        <p>Le integrazioni si preparano quando il progetto formativo è firmato dalle tre parti e il tirocinio non è concluso.</p>
      )}
    </div>
  );
}
