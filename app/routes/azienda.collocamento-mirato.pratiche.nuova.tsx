import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { NewRecordForm } from "~/components/l68-record-form";
import { getDb } from "~/db/db.server";
import { getEmployerHeader } from "~/domain/l68/file/index.server";
import { handleNewRecord } from "~/web/actions/l68-record.server";
import { RecordKindSchema, RECORD_KIND_LABELS } from "~/domain/l68";
import { redirectWithFlash } from "~/web/flash.server";
import { parseSearchParams } from "~/utils/forms";
import { actorOf, notFound } from "~/web/session.server";
import { requireL68Employer } from "~/web/guards.server";

export const meta: MetaFunction = () => [{ title: "Nuova pratica di collocamento mirato — Rosa" }];

const QuerySchema = z.object({ tipo: RecordKindSchema });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireL68Employer(request);
  const query = parseSearchParams(new URL(request.url), QuerySchema);
  if (!query.ok) throw notFound("Tipo di pratica non trovato");
  const employer = await getEmployerHeader(getDb(), user.employerId);
  return { kind: query.data.tipo, legalProvince: employer?.province_code ?? "" };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireL68Employer(request);
  const result = await handleNewRecord(request, actorOf(user, context), user.employerId);
  if (!result.ok) return result.reply;
  return redirectWithFlash(`/azienda/collocamento-mirato/pratiche/${result.recordId}`, { type: "success", message: result.message });
}

export default function NewRecordPage() {
  const { kind, legalProvince } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>()?.result;
  return (
    <div>
      <p>
        <Link to="/azienda/collocamento-mirato/pratiche">← Pratiche</Link>
      </p>
      <h1>Nuova pratica: {RECORD_KIND_LABELS[kind]}</h1>
      <NewRecordForm kind={kind} legalProvince={legalProvince} lastResult={reply} />
    </div>
  );
}
