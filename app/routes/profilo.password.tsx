import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { ErrorSummary, Notice, TextField } from "~/components/forms";
import { changePassword } from "~/domain/identity/commands.server";
import { verifyPassword } from "~/domain/identity/password.server";
import { getPasswordHash } from "~/domain/identity/queries.server";
import { PasswordChangeSchema } from "~/domain/identity/schema";
import { domainErrorResponse, invalid } from "~/web/action.server";
import { redirectWithFlash } from "~/web/flash.server";
import { parseFormData } from "~/utils/forms";
import { actorOf, requireUser } from "~/web/session.server";
import { homePathFor } from "~/domain/identity/roles";

export const meta: MetaFunction = () => [{ title: "Cambia password — Rosa" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { forced: user.mustChangePassword };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = parseFormData(await request.formData(), PasswordChangeSchema);
  if (!form.ok) return invalid(form.errors, form.values);
  if (!(await verifyPassword(await getPasswordHash(getDb(), user.id), form.data.currentPassword))) {
    return invalid({ currentPassword: "La password attuale non è corretta" }, form.values);
  }
  try {
    await withTransaction((trx) => changePassword(trx, { ...actorOf(user, context), userId: user.id }, user.sessionId, form.data.newPassword));
  } catch (e) {
    return domainErrorResponse(e, form.values);
  }
  return redirectWithFlash(homePathFor(user.role), { type: "success", message: "Password cambiata. Le altre sessioni aperte sono state chiuse." });
}

export default function ChangePassword() {
  const { forced } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="row">
      <div className="col-lg-6">
        <h1>Cambia password</h1>
        {forced ? (
          <Notice type="warning">
            La password di questo account è stata scelta da un amministratore: prima di continuare scegline una che conosci solo tu. Come password attuale usa quella che ti è stata comunicata.
          </Notice>
        ) : null}
        <ErrorSummary errors={result?.errors} />
        <Form method="post" noValidate>
          <TextField name="currentPassword" label="Password attuale" type="password" required autoComplete="current-password" errors={result?.errors} />
          <TextField name="newPassword" label="Nuova password" type="password" required autoComplete="new-password" hint="Almeno 12 caratteri, non una password comune né il tuo nome o la tua e-mail: va bene una frase di più parole" errors={result?.errors} />
          <TextField name="confirmPassword" label="Ripeti la nuova password" type="password" required autoComplete="new-password" errors={result?.errors} />
          <button type="submit" className="btn btn-primary">
            Cambia password
          </button>
        </Form>
      </div>
    </div>
  );
}
