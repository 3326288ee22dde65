import { plural } from "~/utils/plural";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageTitle } from "~/components/layout";
import { getDb } from "~/db/db.server";
import { openInternshipServiceRequest } from "~/domain/internships/index.server";
import { listEmployerRequests, listNeedsAssessments } from "~/domain/services/queries.server";
import { SERVICE_REQUEST_LABELS } from "~/domain/services/screening";
import { formatDate, formatDateTime } from "~/utils/format";
import { requireEmployerUser } from "~/web/session.server";

export const meta: MetaFunction = () => [{ title: "Servizi richiesti — Rosa" }];

const STATUS = { open: "In attesa", taken: "Presa in carico", done: "Conclusa", cancelled: "Annullata" } as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireEmployerUser(request);
  const db = getDb();
  return {
    requests: await listEmployerRequests(db, user.employerId),
    assessments: await listNeedsAssessments(db, { employerId: user.employerId }),
    // The «tirocinio» request no internship answers yet: its row links to the request form.
    internshipRequestId: await openInternshipServiceRequest(db, user.employerId),
  };
}

export default function EmployerServices() {
  const { requests, assessments, internshipRequestId } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageTitle title="Servizi del Centro per l'Impiego" lead="I servizi che hai chiesto e i documenti della consulenza sui fabbisogni.">
        <p className="d-flex gap-3 flex-wrap">
          <Link to="/azienda/servizi/questionario" className="btn btn-primary">
            Chiedi un servizio
          </Link>
          <Link to="/informazioni" className="btn btn-outline-primary">
            Informazioni per i datori di lavoro
          </Link>
        </p>
      </PageTitle>
      {requests.length ? (
        <div className="table-responsive" tabIndex={0}>
          <table className="table">
            <caption>Richieste di servizio</caption>
            <thead>
              <tr>
                <th scope="col">Servizio</th>
                <th scope="col">Stato</th>
                <th scope="col">Richiesta il</th>
              </tr>
            </thead>
            <tbody>
              {requests.map((r) => (
                <tr key={r.id}>
                  <td>
                    {SERVICE_REQUEST_LABELS[r.service_code]}
                    {r.id === internshipRequestId ? (
                      <div className="small">
                        <Link to={`/azienda/tirocini/nuovo?richiesta=${r.id}`}>Compila la richiesta di tirocinio</Link>
                      </div>
                    ) : null}
                  </td>
                  <td>{STATUS[r.status]}</td>
                  <td>{formatDateTime(r.created_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>Non hai ancora chiesto servizi.</p>
      )}
      <h2 className="h4">Consulenza sui fabbisogni (4B)</h2>
      {assessments.length ? (
        <ul>
          {assessments.map((a) => (
            <li key={a.id}>
              Colloquio del {formatDate(a.assessed_on)} ({plural(a.people, "persona", "persone")} da cercare) —{" "}
              <a href={`/azienda/fabbisogni/${a.id}/pdf`}>scarica il documento (PDF)</a>
            </li>
          ))}
        </ul>
      ) : (
        <p>Nessuna consulenza registrata.</p>
      )}
    </div>
  );
}
