import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { getFormProps } from "@conform-to/react";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorSummary, Notice, TextField } from "~/components/forms";
import { getDb } from "~/db/db.server";
import { DomainError } from "~/domain/errors";
import { cohortEvent, getCohortImport, importCohort, listCohortImports, waitingCohortImports } from "~/domain/outplacement/index.server";
import { WaitingImports } from "~/components/outplacement-import-review";
import { COHORT_OPTIONAL_COLUMNS, COHORT_REQUIRED_COLUMNS, CohortFileError, DROPPED_COLUMNS, MAX_COHORT_ROWS } from "~/domain/outplacement";
import { readCsv } from "~/documents/csv.server";
import { formatDateTime, formatNumber } from "~/utils/format";
import { plural } from "~/utils/plural";
import { emptySubmission, replyDomainError } from "~/web/conform.server";
import { requireCohortOfficer } from "~/web/cohort-guards.server";
import { redirectWithFlash } from "~/web/flash.server";
import { readUploadedFile } from "~/web/upload.server";
import { actorOf, notFound } from "~/web/session.server";
import { useServerForm } from "~/web/form-metadata";

export const meta: MetaFunction = () => [{ title: "Importa l'elenco dei lavoratori — Ricollocazione — Rosa" }];

const MAX_CSV_BYTES = 5 * 1_048_576;
/** Errors shown on the page; the downloadable report has all of them. */
const SHOWN_ERRORS = 50;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { eventId } = await requireCohortOfficer(request, params);
  const db = getDb();
  const importId = new URL(request.url).searchParams.get("esito");
  try {
    const event = await cohortEvent(db, eventId);
    const last = importId && /^[0-9a-f-]{36}$/i.test(importId) ? await getCohortImport(db, eventId, importId) : null;
    const errors = last?.error_report
      ? readCsv(last.error_report)
          .slice(1, SHOWN_ERRORS + 1)
          .map((r) => r.cells)
      : [];
    return {
      event,
      imports: await listCohortImports(db, eventId),
      waiting: await waitingCohortImports(db, eventId),
      last: last
        ? {
            id: last.id,
            status: last.status,
            message: last.message,
            filename: last.filename,
            errorCount: last.error_count,
            warningCount: last.warning_count,
            dropped: last.dropped_columns,
          }
        : null,
      errors,
    };
  } catch (e) {
    if (e instanceof DomainError && e.kind === "not_found") throw notFound(e.message);
    throw e;
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, eventId } = await requireCohortOfficer(request, params);
  try {
    const file = await readUploadedFile(request, "file", MAX_CSV_BYTES, "Il file è troppo grande: al massimo 5 MB");
    if (!file.name && file.bytes.length === 0) throw new DomainError("Scegli il file CSV o Excel da importare", "file");
    const result = await importCohort(getDb(), { ...actorOf(user, context), userId: user.id }, eventId, file);
    const to = `/operatore/ricollocazione/${eventId}/importa?esito=${result.importId}`;
    if (result.status === "failed")
      return redirectWithFlash(to, {
        type: "warning",
        message: "Il file ha errori: nessun lavoratore è stato importato. Vedi il rapporto qui sotto.",
      });
    if (result.status === "preview")
      return redirectWithFlash(to, {
        type: "info",
        message: "La coorte ha già dei lavoratori: controlla le differenze qui sotto e applicale. Nulla è stato ancora importato.",
      });
    return redirectWithFlash(to, {
      type: "success",
      message: `${plural(result.imported, "lavoratore importato", "lavoratori importati")}: ${plural(result.created, "CV creato", "CV creati")}, ${plural(result.linked, "collegato a un CV esistente", "collegati a CV esistenti")}.`,
    });
  } catch (e) {
    // The file is the only field and is read as a stream: conform's reply carries its message (nothing typed to give back).
    if (e instanceof CohortFileError) return replyDomainError(new DomainError(e.message, "file"), emptySubmission());
    return replyDomainError(e, emptySubmission());
  }
}

