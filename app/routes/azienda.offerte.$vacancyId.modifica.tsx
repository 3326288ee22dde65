import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Notice } from "~/components/forms";
import { PageTitle } from "~/components/layout";
import { vacancyFormValues, VacancyForm } from "~/components/vacancy-form";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { canPostVacancies } from "~/domain/employers/policy.server";
import { transitionVacancy, updateVacancy } from "~/domain/vacancies/commands.server";
import { toPublicVacancy } from "~/domain/vacancies/public-view";
import { getVacancy, vacancyVisible } from "~/domain/vacancies/queries.server";
import { SaveVacancySchema } from "~/domain/vacancies/schema";
import { EDITABLE_STATUSES } from "~/domain/vacancies/states";
import { parseForm } from "~/web/conform";
import { replyDomainError, replyInvalid } from "~/web/conform.server";
import { redirectWithFlash } from "~/web/flash.server";
import { actorOf, notFound } from "~/web/session.server";
import { requireVacancyEmployer, vacancyIdFrom } from "~/web/guards.server";

export const meta: MetaFunction = () => [{ title: "Modifica l'offerta — Rosa" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireVacancyEmployer(request);
  const vacancy = await getVacancy(getDb(), scope, vacancyIdFrom(params));
  if (!vacancy) throw notFound("Offerta non trovata");
  return {
    id: vacancy.id,
    title: vacancy.title,
    version: vacancy.version,
    editable: EDITABLE_STATUSES.includes(vacancy.status),
    canSubmit: canPostVacancies(vacancy.employer_status),
    values: vacancyFormValues(toPublicVacancy(vacancy)),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, scope } = await requireVacancyEmployer(request);
  const vacancyId = vacancyIdFrom(params);
  if (!(await vacancyVisible(getDb(), scope, vacancyId))) throw notFound("Offerta non trovata");
  const submission = parseForm(await request.formData(), SaveVacancySchema);
  if (submission.status !== "success") return replyInvalid(submission);
  if (!submission.value.version) return replyInvalid(submission, { formError: "Versione mancante: ricarica la pagina" });
  const actor = actorOf(user, context);
  try {
    await withTransaction(async (trx) => {
      const saved = await updateVacancy(trx, actor, scope, vacancyId, submission.value.version!, submission.value);
      if (submission.value.intent === "submit") {
        await transitionVacancy(trx, actor, scope, vacancyId, {
          event: "submit",
          version: saved.version,
          reason: "",
          outcome: "",
          channel: "",
        });
      }
    });
  } catch (e) {
    return replyDomainError(e, submission);
  }
  const message =
    submission.value.intent === "submit"
      ? "Offerta inviata al Centro per l'Impiego: un operatore la controlla e la convalida, oppure te la rimanda con le correzioni da fare."
      : "Modifiche salvate: quando l'offerta è pronta inviala al Centro per l'Impiego per la convalida.";
  return redirectWithFlash(`/azienda/offerte/${vacancyId}`, { type: "success", message });
}

export default function EditVacancy() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="col-lg-10">
      <p>
        <Link to={`/azienda/offerte/${data.id}`}>← Torna all'offerta</Link>
      </p>
      <PageTitle title={`Modifica: ${data.title}`} />
      {data.editable ? (
        <VacancyForm lastResult={result?.result} defaultValue={data.values} version={data.version} canSubmit={data.canSubmit} />
      ) : (
        <Notice type="info">L'offerta è già stata inviata al Centro per l'Impiego e non si può più modificare.</Notice>
      )}
    </div>
  );
}
