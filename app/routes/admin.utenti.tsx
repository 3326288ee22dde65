import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { getFormProps } from "@conform-to/react";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, SelectField, TextField } from "~/components/forms";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { createUser, DuplicateEmailError } from "~/domain/identity/commands.server";
import { listUsers } from "~/domain/identity/queries.server";
import { EMPLOYER_ROLE_LABELS, PROVINCE_OPTIONS, provinceLabel, ROLE_LABELS } from "~/domain/identity/roles";
import { OfficerCreateSchema } from "~/domain/identity/schema";
import { parseForm, useSchemaForm } from "~/web/conform";
import { replyDomainError, replyInvalid } from "~/web/conform.server";
import { redirectWithFlash } from "~/web/flash.server";
import { formatDate } from "~/utils/format";
import { actorOf, requirePermission } from "~/web/session.server";

export const meta: MetaFunction = () => [{ title: "Utenti — Rosa" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "users:manage");
  return { users: await listUsers(getDb()) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "users:manage");
  const submission = parseForm(await request.formData(), OfficerCreateSchema);
  if (submission.status !== "success") return replyInvalid(submission);
  try {
    await withTransaction((trx) =>
      createUser(trx, actorOf(admin, context), {
        email: submission.value.email,
        full_name: submission.value.fullName,
        role: submission.value.role,
        office_province: submission.value.officeProvince ?? null,
        password: submission.value.password,
        // The administrator chose this password: the officer replaces it at the first login.
        must_change_password: true,
      }),
    );
  } catch (e) {
    if (e instanceof DuplicateEmailError) return replyInvalid(submission, { status: 409, fieldErrors: { email: e.message } });
    return replyDomainError(e, submission);
  }
  return redirectWithFlash("/admin/utenti", { type: "success", message: `Account creato per ${submission.value.email}.` });
}

export default function AdminUsers() {
  const { users } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(OfficerCreateSchema, { id: "officer-create", lastResult: result?.result });
  return (
    <div>
      <h1>Utenti</h1>
      <div className="table-responsive" tabIndex={0}>
        <table className="table">
          <caption>Tutti gli account ({users.length})</caption>
          <thead>
            <tr>
              <th scope="col">Nome</th>
              <th scope="col">E-mail</th>
              <th scope="col">Ruolo</th>
              <th scope="col">Azienda o provincia</th>
              <th scope="col">Stato</th>
              <th scope="col">Creato il</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>
                  <Link to={`/admin/utenti/${u.id}`}>{u.full_name}</Link>
                </td>
                <td>{u.email}</td>
                <td>
                  {ROLE_LABELS[u.role]}
                  {u.employer_role ? ` (${EMPLOYER_ROLE_LABELS[u.employer_role]})` : ""}
                </td>
                <td>{u.employer_name ?? (u.office_province ? provinceLabel(u.office_province) : "—")}</td>
                <td>{u.active ? "Attivo" : <span className="badge bg-secondary">Disattivato</span>}</td>
                <td>{formatDate(u.created_at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section className="col-lg-6">
        <h2 className="h4">Crea un account operatore</h2>
        <ErrorSummary form={form} />
        <Form method="post" {...getFormProps(form)}>
          <TextField field={fields.fullName} label="Nome e cognome" required />
          <TextField field={fields.email} label="E-mail" type="email" required />
          <SelectField
            field={fields.role}
            label="Ruolo"
            required
            placeholder="Scegli il ruolo"
            options={{
              preselection_officer: ROLE_LABELS.preselection_officer,
              placement_officer: ROLE_LABELS.placement_officer,
              admin: ROLE_LABELS.admin,
            }}
          />
          <SelectField
            field={fields.officeProvince}
            label="Provincia di competenza"
            placeholder="Nessuna (solo per gli amministratori)"
            options={PROVINCE_OPTIONS}
          />
          <TextField
            field={fields.password}
            label="Password iniziale"
            type="password"
            required
            autoComplete="new-password"
            hint="Almeno 12 caratteri, non una password comune né il nome o l'e-mail dell'operatore; la cambierà al primo accesso"
          />
          <button type="submit" className="btn btn-primary">
            Crea l'account
          </button>
        </Form>
      </section>
    </div>
  );
}
