import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary, Notice } from "~/components/forms";
import { getDb } from "~/db/db.server";
import { recordAudit } from "~/domain/audit/index.server";
import { COHORT_OPTIONAL_COLUMNS, COHORT_REQUIRED_COLUMNS, DROPPED_COLUMNS, MAX_COHORT_ROWS, CohortFileError } from "~/domain/outplacement";
import { employerListUploads, MAX_COHORT_FILE_BYTES, receiveEmployerList } from "~/domain/outplacement/index.server";
import { DomainError } from "~/domain/errors";
import { formatDateTime, formatNumber } from "~/utils/format";
import { plural } from "~/utils/plural";
import { parseForm, type FormResult } from "~/web/conform";
import { replyDomainError } from "~/web/conform.server";
import { redirectWithFlash } from "~/web/flash.server";
import { requireAggregateViewer } from "~/web/outplacement-results.server";
import { actorOf, notFound } from "~/web/session.server";
import { readUploadedFile } from "~/web/upload.server";

export const meta: MetaFunction = () => [{ title: "Elenco dei lavoratori — Ricollocazione — Rosa" }];

/**
 * The dismissing employer sends the workers' list (L. 223/1991 art. 4 c. 9) as CSV or Excel: its own file's errors come
 * back row by row; an accepted list waits for the Centro per l'Impiego (docs/decisions/outplacement.md, «Elenco
 * dall'azienda, Excel e reimportazione»).
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, viewer, event } = await requireAggregateViewer(request, "employer", params);
  if (!event) throw notFound("Procedura non trovata");
  const db = getDb();
  const uploads = await employerListUploads(db, viewer.id, event.id);
  if (uploads.some((u) => u.errors.length))
    await recordAudit(db, actorOf(user, context), {
      action: "outplacement.employer_list_errors_viewed",
      entityType: "outplacement_event",
      entityId: event.id,
      employerId: viewer.id,
      details: { imports: uploads.filter((u) => u.errors.length).map((u) => u.id) },
    });
  return { event, uploads, maxRows: MAX_COHORT_ROWS };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, viewer, event } = await requireAggregateViewer(request, "employer", params);
  if (!event) throw notFound("Procedura non trovata");
  // The file is the only field and is read as a stream: conform's reply carries its message.
  const submission = parseForm(new FormData(), z.object({}));
  try {
    const file = await readUploadedFile(request, "file", MAX_COHORT_FILE_BYTES, "Il file è troppo grande: al massimo 5 MB");
    const result = await receiveEmployerList(getDb(), { ...actorOf(user, context), userId: user.id }, viewer.id, event.id, file);
    const to = `/azienda/ricollocazione/${event.id}/elenco`;
    if (result.status === "failed")
      return redirectWithFlash(to, {
        type: "warning",
        message: "Il file ha errori e non è stato inviato: correggi le righe indicate qui sotto e caricalo di nuovo.",
      });
    return redirectWithFlash(to, {
      type: "success",
      message: `Elenco inviato al Centro per l'Impiego: ${plural(result.rows, "lavoratore", "lavoratori")}. Ricevuto oggi.`,
    });
  } catch (e) {
    if (e instanceof CohortFileError) return replyDomainError(new DomainError(e.message, "file"), submission);
    return replyDomainError(e, submission);
  }
}

const errorsOf = (result: FormResult | undefined) =>
  Object.fromEntries(Object.entries(result?.error ?? {}).map(([name, messages]) => [name, messages ?? []]));

const STATUS: Record<string, string> = {
  pending: "Ricevuto, in verifica presso il Centro per l'Impiego",
  done: "Acquisito dal Centro per l'Impiego",
  failed: "Non inviato: il file ha errori",
  discarded: "Non acquisito: il Centro per l'Impiego ti contatterà",
};

export default function EmployerListPage() {
  const { event, uploads, maxRows } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const error = result?.result.error?.file?.[0];
  const latest = uploads[0];
  return (
    <div className="col-lg-10">
      <p>
        <Link to={`/azienda/ricollocazione/${event.id}`}>← Ricollocazione: dati aggregati</Link>
      </p>
      <h1>Elenco dei lavoratori</h1>
      <p className="lead">
        {event.title} — {event.legal_name}
      </p>
      <p>
        Carica l&apos;elenco dei lavoratori coinvolti (L. 223/1991 art. 4 c. 9) come file CSV (separatore «;», UTF-8) o foglio Excel (.xlsx,
        prima riga con le intestazioni): una riga per lavoratore, al massimo {plural(maxRows, "riga", "righe")}. Il file viene controllato
        subito: se una riga ha errori non viene inviato nulla e vedi qui le righe da correggere. L&apos;elenco accettato arriva al Centro
        per l&apos;Impiego, che lo verifica e lo acquisisce; la data di ricezione vale per il termine di 7 giorni dal primo licenziamento.
      </p>
      <p>
        Le colonne su carichi di famiglia, punteggi dei criteri di scelta, anzianità, sesso, cittadinanza, invalidità, iscrizione sindacale
        e retribuzione sono <strong>ignorate e non conservate</strong>: non servono alla ricollocazione.
      </p>

      {latest && latest.refusedAtUpload && latest.errors.length ? (
        <section aria-labelledby="errors-title" className="mb-4">
          <h2 id="errors-title" className="h4">
            Righe da correggere nel file {latest.filename}
          </h2>
          <Notice type="danger">
            {plural(new Set(latest.errors.map((e) => e[0])).size, "riga", "righe")} con errori: il file non è stato inviato.
          </Notice>
          <div className="table-responsive" tabIndex={0} role="region" aria-label="Errori del file caricato">
            <table className="table table-sm">
              <caption>
                Errori del file {latest.filename}
                {latest.errorCount > latest.errors.length
                  ? ` (i primi ${formatNumber(latest.errors.length)} di ${formatNumber(latest.errorCount)})`
                  : ""}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Riga</th>
                  <th scope="col">Codice fiscale</th>
                  <th scope="col">Colonna</th>
                  <th scope="col">Errore</th>
                </tr>
              </thead>
              <tbody>
                {latest.errors.map((cells, i) => (
                  <tr key={i}>
                    {cells.map((c, j) => (
                      <td key={j}>{c}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      {/* The summary links to the field by its id, «f-file»: the form's id is the prefix. */}
      <ErrorSummary form={{ id: "f", allErrors: errorsOf(result?.result) }} />
      <Form method="post" encType="multipart/form-data">
        <div className="form-group">
          <label htmlFor="f-file">File dell&apos;elenco (CSV o Excel)</label>
          <input
            id="f-file"
            name="file"
            type="file"
            accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className={`form-control${error ? " is-invalid" : ""}`}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "f-file-error" : undefined}
          />
          {error ? (
            <div id="f-file-error" className="invalid-feedback d-block">
              {error}
            </div>
          ) : null}
        </div>
        <button type="submit" className="btn btn-primary" disabled={navigation.state === "submitting"}>
          {navigation.state === "submitting" ? "Controllo in corso…" : "Invia l'elenco"}
        </button>
      </Form>

      <details className="mt-4">
        <summary>Colonne del file</summary>
        <p>Obbligatorie: {COHORT_REQUIRED_COLUMNS.join(", ")}, e una tra sede_lavoro_comune e unita_produttiva_id.</p>
        <p>Facoltative: {COHORT_OPTIONAL_COLUMNS.join(", ")}.</p>
        <ul>
          <li>situazione: DISMISSED, NOTICE_PERIOD, CIGS_ZERO_HOURS, CIGS_PARTIAL o VOLUNTARY_EXIT</li>
          <li>date: aaaa-mm-gg o gg/mm/aaaa (in Excel anche celle in formato data)</li>
          <li>Ignorate e mai conservate: {DROPPED_COLUMNS.join(", ")}.</li>
        </ul>
      </details>

      {uploads.length ? (
        <section aria-labelledby="uploads-title" className="mt-4">
          <h2 id="uploads-title" className="h4">
            Elenchi inviati
          </h2>
          <div className="table-responsive" tabIndex={0} role="region" aria-label="Tabella degli elenchi inviati">
            <table className="table table-sm">
              <caption>{plural(uploads.length, "elenco caricato", "elenchi caricati")} (i più recenti)</caption>
              <thead>
                <tr>
                  <th scope="col">Caricato il</th>
                  <th scope="col">File</th>
                  <th scope="col">Righe</th>
                  <th scope="col">Stato</th>
                </tr>
              </thead>
              <tbody>
                {uploads.map((u) => (
                  <tr key={u.id}>
                    <td>{formatDateTime(u.createdAt)}</td>
                    <td>{u.filename}</td>
                    <td>{formatNumber(u.rows)}</td>
                    <td>{u.status === "failed" && !u.refusedAtUpload ? STATUS.discarded : STATUS[u.status]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </div>
  );
}
