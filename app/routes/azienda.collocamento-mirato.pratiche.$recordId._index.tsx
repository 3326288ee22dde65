import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AddDocumentForm, RecordDetails, RecordEventForms, recordReplies } from "~/components/l68-records";
import { getDb } from "~/db/db.server";
import { handleRecordAction } from "~/web/actions/l68-record.server";
import { getRecord } from "~/domain/l68/records/index.server";
import { RECORD_KIND_LABELS } from "~/domain/l68";
import { redirectWithFlash } from "~/web/flash.server";
import { actorOf, notFound } from "~/web/session.server";
import { requireL68Employer } from "~/web/guards.server";

export const meta: MetaFunction = () => [{ title: "Pratica di collocamento mirato — Rosa" }];

const ParamsSchema = z.object({ recordId: z.uuid() });

async function requireOwnRecord(request: Request, params: unknown) {
  const user = await requireL68Employer(request);
  const recordId = ParamsSchema.safeParse(params).data?.recordId;
  const record = recordId ? await getRecord(getDb(), user.employerId, recordId) : null;
  if (!record) throw notFound("Pratica non trovata");
  return { user, record };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { record } = await requireOwnRecord(request, params);
  return { record };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, record } = await requireOwnRecord(request, params);
  const result = await handleRecordAction(request, actorOf(user, context), "employer", user.employerId, record.id);
  if (!result.ok) return result.reply;
  return redirectWithFlash(`/azienda/collocamento-mirato/pratiche/${record.id}`, { type: "success", message: result.message });
}

export default function EmployerRecordPage() {
  const { record } = useLoaderData<typeof loader>();
  const { documentReply, eventReply } = recordReplies(useActionData<typeof action>()?.result);
  return (
    <div>
      <p>
        <Link to="/azienda/collocamento-mirato/pratiche">← Pratiche</Link>
      </p>
      <h1>{RECORD_KIND_LABELS[record.kind]}</h1>
      <RecordDetails record={record} documentHref={(id) => `/azienda/collocamento-mirato/pratiche/${record.id}/documenti/${id}`} />
      <AddDocumentForm record={record} lastResult={documentReply} />
      <RecordEventForms record={record} side="employer" lastResult={eventReply} />
    </div>
  );
}
