import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { getFormProps } from "@conform-to/react";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Notice, SelectField, TextField } from "~/components/forms";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { cancelInvitation, inviteEmployerUser, removeEmployerUser } from "~/domain/employers/commands.server";
import { revokeDelegation } from "~/domain/employers/delegations.server";
import { listEmployerUsers, listPendingInvitations } from "~/domain/employers/queries.server";
import { CancelInvitationSchema, InvitationSchema, RemoveEmployerUserSchema, RevokeDelegationSchema } from "~/domain/employers/schema";
import { redirectWithFlash } from "~/web/flash.server";
import { EMPLOYER_ROLE_LABELS } from "~/domain/identity/roles";
import { publicBaseUrl } from "~/web/action.server";
import { parseForm, useSchemaForm } from "~/web/conform";
import { replyDomainError, replyInvalid } from "~/web/conform.server";
import { formatDate } from "~/utils/format";
import { actorOf, requireEmployerUser, type SessionUser } from "~/web/session.server";
import { requireLegalRepresentative } from "~/web/guards.server";

export const meta: MetaFunction = () => [{ title: "Utenti e deleghe — Rosa" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireEmployerUser(request);
  const db = getDb();
  const [users, invitations] = await Promise.all([listEmployerUsers(db, user.employerId), listPendingInvitations(db, user.employerId)]);
  // Removed colleagues are disabled accounts: no longer among the company's people.
  return { users: users.filter((u) => u.active), invitations, canInvite: user.employerRole === "legal_rep" };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireEmployerUser(request);
  requireLegalRepresentative(user);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "remove" || intent === "cancel_invitation") return manage(formData, user, context);
  if (intent === "revoke") {
    const revoke = parseForm(formData, RevokeDelegationSchema);
    if (revoke.status !== "success") return replyInvalid(revoke);
    try {
      const revoked = await withTransaction((trx) =>
        revokeDelegation(
          trx,
          { ...actorOf(user, context), userId: user.id },
          { employerId: user.employerId, delegationId: revoke.value.delegationId },
        ),
      );
      return redirectWithFlash("/azienda/utenti", {
        type: "success",
        message: `Delega revocata: ${revoked.fullName} non può più operare per l'azienda.`.slice(0, 300),
      });
    } catch (e) {
      return replyDomainError(e, revoke);
    }
  }
  const submission = parseForm(formData, InvitationSchema);
  if (submission.status !== "success") return replyInvalid(submission);
  const invitation = submission.value;
  try {
    const { link, existingAccount } = await withTransaction((trx) =>
      inviteEmployerUser(trx, actorOf(user, context), {
        employerId: user.employerId,
        email: invitation.email,
        employerRole: invitation.employerRole,
        baseUrl: publicBaseUrl(),
      }),
    );
    return { invited: invitation.email, link, existingAccount, result: undefined };
  } catch (e) {
    return replyDomainError(e, submission);
  }
}

/** Removing a colleague or cancelling an invitation: back to the list with a message. */
async function manage(formData: FormData, user: SessionUser & { employerId: string }, context: unknown) {
  const actor = actorOf(user, context);
  if (formData.get("intent") === "remove") {
    const submission = parseForm(formData, RemoveEmployerUserSchema);
    if (submission.status !== "success") return replyInvalid(submission);
    try {
      const { email } = await withTransaction((trx) =>
        removeEmployerUser(trx, actor, { employerId: user.employerId, userId: submission.value.userId }),
      );
      return redirectWithFlash("/azienda/utenti", { type: "success", message: `${email} non può più operare per l'azienda.` });
    } catch (e) {
      return replyDomainError(e, submission);
    }
  }
  const submission = parseForm(formData, CancelInvitationSchema);
  if (submission.status !== "success") return replyInvalid(submission);
  try {
    const { email } = await withTransaction((trx) =>
      cancelInvitation(trx, actor, { employerId: user.employerId, invitationId: submission.value.invitationId }),
    );
    return redirectWithFlash("/azienda/utenti", {
      type: "success",
      message: `Invito a ${email} annullato: il collegamento non funziona più.`,
    });
  } catch (e) {
    return replyDomainError(e, submission);
  }
}

export default function EmployerUsers() {
  const { users, invitations, canInvite } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const invited = result && "invited" in result ? result : null;
  // The reply answers the invitation form, or one of the buttons of the list (revoke, remove, cancel).
  const reply = result?.result;
  const forInvitation = !!reply && !reply.initialValue?.intent;
  const [form, fields] = useSchemaForm(InvitationSchema, { id: "invitation", lastResult: forInvitation ? reply : null });
  return (
    <div>
      <h1>Utenti e deleghe</h1>
      <ErrorSummary result={forInvitation ? null : reply} />
      <div className="table-responsive" tabIndex={0}>
        <table className="table">
          <caption>Persone che possono operare per l'azienda</caption>
          <thead>
            <tr>
              <th scope="col">Nome</th>
              <th scope="col">E-mail</th>
              <th scope="col">Ruolo</th>
              <th scope="col">Dal</th>
              {canInvite ? (
                <th scope="col">
                  <span className="visually-hidden">Azioni</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>{u.full_name}</td>
                <td>{u.email}</td>
                <td>{u.employer_role ? EMPLOYER_ROLE_LABELS[u.employer_role] : ""}</td>
                <td>{formatDate(u.created_at)}</td>
                {canInvite ? (
                  <td>
                    {u.delegation_id ? (
                      <Form method="post">
                        <input type="hidden" name="intent" value="revoke" />
                        <input type="hidden" name="delegationId" value={u.delegation_id} />
                        <button type="submit" className="btn btn-outline-danger btn-xs" aria-label={`Revoca la delega a ${u.full_name}`}>
                          Revoca la delega
                        </button>
                      </Form>
                    ) : u.employer_role === "colleague" ? (
                      <Form method="post">
                        <input type="hidden" name="intent" value="remove" />
                        <input type="hidden" name="userId" value={u.id} />
                        <button type="submit" className="btn btn-outline-danger btn-sm" aria-label={`Togli dall'azienda ${u.full_name}`}>
                          Togli dall'azienda
                        </button>
                      </Form>
                    ) : null}
                  </td>
                ) : null}
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
              <li key={i.id} className="mb-2">
                {i.email} — {EMPLOYER_ROLE_LABELS[i.employer_role]} (scade il {formatDate(i.expires_at)})
                {canInvite ? (
                  <Form method="post" className="d-inline ms-2">
                    <input type="hidden" name="intent" value="cancel_invitation" />
                    <input type="hidden" name="invitationId" value={i.id} />
                    <button type="submit" className="btn btn-outline-secondary btn-sm" aria-label={`Annulla l'invito a ${i.email}`}>
                      Annulla l'invito
                    </button>
                  </Form>
                ) : null}
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
              {invited.existingAccount
                ? `${invited.invited} ha già un account: riceverà la delega da accettare con quell'account. `
                : `Invito inviato a ${invited.invited}. `}
              Il collegamento, valido 7 giorni, è: <code>{invited.link}</code>
            </Notice>
          ) : null}
          <ErrorSummary form={form} />
          <Form method="post" {...getFormProps(form)}>
            <TextField field={fields.email} label="E-mail della persona" type="email" required />
            <SelectField
              field={fields.employerRole}
              label="Ruolo"
              required
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
