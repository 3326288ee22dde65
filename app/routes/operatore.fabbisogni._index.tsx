import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageTitle } from "~/components/layout";
import { getDb } from "~/db/db.server";
import { countUnmetDemand, listNeedsAssessments } from "~/domain/services/queries.server";
import { formatDate, formatNumber } from "~/utils/format";
import { requirePermission } from "~/web/session.server";
import { plural, pluralWord } from "~/utils/plural";

export const meta: MetaFunction = () => [{ title: "Consulenze sui fabbisogni — Rosa" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "services:deliver");
  const db = getDb();
  return { assessments: await listNeedsAssessments(db, {}), unmet: await countUnmetDemand(db) };
}

export default function NeedsIndex() {
  const { assessments, unmet } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageTitle
        title="Consulenze sui fabbisogni (4B)"
        lead="Figure professionali, gap di competenze e fabbisogni formativi rilevati con le aziende."
      >
        <Link to="/operatore/fabbisogni/nuova" className="btn btn-primary">
          Nuova consulenza
        </Link>
      </PageTitle>
      <p data-testid="unmet-demand">
        Domanda non soddisfatta: <strong>{formatNumber(unmet.figures)}</strong> {pluralWord(unmet.figures, "figura", "figure")},{" "}
        {plural(unmet.people, "persona", "persone")} (figure senza offerta o con offerta chiusa senza assunzioni).
      </p>
      {assessments.length ? (
        <div className="table-responsive" tabIndex={0}>
          <table className="table">
            <caption>Consulenze registrate</caption>
            <thead>
              <tr>
                <th scope="col">Data</th>
                <th scope="col">Azienda</th>
                <th scope="col">Persone da cercare</th>
              </tr>
            </thead>
            <tbody>
              {assessments.map((a) => (
                <tr key={a.id}>
                  <td>
                    <Link to={`/operatore/fabbisogni/${a.id}`}>{formatDate(a.assessed_on)}</Link>
                  </td>
                  <td>{a.employer_name}</td>
                  <td>{a.people}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>Nessuna consulenza registrata.</p>
      )}
    </div>
  );
}
