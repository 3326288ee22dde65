import { todayInItaly } from "~/utils/dates";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { getFormProps } from "@conform-to/react";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, SelectField, TextAreaField, TextField } from "~/components/forms";
import { LookupInput } from "~/components/lookup-input";
import { PageTitle } from "~/components/layout";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { createNeedsAssessment } from "~/domain/services/commands.server";
import { getServiceStandard, listValidatedEmployers } from "~/domain/services/queries.server";
import { standardPrefill } from "~/domain/services/durations";
import { SpentTimeFields } from "~/components/spent-time";
import { NeedsSchema } from "~/domain/services/schema";
import { parseForm, useSchemaForm } from "~/web/conform";
import { replyDomainError, replyInvalid } from "~/web/conform.server";
import { redirectWithFlash } from "~/web/flash.server";
import { actorOf, requirePermission } from "~/web/session.server";

export const meta: MetaFunction = () => [{ title: "Nuova consulenza sui fabbisogni — Rosa" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "services:deliver");
  const standard = await getServiceStandard(getDb(), "4B");
  return {
    employers: await listValidatedEmployers(getDb()),
    today: todayInItaly(),
    standard: standard ?? null,
    prefill: standardPrefill(standard, "4B"),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "services:deliver");
  const submission = parseForm(await request.formData(), NeedsSchema);
  if (submission.status !== "success") return replyInvalid(submission);
  let id: string;
  try {
    id = await withTransaction((trx) => createNeedsAssessment(trx, actorOf(user, context), submission.value));
  } catch (e) {
    return replyDomainError(e, submission);
  }
  return redirectWithFlash(`/operatore/fabbisogni/${id}`, {
    type: "success",
    message: "Consulenza registrata: da ogni figura richiesta puoi creare una bozza di offerta per l'azienda.",
  });
}

export default function NewNeeds() {
  const { employers, today, standard, prefill } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(NeedsSchema, {
    id: "needs",
    lastResult: result?.result,
    defaultValue: { assessedOn: today, figures: [{}, {}, {}] },
  });
  const figures = fields.figures.getFieldList();
  return (
    <div className="col-lg-10">
      <p>
        <Link to="/operatore/fabbisogni">← Consulenze sui fabbisogni</Link>
      </p>
      <PageTitle title="Nuova consulenza sui fabbisogni (4B)" />
      <Form method="post" {...getFormProps(form)}>
        <ErrorSummary form={form} />
        <div className="row">
          <div className="col-md-8">
            <SelectField
              field={fields.employerId}
              label="Azienda"
              options={employers.map((e) => [e.id, e.legal_name] as [string, string])}
              placeholder="Scegli…"
              required
            />
          </div>
          <div className="col-md-4">
            <TextField field={fields.assessedOn} label="Data del colloquio" type="date" required />
          </div>
        </div>
        <fieldset className="mb-4">
          <legend className="h4">Figure professionali ricercate</legend>
          {figures.map((figure, i) => {
            const f = figure.getFieldset();
            return (
              <fieldset key={figure.key} className="border rounded p-3 mb-3">
                <legend className="h6 float-none w-auto px-2">Figura {i + 1}</legend>
                <div className="row">
                  <div className="col-md-6">
                    <LookupInput field={f.occupation} label="Professione (CP2021)" source="/api/professioni" />
                  </div>
                  <div className="col-md-2">
                    <TextField field={f.quantity} label="Quante persone" inputMode="numeric" />
                  </div>
                  <div className="col-md-4">
                    <TextField field={f.neededBy} label="Entro quando" type="date" />
                  </div>
                  <div className="col-12">
                    <TextField field={f.notes} label="Note sulla figura" />
                  </div>
                </div>
                {figures.length > 1 ? (
                  <button
                    className="btn btn-outline-secondary btn-sm"
                    {...form.remove.getButtonProps({ name: fields.figures.name, index: i })}
                  >
                    Rimuovi la figura {i + 1}
                  </button>
                ) : null}
              </fieldset>
            );
          })}
          {figures.length < 20 ? (
            <button className="btn btn-outline-primary btn-sm" {...form.insert.getButtonProps({ name: fields.figures.name })}>
              Aggiungi una figura
            </button>
          ) : null}
        </fieldset>
        <TextAreaField field={fields.skillGaps} label="Gap di competenze" />
        <TextAreaField field={fields.trainingNeeds} label="Fabbisogni formativi" />
        <TextAreaField field={fields.actionsAgreed} label="Azioni concordate" />
        <SpentTimeFields
          code="4B"
          prefill={prefill}
          range={standard}
          fields={{ minutes: fields.minutes, modality: fields.modality, justification: fields.justification }}
        />
        <button type="submit" className="btn btn-primary">
          Registra la consulenza
        </button>
      </Form>
    </div>
  );
}
