import { Form } from "@remix-run/react";
import type { CohortDiff } from "~/domain/outplacement";
import { MEMBER_STATE_LABELS } from "~/domain/outplacement";
import { formatDateTime, formatNumber } from "~/utils/format";
import { plural } from "~/utils/plural";

export interface WaitingImport {
  id: string;
  filename: string;
  status: "pending" | "preview" | string;
  source: "officer" | "employer" | string;
  file_format: string;
  total_rows: number;
  created_at: string | Date;
  diff: CohortDiff | null;
}

/** Rows shown per table; the counts above say how many there are. */
const SHOWN = 200;

function Decision({ action, intent, label, primary }: { action: string; intent: string; label: string; primary?: boolean }) {
  return (
    <Form method="post" action={action} reloadDocument className="d-inline-block me-2 mb-2">
      <input type="hidden" name="intent" value={intent} />
      <button type="submit" className={`btn ${primary ? "btn-primary" : "btn-outline-secondary"}`}>
        {label}
      </button>
    </Form>
  );
}

function DiffTables({ diff, filename }: { diff: CohortDiff; filename: string }) {
  return (
    <>
      <ul>
        <li>{plural(diff.added.length, "lavoratore nuovo", "lavoratori nuovi")} da aggiungere alla coorte</li>
        <li>{plural(diff.changed.length, "lavoratore con dati cambiati", "lavoratori con dati cambiati")}</li>
        <li>{plural(diff.unchanged, "lavoratore senza cambiamenti", "lavoratori senza cambiamenti")}</li>
        <li>
          {plural(diff.missing.length, "lavoratore della coorte assente", "lavoratori della coorte assenti")} dal nuovo elenco: non vengono
          cancellati, restano nella coorte segnalati come «assenti dall&apos;ultimo elenco»
        </li>
      </ul>
      {diff.added.length ? (
        <div className="table-responsive" tabIndex={0} role="region" aria-label={`Lavoratori nuovi dell'elenco ${filename}`}>
          <table className="table table-sm">
            <caption>Lavoratori nuovi</caption>
            <thead>
              <tr>
                <th scope="col">Riga</th>
                <th scope="col">Lavoratore</th>
                <th scope="col">Codice fiscale</th>
                <th scope="col">Sede</th>
              </tr>
            </thead>
            <tbody>
              {diff.added.slice(0, SHOWN).map((a) => (
                <tr key={a.taxCode}>
                  <td>{a.line}</td>
                  <td>{a.name}</td>
                  <td>{a.taxCode}</td>
                  <td>{a.site}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {diff.changed.length ? (
        <div className="table-responsive" tabIndex={0} role="region" aria-label={`Dati cambiati dall'elenco ${filename}`}>
          <table className="table table-sm">
            <caption>Dati cambiati (i campi lasciati vuoti nel file non cancellano i dati già registrati)</caption>
            <thead>
              <tr>
                <th scope="col">Lavoratore</th>
                <th scope="col">Dato</th>
                <th scope="col">Ora</th>
                <th scope="col">Nel nuovo elenco</th>
              </tr>
            </thead>
            <tbody>
              {diff.changed.slice(0, SHOWN).flatMap((c) =>
                c.changes.map((f, i) => (
                  <tr key={`${c.memberId}-${f.field}`}>
                    <td>{i === 0 ? `${c.name} (riga ${c.line})` : ""}</td>
                    <td>{f.label}</td>
                    <td>{f.from ?? "—"}</td>
                    <td>{f.to ?? "—"}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </div>
      ) : null}
      {diff.missing.length ? (
        <div className="table-responsive" tabIndex={0} role="region" aria-label={`Lavoratori assenti dall'elenco ${filename}`}>
          <table className="table table-sm">
            <caption>Lavoratori della coorte assenti dal nuovo elenco</caption>
            <thead>
              <tr>
                <th scope="col">Lavoratore</th>
                <th scope="col">Codice fiscale</th>
                <th scope="col">Stato</th>
              </tr>
            </thead>
            <tbody>
              {diff.missing.slice(0, SHOWN).map((m) => (
                <tr key={m.memberId}>
                  <td>{m.name}</td>
                  <td>{m.taxCode}</td>
                  <td>{MEMBER_STATE_LABELS[m.state]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}

/**
 * The lists waiting for the officer on the import page: the employer's lists to check, and the previews of a re-import
 * (new workers, changed fields, workers missing from the new list) to apply or set aside.
 */
export function WaitingImports({ imports, base }: { imports: WaitingImport[]; base: string }) {
  if (!imports.length) return null;
  return (
    <section aria-labelledby="waiting-title" className="mb-4">
      <h2 id="waiting-title" className="h4">
        Elenchi in attesa
      </h2>
      {imports.map((i) => {
        const action = `${base}/importa/${i.id}`;
        const from = i.source === "employer" ? "dall'azienda" : "dall'operatore";
        const format = i.file_format === "xlsx" ? "Excel" : "CSV";
        return (
          <article key={i.id} className="border rounded p-3 mb-3" aria-labelledby={`w-${i.id}`}>
            <h3 id={`w-${i.id}`} className="h5">
              {i.status === "pending" ? "Elenco ricevuto dall'azienda" : "Differenze da confermare"}: {i.filename}
            </h3>
            <p>
              File {format} caricato {from} il {formatDateTime(i.created_at)}, {plural(i.total_rows, "riga", "righe")} di lavoratori
              {i.total_rows > 0 ? ` (${formatNumber(i.total_rows)})` : ""}.
            </p>
            {i.status === "pending" ? (
              <>
                <p>
                  L&apos;elenco ha superato i controlli del file. «Verifica l&apos;elenco» lo confronta con la coorte e con la banca dati
                  dei CV e mostra le differenze: nulla viene importato finché non le applichi.
                </p>
                <Decision action={action} intent="verifica" label="Verifica l'elenco" primary />
                <Decision action={action} intent="scarta" label="Scarta l'elenco" />
              </>
            ) : i.diff ? (
              <>
                <DiffTables diff={i.diff} filename={i.filename} />
                <Decision action={action} intent="applica" label="Applica le modifiche" primary />
                {i.diff.missing.length ? (
                  <Decision action={action} intent="applica-parziale" label="Applica come elenco parziale (non segnalare gli assenti)" />
                ) : null}
                <Decision action={action} intent="scarta" label="Scarta l'anteprima" />
              </>
            ) : null}
          </article>
        );
      })}
    </section>
  );
}
