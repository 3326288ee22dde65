import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ErrorSummary, SelectField } from "~/components/forms";
import { PageTitle } from "~/components/layout";
import { Pager } from "~/components/pager";
import { VacancyStatusBadge } from "~/components/vacancy-view";
import { getDb } from "~/db/db.server";
import { countVacancyQueueRows, listVacancyQueue } from "~/domain/vacancies/queries.server";
import { getEmployer } from "~/domain/employers/queries.server";
import { plural } from "~/utils/plural";
import { OfficerQueueFilterSchema } from "~/domain/vacancies/schema";
import { VACANCY_STATUS_LABELS } from "~/domain/vacancies/states";
import { formatDate, formatDateTime } from "~/utils/format";
import { parseSearchParams } from "~/utils/forms";
import { requireVacancyOfficer } from "~/web/guards.server";

export const meta: MetaFunction = () => [{ title: "Offerte di lavoro da gestire — Rosa" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireVacancyOfficer(request);
  const parsed = parseSearchParams(new URL(request.url), OfficerQueueFilterSchema);
  const filter = parsed.ok ? parsed.data : { status: "submitted" as const, page: 1, azienda: undefined };
  const db = getDb();
  const employer = filter.azienda ? await getEmployer(db, filter.azienda) : null;
  return {
    filter,
    employerName: employer?.legal_name ?? null,
    errors: parsed.ok ? undefined : parsed.errors,
    total: await countVacancyQueueRows(db, filter),
    ...(await listVacancyQueue(db, filter)),
  };
}

const { draft: _draft, ...FILTER_STATUSES } = VACANCY_STATUS_LABELS;

export default function VacancyQueue() {
  const { filter, errors, vacancies, hasMore, total, employerName } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageTitle title="Offerte di lavoro" lead="Le offerte inviate dalle aziende: convalidale o rimandale con le correzioni da fare." />
      <ErrorSummary errors={errors} />
      {employerName ? (
        <p>
          Offerte di <strong>{employerName}</strong> · <Link to={`/operatore/aziende/${filter.azienda}`}>torna all'azienda</Link> ·{" "}
          <Link to={`/operatore/offerte?status=${filter.status}`}>tutte le aziende</Link>
        </p>
      ) : null}
      <Form method="get" className="row align-items-end mb-3">
        {filter.azienda ? <input type="hidden" name="azienda" value={filter.azienda} /> : null}
        <div className="col-md-4">
          <SelectField name="status" label="Stato" options={FILTER_STATUSES} placeholder="Tutti gli stati" defaultValue={filter.status} />
        </div>
        <div className="col-md-2 mb-4">
          <button type="submit" className="btn btn-primary">
            Filtra
          </button>
        </div>
      </Form>
      {vacancies.length ? (
        <div className="table-responsive" tabIndex={0}>
          <table className="table">
            <caption>
              {plural(total, "offerta", "offerte")}{" "}
              {filter.status ? `nello stato «${VACANCY_STATUS_LABELS[filter.status]}»` : employerName ? "" : "di tutte le aziende"}
            </caption>
            <thead>
              <tr>
                <th scope="col">N.</th>
                <th scope="col">Offerta</th>
                <th scope="col">Azienda</th>
                <th scope="col">Stato</th>
                <th scope="col">Inviata</th>
                <th scope="col">Scadenza</th>
              </tr>
            </thead>
            <tbody>
              {vacancies.map((v) => (
                <tr key={v.id}>
                  <td>{v.number}</td>
                  <td>
                    <Link to={`/operatore/offerte/${v.id}`}>{v.title}</Link>
                    <div className="rosa-muted">
                      {v.comune_name} ({v.province_code}) · {plural(v.positions, "posto", "posti")}
                      {v.warnings ? ` · ${plural(v.warnings, "avviso", "avvisi")} da verificare` : ""}
                    </div>
                  </td>
                  <td>{v.employer_name}</td>
                  <td>
                    <VacancyStatusBadge status={v.status} />
                  </td>
                  <td>{v.submitted_at ? formatDateTime(v.submitted_at) : "—"}</td>
                  <td>{formatDate(v.closing_date)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>Nessuna offerta in questo stato.</p>
      )}
      <Pager page={filter.page} hasMore={hasMore} />
    </div>
  );
}
