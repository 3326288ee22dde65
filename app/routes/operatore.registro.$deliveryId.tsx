import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { getFormProps } from "@conform-to/react";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary } from "~/components/forms";
import { PageTitle } from "~/components/layout";
import { SpentTimeFields } from "~/components/spent-time";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { correctDeliveryTime } from "~/domain/services/commands.server";
import { formatMinutes } from "~/domain/services/durations";
import { getDeliveryForCorrection } from "~/domain/services/queries.server";
import { DeliveryTimeSchema, MODALITY_LABELS } from "~/domain/services/schema";
import { parseForm, useSchemaForm } from "~/web/conform";
import { replyDomainError, replyInvalid } from "~/web/conform.server";
import { redirectWithFlash } from "~/web/flash.server";
import { formatDate } from "~/utils/format";
import { actorOf, notFound, requirePermission } from "~/web/session.server";

export const meta: MetaFunction = () => [{ title: "Modifica la durata di un servizio — Rosa" }];

function deliveryIdFrom(params: Record<string, string | undefined>) {
  const id = z.uuid().safeParse(params.deliveryId);
  if (!id.success) throw notFound("Servizio non trovato nel registro");
  return id.data;
}

/** Only the rows Rosa wrote by itself (4B, 4C, 4D): the officer states the real time spent. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "services:deliver");
  const row = await getDeliveryForCorrection(getDb(), deliveryIdFrom(params));
  if (!row) throw notFound("Servizio non trovato tra quelli registrati automaticamente");
  return { row };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "services:deliver");
  const id = deliveryIdFrom(params);
  const submission = parseForm(await request.formData(), DeliveryTimeSchema);
  if (submission.status !== "success") return replyInvalid(submission);
  const time = submission.value;
  try {
    await withTransaction((trx) => correctDeliveryTime(trx, actorOf(user, context), id, time));
  } catch (e) {
    return replyDomainError(e, submission);
  }
  return redirectWithFlash("/operatore/registro", {
    type: "success",
    message: `Durata aggiornata: ${formatMinutes(time.minutes)}, ${MODALITY_LABELS[time.modality].toLowerCase()}.`,
  });
}

export default function CorrectDelivery() {
  const { row } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(DeliveryTimeSchema, {
    id: "delivery-time",
    lastResult: result?.result,
    defaultValue: { minutes: String(row.minutes), modality: row.modality, justification: row.justification ?? "" },
  });
  return (
    <div className="col-lg-8">
      <p>
        <Link to="/operatore/registro">← Registro dei servizi</Link>
      </p>
      <PageTitle
        title="Modifica la durata del servizio"
        lead="Rosa ha registrato questo servizio da sola con il tempo minimo dello standard: indica il tempo che hai dedicato davvero."
      />
      <dl className="row">
        <dt className="col-sm-3">Servizio</dt>
        <dd className="col-sm-9">
          {row.standard_code} — {row.standard_title}
        </dd>
        <dt className="col-sm-3">Azienda</dt>
        <dd className="col-sm-9">{row.employer_name}</dd>
        <dt className="col-sm-3">Data</dt>
        <dd className="col-sm-9">{formatDate(row.delivered_on)}</dd>
        <dt className="col-sm-3">Operatore</dt>
        <dd className="col-sm-9">{row.officer_name}</dd>
        <dt className="col-sm-3">Risultato</dt>
        <dd className="col-sm-9">{row.output}</dd>
      </dl>
      <Form method="post" {...getFormProps(form)}>
        <ErrorSummary form={form} />
        <input type="hidden" name="version" value={row.version} />
        <SpentTimeFields
          code={row.standard_code}
          prefill={{ minutes: row.minutes, modality: row.modality, justification: row.justification }}
          range={{ min_minutes: row.min_minutes, max_minutes: row.max_minutes }}
          fields={{ minutes: fields.minutes, modality: fields.modality, justification: fields.justification }}
        />
        <button type="submit" className="btn btn-primary">
          Salva la durata
        </button>
      </Form>
    </div>
  );
}
