import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { getFormProps } from "@conform-to/react";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { ErrorSummary, Notice, TextField } from "~/components/forms";
import { NewPasswordFields } from "~/components/password-fields";
import { changePassword } from "~/domain/identity/commands.server";
import { verifyPassword } from "~/domain/identity/password.server";
import { getPasswordHash } from "~/domain/identity/queries.server";
import { PasswordChangeSchema } from "~/domain/identity/schema";
import { replyDomainError, replyInvalid } from "~/web/conform.server";
import { redirectWithFlash } from "~/web/flash.server";
import { parseForm, useSchemaForm } from "~/web/conform";
import { actorOf, requireUser } from "~/web/session.server";
import { homePathFor } from "~/domain/identity/roles";

export const meta: MetaFunction = () => [{ title: "Cambia password — Rosa" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { forced: user.mustChangePassword };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseForm(await request.formData(), PasswordChangeSchema);
  if (submission.status !== "success") return replyInvalid(submission);
  if (!(await verifyPassword(await getPasswordHash(getDb(), user.id), submission.value.currentPassword))) {
    return replyInvalid(submission, { fieldErrors: { currentPassword: "La password attuale non è corretta" } });
  }
  try {
    await withTransaction((trx) =>
      changePassword(trx, { ...actorOf(user, context), userId: user.id }, user.sessionId, submission.value.newPassword),
    );
  } catch (e) {
    return replyDomainError(e, submission);
  }
  return redirectWithFlash(homePathFor(user.role), {
    type: "success",
    message: "Password cambiata. Le altre sessioni aperte sono state chiuse.",
  });
}

export default function ChangePassword() {
  const { forced } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(PasswordChangeSchema, { id: "password-change", lastResult: result?.result });
  return (
    <div className="row">
      <div className="col-lg-6">
        <h1>Cambia password</h1>
        {forced ? (
          <Notice type="warning">
            La password di questo account è stata scelta da un amministratore: prima di continuare scegline una che conosci solo tu. Come
            password attuale usa quella che ti è stata comunicata.
          </Notice>
        ) : null}
        <ErrorSummary form={form} />
        <Form method="post" {...getFormProps(form)}>
          <TextField field={fields.currentPassword} label="Password attuale" type="password" required autoComplete="current-password" />
          <NewPasswordFields password={fields.newPassword} confirm={fields.confirmPassword} change />
          <button type="submit" className="btn btn-primary">
            Cambia password
          </button>
        </Form>
      </div>
    </div>
  );
}
