import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { CheckboxField, ErrorSummary, TextAreaField } from "~/components/forms";
import { PageTitle } from "~/components/layout";
import { withTransaction } from "~/db/transaction.server";
import { submitScreening } from "~/domain/services/commands.server";
import { ScreeningSchema } from "~/domain/services/schema";
import { SCREENING_QUESTIONS, SERVICE_REQUEST_LABELS } from "~/domain/services/screening";
import { domainErrorResponse, invalid } from "~/web/action.server";
import { redirectWithFlash } from "~/web/flash.server";
import { parseFormData } from "~/utils/forms";
import { actorOf, requireEmployerUser } from "~/web/session.server";

export const meta: MetaFunction = () => [{ title: "Di quali servizi hai bisogno? — Rosa" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireEmployerUser(request);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireEmployerUser(request);
  const form = parseFormData(await request.formData(), ScreeningSchema);
  if (!form.ok) return invalid(form.errors, form.values);
  let result;
  try {
    result = await withTransaction((trx) => submitScreening(trx, actorOf(user, context), user.employerId, form.data));
  } catch (e) {
    return domainErrorResponse(e, form.values);
  }
  const names = result.routes.map((r) => SERVICE_REQUEST_LABELS[r.service]).join(", ");
  // Hiring now: straight to the vacancy form, the request is already with the officers.
  const next = result.routes.some((r) => r.service === "4C") ? "/azienda/offerte/nuova" : "/azienda/servizi";
  return redirectWithFlash(next, { type: "success", message: `Richiesta inviata al Centro per l'Impiego: ${names}.` });
}

export default function ScreeningQuestionnaire() {
  const result = useActionData<typeof action>();
  return (
    <div className="col-lg-8">
      <p>
        <Link to="/azienda/servizi">← Servizi del Centro per l'Impiego</Link>
      </p>
      <PageTitle title="Di quali servizi hai bisogno?" lead="Rispondi alle domande: inviamo la richiesta all'ufficio giusto, che ti contatterà." />
      <Form method="post" noValidate>
        <ErrorSummary errors={result?.errors} />
        <fieldset>
          <legend className="h5">Scegli tutto ciò che ti riguarda</legend>
          {SCREENING_QUESTIONS.map((q) => (
            <CheckboxField key={q.id} name={q.id} label={q.question} hint={q.hint} errors={result?.errors} values={result?.values} />
          ))}
        </fieldset>
        <TextAreaField name="note" label="Vuoi aggiungere qualcosa? (facoltativo)" errors={result?.errors} values={result?.values} />
        <button type="submit" className="btn btn-primary">
          Invia la richiesta
        </button>
      </Form>
    </div>
  );
}
