import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { SelectField } from "~/components/forms";
import { PageTitle } from "~/components/layout";
import { OutplacementEventForm, asEventForm } from "~/components/outplacement-event-form";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { OfficerEventSchema } from "~/domain/outplacement";
import { listCoordinators, listEventEmployers, updateEvent } from "~/domain/outplacement/index.server";
import { parseForm, useSchemaForm } from "~/web/conform";
import { replyDomainError, replyInvalid } from "~/web/conform.server";
import { redirectWithFlash } from "~/web/flash.server";
import { requireEvent } from "~/web/outplacement-guards.server";
import { actorOf } from "~/web/session.server";

export const meta: MetaFunction = () => [{ title: "Modifica l'evento di ricollocazione — Rosa" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = await requireEvent(request, params, ["officer"]);
  const db = getDb();
  return { event, employers: await listEventEmployers(db), coordinators: await listCoordinators(db) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, scope, event } = await requireEvent(request, params, ["officer"]);
  const submission = parseForm(await request.formData(), OfficerEventSchema);
  if (submission.status !== "success") return replyInvalid(submission);
  try {
    await withTransaction((trx) =>
      updateEvent(trx, actorOf(user, context), scope, event.id, submission.value.version ?? event.version, submission.value),
    );
  } catch (e) {
    return replyDomainError(e, submission);
  }
  return redirectWithFlash(`/operatore/ricollocazione/${event.id}`, {
    type: "success",
    message: "Evento aggiornato: le scadenze seguono le nuove date.",
  });
}

const v = (x: string | null) => x ?? "";
const n = (x: number | null) => (x === null ? "" : String(x));

export default function EditOutplacementEvent() {
  const { event, employers, coordinators } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const officerForm = useSchemaForm(OfficerEventSchema, {
    id: "outplacement-event",
    lastResult: result?.result,
    defaultValue: {
      employerId: event.employer_id,
      coordinatorUserId: v(event.coordinator_user_id),
      version: String(event.version),
      type: event.type,
      title: event.title,
      sites: event.sites.map((s) => ({ label: v(s.label), address: v(s.address), comune: `${s.comune} (${s.province})` })),
      headcountTotal: n(event.headcount_total),
      surplusAnnounced: n(event.surplus_announced),
      surplusFinal: n(event.surplus_final),
      communicationOn: v(event.communication_on),
      unionRequestOn: v(event.union_request_on),
      unionPhaseEndOn: v(event.union_phase_end_on),
      planReceivedOn: v(event.plan_received_on),
      firstDismissalOn: v(event.first_dismissal_on),
      procedureEndOn: v(event.procedure_end_on),
      agreementOn: v(event.agreement_on),
      cigsFrom: v(event.cigs_from),
      cigsTo: v(event.cigs_to),
      agreementType: v(event.agreement_type),
      agreementDocumentRef: v(event.agreement_document_ref),
      agreementOutplacementClauses: v(event.agreement_outplacement_clauses),
      employerFunded: event.employer_funded ? "on" : undefined,
      employerFundedProvider: v(event.employer_funded_provider),
      employerFundedBudget:
        event.employer_funded_budget_cents === null ? "" : (Number(event.employer_funded_budget_cents) / 100).toFixed(2).replace(".", ","),
      notes: v(event.notes),
    },
  });
  const [, fields] = officerForm;
  const [form, shared] = asEventForm(officerForm);
  return (
    <div className="col-lg-10">
      <p>
        <Link to={`/operatore/ricollocazione/${event.id}`}>← {event.title}</Link>
      </p>
      <PageTitle title="Modifica l'evento" />
      <OutplacementEventForm
        form={form}
        fields={shared}
        submitLabel="Salva le modifiche"
        head={
          <div className="row">
            <input type="hidden" name={fields.version.name} value={String(event.version)} />
            <div className="col-md-7">
              <SelectField
                field={fields.employerId}
                label="Azienda"
                options={employers.map((e) => [e.id, e.legal_name] as [string, string])}
                placeholder="Scegli…"
                required
              />
            </div>
            <div className="col-md-5">
              <SelectField
                field={fields.coordinatorUserId}
                label="Coordinatore"
                options={coordinators.map((c) => [c.id, c.full_name] as [string, string])}
                placeholder="Nessuno"
              />
            </div>
          </div>
        }
      />
    </div>
  );
}
