import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Notice } from "~/components/forms";
import { VacancyActions } from "~/components/vacancy-actions";
import { DiscriminationWarnings, VacancyFacts, VacancyStatusBadge } from "~/components/vacancy-view";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { EMPLOYER_STATUS_LABELS } from "~/domain/employers/states";
import { transitionVacancy } from "~/domain/vacancies/commands.server";
import { requireVacancyOfficer, vacancyIdFrom } from "~/domain/vacancies/policy.server";
import { toPublicVacancy } from "~/domain/vacancies/public-view";
import { getVacancy, vacancyVisible } from "~/domain/vacancies/queries.server";
import { TransitionSchema } from "~/domain/vacancies/schema";
import { EVENT_LABELS, LIVE_STATUSES, VACANCY_OUTCOME_LABELS } from "~/domain/vacancies/states";
import { domainErrorResponse, invalid } from "~/utils/action.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formatDateTime } from "~/utils/format";
import { parseFormData } from "~/utils/forms";
import { actorOf, notFound } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Offerta di lavoro — Rosa" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireVacancyOfficer(request);
  const vacancy = await getVacancy(getDb(), scope, vacancyIdFrom(params));
  // Drafts belong to the employer until they are sent.
  if (!vacancy || vacancy.status === "draft") throw notFound("Offerta non trovata");
  return { vacancy, view: { ...toPublicVacancy(vacancy), employerName: vacancy.employer_name } };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, scope } = await requireVacancyOfficer(request);
  const vacancyId = vacancyIdFrom(params);
  if (!(await vacancyVisible(getDb(), scope, vacancyId))) throw notFound("Offerta non trovata");
  const form = parseFormData(await request.formData(), TransitionSchema);
  if (!form.ok) return invalid(form.errors, form.values);
  try {
    await withTransaction((trx) => transitionVacancy(trx, actorOf(user, context), scope, vacancyId, form.data));
  } catch (e) {
    return domainErrorResponse(e, form.values);
  }
  return redirectWithFlash(`/operatore/offerte/${vacancyId}`, { type: "success", message: `Fatto: ${EVENT_LABELS[form.data.event].toLowerCase()}.` });
}

export default function OfficerVacancyPage() {
  const { vacancy, view } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="col-lg-10">
      <p>
        <Link to="/operatore/offerte">← Offerte di lavoro</Link>
      </p>
      <h1>
        {vacancy.title} <VacancyStatusBadge status={vacancy.status} />
      </h1>
      <p className="rosa-muted">
        Offerta n. {vacancy.number} di{" "}
        <Link to={`/operatore/aziende/${vacancy.employer_id}`}>{vacancy.employer_name}</Link> (azienda{" "}
        {EMPLOYER_STATUS_LABELS[vacancy.employer_status].toLowerCase()})
        {vacancy.submitted_at ? ` · inviata il ${formatDateTime(vacancy.submitted_at)}` : ""}
        {vacancy.validator_name ? ` · convalidata da ${vacancy.validator_name}` : ""}
      </p>
      {vacancy.status === "closed" ? (
        <Notice type="info">
          Chiusa il {formatDateTime(vacancy.closed_at!)}
          {vacancy.closed_by_expiry ? " alla scadenza" : ""}
          {vacancy.outcome ? ` — ${VACANCY_OUTCOME_LABELS[vacancy.outcome]}` : ""}.
        </Notice>
      ) : null}
      <DiscriminationWarnings findings={vacancy.discrimination_flags} />
      <p className="d-flex gap-3 flex-wrap">
        {LIVE_STATUSES.includes(vacancy.status) && vacancy.publication_mode !== "internal" ? (
          <Link to={`/offerte/${vacancy.id}`}>Vedi la pagina pubblica</Link>
        ) : null}
        <a href={`/operatore/offerte/${vacancy.id}/bcnl`} download={`offerta-${vacancy.number}-bcnl.xml`}>
          Esporta nel formato ClicLavoro/BCNL (XML)
        </a>
      </p>
      <VacancyFacts v={view} showInternal />
      <VacancyActions status={vacancy.status} by="officer" version={vacancy.version} errors={result?.errors} values={result?.values} />
    </div>
  );
}
