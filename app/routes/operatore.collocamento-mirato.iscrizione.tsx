import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, TextField } from "~/components/forms";
import { HealthFields } from "~/components/l68-health-fields";
import { LookupInput } from "~/components/lookup-input";
import { runSubmission } from "~/web/actions/placement.server";
import { useSchemaForm } from "~/web/conform";
import { getFormProps } from "@conform-to/react";
import { enrol } from "~/domain/placement/index.server";
import { EnrolmentFormSchema } from "~/domain/placement";
import { todayInItaly } from "~/utils/dates";
import { redirectWithFlash } from "~/web/flash.server";
import { actorOf } from "~/web/session.server";
import { requirePlacementOfficer } from "~/web/guards.server";

export const meta: MetaFunction = () => [{ title: "Iscrizione nell'elenco del collocamento mirato — Rosa" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { province } = await requirePlacementOfficer(request);
  return { province, today: todayInItaly() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, province } = await requirePlacementOfficer(request);
  const result = await runSubmission(await request.formData(), EnrolmentFormSchema, (trx, d) =>
    enrol(trx, actorOf(user, context), province, d, todayInItaly()),
  );
  if (!result.ok) return result.reply;
  return redirectWithFlash(`/operatore/collocamento-mirato/elenco/${result.value}`, {
    type: "success",
    message: "Persona iscritta nell'elenco del collocamento mirato.",
  });
}

export default function EnrolmentFormPage() {
  const { province, today } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(EnrolmentFormSchema, {
    id: "enrolment",
    lastResult: reply?.result,
    defaultValue: { enrolledOn: today, familyDependants: "0" },
  });
  return (
    <div>
      <p>
        <Link to="/operatore/collocamento-mirato/elenco">← Elenco del collocamento mirato</Link>
      </p>
      <h1>Iscrizione nell'elenco del collocamento mirato ({province})</h1>
      <Form method="post" {...getFormProps(form)}>
        <ErrorSummary form={form} />
        <fieldset className="mb-4">
          <legend className="h4">Persona</legend>
          <p className="small">
            Se la persona è già nella banca dati dei candidati basta il codice fiscale: nome, nascita, domicilio e recapiti si prendono dal
            suo CV.
          </p>
          <TextField field={fields.taxCode} label="Codice fiscale" />
          <div className="row">
            <div className="col-md-6">
              <TextField field={fields.firstName} label="Nome" autoComplete="off" />
            </div>
            <div className="col-md-6">
              <TextField field={fields.lastName} label="Cognome" autoComplete="off" />
            </div>
          </div>
          <div className="row">
            <div className="col-md-4">
              <TextField field={fields.birthDate} label="Data di nascita" type="date" />
            </div>
            <div className="col-md-4">
              <TextField field={fields.phone} label="Telefono" inputMode="tel" />
            </div>
            <div className="col-md-4">
              <TextField field={fields.email} label="Email" inputMode="email" />
            </div>
          </div>
          <LookupInput field={fields.comune} label="Comune di domicilio" source="/api/comuni" />
        </fieldset>
        <fieldset className="mb-4">
          <legend className="h4">Iscrizione e criteri della graduatoria</legend>
          <div className="row">
            <div className="col-md-4">
              <TextField field={fields.enrolledOn} label="Data di iscrizione" type="date" />
            </div>
            <div className="col-md-4">
              <TextField field={fields.familyDependants} label="Persone a carico" inputMode="numeric" />
            </div>
            <div className="col-md-4">
              <TextField field={fields.isee} label="ISEE in corso di validità (euro)" hint="Vuoto se non presentato" />
            </div>
          </div>
        </fieldset>
        <fieldset className="mb-4">
          <legend className="h4">Dati sanitari (visibili solo al collocamento mirato)</legend>
          <HealthFields placeholder="Scegli…" fields={fields} />
        </fieldset>
        <button type="submit" className="btn btn-primary">
          Iscrivi
        </button>
      </Form>
    </div>
  );
}
