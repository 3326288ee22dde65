import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErasureConfirmForm, ErasureExplanation } from "~/components/erasure-form";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { eraseCandidate } from "~/domain/candidates/erasure.server";
import { getCandidateCore } from "~/domain/candidates/queries.server";
import { EraseCandidateSchema } from "~/domain/candidates/schema";
import { parseForm } from "~/web/conform";
import { replyDomainError, replyInvalid } from "~/web/conform.server";
import { redirectWithFlash } from "~/web/flash.server";
import { actorOf, notFound, requirePermission } from "~/web/session.server";
import { candidateIdFrom } from "~/web/guards.server";

export const meta: MetaFunction = () => [{ title: "Cancellazione del CV su richiesta — Rosa" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "candidates:write");
  const candidateId = candidateIdFrom(params);
  const c = await getCandidateCore(getDb(), candidateId);
  if (!c) throw notFound("Candidato non trovato");
  return { candidateId, name: `${c.first_name} ${c.last_name}` };
}

/**
 * An officer erases a CV on the person's request (at the desk, by letter or PEC, GDPR art. 17);
 * the audit log records which officer did it and when.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "candidates:write");
  const candidateId = candidateIdFrom(params);
  const submission = parseForm(await request.formData(), EraseCandidateSchema);
  if (submission.status !== "success") return replyInvalid(submission, { status: 422 });
  try {
    const erased = await withTransaction((trx) => eraseCandidate(trx, actorOf(user, context), candidateId, "officer"));
    if (!erased) throw notFound("Candidato non trovato");
  } catch (e) {
    if (e instanceof Response) throw e;
    return replyDomainError(e, submission);
  }
  return redirectWithFlash("/operatore/candidati", { type: "success", message: "CV cancellato: nelle rose resta «Candidato cancellato»." });
}

export default function OfficerErasurePage() {
  const { candidateId, name } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div>
      <h1>Cancellazione del CV di {name}</h1>
      <p>Usa questa pagina quando la persona chiede la cancellazione dei propri dati allo sportello o per iscritto.</p>
      <ErasureExplanation subject="officer" />
      <ErasureConfirmForm lastResult={result?.result} label="Cancella definitivamente il CV" />
      <p className="mt-4">
        <Link to={`/operatore/candidati/${candidateId}`}>Torna alla scheda senza cancellare</Link>
      </p>
    </div>
  );
}
