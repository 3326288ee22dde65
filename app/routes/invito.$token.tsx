import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { getFormProps } from "@conform-to/react";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary, Notice, TextField } from "~/components/forms";
import { NewPasswordFields } from "~/components/password-fields";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { acceptDelegationWithAccount, acceptInvitation, INVITATION_USED_MESSAGE } from "~/domain/employers/commands.server";
import { hashToken } from "~/domain/identity/link-tokens.server";
import { findInvitationByTokenHash } from "~/domain/employers/queries.server";
import { AcceptInvitationSchema } from "~/domain/employers/schema";
import { EMPLOYER_ROLE_LABELS } from "~/domain/identity/roles";
import { constraintsOf, emptySubmission, parseForm, replyDomainError, replyFormError, replyInvalid } from "~/web/conform.server";
import { redirectWithFlash } from "~/web/flash.server";
import { signInNewAccount } from "~/web/sign-in.server";
import { useServerForm } from "~/web/form-metadata";
import { actorOf, getCurrentUser, notFound, requireUser } from "~/web/session.server";

// Client-side copy of the domain message (the domain module is server-only).
const INVITATION_USED_TEXT =
  "Questo collegamento è già stato usato, è stato annullato o sostituito da un invito più recente, oppure è scaduto. Se devi ancora accedere, chiedi al legale rappresentante dell'azienda un nuovo invito.";

export const meta: MetaFunction = () => [{ title: "Accetta l'invito — Rosa" }];

const ParamsSchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/) });

/** The invitation behind the link (usable or not), or a 404 for a link that never existed. */
async function requireInvitation(params: unknown) {
  const parsed = ParamsSchema.safeParse(params);
  if (!parsed.success) throw notFound("Invito non valido");
  const invitation = await findInvitationByTokenHash(getDb(), hashToken(parsed.data.token));
  if (!invitation) throw notFound("Invito non valido o scaduto");
  return { token: parsed.data.token, invitation };
}

/** 410: the link existed but was used, cancelled, superseded or expired; the page says so. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { invitation } = await requireInvitation(params);
  if (!invitation.usable)
    return data({ invitation: null, loggedInAs: null, isInvitee: false, loginPath: "/accedi", constraint: {} }, { status: 410 });
  const user = invitation.has_account ? await getCurrentUser(request) : null;
  const url = new URL(request.url);
  return {
    invitation,
    // An existing account (a consultant delegated by another company) accepts while logged in as itself.
    loggedInAs: user?.email ?? null,
    isInvitee: !!user && user.email.toLowerCase() === invitation.email.toLowerCase(),
    loginPath: `/accedi?${new URLSearchParams({ redirectTo: url.pathname })}`,
    constraint: constraintsOf(AcceptInvitationSchema),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { token, invitation } = await requireInvitation(params);
  if (!invitation.usable) return replyFormError(INVITATION_USED_MESSAGE, 410);
  const formData = await request.formData();
  if (invitation.has_account) {
    const user = await requireUser(request);
    try {
      await withTransaction((trx) =>
        acceptDelegationWithAccount(trx, { ...actorOf(user, context), userId: user.id }, token, user.sessionId),
      );
    } catch (e) {
      return replyDomainError(e, emptySubmission());
    }
    return redirectWithFlash("/azienda", {
      type: "success",
      message: `Delega accettata: ora stai operando per ${invitation.legal_name}.`.slice(0, 300),
    });
  }
  const submission = parseForm(formData, AcceptInvitationSchema);
  if (submission.status !== "success") return replyInvalid(submission);
  try {
    return await signInNewAccount(
      (trx) => acceptInvitation(trx, actorOf(null, context), token, submission.value),
      "/azienda",
      "Benvenuto in Rosa: il tuo account è attivo.",
    );
  } catch (e) {
    return replyDomainError(e, submission);
  }
}

export default function AcceptInvitation() {
  const { invitation, loggedInAs, isInvitee, loginPath, constraint } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [form, fields] = useServerForm<{ fullName: string; password: string; confirmPassword: string }>({
    id: "accept-invitation",
    lastResult: result?.result,
    constraint,
  });
  if (!invitation) {
    return (
      <div className="row">
        <div className="col-lg-6">
          <h1>Invito già usato o scaduto</h1>
          <Notice type="warning">{INVITATION_USED_TEXT}</Notice>
          <p>
            Se hai già creato il tuo account, <Link to="/accedi">accedi</Link>. Se non ricordi la password, usa «Password dimenticata?»
            nella pagina di accesso.
          </p>
        </div>
      </div>
    );
  }
  if (invitation.has_account) {
    return (
      <div className="row">
        <div className="col-lg-6">
          <h1>Accetta la delega</h1>
          <p className="lead">
            <strong>{invitation.legal_name}</strong> ti ha indicato come {EMPLOYER_ROLE_LABELS[invitation.employer_role]}. Hai già un
            account: <strong>{invitation.email}</strong>; con la delega potrai operare anche per questa azienda, scegliendola
            nell'intestazione.
          </p>
          <ErrorSummary form={form} />
          {isInvitee ? (
            <Form method="post" {...getFormProps(form)}>
              <button type="submit" className="btn btn-primary">
                Accetta la delega
              </button>
            </Form>
          ) : loggedInAs ? (
            <p>
              Sei entrato come {loggedInAs}: esci e accedi come {invitation.email} per accettare la delega.
            </p>
          ) : (
            <Link to={loginPath} className="btn btn-primary">
              Accedi per accettare la delega
            </Link>
          )}
        </div>
      </div>
    );
  }
  return (
    <div className="row">
      <div className="col-lg-6">
        <h1>Accetta l'invito</h1>
        <p className="lead">
          Sei stato invitato a operare per <strong>{invitation.legal_name}</strong> come {EMPLOYER_ROLE_LABELS[invitation.employer_role]}.
          Account: <strong>{invitation.email}</strong>.
        </p>
        <ErrorSummary form={form} />
        <Form method="post" {...getFormProps(form)}>
          <TextField field={fields.fullName} label="Nome e cognome" required autoComplete="name" />
          <NewPasswordFields password={fields.password} confirm={fields.confirmPassword} />
          <button type="submit" className="btn btn-primary">
            Crea l'account
          </button>
        </Form>
      </div>
    </div>
  );
}
