import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageTitle } from "~/components/layout";
import { getDb } from "~/db/db.server";
import { countEmployersByStatus } from "~/domain/employers/queries.server";
import { ROLE_LABELS, roleHas } from "~/domain/identity/roles";
import { queuesOf } from "~/domain/services/policy.server";
import { countOpenRequests } from "~/domain/services/queries.server";
import { countVacancyQueue } from "~/domain/vacancies/queries.server";
import { formatNumber } from "~/utils/format";
import { requirePermission } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Scrivania dell'operatore — Rosa" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "employers:review");
  const db = getDb();
  // Work queues of employer services (vacancies to validate, service requests): officers only, not administrators.
  const work = roleHas(user.role, "vacancies:review")
    ? { vacancies: await countVacancyQueue(db), requests: await countOpenRequests(db, queuesOf(user)) }
    : null;
  return { counts: await countEmployersByStatus(db), work, roleLabel: ROLE_LABELS[user.role], province: user.officeProvince };
}

const CARDS = [
  { status: "pending", title: "Aziende da convalidare", testId: "pending-count" },
  { status: "validated", title: "Aziende convalidate" },
  { status: "rejected", title: "Registrazioni respinte" },
] as const;

export default function OfficerHome() {
  const { counts, work, roleLabel, province } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageTitle title="Scrivania" lead={`${roleLabel}${province ? ` · provincia di competenza ${province}` : ""}`} />
      <div className="row">
        {CARDS.map((card) => (
          <div className="col-md-4" key={card.status}>
            <div className="card card-bg">
              <div className="card-body">
                <h2 className="h5 card-title">{card.title}</h2>
                <p className="display-6" data-testid={"testId" in card ? card.testId : undefined}>
                  {formatNumber(counts[card.status])}
                </p>
                <Link to={`/operatore/aziende?status=${card.status}`}>Apri l'elenco</Link>
              </div>
            </div>
          </div>
        ))}
      </div>
      {work ? (
        <div className="row mt-4">
          <div className="col-md-4">
            <div className="card card-bg">
              <div className="card-body">
                <h2 className="h5 card-title">Offerte da convalidare</h2>
                <p className="display-6">{formatNumber(work.vacancies)}</p>
                <Link to="/operatore/offerte?status=submitted">Apri la coda delle offerte</Link>
              </div>
            </div>
          </div>
          <div className="col-md-4">
            <div className="card card-bg">
              <div className="card-body">
                <h2 className="h5 card-title">Richieste di servizio aperte</h2>
                <p className="display-6">{formatNumber(work.requests)}</p>
                <Link to="/operatore/richieste">Apri le richieste</Link>
              </div>
            </div>
          </div>
        </div>
      ) : null}
    </div>
  );
}
