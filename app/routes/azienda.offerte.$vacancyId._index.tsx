import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Notice } from "~/components/forms";
import { VacancyActions } from "~/components/vacancy-actions";
import { DiscriminationWarnings, VacancyFacts, VacancyStatusBadge } from "~/components/vacancy-view";
import { getDb } from "~/db/db.server";
import { toPublicVacancy } from "~/domain/vacancies/public-view";
import { getVacancy, vacancyVisible } from "~/domain/vacancies/queries.server";
import { EDITABLE_STATUSES, VACANCY_OUTCOME_LABELS } from "~/domain/vacancies/states";
import { formatDateTime } from "~/utils/format";
import { respondToVacancyTransition } from "~/web/actions/vacancy-transition.server";
import { actorOf, notFound } from "~/web/session.server";
import { requireVacancyEmployer, vacancyIdFrom } from "~/web/guards.server";

export const meta: MetaFunction = () => [{ title: "Offerta di lavoro — Rosa" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireVacancyEmployer(request);
  const vacancy = await getVacancy(getDb(), scope, vacancyIdFrom(params));
  if (!vacancy) throw notFound("Offerta non trovata");
  return { vacancy, view: { ...toPublicVacancy(vacancy), employerName: vacancy.employer_name } };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, scope } = await requireVacancyEmployer(request);
  const vacancyId = vacancyIdFrom(params);
  if (!(await vacancyVisible(getDb(), scope, vacancyId))) throw notFound("Offerta non trovata");
  return respondToVacancyTransition(await request.formData(), actorOf(user, context), scope, vacancyId, `/azienda/offerte/${vacancyId}`);
}

export default function EmployerVacancyPage() {
  const { vacancy, view } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="col-lg-10">
      <p>
        <Link to="/azienda/offerte">← Offerte di lavoro</Link>
      </p>
      <h1>
        {vacancy.title} <VacancyStatusBadge status={vacancy.status} />
      </h1>
      <p className="rosa-muted">Offerta n. {vacancy.number}</p>
      {vacancy.status === "returned" && vacancy.status_reason ? (
        <Notice type="warning">
          <strong>Il Centro per l'Impiego chiede di correggere l'offerta:</strong> {vacancy.status_reason}
        </Notice>
      ) : null}
      {vacancy.status === "closed" ? (
        <Notice type="info">
          Chiusa il {formatDateTime(vacancy.closed_at!)}
          {vacancy.closed_by_expiry ? " alla scadenza" : ""}
          {vacancy.outcome ? ` — ${VACANCY_OUTCOME_LABELS[vacancy.outcome]}` : ""}.
        </Notice>
      ) : null}
      <DiscriminationWarnings findings={vacancy.discrimination_flags} />
      {EDITABLE_STATUSES.includes(vacancy.status) ? (
        <p>
          <Link to={`/azienda/offerte/${vacancy.id}/modifica`} className="btn btn-outline-primary">
            Modifica l'offerta
          </Link>
        </p>
      ) : null}
      <VacancyFacts v={view} showInternal />
      <VacancyActions status={vacancy.status} by="employer" version={vacancy.version} result={result?.result} />
    </div>
  );
}
