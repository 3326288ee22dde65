import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { getFormProps } from "@conform-to/react";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary, Notice, SelectField, TextField } from "~/components/forms";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { recordAudit } from "~/domain/audit/commands.server";
import { setUserActive, updateUserAccount } from "~/domain/identity/accounts.server";
import { sendPasswordResetByAdmin } from "~/domain/identity/password-reset.server";
import { getUserAccount } from "~/domain/identity/queries.server";
import { EMPLOYER_ROLE_LABELS, PROVINCE_OPTIONS, ROLE_LABELS } from "~/domain/identity/roles";
import { STAFF_ROLES, UserResetSchema, UserStatusSchema, UserUpdateSchema } from "~/domain/identity/schema";
import { publicBaseUrl } from "~/web/action.server";
import { parseForm, useSchemaForm } from "~/web/conform";
import { replyDomainError, replyInvalid } from "~/web/conform.server";
import { redirectWithFlash } from "~/web/flash.server";
import { formatDate } from "~/utils/format";
import { actorOf, notFound, requirePermission } from "~/web/session.server";

export const meta: MetaFunction = () => [{ title: "Modifica utente — Rosa" }];

const ParamsSchema = z.object({ userId: z.uuid() });

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const admin = await requirePermission(request, "users:manage");
  const parsed = ParamsSchema.safeParse(params);
  if (!parsed.success) throw notFound("Utente non trovato");
  const user = await getUserAccount(getDb(), parsed.data.userId);
  if (!user) throw notFound("Utente non trovato");
  // A person's account data: every look leaves a trace.
  await recordAudit(getDb(), actorOf(admin, context), { action: "user.viewed", entityType: "user", entityId: user.id });
  return { user, isSelf: user.id === admin.id };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "users:manage");
  const parsed = ParamsSchema.safeParse(params);
  if (!parsed.success) throw notFound("Utente non trovato");
  const userId = parsed.data.userId;
  const formData = await request.formData();
  const actor = actorOf(admin, context);
  const back = `/admin/utenti/${userId}`;
  switch (formData.get("intent")) {
    case "update": {
      const submission = parseForm(formData, UserUpdateSchema);
      if (submission.status !== "success") return replyInvalid(submission);
      try {
        const { changed } = await withTransaction((trx) => updateUserAccount(trx, actor, { userId, ...submission.value }));
        return redirectWithFlash(back, {
          type: "success",
          message: changed.length ? "Dati dell'account salvati." : "Nessuna modifica da salvare.",
        });
      } catch (e) {
        return replyDomainError(e, submission);
      }
    }
    case "disable":
    case "enable": {
      const submission = parseForm(formData, UserStatusSchema);
      if (submission.status !== "success") return replyInvalid(submission);
      const active = submission.value.intent === "enable";
      try {
        await withTransaction((trx) => setUserActive(trx, actor, { userId, version: submission.value.version, active }));
      } catch (e) {
        return replyDomainError(e, submission);
      }
      return redirectWithFlash(back, {
        type: "success",
        message: active
          ? "Account riattivato: la persona può di nuovo accedere."
          : "Account disattivato: la persona non può più accedere e le sue sessioni aperte sono state chiuse.",
      });
    }
    case "reset": {
      const submission = parseForm(formData, UserResetSchema);
      if (submission.status !== "success") return replyInvalid(submission);
      try {
        const { email } = await withTransaction((trx) => sendPasswordResetByAdmin(trx, actor, { userId, baseUrl: publicBaseUrl() }));
        return redirectWithFlash(back, {
          type: "success",
          message: `Abbiamo inviato a ${email} un collegamento per scegliere una nuova password.`,
        });
      } catch (e) {
        return replyDomainError(e, submission);
      }
    }
    default:
      return replyInvalid(parseForm(formData, z.object({})), { formError: "Operazione non riconosciuta: ricarica la pagina e riprova." });
  }
}

export default function AdminUserEdit() {
  const { user, isSelf } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  // The page has four forms: the reply goes to the account form when it answers that one, to the summary above otherwise.
  const forUpdate = result?.result.initialValue?.intent === "update";
  const [form, fields] = useSchemaForm(UserUpdateSchema, {
    id: "user-update",
    lastResult: forUpdate ? result?.result : null,
    defaultValue: { fullName: user.full_name, email: user.email, role: user.role, officeProvince: user.office_province ?? "" },
  });
  const staff = (STAFF_ROLES as readonly string[]).includes(user.role);
  return (
    <div>
      <p>
        <Link to="/admin/utenti">← Tutti gli utenti</Link>
      </p>
      <h1>{user.full_name}</h1>
      <p className="lead">
        {ROLE_LABELS[user.role]}
        {user.employer_role ? ` (${EMPLOYER_ROLE_LABELS[user.employer_role]}) di ${user.employer_name ?? ""}` : ""} · account creato il{" "}
        {formatDate(user.created_at)} · {user.active ? "attivo" : <strong>disattivato</strong>}
        {user.must_change_password ? " · deve cambiare la password al prossimo accesso" : ""}
      </p>
      <ErrorSummary result={forUpdate ? null : result?.result} />
      <div className="row">
        <section className="col-lg-6">
          <h2 className="h4">Dati dell'account</h2>
          <ErrorSummary form={form} />
          <Form method="post" {...getFormProps(form)}>
            <input type="hidden" name="intent" value="update" />
            <input type="hidden" name="version" value={user.version} />
            <TextField field={fields.fullName} label="Nome e cognome" required />
            <TextField field={fields.email} label="E-mail" type="email" required />
            {staff ? (
              <>
                <SelectField
                  field={fields.role}
                  label="Ruolo"
                  required

                  options={STAFF_ROLES.map((r): [string, string] => [r, ROLE_LABELS[r]])}
                  hint={isSelf ? "Non puoi togliere a te stesso il ruolo di amministratore." : undefined}
                />
                <SelectField
                  field={fields.officeProvince}
                  label="Provincia di competenza"
                  placeholder="Nessuna (solo per gli amministratori)"
                  options={PROVINCE_OPTIONS}
                />
              </>
            ) : null}
            <button type="submit" className="btn btn-primary">
              Salva i dati
            </button>
          </Form>
        </section>
        <section className="col-lg-6">
          <h2 className="h4">Accesso</h2>
          {user.active ? (
            <>
              <p>Invia alla persona un collegamento, valido 24 ore e usabile una sola volta, per scegliere una nuova password.</p>
              <Form method="post">
                <input type="hidden" name="intent" value="reset" />
                <button type="submit" className="btn btn-outline-primary">
                  Invia il collegamento per la nuova password
                </button>
              </Form>
              {isSelf ? (
                <p className="mt-4 rosa-muted">Non puoi disattivare il tuo account.</p>
              ) : (
                <Form method="post" className="mt-4">
                  <input type="hidden" name="intent" value="disable" />
                  <input type="hidden" name="version" value={user.version} />
                  <p>
                    Un account disattivato non può accedere e le sue sessioni aperte si chiudono subito. I dati e il registro delle attività
                    restano.
                  </p>
                  <button type="submit" className="btn btn-danger">
                    Disattiva l'account
                  </button>
                </Form>
              )}
            </>
          ) : (
            <Form method="post">
              <input type="hidden" name="intent" value="enable" />
              <input type="hidden" name="version" value={user.version} />
              <Notice type="warning">L'account è disattivato: la persona non può accedere.</Notice>
              <button type="submit" className="btn btn-primary">
                Riattiva l'account
              </button>
            </Form>
          )}
        </section>
      </div>
    </div>
  );
}
