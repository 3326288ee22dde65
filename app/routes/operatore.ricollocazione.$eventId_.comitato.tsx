import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Notice, TextAreaField, TextField } from "~/components/forms";
import { PageTitle } from "~/components/layout";
import { SteeringMeetingList } from "~/components/outplacement-steering";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { listSteeringMeetings, recordSteeringMeeting } from "~/domain/outplacement/index.server";
import { STEERING_PRIVACY_NOTICE, STEERING_ROLES, STEERING_ROLE_KEYS, SteeringMeetingSchema } from "~/domain/outplacement/steering";
import { todayInItaly } from "~/utils/dates";
import { parseForm, useSchemaForm, type FormResult } from "~/web/conform";
import { replyDomainError, replyInvalid } from "~/web/conform.server";
import { redirectWithFlash } from "~/web/flash.server";
import { requireEvent } from "~/web/outplacement-guards.server";
import { actorOf } from "~/web/session.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Comitato di monitoraggio — ${data?.event.title ?? "Evento"} — Ricollocazione — Rosa` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope, event } = await requireEvent(request, params, ["officer"]);
  return {
    event: { id: event.id, title: event.title, legal_name: event.legal_name },
    meetings: await listSteeringMeetings(getDb(), scope, event.id),
    today: todayInItaly(),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, scope, event } = await requireEvent(request, params, ["officer"]);
  const submission = parseForm(await request.formData(), SteeringMeetingSchema);
  if (submission.status !== "success") return replyInvalid(submission);
  try {
    await withTransaction((trx) => recordSteeringMeeting(trx, actorOf(user, context), scope, event.id, submission.value));
  } catch (e) {
    return replyDomainError(e, submission);
  }
  return redirectWithFlash(`/operatore/ricollocazione/${event.id}/comitato`, {
    type: "success",
    message: "Riunione del comitato registrata: i rappresentanti sindacali la vedono nella loro area.",
  });
}

export default function SteeringCommittee() {
  const { event, meetings, today } = useLoaderData<typeof loader>();
  const reply = useActionData() as { result: FormResult } | undefined;
  const [form, fields] = useSchemaForm(SteeringMeetingSchema, {
    id: "steering",
    lastResult: reply?.result,
    defaultValue: { heldOn: today },
  });
  return (
    <div className="col-lg-10">
      <p>
        <Link to={`/operatore/ricollocazione/${event.id}`}>← {event.title}</Link>
      </p>
      <PageTitle title="Comitato di monitoraggio" lead={`${event.title} — ${event.legal_name}`} />
      <section aria-labelledby="riunioni" className="mb-5">
        <h2 id="riunioni">Riunioni</h2>
        <SteeringMeetingList meetings={meetings} />
      </section>
      <section aria-labelledby="nuova-riunione">
        <h2 id="nuova-riunione">Registra una riunione</h2>
        <Notice type="warning">{STEERING_PRIVACY_NOTICE}</Notice>
        <Form method="post" {...getFormProps(form)} className="border rounded p-3">
          <ErrorSummary form={form} />
          <TextField field={fields.heldOn} label="Data della riunione" type="date" required />
          <fieldset className="mb-3">
            <legend className="h6">Partecipanti per ruolo (enti e funzioni)</legend>
            {STEERING_ROLE_KEYS.map((r) => (
              <TextField key={r} field={fields[r]} label={STEERING_ROLES[r]} maxLength={500} />
            ))}
          </fieldset>
          <TextAreaField field={fields.minutes} label="Verbale" rows={6} />
          <TextAreaField field={fields.decisions} label="Decisioni (ad esempio su un'offerta contestata)" rows={3} />
          <button type="submit" className="btn btn-primary">
            Registra la riunione
          </button>
        </Form>
      </section>
    </div>
  );
}
