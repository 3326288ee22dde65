import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { plural } from "~/utils/plural";
import { Link, useLoaderData } from "@remix-run/react";
import { Notice } from "~/components/forms";
import { PageTitle } from "~/components/layout";
import { VacancyStatusBadge } from "~/components/vacancy-view";
import { getDb } from "~/db/db.server";
import { canPostVacancies } from "~/domain/employers/policy.server";
import { getEmployer } from "~/domain/employers/queries.server";
import { presentedCountsByVacancy } from "~/domain/shortlists/queries.server";
import { applicationCounts } from "~/domain/vacancies/applications.server";
import { listEmployerNotifications } from "~/domain/vacancies/notifications.server";
import { listEmployerVacancies } from "~/domain/vacancies/queries.server";
import { EXPIRING_DAYS } from "~/domain/vacancies/states";
import { VACANCY_OUTCOME_LABELS } from "~/domain/vacancies/states";
import { formatDate, formatDateTime } from "~/utils/format";
import { notFound } from "~/web/session.server";
import { requireVacancyEmployer } from "~/web/guards.server";

export const meta: MetaFunction = () => [{ title: "Offerte di lavoro — Rosa" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { employerId } = await requireVacancyEmployer(request);
  const db = getDb();
  const employer = await getEmployer(db, employerId);
  if (!employer) throw notFound();
  // ?scadenza=7: the desk's link, live vacancies closing within a week.
  const expiring = new URL(request.url).searchParams.get("scadenza") === String(EXPIRING_DAYS);
  return {
    canSubmit: canPostVacancies(employer.status),
    expiring,
    vacancies: await listEmployerVacancies(db, employerId, { expiring }),
    counts: await applicationCounts(db, employerId),
    presented: await presentedCountsByVacancy(db, employerId),
    notifications: await listEmployerNotifications(db, employerId),
  };
}

export default function EmployerVacancies() {
  const { canSubmit, vacancies, notifications, counts, presented, expiring } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageTitle
        title="Offerte di lavoro"
        lead="Le offerte della tua azienda: bozze, offerte inviate al Centro per l'Impiego, pubblicate e chiuse."
      >
        <Link to="/azienda/offerte/nuova" className="btn btn-primary">
          Nuova offerta
        </Link>
      </PageTitle>
      {!canSubmit ? (
        <Notice type="info">Puoi preparare le bozze; potrai inviarle al Centro per l'Impiego quando l'azienda sarà convalidata.</Notice>
      ) : null}
      {notifications.length ? (
        <section className="mb-4" aria-labelledby="avvisi">
          <h2 id="avvisi" className="h4">
            Avvisi
          </h2>
          <ul>
            {notifications.map((n) => (
              <li key={n.id}>
                <strong>{formatDateTime(n.created_at)}</strong> — {n.link ? <Link to={n.link}>{n.title}</Link> : n.title}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p>
        {expiring ? (
          <>
            <strong>Solo le offerte pubblicate in scadenza entro {plural(EXPIRING_DAYS, "giorno", "giorni")}</strong> ·{" "}
            <Link to="/azienda/offerte">Tutte le offerte</Link>
          </>
        ) : (
          <Link to={`/azienda/offerte?scadenza=${EXPIRING_DAYS}`}>
            Solo le offerte in scadenza entro {plural(EXPIRING_DAYS, "giorno", "giorni")}
          </Link>
        )}
      </p>
      {vacancies.length ? (
        <div className="table-responsive" tabIndex={0}>
          <table className="table">
            <caption>{expiring ? `Offerte in scadenza (${vacancies.length})` : `Offerte dell'azienda (${vacancies.length})`}</caption>
            <thead>
              <tr>
                <th scope="col">N.</th>
                <th scope="col">Offerta</th>
                <th scope="col">Stato</th>
                <th scope="col">Posti</th>
                <th scope="col">Candidature</th>
                <th scope="col">Candidature accolte</th>
                <th scope="col">Candidati presentati</th>
                <th scope="col">Scadenza</th>
              </tr>
            </thead>
            <tbody>
              {vacancies.map((v) => (
                <tr key={v.id}>
                  <td>{v.number}</td>
                  <td>
                    <Link to={`/azienda/offerte/${v.id}`}>{v.title}</Link>
                    <div className="rosa-muted">{v.comune_name}</div>
                  </td>
                  <td>
                    <VacancyStatusBadge status={v.status} />
                    {v.outcome ? <div>{VACANCY_OUTCOME_LABELS[v.outcome]}</div> : null}
                  </td>
                  <td>{v.positions}</td>
                  <td>{counts[v.id]?.total ?? 0}</td>
                  <td>{counts[v.id]?.accepted ?? 0}</td>
                  <td>{presented[v.id] ?? 0}</td>
                  <td>{formatDate(v.closing_date)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{expiring ? "Nessuna offerta in scadenza." : "Non hai ancora offerte di lavoro."}</p>
      )}
    </div>
  );
}
