import { todayInItaly } from "~/utils/dates";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { checkCompliance, requestCertificate, listCertificates } from "~/domain/l68/file/index.server";
import { pendingSentence } from "~/domain/l68";
import { redirectWithFlash } from "~/web/flash.server";
import { formatDate, formatDateTime } from "~/utils/format";
import { actorOf } from "~/web/session.server";
import { requireL68Employer } from "~/web/guards.server";

export const meta: MetaFunction = () => [{ title: "Certificazione di ottemperanza — Rosa" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireL68Employer(request);
  const db = getDb();
  return {
    certificates: await listCertificates(db, user.employerId),
    preview: await checkCompliance(db, user.employerId, todayInItaly()),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireL68Employer(request);
  const outcome = await withTransaction((trx) => requestCertificate(trx, actorOf(user, context), user.employerId, todayInItaly()));
  return redirectWithFlash("/azienda/collocamento-mirato/certificato", {
    type: outcome.compliant ? "success" : "warning",
    message: outcome.compliant
      ? `Certificazione n. ${outcome.number} rilasciata.`
      : "Certificazione non rilasciata: leggi i motivi qui sotto.",
  });
}

export default function CertificatePage() {
  const { certificates, preview } = useLoaderData<typeof loader>();
  return (
    <div>
      <p>
        <Link to="/azienda/collocamento-mirato">← Collocamento mirato</Link>
      </p>
      <h1>Certificazione di ottemperanza (art. 17 L. 68/99)</h1>
      <p>
        Serve per partecipare agli appalti pubblici e per convenzioni o concessioni con le pubbliche amministrazioni. Viene rilasciata
        subito se l'azienda è in regola; altrimenti ti indichiamo cosa manca.
      </p>
      {preview.compliant ? (
        <p className="text-success">
          In base ai dati attuali l'azienda risulta in regola.
          {preview.pending.units > 0 && preview.pending.dueOn ? ` ${pendingSentence(preview.pending.units, preview.pending.dueOn)}` : null}
        </p>
      ) : (
        <div className="alert alert-warning" role="status">
          <h2 className="h5">In base ai dati attuali la certificazione non può essere rilasciata</h2>
          <ul className="mb-0">
            {preview.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </div>
      )}
      <Form method="post">
        <button type="submit" className="btn btn-primary">
          Richiedi la certificazione
        </button>
      </Form>
      <div className="table-responsive mt-4" tabIndex={0}>
        <table className="table">
          <caption>Richieste di certificazione</caption>
          <thead>
            <tr>
              <th scope="col">Richiesta il</th>
              <th scope="col">Esito</th>
              <th scope="col">Dettagli</th>
            </tr>
          </thead>
          <tbody>
            {certificates.map((c) => (
              <tr key={c.id}>
                <td>{formatDateTime(c.requested_at)}</td>
                <td>{c.outcome === "issued" ? `Rilasciata n. ${c.number}` : "Non rilasciata"}</td>
                <td>
                  {c.outcome === "issued" ? (
                    <a href={`/azienda/collocamento-mirato/certificato/${c.id}`} download>
                      Scarica il PDF<span className="visually-hidden"> della certificazione {c.number}</span>
                    </a>
                  ) : (
                    <ul className="mb-0">
                      {c.reasons.map((r) => (
                        <li key={r}>{r}</li>
                      ))}
                    </ul>
                  )}
                  {c.valid_until ? <span className="d-block">Valida fino al {formatDate(c.valid_until)}</span> : null}
                  {c.pending_units > 0 && c.pending_due_on ? (
                    <span className="d-block">{pendingSentence(c.pending_units, c.pending_due_on)}</span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
