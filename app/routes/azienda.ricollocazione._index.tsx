import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageTitle } from "~/components/layout";
import { getDb } from "~/db/db.server";
import { EVENT_STATE_LABELS, EVENT_TYPE_LABELS } from "~/domain/outplacement";
import { listEmployerEvents } from "~/domain/outplacement/index.server";
import { formatDate, formatNumber } from "~/utils/format";
import { requireOutplacementEmployer } from "~/web/outplacement-guards.server";

export const meta: MetaFunction = () => [{ title: "Ricollocazione dei lavoratori — Rosa" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireOutplacementEmployer(request);
  return { events: await listEmployerEvents(getDb(), user.employerId) };
}

export default function EmployerOutplacement() {
  const { events } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageTitle
        title="Ricollocazione dei lavoratori"
        lead="Le procedure di riduzione di personale della tua azienda seguite dal Centro per l'Impiego. Vedi solo dati aggregati: mai i dati dei singoli lavoratori."
      >
        <Link to="/azienda/ricollocazione/nuova" className="btn btn-primary">
          Proponi un evento
        </Link>
      </PageTitle>
      {events.length ? (
        <div className="table-responsive" tabIndex={0}>
          <table className="table">
            <caption className="visually-hidden">Eventi di ricollocazione della tua azienda</caption>
            <thead>
              <tr>
                <th scope="col">Evento</th>
                <th scope="col">Tipo</th>
                <th scope="col">Stato</th>
                <th scope="col">Comunicazione</th>
                <th scope="col" className="text-end">
                  Esuberi dichiarati
                </th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id}>
                  <td>
                    <Link to={`/azienda/ricollocazione/${e.id}`}>{e.title}</Link>
                    {e.proposed_by_employer && !e.validated_at ? (
                      <>
                        {" "}
                        <span className="badge bg-warning text-dark">In attesa del Centro per l'Impiego</span>
                      </>
                    ) : null}
                  </td>
                  <td>{EVENT_TYPE_LABELS[e.type]}</td>
                  <td>{EVENT_STATE_LABELS[e.state]}</td>
                  <td>{e.communication_on ? formatDate(e.communication_on) : "—"}</td>
                  <td className="text-end">{e.surplus_announced === null ? "—" : formatNumber(e.surplus_announced)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>Nessun evento di ricollocazione per la tua azienda.</p>
      )}
    </div>
  );
}
