import { todayInItaly } from "~/utils/dates";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, SelectField, TextAreaField, TextField } from "~/components/forms";
import { PageTitle } from "~/components/layout";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { recordDelivery } from "~/domain/services/commands.server";
import { formatMinutes } from "~/domain/services/durations";
import { listServiceStandards, listValidatedEmployers } from "~/domain/services/queries.server";
import { DeliverySchema, MODALITY_LABELS } from "~/domain/services/schema";
import { domainErrorResponse, invalid } from "~/web/action.server";
import { redirectWithFlash } from "~/web/flash.server";
import { parseFormData } from "~/utils/forms";
import { actorOf, requirePermission } from "~/web/session.server";

export const meta: MetaFunction = () => [{ title: "Registra un servizio — Rosa" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "services:deliver");
  const url = new URL(request.url);
  const db = getDb();
  return {
    standards: await listServiceStandards(db),
    employers: await listValidatedEmployers(db),
    defaults: { employerId: url.searchParams.get("azienda") ?? "", serviceRequestId: url.searchParams.get("richiesta") ?? "", deliveredOn: todayInItaly() },
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "services:deliver");
  const form = parseFormData(await request.formData(), DeliverySchema);
  if (!form.ok) return invalid(form.errors, form.values);
  try {
    await withTransaction((trx) => recordDelivery(trx, actorOf(user, context), form.data));
  } catch (e) {
    return domainErrorResponse(e, form.values);
  }
  return redirectWithFlash("/operatore/registro", { type: "success", message: "Servizio registrato: compare nel registro delle prestazioni e nel suo CSV." });
}

export default function NewDelivery() {
  const { standards, employers, defaults } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const common = { errors: result?.errors, values: result?.values ?? defaults };
  const rangeOf = (s: (typeof standards)[number]) =>
    s.min_minutes !== null && s.max_minutes !== null ? ` (standard ${formatMinutes(s.min_minutes)}–${formatMinutes(s.max_minutes)})` : "";
  return (
    <div className="col-lg-8">
      <p>
        <Link to="/operatore/registro">← Registro dei servizi</Link>
      </p>
      <PageTitle title="Registra un servizio erogato" />
      <Form method="post" noValidate>
        <ErrorSummary errors={result?.errors} />
        <input type="hidden" name="serviceRequestId" value={common.values.serviceRequestId ?? ""} />
        <SelectField name="employerId" label="Azienda" options={employers.map((e) => [e.id, e.legal_name] as [string, string])} placeholder="Scegli…" required {...common} />
        <SelectField name="standardCode" label="Servizio (standard)" options={standards.map((s) => [s.code, `${s.code} — ${s.title}${rangeOf(s)}`] as [string, string])} placeholder="Scegli…" required {...common} />
        <div className="row">
          <div className="col-md-4">
            <TextField name="deliveredOn" label="Data" type="date" required {...common} />
          </div>
          <div className="col-md-4">
            <TextField name="minutes" label="Durata (minuti)" inputMode="numeric" required {...common} />
          </div>
          <div className="col-md-4">
            <SelectField name="modality" label="Modalità" options={MODALITY_LABELS} placeholder="Scegli…" required {...common} />
          </div>
        </div>
        <TextAreaField name="output" label="Risultato (output)" required {...common} />
        <TextAreaField name="justification" label="Giustificazione (se la durata è fuori standard)" {...common} />
        <button type="submit" className="btn btn-primary">
          Registra
        </button>
      </Form>
    </div>
  );
}
