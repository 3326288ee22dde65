import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { getFormProps } from "@conform-to/react";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary, Notice } from "~/components/forms";
import { NewPasswordFields } from "~/components/password-fields";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { findPasswordReset, resetPassword, RESET_LINK_USED_MESSAGE } from "~/domain/identity/password-reset.server";
import { ResetPasswordSchema } from "~/domain/identity/schema";
import { constraintsOf, parseForm, replyDomainError, replyFormError, replyInvalid } from "~/web/conform.server";
import { redirectWithFlash } from "~/web/flash.server";
import { useServerForm } from "~/web/form-metadata";
import { clearSessionCookieHeader, clientIp, notFound } from "~/web/session.server";

export const meta: MetaFunction = () => [{ title: "Nuova password — Rosa" }];

const ParamsSchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/) });

/** The reset behind the link, or a 404 for a link that never existed. */
async function requireReset(params: unknown) {
  const parsed = ParamsSchema.safeParse(params);
  if (!parsed.success) throw notFound("Collegamento non valido");
  const reset = await findPasswordReset(getDb(), parsed.data.token);
  if (!reset) throw notFound("Collegamento non valido");
  return { token: parsed.data.token, reset };
}

/** 410: the link was used, superseded by a newer one, or expired; the page says so and offers a new one. */
export async function loader({ params }: LoaderFunctionArgs) {
  const { reset } = await requireReset(params);
  if (reset.state !== "valid") return data({ email: null, constraint: {} }, { status: 410 });
  return { email: reset.email, constraint: constraintsOf(ResetPasswordSchema) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { token, reset } = await requireReset(params);
  if (reset.state !== "valid") return replyFormError(RESET_LINK_USED_MESSAGE, 410);
  const submission = parseForm(await request.formData(), ResetPasswordSchema);
  if (submission.status !== "success") return replyInvalid(submission);
  try {
    await withTransaction((trx) => resetPassword(trx, clientIp(context), token, submission.value.newPassword));
  } catch (e) {
    return replyDomainError(e, submission);
  }
  // Every session of the account was closed, this browser's too.
  return redirectWithFlash(
    "/accedi",
    { type: "success", message: "Password cambiata: accedi con la nuova password." },
    { "Set-Cookie": await clearSessionCookieHeader() },
  );
}

export default function ResetPassword() {
  const { email, constraint } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [form, fields] = useServerForm<{ newPassword: string; confirmPassword: string }>({
    id: "new-password",
    lastResult: result?.result,
    constraint,
  });
  if (!email) {
    return (
      <div className="row">
        <div className="col-lg-6">
          <h1>Collegamento già usato o scaduto</h1>
          <Notice type="warning">
            Questo collegamento per la nuova password è già stato usato, è stato sostituito da uno più recente oppure è scaduto.
          </Notice>
          <p>
            <Link to="/password-dimenticata">Chiedi un nuovo collegamento</Link> oppure <Link to="/accedi">accedi</Link>.
          </p>
        </div>
      </div>
    );
  }
  return (
    <div className="row">
      <div className="col-lg-6">
        <h1>Scegli una nuova password</h1>
        <p>
          Account: <strong>{email}</strong>. Dopo il cambio, le sessioni aperte di questo account si chiudono.
        </p>
        <ErrorSummary form={form} />
        <Form method="post" {...getFormProps(form)}>
          <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
          <NewPasswordFields password={fields.newPassword} confirm={fields.confirmPassword} change />
          <button type="submit" className="btn btn-primary">
            Salva la nuova password
          </button>
        </Form>
      </div>
    </div>
  );
}