export default function ImportCohortPage() {
  const { event, imports, waiting, last, errors } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>()?.result;
  // Nothing to check in the browser (the checks need the whole file): the server's message shows next to the field.
  const [form, fields] = useServerForm<{ file: File }>({ id: "cohort-import", lastResult: reply, constraint: {} });
  const navigation = useNavigation();
  const base = `/operatore/ricollocazione/${event.id}`;
  return (
    <div className="col-lg-10">
      <p>
        <Link to={`${base}/lavoratori`}>← Lavoratori della coorte</Link>
      </p>
      <h1>Importa l&apos;elenco dei lavoratori</h1>
      <p className="lead">
        {event.title} — {event.employer_name}. Ogni riga è un lavoratore. Il file viene verificato riga per riga: se anche una sola riga ha
        errori non si importa nulla e ricevi il rapporto degli errori con il numero di riga del file. Al massimo{" "}
        {formatNumber(MAX_COHORT_ROWS)} righe.
      </p>
      <p>
        <a href={`${base}/importa/modello`} download>
          Scarica il modello CSV con due righe di esempio
        </a>{" "}
        (separatore «;», codifica UTF-8, date aaaa-mm-gg). Le righe di esempio vanno cancellate: se restano nel file vengono rifiutate. Si
        può caricare anche il foglio Excel (.xlsx) con le stesse intestazioni nella prima riga del primo foglio. Se la coorte ha già dei
        lavoratori, il nuovo elenco mostra prima le differenze e si applica solo dopo la conferma.
      </p>

      {last && last.status === "failed" ? (
        <section aria-labelledby="report-title" className="mb-4">
          <h2 id="report-title" className="h4">
            Esito: file rifiutato
          </h2>
          <Notice type="danger">{last.message}</Notice>
          <p>
            <a href={`${base}/importa/${last.id}/errori`} download>
              Scarica il rapporto degli errori ({plural(last.errorCount, "errore", "errori")})
            </a>
          </p>
          <div className="table-responsive" tabIndex={0} role="region" aria-label="Errori del file">
            <table className="table table-sm">
              <caption>
                Errori del file {last.filename}
                {last.errorCount > errors.length ? ` (i primi ${formatNumber(errors.length)}: tutti nel rapporto da scaricare)` : ""}
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
                {errors.map((cells, i) => (
                  <tr key={i}>
                    {cells.slice(0, 4).map((c, j) => (
                      <td key={j}>{c}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {last.dropped.length ? <p>Colonne ignorate e non conservate: {last.dropped.join(", ")}.</p> : null}
        </section>
      ) : null}
      {last && last.status === "done" ? (
        <section aria-labelledby="report-title" className="mb-4">
          <h2 id="report-title" className="h4">
            Esito: file importato
          </h2>
          <Notice type="success">{last.message}</Notice>
          <p>
            <Link to={`${base}/lavoratori`}>Vai ai lavoratori della coorte</Link>
          </p>
          {last.dropped.length ? <p>Colonne ignorate e non conservate: {last.dropped.join(", ")}.</p> : null}
          {last.warningCount ? (
            <p>
              <a href={`${base}/importa/${last.id}/errori?tipo=avvisi`} download>
                Scarica gli avvisi ({plural(last.warningCount, "avviso", "avvisi")})
              </a>
            </p>
          ) : null}
        </section>
      ) : null}

      <ErrorSummary form={form} />
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
        <TextField
          field={fields.file}
          type="file"
          label="File CSV o Excel dell'elenco"
          accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        />
        <button type="submit" className="btn btn-primary" disabled={navigation.state === "submitting"}>
          {navigation.state === "submitting" ? "Verifica in corso…" : "Verifica e importa"}
        </button>
      </Form>
      <div className="mt-4">
        <WaitingImports imports={waiting} base={base} />
      </div>

      <details className="mt-4">
        <summary>Colonne del file</summary>
        <p>Obbligatorie: {COHORT_REQUIRED_COLUMNS.join(", ")}, e una tra sede_lavoro_comune e unita_produttiva_id.</p>
        <p>Facoltative: {COHORT_OPTIONAL_COLUMNS.join(", ")}.</p>
        <ul>
          <li>situazione: DISMISSED, NOTICE_PERIOD, CIGS_ZERO_HOURS, CIGS_PARTIAL o VOLUNTARY_EXIT</li>
          <li>data_cessazione obbligatoria per DISMISSED e VOLUNTARY_EXIT; cigs_dal per la CIGS; riduzione_orario_pct per CIGS_PARTIAL</li>
          <li>comune_residenza: «Nome (XX)», codice ISTAT a 6 cifre o codice catastale</li>
          <li>
            Per creare il CV di chi non è ancora in Rosa servono cp2021_code, titolo_studio e livello_eqf; senza, il lavoratore è importato
            e il CV si completa al colloquio.
          </li>
          <li>
            Queste colonne sono accettate ma <strong>ignorate e mai conservate</strong> (non servono alla ricollocazione):{" "}
            {DROPPED_COLUMNS.join(", ")}.
          </li>
        </ul>
      </details>

      {imports.length ? (
        <section aria-labelledby="imports-title" className="mt-4">
          <h2 id="imports-title" className="h4">
            Importazioni precedenti
          </h2>
          <ul>
            {imports.map((i) => (
              <li key={i.id}>
                <Link to={`?esito=${i.id}`}>
                  {formatDateTime(i.created_at)} — {i.filename}
                </Link>
                : {i.message}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
