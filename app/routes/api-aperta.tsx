import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PageTitle } from "~/components/layout";
import { apiReference } from "~/web/openapi-view.server";
import { publicBaseUrl } from "~/web/action.server";

export const meta: MetaFunction = () => [
  { title: "API aperta — Rosa" },
  {
    name: "description",
    content: "Le API di Rosa per integratori: offerte pubblicate, quota L. 68/99, verifica dei tirocini, esportazioni ClicLavoro e UNILAV.",
  },
];

/** The reference of the open API, rendered on the server from the OpenAPI document (no script: the CSP allows none inline). */
export function loader() {
  const base = publicBaseUrl();
  return { base, ...apiReference(base) };
}

function Table({ caption, head, rows }: { caption: string; head: string[]; rows: (string | JSX.Element)[][] }) {
  return (
    <div className="table-responsive" tabIndex={0}>
      <table className="table table-sm">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {r.map((c, j) => (
                <td key={j} className={j === 0 ? "text-break" : undefined}>
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function ApiReference() {
  const { base, version, operations, schemas } = useLoaderData<typeof loader>();
  return (
    <div className="col-lg-10">
      <PageTitle
        title="API aperta"
        lead="Le offerte pubblicate, il calcolo della quota di riserva L. 68/99 e la verifica dei tirocini sono a disposizione di tutti; le esportazioni verso i sistemi nazionali sono per i sistemi autorizzati."
      />
      <p>
        Versione {version}. La descrizione completa è il documento OpenAPI 3.1 <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>, da
        usare con qualunque strumento compatibile. Le risposte sono in JSON (le esportazioni ClicLavoro e SAP in XML); gli errori hanno un
        messaggio in italiano nel campo <code>error</code>.
      </p>
      <h2 className="h3">Come ottenere un token</h2>
      <p>
        Le chiamate pubbliche non chiedono un token, ma hanno un limite di richieste per indirizzo IP. Un ente o un sistema che ha bisogno
        delle esportazioni (o di un proprio limite di richieste) chiede un token all'amministratore di Rosa, indicando a quali ambiti gli
        serve. Il token è mostrato una sola volta: va conservato come una password e inviato in ogni chiamata nell'intestazione{" "}
        <code>Authorization: Bearer &lt;token&gt;</code>. L'amministratore può revocarlo in ogni momento; ogni chiamata è registrata.
      </p>
      <pre className="rosa-pre-wrap text-break">
        <code>{`curl -H "Authorization: Bearer rosa_…" ${base}/api/v1/esportazioni/cliclavoro/<id dell'offerta>\ncurl "${base}/api/v1/offerte?professione=5.1&comune=Milano%20(MI)&page=1"`}</code>
      </pre>
      <p>Risposte di errore comuni: 401 token mancante o revocato, 403 ambito non concesso, 429 troppe richieste (vedi Retry-After).</p>

      <h2 className="h3 mt-5">Operazioni</h2>
      {operations.map((op) => (
        <section key={op.id} className="mb-5" aria-labelledby={`op-${op.id}`}>
          <h3 className="h4" id={`op-${op.id}`}>
            {op.summary}
          </h3>
          <p className="mb-1 text-break">
            <code>
              {op.method} {op.path}
            </code>
          </p>
          <p className="mb-1">
            <strong>Accesso:</strong> {op.access}
          </p>
          {op.description ? <p>{op.description}</p> : null}
          {op.parameters.length ? (
            <Table
              caption={`Parametri di ${op.summary}`}
              head={["Nome", "Dove", "Tipo", "Obbligatorio", "Descrizione"]}
              rows={op.parameters.map((p) => [p.name, p.in, p.type, p.required ? "sì" : "no", p.description])}
            />
          ) : null}
          {op.body ? (
            op.body.rows.length ? (
              <Table
                caption={`Corpo della richiesta di ${op.summary} (JSON)`}
                head={["Campo", "Tipo", "Obbligatorio", "Descrizione"]}
                rows={op.body.rows.map((r) => [r.name, r.type, r.required ? "sì" : "no", r.description])}
              />
            ) : (
              <p>Corpo della richiesta: {op.body.type}.</p>
            )
          ) : null}
          <Table
            caption={`Risposte di ${op.summary}`}
            head={["Stato", "Significato", "Contenuto"]}
            rows={op.responses.map((r) => [r.status, r.description, r.type])}
          />
        </section>
      ))}

      <h2 className="h3 mt-5">Schemi</h2>
      {schemas.map((s) => (
        <section key={s.name} className="mb-4" aria-labelledby={`schema-${s.name}`}>
          <h3 className="h5" id={`schema-${s.name}`}>
            {s.name}
          </h3>
          {s.description ? <p>{s.description}</p> : null}
          {s.rows.length ? (
            <Table
              caption={`Campi di ${s.name}`}
              head={["Campo", "Tipo", "Obbligatorio", "Descrizione"]}
              rows={s.rows.map((r) => [r.name, r.type, r.required ? "sì" : "no", r.description])}
            />
          ) : null}
        </section>
      ))}
    </div>
  );
}
