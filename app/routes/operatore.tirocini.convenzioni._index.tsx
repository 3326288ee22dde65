import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageTitle } from "~/components/layout";
import { getDb } from "~/db/db.server";
import { CONVENTION_STATE_LABELS, isConventionState, type ConventionState } from "~/domain/internships";
import { listConventions } from "~/domain/internships/index.server";
import { formatDate } from "~/utils/format";
import { plural } from "~/utils/plural";
import { requirePermission } from "~/web/session.server";

export const meta: MetaFunction = () => [{ title: "Convenzioni di tirocinio — Rosa" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "services:deliver");
  const state = new URL(request.url).searchParams.get("stato");
  const rows = await listConventions(getDb(), { kind: "officer" }, { state: isConventionState(state) ? state : null });
  return { rows, state: isConventionState(state) ? state : "" };
}

export default function Conventions() {
  const { rows, state } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageTitle
        title="Convenzioni di tirocinio"
        lead="Le convenzioni tra il Centro per l'Impiego e le aziende ospitanti: un progetto formativo si firma solo con una convenzione in vigore."
      >
        <Link to="/operatore/tirocini/convenzioni/nuova" className="btn btn-primary">
          Nuova convenzione
        </Link>
      </PageTitle>
      <form method="get" className="mb-3">
        <div className="select-wrapper col-md-4">
          <label htmlFor="stato">Stato</label>
          <select id="stato" name="stato" defaultValue={state}>
            <option value="">Tutti</option>
            {(Object.entries(CONVENTION_STATE_LABELS) as [ConventionState, string][]).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn btn-outline-primary btn-sm mt-2">
          Filtra
        </button>
      </form>
      <p>{plural(rows.length, "convenzione", "convenzioni")}</p>
      {rows.length ? (
        <div className="table-responsive" tabIndex={0}>
          <table className="table">
            <caption className="visually-hidden">Convenzioni di tirocinio</caption>
            <thead>
              <tr>
                <th scope="col">N.</th>
                <th scope="col">Azienda</th>
                <th scope="col">Validità</th>
                <th scope="col">Stato</th>
                <th scope="col">Tirocini in corso</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/operatore/tirocini/convenzioni/${r.id}`}>n. {r.number}</Link>
                  </td>
                  <td>{r.legal_name}</td>
                  <td>{r.valid_from && r.valid_to ? `dal ${formatDate(r.valid_from)} al ${formatDate(r.valid_to)}` : "—"}</td>
                  <td>{CONVENTION_STATE_LABELS[r.state as ConventionState]}</td>
                  <td>{Number(r.running ?? 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
