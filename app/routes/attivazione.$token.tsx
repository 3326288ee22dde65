import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { getFormProps } from "@conform-to/react";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CheckboxField, ErrorSummary, TextField } from "~/components/forms";
import { NewPasswordFields } from "~/components/password-fields";
import { getDb } from "~/db/db.server";
import { acceptCandidateInvitation } from "~/domain/candidates/commands.server";
import { hashToken } from "~/domain/identity/link-tokens.server";
import { findCandidateInvitation } from "~/domain/candidates/queries.server";
import { AcceptCandidateInvitationSchema } from "~/domain/candidates/schema";
import { constraintsOf, parseForm, replyDomainError, replyInvalid } from "~/web/conform.server";
import { signInNewAccount } from "~/web/sign-in.server";
import { useServerForm } from "~/web/form-metadata";
import { actorOf, notFound } from "~/web/session.server";

export const meta: MetaFunction = () => [{ title: "Attiva il tuo account — Rosa" }];

const ParamsSchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/) });

export async function loader({ params }: LoaderFunctionArgs) {
  const parsed = ParamsSchema.safeParse(params);
  if (!parsed.success) throw notFound("Invito non valido");
  const invitation = await findCandidateInvitation(getDb(), hashToken(parsed.data.token));
  if (!invitation) throw notFound("Invito non valido o scaduto");
  return { invitation, constraint: constraintsOf(AcceptCandidateInvitationSchema) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const parsed = ParamsSchema.safeParse(params);
  if (!parsed.success) throw notFound("Invito non valido");
  if (!(await findCandidateInvitation(getDb(), hashToken(parsed.data.token)))) throw notFound("Invito non valido o scaduto");
  const submission = parseForm(await request.formData(), AcceptCandidateInvitationSchema);
  if (submission.status !== "success") return replyInvalid(submission);
  try {
    return await signInNewAccount(
      (trx) => acceptCandidateInvitation(trx, actorOf(null, context), parsed.data.token, submission.value),
      "/candidato",
      "Benvenuto in Rosa: ora puoi aggiornare il tuo CV.",
    );
  } catch (e) {
    return replyDomainError(e, submission);
  }
}

export default function ActivateCandidateAccount() {
  const { invitation, constraint } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [form, fields] = useServerForm<{ fullName: string; password: string; confirmPassword: string; privacy: string }>({
    id: "activate",
    lastResult: result?.result,
    constraint,
  });
  return (
    <div className="row">
      <div className="col-lg-6">
        <h1>Attiva il tuo account</h1>
        <p className="lead">
          {invitation.first_name} {invitation.last_name}, il Centro per l'Impiego ti invita a gestire il tuo CV su Rosa. Account:{" "}
          <strong>{invitation.email}</strong>.
        </p>
        <ErrorSummary form={form} />
        <Form method="post" {...getFormProps(form)}>
          <TextField field={fields.fullName} label="Nome e cognome" required autoComplete="name" />
          <NewPasswordFields password={fields.password} confirm={fields.confirmPassword} />
          <CheckboxField field={fields.privacy} label="Ho letto l'informativa privacy">
            {" "}
            (<a href="/privacy">leggi l'informativa</a>)
          </CheckboxField>
          <button type="submit" className="btn btn-primary">
            Attiva l'account
          </button>
        </Form>
      </div>
    </div>
  );
}
