import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Notice, SelectField, TextField } from "~/components/forms";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { inviteEmployerUser } from "~/domain/employers/commands.server";
import { requireLegalRepresentative } from "~/domain/employers/policy.server";
import { listEmployerUsers, listPendingInvitations } from "~/domain/employers/queries.server";
import { InvitationSchema } from "~/domain/employers/schema";
import { EMPLOYER_ROLE_LABELS } from "~/domain/identity/roles";
import { publicBaseUrl, domainErrorResponse, invalid } from "~/utils/action.server";
import { formatDate } from "~/utils/format";
import { parseFormData } from "~/utils/forms";
import { actorOf, requireEmployerUser } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Utenti e deleghe — Rosa" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireEmployerUser(request);
  const db = getDb();
  const [users, invitations] = await Promise.all([listEmployerUsers(db, user.employerId), listPendingInvitations(db, user.employerId)]);
  return { users, invitations, canInvite: user.employerRole === "legal_rep" };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireEmployerUser(request);
  requireLegalRepresentative(user);
  const form = parseFormData(await request.formData(), InvitationSchema);
  if (!form.ok) return invalid(form.errors, form.values);
  try {
    const { link } = await withTransaction((trx) =>
      inviteEmployerUser(trx, actorOf(user, context), {
        employerId: user.employerId,
        email: form.data.email,
        employerRole: form.data.employerRole,
        baseUrl: publicBaseUrl(),
      }),
    );
    return { invited: form.data.email, link, errors: undefined, values: undefined };
  } catch (e) {
    return domainErrorResponse(e, form.values);
  }
}

export default function EmployerUsers() {
  const { users, invitations, canInvite } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const invited = result && "invited" in result ? result : null;
  return (
    <div>
      <h1>Utenti e deleghe</h1>
      <div className="table-responsive" tabIndex={0}>
        <table className="table">
          <caption>Persone che possono operare per l'azienda</caption>
          <thead>
            <tr>
              <th scope="col">Nome</th>
              <th scope="col">E-mail</th>
              <th scope="col">Ruolo</th>
              <th scope="col">Dal</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>{u.full_name}</td>
                <td>{u.email}</td>
                <td>{u.employer_role ? EMPLOYER_ROLE_LABELS[u.employer_role] : ""}</td>
                <td>{formatDate(u.created_at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {invitations.length ? (
        <>
          <h2 className="h4">Inviti in attesa</h2>
          <ul>
            {invitations.map((i) => (
              <li key={i.id}>
                {i.email} — {EMPLOYER_ROLE_LABELS[i.employer_role]} (scade il {formatDate(i.expires_at)})
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {canInvite ? (
        <section className="mt-4 col-lg-6">
          <h2 className="h4">Invita una persona</h2>
          {invited ? (
            <Notice>
              Invito inviato a {invited.invited}. Il collegamento, valido 7 giorni, è: <code>{invited.link}</code>
            </Notice>
          ) : null}
          <ErrorSummary errors={result?.errors} />
          <Form method="post" noValidate>
            <TextField name="email" label="E-mail della persona" type="email" required errors={result?.errors} values={result?.values} />
            <SelectField
              name="employerRole"
              label="Ruolo"
              required
              errors={result?.errors}
              values={result?.values}
              placeholder="Scegli il ruolo"
              options={{ colleague: EMPLOYER_ROLE_LABELS.colleague, delegate: EMPLOYER_ROLE_LABELS.delegate }}
            />
            <button type="submit" className="btn btn-primary">
              Invia l'invito
            </button>
          </Form>
        </section>
      ) : (
        <p className="rosa-muted">Solo il legale rappresentante può invitare altre persone.</p>
      )}
    </div>
  );
}
