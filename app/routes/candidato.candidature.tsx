import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageTitle } from "~/components/layout";
import { getDb } from "~/db/db.server";
import { listCandidateApplications } from "~/domain/vacancies/applications.server";
import { formatDate } from "~/utils/format";
import { requirePermission } from "~/web/session.server";
import { requireOwnCandidateId } from "~/web/guards.server";

export const meta: MetaFunction = () => [{ title: "Le mie candidature — Rosa" }];

const STATUS = { submitted: "In verifica", accepted: "Accettata nella rosa dei candidati", declined: "Non accettata" } as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "candidate:self");
  const db = getDb();
  return { applications: await listCandidateApplications(db, await requireOwnCandidateId(db, user)) };
}

export default function MyApplications() {
  const { applications } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageTitle title="Le mie candidature" lead="Le offerte a cui ti sei candidato e l'esito della verifica del Centro per l'Impiego.">
        <Link to="/offerte">Cerca altre offerte di lavoro</Link>
      </PageTitle>
      {applications.length ? (
        <div className="table-responsive" tabIndex={0}>
          <table className="table">
            <caption>Candidature ({applications.length})</caption>
            <thead>
              <tr>
                <th scope="col">Offerta</th>
                <th scope="col">Inviata il</th>
                <th scope="col">Esito</th>
              </tr>
            </thead>
            <tbody>
              {applications.map((a) => (
                <tr key={a.id}>
                  <td>
                    {a.vacancy_status === "published" || a.vacancy_status === "in_preselection" ? (
                      <Link to={`/offerte/${a.vacancy_id}`}>{a.title}</Link>
                    ) : (
                      a.title
                    )}{" "}
                    (n. {a.number})
                  </td>
                  <td>{formatDate(a.created_at)}</td>
                  <td>
                    {STATUS[a.status]}
                    {a.decline_reason ? <div>Motivo: {a.decline_reason}</div> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>Non ti sei ancora candidato a nessuna offerta.</p>
      )}
    </div>
  );
}
