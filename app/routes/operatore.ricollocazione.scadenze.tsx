import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageTitle } from "~/components/layout";
import { getDb } from "~/db/db.server";
import { RULE_LABELS } from "~/domain/outplacement";
import { listDueMilestones } from "~/domain/outplacement/index.server";
import { todayInItaly } from "~/utils/dates";
import { formatDate } from "~/utils/format";
import { plural } from "~/utils/plural";
import { requireOutplacementOfficer } from "~/web/outplacement-guards.server";

export const meta: MetaFunction = () => [{ title: "Scadenze della ricollocazione — Rosa" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireOutplacementOfficer(request);
  return { rows: await listDueMilestones(getDb(), scope, todayInItaly()) };
}

export default function OutplacementDeadlines() {
  const { rows } = useLoaderData<typeof loader>();
  return (
    <div>
      <p>
        <Link to="/operatore/ricollocazione">← Ricollocazione</Link>
      </p>
      <PageTitle
        title="Scadenze della ricollocazione"
        lead="Le scadenze non ancora fatte, scadute o entro 7 giorni, degli eventi della tua provincia."
      />
      <p data-testid="due-total">{plural(rows.length, "scadenza", "scadenze")}</p>
      {rows.length ? (
        <div className="table-responsive" tabIndex={0}>
          <table className="table">
            <caption className="visually-hidden">Scadenze scadute o vicine</caption>
            <thead>
              <tr>
                <th scope="col">Entro il</th>
                <th scope="col">Scadenza</th>
                <th scope="col">Evento</th>
                <th scope="col">Azienda</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    {formatDate(r.due_on)} {r.overdue ? <span className="badge bg-danger">Scaduta</span> : null}
                  </td>
                  <td>{RULE_LABELS[r.rule_id]}</td>
                  <td>
                    <Link to={`/operatore/ricollocazione/${r.event_id}`}>{r.title}</Link>
                  </td>
                  <td>{r.legal_name}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>Nessuna scadenza scaduta o vicina.</p>
      )}
    </div>
  );
}
