import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { InternshipRequestFormView } from "~/components/internship-request-form";
import { PageTitle } from "~/components/layout";
import { withTransaction } from "~/db/transaction.server";
import { InternshipRequestSchema } from "~/domain/internships";
import { getDb } from "~/db/db.server";
import { createInternshipRequest, requestPrefill } from "~/domain/internships/index.server";
import { formatDate } from "~/utils/format";
import { todayInItaly } from "~/utils/dates";
import { parseForm, useSchemaForm } from "~/web/conform";
import { replyDomainError, replyInvalid } from "~/web/conform.server";
import { redirectWithFlash } from "~/web/flash.server";
import { requireInternshipEmployer } from "~/web/internship-guards.server";

export const meta: MetaFunction = () => [{ title: "Richiedi un tirocinio — Rosa" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { employerId } = await requireInternshipEmployer(request, context);
  // From the services questionnaire: the «Vuoi ospitare un tirocinio?» request this form answers, pre-filled.
  const parsed = z.uuid().safeParse(new URL(request.url).searchParams.get("richiesta"));
  const prefill = parsed.success ? await requestPrefill(getDb(), employerId, parsed.data) : null;
  return {
    serviceRequestId: prefill?.id ?? null,
    requestedAt: prefill ? prefill.requestedAt.toISOString() : null,
    comune: prefill?.comune ?? "",
    note: prefill?.note ?? "",
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { employerId, actor } = await requireInternshipEmployer(request, context);
  const submission = parseForm(await request.formData(), InternshipRequestSchema);
  if (submission.status !== "success") return replyInvalid(submission);
  let id: string;
  let allowed: boolean;
  try {
    const row = await withTransaction((trx) => createInternshipRequest(trx, actor, employerId, submission.value, todayInItaly()));
    id = row.id;
    allowed = (row.check_result as { allowed?: boolean } | null)?.allowed ?? false;
  } catch (e) {
    return replyDomainError(e, submission);
  }
  return redirectWithFlash(`/azienda/tirocini/${id}`, {
    type: allowed ? "success" : "warning",
    message: allowed
      ? "Richiesta di tirocinio inviata al Centro per l'Impiego: un operatore la prende in carico e cerca il tirocinante."
      : "Richiesta salvata e inviata al Centro per l'Impiego, ma non rispetta ancora tutte le regole: leggi i controlli qui sotto. L'operatore ti aiuterà a correggerla.",
  });
}

export default function NewInternshipRequest() {
  const { serviceRequestId, requestedAt, comune, note } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const form = useSchemaForm(InternshipRequestSchema, {
    id: "internship-request",
    lastResult: result?.result,
    defaultValue: {
      weeklyHours: "40",
      dailyHours: "8",
      plannedMonths: "6",
      employeesPermanent: "0",
      ...(serviceRequestId ? { comune, objectives: note } : {}),
    },
  });
  return (
    <div className="col-lg-10">
      <p>
        <Link to="/azienda/tirocini">← Tirocini</Link>
      </p>
      <PageTitle
        title="Richiedi un tirocinio"
        lead="Il Centro per l'Impiego è il soggetto promotore, la tua azienda il soggetto ospitante. Dopo il salvataggio vedi subito se la richiesta rispetta le regole della tua Regione."
      />
      {serviceRequestId && requestedAt ? (
        <p className="alert alert-info">
          Rispondi alla tua richiesta di servizio «Vuoi ospitare un tirocinio?» del {formatDate(requestedAt)}: abbiamo già inserito il
          comune della sede legale{note ? " e la tua nota" : ""}, cambiali se serve.
        </p>
      ) : null}
      <InternshipRequestFormView form={form} serviceRequestId={serviceRequestId} submitLabel="Invia la richiesta" />
    </div>
  );
}
