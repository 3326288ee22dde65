import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { expireAvailability, sendFeedbackReminders } from "~/domain/shortlists/commands.server";
import { listMatchableVacancies } from "~/domain/shortlists/queries.server";
import { VACANCY_STATUS_LABELS } from "~/domain/vacancies/states";
import { getEnv } from "~/utils/env.server";
import { formatDate } from "~/utils/format";
import { requireMatchingOfficer } from "~/web/guards.server";

export const meta: MetaFunction = () => [{ title: "Preselezione — Rosa" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireMatchingOfficer(request);
  // Deadlines and feedback reminders are swept when officers open their desk (idempotent).
  await withTransaction(async (trx) => {
    await expireAvailability(trx);
    await sendFeedbackReminders(trx, getEnv().FEEDBACK_REMINDER_DAYS);
  });
  const vacancies = await listMatchableVacancies(getDb());
  return { vacancies: vacancies.map((v) => ({ ...v, number: Number(v.number), shortlists: Number(v.shortlists) })) };
}

export default function PreselectionIndex() {
  const { vacancies } = useLoaderData<typeof loader>();
  return (
    <div>
      <h1>Preselezione</h1>
      <p>
        Le offerte convalidate da abbinare ai candidati. <Link to="/operatore/preselezione/cifre">Cifre della preselezione</Link>
      </p>
      {vacancies.length ? (
        <div className="table-responsive" tabIndex={0}>
          <table className="table">
            <caption>Offerte da abbinare ({vacancies.length})</caption>
            <thead>
              <tr>
                <th scope="col">Offerta</th>
                <th scope="col">Azienda</th>
                <th scope="col">Sede</th>
                <th scope="col">Stato</th>
                <th scope="col">Convalidata</th>
                <th scope="col">Rose</th>
              </tr>
            </thead>
            <tbody>
              {vacancies.map((v) => (
                <tr key={v.id}>
                  <td>
                    <Link to={`/operatore/preselezione/${v.id}`}>
                      n. {v.number} — {v.title}
                    </Link>
                    {v.l68_reserved !== "no" ? " (riservata L. 68/99)" : ""}
                  </td>
                  <td>{v.employer_name}</td>
                  <td>{v.comune_name}</td>
                  <td>{VACANCY_STATUS_LABELS[v.status]}</td>
                  <td>{v.validated_at ? formatDate(v.validated_at) : "—"}</td>
                  <td>{v.shortlists}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>Nessuna offerta da abbinare in questo momento.</p>
      )}
    </div>
  );
}
