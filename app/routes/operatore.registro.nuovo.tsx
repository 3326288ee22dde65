import { todayInItaly } from "~/utils/dates";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { getFormProps } from "@conform-to/react";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, SelectField, TextAreaField, TextField } from "~/components/forms";
import { PageTitle } from "~/components/layout";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { recordDelivery } from "~/domain/services/commands.server";
import { formatMinutes } from "~/domain/services/durations";
import { listServiceStandards, listValidatedEmployers } from "~/domain/services/queries.server";
import { DeliverySchema, MODALITY_LABELS } from "~/domain/services/schema";
import { replyDomainError, replyInvalid } from "~/web/conform.server";
import { redirectWithFlash } from "~/web/flash.server";
import { parseForm, useSchemaForm } from "~/web/conform";
import { actorOf, requirePermission } from "~/web/session.server";

export const meta: MetaFunction = () => [{ title: "Registra un servizio — Rosa" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "services:deliver");
  const url = new URL(request.url);
  const db = getDb();
  return {
    standards: await listServiceStandards(db),
    employers: await listValidatedEmployers(db),
    defaults: {
      employerId: url.searchParams.get("azienda") ?? "",
      serviceRequestId: url.searchParams.get("richiesta") ?? "",
      deliveredOn: todayInItaly(),
    },
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "services:deliver");
  const submission = parseForm(await request.formData(), DeliverySchema);
  if (submission.status !== "success") return replyInvalid(submission);
  try {
    await withTransaction((trx) => recordDelivery(trx, actorOf(user, context), submission.value));
  } catch (e) {
    return replyDomainError(e, submission);
  }
  return redirectWithFlash("/operatore/registro", {
    type: "success",
    message: "Servizio registrato: compare nel registro delle prestazioni e nel suo CSV.",
  });
}

export default function NewDelivery() {
  const { standards, employers, defaults } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(DeliverySchema, { id: "delivery", lastResult: result?.result, defaultValue: defaults });
  const rangeOf = (s: (typeof standards)[number]) =>
    s.min_minutes !== null && s.max_minutes !== null ? ` (standard ${formatMinutes(s.min_minutes)}–${formatMinutes(s.max_minutes)})` : "";
  return (
    <div className="col-lg-8">
      <p>
        <Link to="/operatore/registro">← Registro dei servizi</Link>
      </p>
      <PageTitle title="Registra un servizio erogato" />
      <Form method="post" {...getFormProps(form)}>
        <ErrorSummary form={form} />
        <input type="hidden" name="serviceRequestId" value={defaults.serviceRequestId} />
        <SelectField
          field={fields.employerId}
          label="Azienda"
          options={employers.map((e) => [e.id, e.legal_name] as [string, string])}
          placeholder="Scegli…"
          required
        />
        <SelectField
          field={fields.standardCode}
          label="Servizio (standard)"
          options={standards.map((s) => [s.code, `${s.code} — ${s.title}${rangeOf(s)}`] as [string, string])}
          placeholder="Scegli…"
          required
        />
        <div className="row">
          <div className="col-md-4">
            <TextField field={fields.deliveredOn} label="Data" type="date" required />
          </div>
          <div className="col-md-4">
            <TextField field={fields.minutes} label="Durata (minuti)" inputMode="numeric" required />
          </div>
          <div className="col-md-4">
            <SelectField field={fields.modality} label="Modalità" options={MODALITY_LABELS} placeholder="Scegli…" required />
          </div>
        </div>
        <TextAreaField field={fields.output} label="Risultato (output)" required />
        <TextAreaField field={fields.justification} label="Giustificazione (se la durata è fuori standard)" />
        <button type="submit" className="btn btn-primary">
          Registra
        </button>
      </Form>
    </div>
  );
}
