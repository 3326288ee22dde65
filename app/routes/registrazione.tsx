import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getFormProps } from "@conform-to/react";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CompanyFields, type CompanyFieldset } from "~/components/company-form";
import { CheckboxField, ErrorSummary, TextField } from "~/components/forms";
import { NewPasswordFields } from "~/components/password-fields";
import { registerEmployer } from "~/domain/employers/commands.server";
import { RegistrationSchema } from "~/domain/employers/schema.server";
import { constraintsOf, parseForm, replyDomainError, replyInvalid } from "~/web/conform.server";
import { signInNewAccount } from "~/web/sign-in.server";
import { useServerForm, type Field } from "~/web/form-metadata";
import { actorOf, getCurrentUser } from "~/web/session.server";

export const meta: MetaFunction = () => [{ title: "Registra la tua azienda — Rosa" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getCurrentUser(request)) throw redirect("/area");
  return { constraint: constraintsOf(RegistrationSchema) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseForm(await request.formData(), RegistrationSchema);
  if (submission.status !== "success") return replyInvalid(submission);
  try {
    return await signInNewAccount(
      (trx) => registerEmployer(trx, actorOf(null, context), submission.value),
      "/azienda",
      "Registrazione inviata. Un operatore del Centro per l'Impiego verificherà i dati dell'azienda.",
    );
  } catch (e) {
    return replyDomainError(e, submission);
  }
}

export default function Registration() {
  const { constraint } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const [form, fields] = useServerForm<Record<string, string>>({ id: "registration", lastResult: result?.result, constraint });
  const f = fields as unknown as Record<string, Field>;
  return (
    <div className="row">
      <div className="col-lg-9">
        <h1>Registra la tua azienda</h1>
        <p className="lead">
          Chi registra l'azienda ne è il legale rappresentante su Rosa e potrà invitare colleghi o un consulente del lavoro delegato. Un
          operatore convaliderà i dati prima che tu possa pubblicare offerte di lavoro.
        </p>
        <p>
          Cerchi lavoro? <Link to="/registrazione/candidato">Registrati come candidato</Link>.
        </p>
        <p className="rosa-muted">I campi con * sono obbligatori.</p>
        <ErrorSummary form={form} />
        <Form method="post" {...getFormProps(form)}>
          <fieldset className="mb-4">
            <legend className="h4">Il tuo account</legend>
            <TextField field={f.fullName} label="Nome e cognome" required autoComplete="name" />
            <TextField field={f.email} label="E-mail di accesso" type="email" required autoComplete="email" />
            <NewPasswordFields password={f.password} confirm={f.confirmPassword} columns />
          </fieldset>
          <CompanyFields fields={f as unknown as CompanyFieldset} />
          <CheckboxField field={f.privacy} label="Dichiaro di aver letto l'informativa sul trattamento dei dati personali">
            {" "}
            (<Link to="/privacy">leggi l'informativa</Link>)
          </CheckboxField>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            Invia la registrazione
          </button>
        </Form>
      </div>
    </div>
  );
}
