import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { ErasureExplanation, ErasureForm } from "~/components/erasure-form";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { eraseCandidate } from "~/domain/candidates/erasure.server";
import { EraseCandidateSchema } from "~/domain/candidates/schema";
import { parseForm } from "~/web/conform";
import { replyDomainError, replyInvalid } from "~/web/conform.server";
import { redirectWithFlash } from "~/web/flash.server";
import { actorOf, clearSessionCookieHeader, requirePermission } from "~/web/session.server";
import { requireOwnCandidateId } from "~/web/guards.server";

export const meta: MetaFunction = () => [{ title: "Cancella il mio CV — Rosa" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "candidate:self");
  await requireOwnCandidateId(getDb(), user);
  return null;
}

/** Right to erasure (GDPR art. 17): the candidate deletes their own CV and account after typing the confirmation word. */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "candidate:self");
  const candidateId = await requireOwnCandidateId(getDb(), user);
  const submission = parseForm(await request.formData(), EraseCandidateSchema);
  if (submission.status !== "success") return replyInvalid(submission, { status: 422 });
  try {
    await withTransaction((trx) => eraseCandidate(trx, actorOf(user, context), candidateId, "self"));
  } catch (e) {
    return replyDomainError(e, submission);
  }
  // The session row is gone with the account; the cookie goes too.
  return redirectWithFlash(
    "/",
    { type: "success", message: "Il tuo CV e il tuo account sono stati cancellati." },
    { "Set-Cookie": await clearSessionCookieHeader() },
  );
}

export default function CandidateErasurePage() {
  const result = useActionData<typeof action>();
  return (
    <div>
      <h1>Cancella il mio CV</h1>
      <p>Puoi chiedere in ogni momento la cancellazione del tuo CV e dei tuoi dati personali da Rosa.</p>
      <ErasureExplanation subject="self" />
      <ErasureForm lastResult={result?.result} label="Cancella definitivamente il mio CV" />
      <p className="mt-4">
        <Link to="/candidato">Torna al mio curriculum senza cancellare</Link>
      </p>
    </div>
  );
}
