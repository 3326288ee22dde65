import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AddDocumentForm, RecordDetails, RecordEventForms, recordReplies } from "~/components/l68-records";
import { getDb } from "~/db/db.server";
import { getEmployerHeader } from "~/domain/l68/file/index.server";
import { handleRecordAction } from "~/web/actions/l68-record.server";
import { getRecord, recordEmployerId } from "~/domain/l68/records/index.server";
import { RECORD_KIND_LABELS } from "~/domain/l68";
import { redirectWithFlash } from "~/web/flash.server";
import { actorOf, notFound } from "~/web/session.server";
import { requireOfficerOn } from "~/web/guards.server";

export const meta: MetaFunction = () => [{ title: "Pratica di collocamento mirato — Rosa" }];

const ParamsSchema = z.object({ recordId: z.uuid() });

/** Placement officers of the employer's province only; anyone else gets a 404. */
async function requireOfficerRecord(request: Request, params: unknown) {
  const recordId = ParamsSchema.safeParse(params).data?.recordId;
  const db = getDb();
  const { user, employerId } = await requireOfficerOn(request, recordId ? await recordEmployerId(db, recordId) : null);
  const record = await getRecord(db, employerId, recordId!);
  if (!record) throw notFound("Pratica non trovata");
  return { user, employerId, record };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { employerId, record } = await requireOfficerRecord(request, params);
  return { record, employer: (await getEmployerHeader(getDb(), employerId))! };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, employerId, record } = await requireOfficerRecord(request, params);
  const result = await handleRecordAction(request, actorOf(user, context), "officer", employerId, record.id);
  if (!result.ok) return result.reply;
  return redirectWithFlash(`/operatore/collocamento-mirato/pratiche/${record.id}`, { type: "success", message: result.message });
}

export default function OfficerRecordPage() {
  const { record, employer } = useLoaderData<typeof loader>();
  const { documentReply, eventReply } = recordReplies(useActionData<typeof action>()?.result);
  return (
    <div>
      <p>
        <Link to="/operatore/collocamento-mirato/pratiche">← Pratiche</Link>
      </p>
      <h1>
        {RECORD_KIND_LABELS[record.kind]}: {employer.legal_name}
      </h1>
      <p className="lead">
        Codice fiscale {employer.tax_code} · <Link to={`/operatore/collocamento-mirato/${employer.id}`}>pratica L. 68/99 dell'azienda</Link>
      </p>
      <RecordDetails record={record} documentHref={(id) => `/operatore/collocamento-mirato/pratiche/${record.id}/documenti/${id}`} />
      <AddDocumentForm record={record} lastResult={documentReply} />
      <RecordEventForms record={record} side="officer" lastResult={eventReply} />
    </div>
  );
}
