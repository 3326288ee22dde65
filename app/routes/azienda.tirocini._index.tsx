import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { InternshipStateBadge } from "~/components/internship-views";
import { PageTitle } from "~/components/layout";
import { getDb } from "~/db/db.server";
import { listEmployerInternships } from "~/domain/internships/index.server";
import { formatDate } from "~/utils/format";
import { requireInternshipEmployer } from "~/web/internship-guards.server";

export const meta: MetaFunction = () => [{ title: "Tirocini — Rosa" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { employerId } = await requireInternshipEmployer(request, context);
  return { internships: await listEmployerInternships(getDb(), employerId) };
}

export default function EmployerInternships() {
  const { internships } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageTitle
        title="Tirocini"
        lead="I tirocini extracurricolari che la tua azienda ospita con il Centro per l'Impiego come soggetto promotore."
      >
        <Link to="/azienda/tirocini/nuovo" className="btn btn-primary">
          Richiedi un tirocinio
        </Link>
      </PageTitle>
      {internships.length ? (
        <div className="table-responsive" tabIndex={0}>
          <table className="table">
            <caption className="visually-hidden">Tirocini della tua azienda</caption>
            <thead>
              <tr>
                <th scope="col">N.</th>
                <th scope="col">Tirocinio</th>
                <th scope="col">Sede</th>
                <th scope="col">Tirocinante</th>
                <th scope="col">Stato</th>
                <th scope="col">Periodo</th>
              </tr>
            </thead>
            <tbody>
              {internships.map((i) => (
                <tr key={i.id}>
                  <td>{i.number}</td>
                  <td>
                    <Link to={`/azienda/tirocini/${i.id}`}>{i.title}</Link>
                    {i.allowed === false ? (
                      <>
                        {" "}
                        <span className="badge bg-danger">Regole non rispettate</span>
                      </>
                    ) : null}
                  </td>
                  <td>{i.comune}</td>
                  <td>{i.traineeName ?? "Da scegliere"}</td>
                  <td>
                    <InternshipStateBadge state={i.state} />
                  </td>
                  <td>{i.startDate ? `${formatDate(i.startDate)}${i.endDate ? ` – ${formatDate(i.endDate)}` : ""}` : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>Nessun tirocinio per ora. Puoi richiederne uno con il pulsante qui sopra.</p>
      )}
    </div>
  );
}
