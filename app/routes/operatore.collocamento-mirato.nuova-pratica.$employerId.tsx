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
import { requireOfficerOn } from "~/web/guards.server";

export const meta: MetaFunction = () => [{ title: "Pratica ricevuta per conto dell'azienda — Rosa" }];

const ParamsSchema = z.object({ employerId: z.uuid() });
const QuerySchema = z.object({ tipo: RecordKindSchema });

/** Placement officers of the employer's province: a record received by PEC or at the desk, entered for the employer. */
const requireOfficer = (request: Request, params: unknown) => requireOfficerOn(request, ParamsSchema.safeParse(params).data?.employerId);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { employerId } = await requireOfficer(request, params);
  const query = parseSearchParams(new URL(request.url), QuerySchema);
  if (!query.ok) throw notFound("Tipo di pratica non trovato");
  const employer = await getEmployerHeader(getDb(), employerId);
  if (!employer) throw notFound("Azienda non trovata");
  return { kind: query.data.tipo, employer: { id: employer.id, name: employer.legal_name }, legalProvince: employer.province_code };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, employerId } = await requireOfficer(request, params);
  const result = await handleNewRecord(request, actorOf(user, context), employerId, true);
  if (!result.ok) return result.reply;
  return redirectWithFlash(`/operatore/collocamento-mirato/pratiche/${result.recordId}`, { type: "success", message: result.message });
}

export default function OfficerNewRecordPage() {
  const { kind, employer, legalProvince } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>()?.result;
  return (
    <div>
      <p>
        <Link to={`/operatore/collocamento-mirato/${employer.id}`}>← Pratica L. 68 di {employer.name}</Link>
      </p>
      <h1>
        {RECORD_KIND_LABELS[kind]}: ricevuta per conto di {employer.name}
      </h1>
      <p>Registra la pratica arrivata via PEC o allo sportello e allega il documento ricevuto: l'azienda la vede tra le sue pratiche.</p>
      <NewRecordForm kind={kind} legalProvince={legalProvince} lastResult={reply} receivedVia />
    </div>
  );
}
