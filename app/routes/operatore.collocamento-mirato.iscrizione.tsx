import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, TextField } from "~/components/forms";
import { HealthFields } from "~/components/l68-health-fields";
import { LookupInput } from "~/components/lookup-input";
import { runForm } from "~/web/actions/placement.server";
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
  const result = await runForm(await request.formData(), EnrolmentFormSchema, (trx, d) =>
    enrol(trx, actorOf(user, context), province, d, todayInItaly()),
  );
  if (!result.ok) return data(result, { status: result.status });
  return redirectWithFlash(`/operatore/collocamento-mirato/elenco/${result.value}`, {
    type: "success",
    message: "Persona iscritta nell'elenco del collocamento mirato.",
  });
}

export default function EnrolmentFormPage() {
  const { province, today } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const common = { errors: failed && !failed.ok ? failed.errors : undefined, values: failed && !failed.ok ? failed.values : undefined };
  return (
    <div>
      <p>
        <Link to="/operatore/collocamento-mirato/elenco">← Elenco del collocamento mirato</Link>
      </p>
      <h1>Iscrizione nell'elenco del collocamento mirato ({province})</h1>
      <Form method="post" noValidate>
        <ErrorSummary errors={common.errors} />
        <fieldset className="mb-4">
          <legend className="h4">Persona</legend>
          <p className="small">
            Se la persona è già nella banca dati dei candidati basta il codice fiscale: nome, nascita, domicilio e recapiti si prendono dal
            suo CV.
          </p>
          <TextField name="taxCode" label="Codice fiscale" required {...common} />
          <div className="row">
            <div className="col-md-6">
              <TextField name="firstName" label="Nome" autoComplete="off" {...common} />
            </div>
            <div className="col-md-6">
              <TextField name="lastName" label="Cognome" autoComplete="off" {...common} />
            </div>
          </div>
          <div className="row">
            <div className="col-md-4">
              <TextField name="birthDate" label="Data di nascita" type="date" {...common} />
            </div>
            <div className="col-md-4">
              <TextField name="phone" label="Telefono" inputMode="tel" {...common} />
            </div>
            <div className="col-md-4">
              <TextField name="email" label="Email" inputMode="email" {...common} />
            </div>
          </div>
          <LookupInput name="comune" label="Comune di domicilio" source="/api/comuni" {...common} />
        </fieldset>
        <fieldset className="mb-4">
          <legend className="h4">Iscrizione e criteri della graduatoria</legend>
          <div className="row">
            <div className="col-md-4">
              <TextField name="enrolledOn" label="Data di iscrizione" type="date" required defaultValue={today} {...common} />
            </div>
            <div className="col-md-4">
              <TextField name="familyDependants" label="Persone a carico" inputMode="numeric" defaultValue="0" {...common} />
            </div>
            <div className="col-md-4">
              <TextField name="isee" label="ISEE in corso di validità (euro)" hint="Vuoto se non presentato" {...common} />
            </div>
          </div>
        </fieldset>
        <fieldset className="mb-4">
          <legend className="h4">Dati sanitari (visibili solo al collocamento mirato)</legend>
          <HealthFields placeholder="Scegli…" {...common} />
        </fieldset>
        <button type="submit" className="btn btn-primary">
          Iscrivi
        </button>
      </Form>
    </div>
  );
}
