import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getFormProps } from "@conform-to/react";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getDb } from "~/db/db.server";
import { ErrorSummary, Notice, TextField } from "~/components/forms";
import { attemptPasswordLogin } from "~/domain/identity/login.server";
import { homePathFor } from "~/domain/identity/roles";
import { LoginSchema } from "~/domain/identity/schema.server";
import { constraintsOf, parseForm, replyInvalid } from "~/web/conform.server";
import { getEnv } from "~/utils/env.server";
import { useServerForm } from "~/web/form-metadata";
import { safeRedirectPath } from "~/utils/redirect";
import { CHANGE_PASSWORD_PATH, clientIp, getCurrentUser, sessionCookieHeader } from "~/web/session.server";
import { SIGN_IN_NOTICES, verifiedSignInEnabled } from "~/web/verified-identity.server";
import type { Role } from "~/db/types";
import { plural } from "~/utils/plural";

export const meta: MetaFunction = () => [{ title: "Accedi — Rosa" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  if (user) throw redirect(homePathFor(user.role));
  const url = new URL(request.url);
  const spidCode = url.searchParams.get("spid") ?? "";
  return {
    expired: url.searchParams.get("scaduta") === "1",
    redirectTo: safeRedirectPath(url.searchParams.get("redirectTo"), ""),
    constraint: constraintsOf(LoginSchema),
    spidEnabled: verifiedSignInEnabled(),
    spidNotice: Object.hasOwn(SIGN_IN_NOTICES, spidCode) ? SIGN_IN_NOTICES[spidCode] : null,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseForm(await request.formData(), LoginSchema);
  if (submission.status !== "success") return replyInvalid(submission);
  const env = getEnv();
  const result = await attemptPasswordLogin(
    getDb(),
    { email: submission.value.email, password: submission.value.password, ip: clientIp(context) },
    { maxFailures: env.LOGIN_MAX_FAILURES, lockMinutes: env.LOGIN_LOCK_MINUTES },
  );
  if (!result.ok) {
    const message =
      result.reason === "locked"
        ? `Troppi tentativi non riusciti: per sicurezza l'accesso è bloccato per ${plural(result.minutes, "minuto", "minuti")}.`
        : "E-mail o password non corrette.";
    return replyInvalid(submission, { formError: message, status: result.reason === "locked" ? 429 : 400 });
  }
  const to = result.mustChangePassword
    ? CHANGE_PASSWORD_PATH
    : safeRedirectPath(submission.value.redirectTo, homePathFor(result.role as Role));
  return redirect(to, { headers: { "Set-Cookie": await sessionCookieHeader(result.sessionId) } });
}

export default function Login() {
  const { expired, redirectTo, constraint, spidEnabled, spidNotice } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [form, fields] = useServerForm<{ email: string; password: string; redirectTo: string }>({
    id: "login",
    lastResult: result?.result,
    constraint,
  });
  const busy = useNavigation().state !== "idle";
  return (
    <div className="row">
      <div className="col-lg-6">
        <h1>Accedi a Rosa</h1>
        {expired ? <Notice type="warning">La sessione è scaduta: accedi di nuovo per continuare.</Notice> : null}
        {spidNotice ? <Notice type="warning">{spidNotice}</Notice> : null}
        {spidEnabled ? (
          <>
            <p>
              <a
                className="btn btn-primary"
                href={redirectTo ? `/accedi/spid?redirectTo=${encodeURIComponent(redirectTo)}` : "/accedi/spid"}
              >
                Entra con SPID o CIE
              </a>
            </p>
            <p className="rosa-muted">Oppure accedi con e-mail e password.</p>
          </>
        ) : null}
        <ErrorSummary form={form} />
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <TextField field={fields.email} label="E-mail" type="email" autoComplete="username" required />
          <TextField field={fields.password} label="Password" type="password" autoComplete="current-password" required />
          <button type="submit" className="btn btn-primary" disabled={busy}>
            Accedi
          </button>
        </Form>
        <p className="mt-3">
          <Link to="/password-dimenticata">Password dimenticata?</Link>
        </p>
        <p className="mt-4">
          Non hai un account? Se cerchi lavoro,{" "}
          <Link to={redirectTo ? `/registrazione/candidato?redirectTo=${encodeURIComponent(redirectTo)}` : "/registrazione/candidato"}>
            registrati come candidato
          </Link>
          ; se sei un'azienda, <Link to="/registrazione">registra la tua azienda</Link>.
        </p>
        {spidEnabled ? null : <p className="rosa-muted">L'accesso con SPID e CIE non è attivo su questo portale.</p>}
      </div>
    </div>
  );
}
