import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { PageTitle } from "~/components/layout";
import { VacancyForm } from "~/components/vacancy-form";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { canPostVacancies } from "~/domain/employers/policy.server";
import { getEmployer } from "~/domain/employers/queries.server";
import { createVacancy, transitionVacancy } from "~/domain/vacancies/commands.server";
import { SaveVacancySchema } from "~/domain/vacancies/schema";
import { parseForm } from "~/web/conform";
import { replyDomainError, replyInvalid } from "~/web/conform.server";
import { redirectWithFlash } from "~/web/flash.server";
import { requireVacancyEmployer } from "~/web/guards.server";
import { actorOf } from "~/web/session.server";

export const meta: MetaFunction = () => [{ title: "Nuova offerta di lavoro — Rosa" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { employerId } = await requireVacancyEmployer(request);
  const employer = await getEmployer(getDb(), employerId);
  return { canSubmit: !!employer && canPostVacancies(employer.status) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, employerId, scope } = await requireVacancyEmployer(request);
  const submission = parseForm(await request.formData(), SaveVacancySchema);
  if (submission.status !== "success") return replyInvalid(submission);
  const actor = actorOf(user, context);
  let vacancyId: string;
  try {
    vacancyId = await withTransaction(async (trx) => {
      const created = await createVacancy(trx, actor, employerId, submission.value);
      if (submission.value.intent === "submit") {
        await transitionVacancy(trx, actor, scope, created.vacancyId, {
          event: "submit",
          version: created.version,
          reason: "",
          outcome: "",
          channel: "",
        });
      }
      return created.vacancyId;
    });
  } catch (e) {
    return replyDomainError(e, submission);
  }
  const message =
    submission.value.intent === "submit"
      ? "Offerta inviata al Centro per l'Impiego: un operatore la controlla e la convalida, oppure te la rimanda con le correzioni da fare."
      : "Bozza salvata: completala quando vuoi e inviala al Centro per l'Impiego per la convalida.";
  return redirectWithFlash(`/azienda/offerte/${vacancyId}`, { type: "success", message });
}

export default function NewVacancy() {
  const { canSubmit } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="col-lg-10">
      <p>
        <Link to="/azienda/offerte">← Offerte di lavoro</Link>
      </p>
      <PageTitle
        title="Nuova offerta di lavoro"
        lead="I campi con * sono obbligatori. Un operatore del Centro per l'Impiego convalida l'offerta prima della pubblicazione."
      />
      <VacancyForm lastResult={result?.result} canSubmit={canSubmit} />
    </div>
  );
}
