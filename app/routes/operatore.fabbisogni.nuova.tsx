import { todayInItaly } from "~/utils/dates";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
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
import { domainErrorResponse, invalid } from "~/web/action.server";
import { redirectWithFlash } from "~/web/flash.server";
import { parseFormData } from "~/utils/forms";
import { actorOf, requirePermission } from "~/web/session.server";

export const meta: MetaFunction = () => [{ title: "Nuova consulenza sui fabbisogni — Rosa" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "services:deliver");
  const standard = await getServiceStandard(getDb(), "4B");
  return { employers: await listValidatedEmployers(getDb()), today: todayInItaly(), standard: standard ?? null, prefill: standardPrefill(standard, "4B") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "services:deliver");
  const form = parseFormData(await request.formData(), NeedsSchema);
  if (!form.ok) return invalid(form.errors, form.values);
  let id: string;
  try {
    id = await withTransaction((trx) => createNeedsAssessment(trx, actorOf(user, context), form.data));
  } catch (e) {
    return domainErrorResponse(e, form.values);
  }
  return redirectWithFlash(`/operatore/fabbisogni/${id}`, { type: "success", message: "Consulenza registrata: da ogni figura richiesta puoi creare una bozza di offerta per l'azienda." });
}

export default function NewNeeds() {
  const { employers, today, standard, prefill } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const common = { errors: result?.errors, values: result?.values ?? { assessedOn: today } };
  return (
    <div className="col-lg-10">
      <p>
        <Link to="/operatore/fabbisogni">← Consulenze sui fabbisogni</Link>
      </p>
      <PageTitle title="Nuova consulenza sui fabbisogni (4B)" />
      <Form method="post" noValidate>
        <ErrorSummary errors={result?.errors} />
        <div className="row">
          <div className="col-md-8">
            <SelectField name="employerId" label="Azienda" options={employers.map((e) => [e.id, e.legal_name] as [string, string])} placeholder="Scegli…" required {...common} />
          </div>
          <div className="col-md-4">
            <TextField name="assessedOn" label="Data del colloquio" type="date" required {...common} />
          </div>
        </div>
        <fieldset className="mb-4">
          <legend className="h4">Figure professionali ricercate</legend>
          {[0, 1, 2].map((i) => (
            <fieldset key={i} className="border rounded p-3 mb-3">
              <legend className="h6 float-none w-auto px-2">Figura {i + 1}</legend>
              <div className="row">
                <div className="col-md-6">
                  <LookupInput name={`figures.${i}.occupation`} label="Professione (CP2021)" source="/api/professioni" {...common} />
                </div>
                <div className="col-md-2">
                  <TextField name={`figures.${i}.quantity`} label="Quante persone" inputMode="numeric" {...common} />
                </div>
                <div className="col-md-4">
                  <TextField name={`figures.${i}.neededBy`} label="Entro quando" type="date" {...common} />
                </div>
                <div className="col-12">
                  <TextField name={`figures.${i}.notes`} label="Note sulla figura" {...common} />
                </div>
              </div>
            </fieldset>
          ))}
        </fieldset>
        <TextAreaField name="skillGaps" label="Gap di competenze" {...common} />
        <TextAreaField name="trainingNeeds" label="Fabbisogni formativi" {...common} />
        <TextAreaField name="actionsAgreed" label="Azioni concordate" {...common} />
        <SpentTimeFields code="4B" prefill={prefill} range={standard} errors={result?.errors} values={result?.values} />
        <button type="submit" className="btn btn-primary">
          Registra la consulenza
        </button>
      </Form>
    </div>
  );
}
