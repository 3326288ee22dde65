import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { SelectField } from "~/components/forms";
import { PageTitle } from "~/components/layout";
import { OutplacementEventForm, asEventForm } from "~/components/outplacement-event-form";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { OfficerEventSchema } from "~/domain/outplacement";
import { createEvent, listCoordinators, listEventEmployers } from "~/domain/outplacement/index.server";
import { parseForm, useSchemaForm } from "~/web/conform";
import { replyDomainError, replyInvalid } from "~/web/conform.server";
import { redirectWithFlash } from "~/web/flash.server";
import { requireOutplacementOfficer } from "~/web/outplacement-guards.server";
import { actorOf } from "~/web/session.server";

export const meta: MetaFunction = () => [{ title: "Nuovo evento di ricollocazione — Rosa" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireOutplacementOfficer(request);
  const db = getDb();
  return { employers: await listEventEmployers(db), coordinators: await listCoordinators(db), me: user.id };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, scope } = await requireOutplacementOfficer(request);
  const submission = parseForm(await request.formData(), OfficerEventSchema);
  if (submission.status !== "success") return replyInvalid(submission);
  let id: string;
  try {
    id = await withTransaction((trx) => createEvent(trx, actorOf(user, context), scope, submission.value));
  } catch (e) {
    return replyDomainError(e, submission);
  }
  return redirectWithFlash(`/operatore/ricollocazione/${id}`, {
    type: "success",
    message: "Evento registrato come bozza: le scadenze di legge sono nel calendario. Quando arriva la comunicazione di avvio, registrala.",
  });
}

export default function NewOutplacementEvent() {
  const { employers, coordinators, me } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const officerForm = useSchemaForm(OfficerEventSchema, {
    id: "outplacement-event",
    lastResult: result?.result,
    defaultValue: { sites: [{}], coordinatorUserId: me },
  });
  const [, fields] = officerForm;
  const [form, shared] = asEventForm(officerForm);
  return (
    <div className="col-lg-10">
      <p>
        <Link to="/operatore/ricollocazione">← Ricollocazione</Link>
      </p>
      <PageTitle
        title="Nuovo evento di ricollocazione"
        lead="Licenziamento collettivo, CIGS, chiusura di sede o gruppo GOL: l'evento raccoglie i lavoratori da ricollocare."
      />
      <OutplacementEventForm
        form={form}
        fields={shared}
        submitLabel="Registra l'evento"
        head={
          <div className="row">
            <div className="col-md-7">
              <SelectField
                field={fields.employerId}
                label="Azienda"
                options={employers.map((e) => [e.id, e.legal_name] as [string, string])}
                placeholder="Scegli dall'elenco delle aziende…"
                required
              />
            </div>
            <div className="col-md-5">
              <SelectField
                field={fields.coordinatorUserId}
                label="Coordinatore"
                options={coordinators.map(
                  (c) => [c.id, c.office_province ? `${c.full_name} (${c.office_province})` : c.full_name] as [string, string],
                )}
                placeholder="Nessuno"
              />
            </div>
          </div>
        }
      />
    </div>
  );
}
