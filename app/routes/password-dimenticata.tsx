import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { plural } from "~/utils/plural";
import { redirect } from "@remix-run/node";
import { getFormProps } from "@conform-to/react";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorSummary, Notice, TextField } from "~/components/forms";
import { getDb } from "~/db/db.server";
import { requestPasswordReset } from "~/domain/identity/password-reset.server";
import { homePathFor } from "~/domain/identity/roles";
import { ResetRequestSchema } from "~/domain/identity/schema";
import { publicBaseUrl } from "~/web/action.server";
import { constraintsOf, parseForm, replyInvalid } from "~/web/conform.server";
import { useServerForm } from "~/web/form-metadata";
import { clientIp, getCurrentUser } from "~/web/session.server";

export const meta: MetaFunction = () => [{ title: "Password dimenticata — Rosa" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  if (user) throw redirect(homePathFor(user.role));
  return { constraint: constraintsOf(ResetRequestSchema) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseForm(await request.formData(), ResetRequestSchema);
  if (submission.status !== "success") return replyInvalid(submission);
  const email = submission.value.email;
  const result = await requestPasswordReset(getDb(), { email, ip: clientIp(context), baseUrl: publicBaseUrl() });
  if (!result.ok) {
    return replyInvalid(submission, {
      formError: `Troppe richieste per questo indirizzo o da questa rete: per sicurezza riprova tra ${plural(result.minutes, "minuto", "minuti")}.`,
      status: 429,
    });
  }
  // The same answer whether or not the address has an account.
  return { sent: email };
}

export default function ForgottenPassword() {
  const { constraint } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const sent = result && "sent" in result ? result.sent : null;
  const [form, fields] = useServerForm<{ email: string }>({
    id: "reset-request",
    lastResult: result && "result" in result ? result.result : null,
    constraint,
  });
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
            <ErrorSummary form={form} />
            <Form method="post" {...getFormProps(form)}>
              <TextField field={fields.email} label="E-mail" type="email" autoComplete="username" required />
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
