import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { CompanyFields } from "~/components/company-form";
import { CheckboxField, ErrorSummary, TextField } from "~/components/forms";
import { withTransaction } from "~/db/transaction.server";
import { registerEmployer } from "~/domain/employers/commands.server";
import { RegistrationSchema } from "~/domain/employers/schema.server";
import { createSession } from "~/domain/identity/commands.server";
import { domainErrorResponse, invalid } from "~/web/action.server";
import { redirectWithFlash } from "~/web/flash.server";
import { parseFormData } from "~/utils/forms";
import { actorOf, getCurrentUser, sessionCookieHeader } from "~/web/session.server";

export const meta: MetaFunction = () => [{ title: "Registra la tua azienda — Rosa" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getCurrentUser(request)) throw redirect("/area");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = parseFormData(await request.formData(), RegistrationSchema);
  if (!form.ok) return invalid(form.errors, form.values);
  try {
    const sessionId = await withTransaction(async (trx) => {
      const { userId } = await registerEmployer(trx, actorOf(null, context), form.data);
      return createSession(trx, userId, "password");
    });
    return redirectWithFlash(
      "/azienda",
      { type: "success", message: "Registrazione inviata. Un operatore del Centro per l'Impiego verificherà i dati dell'azienda." },
      { "Set-Cookie": await sessionCookieHeader(sessionId) },
    );
  } catch (e) {
    return domainErrorResponse(e, form.values);
  }
}

export default function Registration() {
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const common = { errors: result?.errors, values: result?.values };
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
        <ErrorSummary errors={result?.errors} />
        <Form method="post" noValidate>
          <fieldset className="mb-4">
            <legend className="h4">Il tuo account</legend>
            <TextField {...common} name="fullName" label="Nome e cognome" required autoComplete="name" />
            <TextField {...common} name="email" label="E-mail di accesso" type="email" required autoComplete="email" />
            <div className="row">
              <div className="col-md-6">
                <TextField
                  {...common}
                  name="password"
                  label="Password"
                  type="password"
                  required
                  autoComplete="new-password"
                  hint="Almeno 12 caratteri, non una password comune né il tuo nome o la tua e-mail: va bene una frase di più parole"
                />
              </div>
              <div className="col-md-6">
                <TextField
                  {...common}
                  name="confirmPassword"
                  label="Ripeti la password"
                  type="password"
                  required
                  autoComplete="new-password"
                />
              </div>
            </div>
          </fieldset>
          <CompanyFields {...common} />
          <CheckboxField {...common} name="privacy" label="Dichiaro di aver letto l'informativa sul trattamento dei dati personali">
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
