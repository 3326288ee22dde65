/** The L. 68 records (exemptions, suspensions, conventions, referral requests): shared by employer and officer pages. */
import { getFormProps } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { Fragment, type ReactNode } from "react";
import { ErrorSummary, TextAreaField, TextField } from "~/components/forms";
import type { L68RecordKind } from "~/db/tables/l68";
import {
  type ContributionPeriod,
  SUSPENSION_TYPE_LABELS,
  WEEK_DAYS_LABELS,
  availableEvents,
  EVENT_LABELS,
  OPEN_STATUSES,
  RECORD_KIND_LABELS,
  RECORD_STATUS_LABELS,
  type RecordEvent,
  RecordEventSchema,
  type RecordSide,
} from "~/domain/l68";
import type { RecordRow, RecordView } from "~/domain/l68/records/index.server";
import { formatDate, formatDateTime, formatMoney, formatNumber } from "~/utils/format";
import { useSchemaForm, type Field, type FormResult } from "~/web/conform";
import { useServerForm } from "~/web/form-metadata";

/** The intent the action gives the reply of «Allega il documento» (see `DOCUMENT_INTENT` in the record actions). */
const DOCUMENT_INTENT = "document";

/** The action's reply split between the two forms of a record page: the further document, or the decision. */
export function recordReplies(reply: FormResult | null | undefined) {
  const document = reply?.initialValue?.intent === DOCUMENT_INTENT;
  return { documentReply: document ? reply : null, eventReply: document ? null : (reply ?? null) };
}

const period = (r: { starts_on: string; ends_on: string | null }) =>
  `${formatDate(r.starts_on)} – ${r.ends_on ? formatDate(r.ends_on) : "in corso"}`;

