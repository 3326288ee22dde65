import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getDb } from "~/db/db.server";
import { ErrorSummary, Notice, TextField } from "~/components/forms";
import { attemptPasswordLogin } from "~/domain/identity/login.server";
import { homePathFor } from "~/domain/identity/roles";
import { LoginSchema } from "~/domain/identity/schema.server";
import { invalid } from "~/web/action.server";
import { getEnv } from "~/utils/env.server";
import { parseFormData } from "~/utils/forms";
import { safeRedirectPath } from "~/utils/redirect";
import { CHANGE_PASSWORD_PATH, clientIp, getCurrentUser, sessionCookieHeader } from "~/web/session.server";
import type { Role } from "~/db/types";
import { plural } from "~/utils/plural";

export const meta: MetaFunction = () => [{ title: "Accedi — Rosa" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  if (user) throw redirect(homePathFor(user.role));
  const url = new URL(request.url);
  return { expired: url.searchParams.get("scaduta") === "1", redirectTo: safeRedirectPath(url.searchParams.get("redirectTo"), "") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = parseFormData(await request.formData(), LoginSchema);
  if (!form.ok) return invalid(form.errors, form.values);
  const env = getEnv();
  const result = await attemptPasswordLogin(
    getDb(),
    { email: form.data.email, password: form.data.password, ip: clientIp(context) },
    { maxFailures: env.LOGIN_MAX_FAILURES, lockMinutes: env.LOGIN_LOCK_MINUTES },
  );
  if (!result.ok) {
    const message =
      result.reason === "locked"
        ? `Troppi tentativi non riusciti: per sicurezza l'accesso è bloccato per ${plural(result.minutes, "minuto", "minuti")}.`
        : "E-mail o password non corrette.";
    return invalid({ _form: message }, form.values, result.reason === "locked" ? 429 : 400);
  }
  const to = result.mustChangePassword ? CHANGE_PASSWORD_PATH : safeRedirectPath(form.data.redirectTo, homePathFor(result.role as Role));
  return redirect(to, { headers: { "Set-Cookie": await sessionCookieHeader(result.sessionId) } });
}

export default function Login() {
  const { expired, redirectTo } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  return (
    <div className="row">
      <div className="col-lg-6">
        <h1>Accedi a Rosa</h1>
        {expired ? <Notice type="warning">La sessione è scaduta: accedi di nuovo per continuare.</Notice> : null}
        <ErrorSummary errors={result?.errors} />
        <Form method="post" noValidate>
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <TextField name="email" label="E-mail" type="email" autoComplete="username" required errors={result?.errors} values={result?.values} />
          <TextField name="password" label="Password" type="password" autoComplete="current-password" required errors={result?.errors} />
          <button type="submit" className="btn btn-primary" disabled={busy}>
            Accedi
          </button>
        </Form>
        <p className="mt-3">
          <Link to="/password-dimenticata">Password dimenticata?</Link>
        </p>
        <p className="mt-4">
          Non hai un account? Se cerchi lavoro,{" "}
          <Link to={redirectTo ? `/registrazione/candidato?redirectTo=${encodeURIComponent(redirectTo)}` : "/registrazione/candidato"}>registrati come candidato</Link>; se
          sei un'azienda, <Link to="/registrazione">registra la tua azienda</Link>.
        </p>
        <p className="rosa-muted">L'accesso con SPID e CIE sarà disponibile tramite il gestore delle identità della Regione.</p>
      </div>
    </div>
  );
}
