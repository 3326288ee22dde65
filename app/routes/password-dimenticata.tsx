import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { plural } from "~/utils/plural";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { ErrorSummary, Notice, TextField } from "~/components/forms";
import { getDb } from "~/db/db.server";
import { requestPasswordReset } from "~/domain/identity/password-reset.server";
import { homePathFor } from "~/domain/identity/roles";
import { ResetRequestSchema } from "~/domain/identity/schema";
import { invalid, publicBaseUrl } from "~/web/action.server";
import { parseFormData } from "~/utils/forms";
import { clientIp, getCurrentUser } from "~/web/session.server";

export const meta: MetaFunction = () => [{ title: "Password dimenticata — Rosa" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  if (user) throw redirect(homePathFor(user.role));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = parseFormData(await request.formData(), ResetRequestSchema);
  if (!form.ok) return invalid(form.errors, form.values);
  const result = await requestPasswordReset(getDb(), { email: form.data.email, ip: clientIp(context), baseUrl: publicBaseUrl() });
  if (!result.ok) {
    return invalid(
      {
        _form: `Troppe richieste per questo indirizzo o da questa rete: per sicurezza riprova tra ${plural(result.minutes, "minuto", "minuti")}.`,
      },
      form.values,
      429,
    );
  }
  // The same answer whether or not the address has an account.
  return { sent: form.data.email, errors: undefined, values: undefined };
}

export default function ForgottenPassword() {
  const result = useActionData<typeof action>();
  const sent = result && "sent" in result ? result.sent : null;
  const busy = useNavigation().state !== "idle";
  return (
    <div className="row">
      <div className="col-lg-6">
        <h1>Password dimenticata</h1>
        {sent ? (
          <>
            <Notice>
              Se <strong>{sent}</strong> corrisponde a un account attivo, riceverai a breve un'e-mail con un collegamento per scegliere una
              nuova password. Il collegamento vale un'ora e funziona una sola volta.
            </Notice>
            <p>
              Non arriva nulla? Controlla la posta indesiderata; se hai più indirizzi, prova con quello che usi per Rosa.{" "}
              <Link to="/accedi">Torna all'accesso</Link>.
            </p>
          </>
        ) : (
          <>
            <p>Indica l'indirizzo e-mail con cui accedi a Rosa: ti invieremo un collegamento per scegliere una nuova password.</p>
            <ErrorSummary errors={result?.errors} />
            <Form method="post" noValidate>
              <TextField
                name="email"
                label="E-mail"
                type="email"
                autoComplete="username"
                required
                errors={result?.errors}
                values={result?.values}
              />
              <button type="submit" className="btn btn-primary" disabled={busy}>
                Invia il collegamento
              </button>
            </Form>
            <p className="mt-4">
              <Link to="/accedi">Torna all'accesso</Link>
            </p>
          </>
        )}
      </div>
    </div>
  );
}