export function RecordsTable({
  records,
  hrefFor,
  showEmployer,
}: {
  records: RecordRow[];
  hrefFor: (r: RecordRow) => string;
  showEmployer?: boolean;
}) {
  if (!records.length) return <p>Nessuna pratica.</p>;
  return (
    <div className="table-responsive" tabIndex={0}>
      <table className="table">
        <caption>Pratiche di collocamento mirato (la più recente in alto)</caption>
        <thead>
          <tr>
            {showEmployer ? <th scope="col">Azienda</th> : null}
            <th scope="col">Pratica</th>
            <th scope="col">Provincia</th>
            <th scope="col">Periodo</th>
            <th scope="col">Stato</th>
            <th scope="col">Documenti</th>
            <th scope="col">Presentata il</th>
          </tr>
        </thead>
        <tbody>
          {records.map((r) => (
            <tr key={r.id}>
              {showEmployer ? <td>{r.legal_name}</td> : null}
              <td>
                <Link to={hrefFor(r)}>{RECORD_KIND_LABELS[r.kind]}</Link>
              </td>
              <td>{r.province_code}</td>
              <td>{period(r)}</td>
              <td>{RECORD_STATUS_LABELS[r.status]}</td>
              <td>{r.documents}</td>
              <td>{formatDateTime(r.created_at)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const str = (v: unknown) => (v === undefined || v === null || v === "" ? null : String(v));

/** The kind-specific facts of a record as label/value pairs. */
function detailRows(kind: L68RecordKind, d: Record<string, unknown>): [string, ReactNode][] {
  const rows: [string, ReactNode | null][] = [];
  switch (kind) {
    case "esonero":
      rows.push(
        ["Percentuale richiesta", `${d.requestedPercent}%`],
        ["Percentuale in vigore", `${d.percent}%`],
        ["Condizioni dell'attività", str(d.reason)],
      );
      break;
    case "autocertificazione_60":
      rows.push(
        ["Lavoratori con tasso INAIL ≥ 60‰", str(d.workers60)],
        ["Tasso INAIL", `${d.inailRate}‰`],
        ["Posizioni autocertificate", str(d.positions)],
      );
      break;
    case "sospensione":
      rows.push(
        ["Causa", SUSPENSION_TYPE_LABELS[d.suspensionType as keyof typeof SUSPENSION_TYPE_LABELS]],
        ["Attività sospesa nella provincia", d.suspendedPercent !== undefined ? `${d.suspendedPercent}%` : "tutta (sospensione nazionale)"],
        ["Licenziamenti al termine della procedura", str(d.dismissals)],
      );
      break;
    case "convenzione_art12bis":
      rows.push(["Lavoratori assunti dal soggetto ospitante", str(d.workers)], ["Soggetto ospitante", str(d.destinationBody)]);
      break;
    case "richiesta_nominativa":
    case "richiesta_numerica":
      rows.push(
        ["Lavoratori richiesti", str(d.units)],
        ["Qualifica o mansione", str(d.qualification)],
        ["Persona indicata", str(d.candidateName)],
      );
      break;
  }
  if (d.weekDays) rows.push(["Settimana lavorativa", WEEK_DAYS_LABELS[String(d.weekDays) as "5" | "6"]]);
  rows.push(["Note", str(d.notes)]);
  return rows.filter((r): r is [string, ReactNode] => r[1] !== null && r[1] !== undefined);
}

function ContributionTable({ contribution }: { contribution: { periods: ContributionPeriod[]; totalAmount: string } }) {
  return (
    <div className="table-responsive" tabIndex={0}>
      <table className="table table-sm" data-testid="contribution">
        <caption>Contributo esonerativo dovuto (art. 5 c. 3 e 3-bis), stimato sull'organico dichiarato</caption>
        <thead>
          <tr>
            <th scope="col">Periodo</th>
            <th scope="col">Giornate lavorative</th>
            <th scope="col">Unità esonerabili</th>
            <th scope="col">Unità esonerate</th>
            <th scope="col">Importo giornaliero</th>
            <th scope="col">Importo</th>
          </tr>
        </thead>
        <tbody>
          {contribution.periods.map((p) => (
            <tr key={p.year}>
              <th scope="row">{`${formatDate(p.from)} – ${formatDate(p.to)}`}</th>
              <td>{formatNumber(p.workingDays)}</td>
              <td>{p.maxUnits}</td>
              <td>{p.exemptedUnits}</td>
              <td>{formatMoney(p.dailyAmount)}</td>
              <td>{formatMoney(p.totalAmount)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={5}>
              Totale
            </th>
            <td data-testid="contribution-total">{formatMoney(contribution.totalAmount)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

export function RecordDetails({ record, documentHref }: { record: RecordView; documentHref: (documentId: string) => string }) {
  const d = record.details;
  const schedule = (d.schedule as { date: string; units: number }[] | undefined) ?? [];
  return (
    <>
      <dl className="row" data-testid="record-details">
        <dt className="col-sm-4">Stato</dt>
        <dd className="col-sm-8" data-testid="record-status">
          {RECORD_STATUS_LABELS[record.status]}
        </dd>
        <dt className="col-sm-4">Provincia</dt>
        <dd className="col-sm-8">{record.province_code}</dd>
        <dt className="col-sm-4">Periodo</dt>
        <dd className="col-sm-8">{period(record)}</dd>
        {detailRows(record.kind, d).map(([label, value]) => (
          <Fragment key={label}>
            <dt className="col-sm-4">{label}</dt>
            <dd className="col-sm-8">{value}</dd>
          </Fragment>
        ))}
        {record.decision_note ? (
          <>
            <dt className="col-sm-4">Nota del collocamento mirato</dt>
            <dd className="col-sm-8">{record.decision_note}</dd>
          </>
        ) : null}
      </dl>
      {d.contribution ? (
        <ContributionTable contribution={d.contribution as { periods: ContributionPeriod[]; totalAmount: string }} />
      ) : null}
      {schedule.length ? (
        <div className="table-responsive" tabIndex={0}>
          <table className="table table-sm">
            <caption>Programma delle assunzioni (convenzione art. 11)</caption>
            <thead>
              <tr>
                <th scope="col">Entro il</th>
                <th scope="col">Assunzioni</th>
              </tr>
            </thead>
            <tbody>
              {schedule.map((s) => (
                <tr key={s.date}>
                  <td>{formatDate(s.date)}</td>
                  <td>{s.units}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <h2 className="h4">Documenti</h2>
      <ul data-testid="record-documents">
        {record.documents.map((doc) => (
          <li key={doc.id}>
            <a href={documentHref(doc.id)} download>
              {doc.file_name}
            </a>{" "}
            ({formatNumber(Math.ceil(doc.size_bytes / 1024))} KB, caricato il {formatDateTime(doc.uploaded_at)})
          </li>
        ))}
      </ul>
    </>
  );
}

export function DocumentField({ field }: { field: Field }) {
  return <TextField type="file" field={field} label="Documento (PDF, al massimo 10 MB)" accept="application/pdf,.pdf" required />;
}

export function AddDocumentForm({ record, lastResult }: { record: RecordView; lastResult: FormResult | null }) {
  // Only the file: nothing to check in the browser, the server's message shows next to the field.
  const [form, fields] = useServerForm<{ documento: File }>({ id: "document", lastResult, constraint: {} });
  if (!OPEN_STATUSES.includes(record.status)) return null;
  return (
    <Form method="post" encType="multipart/form-data" className="mb-4" {...getFormProps(form)}>
      <input type="hidden" name="intent" value={DOCUMENT_INTENT} />
      <DocumentField field={fields.documento} />
      <button type="submit" className="btn btn-outline-primary">
        Allega il documento
      </button>
    </Form>
  );
}

/** One form with the fields and a button per event `side` may fire now (one note field, so no duplicate ids). */
export function RecordEventForms({ record, side, lastResult }: { record: RecordView; side: RecordSide; lastResult: FormResult | null }) {
  const [form, fields] = useSchemaForm(RecordEventSchema, {
    id: "event",
    lastResult,
    defaultValue: record.kind === "esonero" ? { grantedPercent: String(record.details.requestedPercent) } : undefined,
  });
  const events = availableEvents(record.kind, record.status, side);
  if (!events.length) return null;
  const can = (e: RecordEvent) => events.includes(e);
  return (
    <section aria-labelledby="events-title" className="mt-4">
      <h2 id="events-title" className="h4">
        {side === "officer" ? "Decisione del collocamento mirato" : "Azioni"}
      </h2>
      <ErrorSummary form={form} />
      <Form method="post" className="border rounded p-3 mb-3" {...getFormProps(form)}>
        <input type="hidden" name="version" value={record.version} />
        {can("approve") && record.kind === "esonero" ? (
          <TextField field={fields.grantedPercent} label="Percentuale autorizzata (se accolta)" inputMode="numeric" />
        ) : null}
        {can("close") ? <TextField field={fields.endedOn} type="date" label="Data di conclusione" hint="Se vuota, oggi" /> : null}
        {can("close") && record.details.suspensionType === "licenziamento_collettivo" ? (
          <TextField
            field={fields.dismissals}
            label="Licenziamenti al termine della procedura"
            inputMode="numeric"
            hint="Con almeno 5 licenziamenti la sospensione dura altri 6 mesi (diritto di precedenza)"
          />
        ) : null}
        {side === "officer" ? (
          <TextAreaField field={fields.note} label="Nota per l'azienda (obbligatoria per respingere)" rows={2} />
        ) : null}
        <div className="d-flex flex-wrap gap-2">
          {events.map((event) => (
            <button
              key={event}
              type="submit"
              name="event"
              value={event}
              className={`btn ${event === "reject" || event === "withdraw" ? "btn-outline-danger" : "btn-primary"}`}
            >
              {EVENT_LABELS[event]}
            </button>
          ))}
        </div>
      </Form>
    </section>
  );
}
