import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { getFormProps } from "@conform-to/react";
import { Form, Link, useActionData } from "@remix-run/react";
import { CheckboxField, ErrorSummary, TextAreaField } from "~/components/forms";
import { PageTitle } from "~/components/layout";
import { withTransaction } from "~/db/transaction.server";
import { getDb } from "~/db/db.server";
import { openInternshipServiceRequest } from "~/domain/internships/index.server";
import { submitScreening } from "~/domain/services/commands.server";
import { ScreeningSchema } from "~/domain/services/schema";
import { SCREENING_QUESTIONS, SERVICE_REQUEST_LABELS } from "~/domain/services/screening";
import { parseForm, useSchemaForm, type Field } from "~/web/conform";
import { replyDomainError, replyInvalid } from "~/web/conform.server";
import { redirectWithFlash } from "~/web/flash.server";
import { actorOf, requireEmployerUser } from "~/web/session.server";

export const meta: MetaFunction = () => [{ title: "Di quali servizi hai bisogno? — Rosa" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireEmployerUser(request);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireEmployerUser(request);
  const submission = parseForm(await request.formData(), ScreeningSchema);
  if (submission.status !== "success") return replyInvalid(submission);
  let result;
  try {
    result = await withTransaction((trx) => submitScreening(trx, actorOf(user, context), user.employerId, submission.value));
  } catch (e) {
    return replyDomainError(e, submission);
  }
  const names = result.routes.map((r) => SERVICE_REQUEST_LABELS[r.service]).join(", ");
  // Hiring now: straight to the vacancy form, the request is already with the officers. Hosting an internship (LEP R):
  // to the internship request form answering that service request.
  const internship = result.routes.some((r) => r.service === "R") ? await openInternshipServiceRequest(getDb(), user.employerId) : null;
  const next = result.routes.some((r) => r.service === "4C")
    ? "/azienda/offerte/nuova"
    : internship
      ? `/azienda/tirocini/nuovo?richiesta=${internship}`
      : "/azienda/servizi";
  return redirectWithFlash(next, { type: "success", message: `Richiesta inviata al Centro per l'Impiego: ${names}.` });
}

export default function ScreeningQuestionnaire() {
  const result = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(ScreeningSchema, { id: "screening", lastResult: result?.result });
  const byQuestion = fields as unknown as Record<string, Field>;
  return (
    <div className="col-lg-8">
      <p>
        <Link to="/azienda/servizi">← Servizi del Centro per l'Impiego</Link>
      </p>
      <PageTitle
        title="Di quali servizi hai bisogno?"
        lead="Rispondi alle domande: inviamo la richiesta all'ufficio giusto, che ti contatterà."
      />
      <Form method="post" {...getFormProps(form)}>
        <ErrorSummary form={form} />
        <fieldset>
          <legend className="h5">Scegli tutto ciò che ti riguarda</legend>
          {SCREENING_QUESTIONS.map((q) => (
            <CheckboxField key={q.id} field={byQuestion[q.id]} label={q.question} hint={q.hint} />
          ))}
        </fieldset>
        <TextAreaField field={fields.note} label="Vuoi aggiungere qualcosa? (facoltativo)" />
        <button type="submit" className="btn btn-primary">
          Invia la richiesta
        </button>
      </Form>
    </div>
  );
}
