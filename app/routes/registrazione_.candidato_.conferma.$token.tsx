import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary } from "~/components/forms";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { findPendingRegistration, verifyCandidateRegistration } from "~/domain/candidates/registration.server";
import { createSession } from "~/domain/identity/commands.server";
import { parseForm, replyDomainError } from "~/web/conform.server";
import { redirectWithFlash } from "~/web/flash.server";
import { actorOf, notFound, sessionCookieHeader } from "~/web/session.server";

export const meta: MetaFunction = () => [{ title: "Conferma la tua e-mail — Rosa" }];

const ParamsSchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/) });
const GONE = "Collegamento non valido, già usato o scaduto: registrati di nuovo oppure accedi se hai già confermato";

function tokenFrom(params: unknown): string {
  const parsed = ParamsSchema.safeParse(params);
  if (!parsed.success) throw notFound(GONE);
  return parsed.data.token;
}

/** Opening the link only shows a button: mail scanners that prefetch links must not activate accounts. */
export async function loader({ params }: LoaderFunctionArgs) {
  const pending = await findPendingRegistration(getDb(), tokenFrom(params));
  if (!pending) throw notFound(GONE);
  return { email: pending.email, firstName: pending.first_name };
}

export async function action({ params, context }: ActionFunctionArgs) {
  const token = tokenFrom(params);
  // A form of one button: conform's reply carries the message for the whole form.
  const submission = parseForm(new FormData(), z.object({}));
  try {
    const { sessionId, outcome, redirectTo } = await withTransaction(async (trx) => {
      const verified = await verifyCandidateRegistration(trx, actorOf(null, context), token);
      return { ...verified, sessionId: await createSession(trx, verified.userId, "password") };
    });
    const headers = { "Set-Cookie": await sessionCookieHeader(sessionId) };
    const back = redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : "";
    if (outcome === "linked")
      return redirectWithFlash(
        redirectTo ?? "/candidato",
        { type: "success", message: "E-mail confermata: il tuo account è attivo e collegato al CV che il Centro per l'Impiego ha già." },
        headers,
      );
    if (outcome === "pending_officer")
      return redirectWithFlash(
        `/candidato/nuovo${back}`,
        { type: "info", message: "E-mail confermata: il tuo account è attivo." },
        headers,
      );
    return redirectWithFlash(
      `/candidato/nuovo${back}`,
      { type: "success", message: "E-mail confermata: il tuo account è attivo. Ora compila il tuo CV." },
      headers,
    );
  } catch (e) {
    return replyDomainError(e, submission);
  }
}

export default function ConfirmCandidateEmail() {
  const { email, firstName } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="row">
      <div className="col-lg-6">
        <h1>Conferma la tua e-mail</h1>
        <p className="lead">
          {firstName}, conferma che <strong>{email}</strong> è il tuo indirizzo per attivare l'account di candidato.
        </p>
        <ErrorSummary result={result?.result} />
        <Form method="post">
          <button type="submit" className="btn btn-primary">
            Conferma e attiva l'account
          </button>
        </Form>
      </div>
    </div>
  );
}
