import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { CandidateCvForm } from "~/components/candidate-form";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { recordCandidateView, updateCandidate } from "~/domain/candidates/commands.server";
import { cvFormDefaults } from "~/domain/candidates/form-values";
import { canReadHealth, cvSettings } from "~/domain/candidates/policy.server";
import { getCandidateCv } from "~/domain/candidates/queries.server";
import { CandidateSchema } from "~/domain/candidates/schema";
import { parseForm } from "~/web/conform";
import { replyDomainError, replyInvalid } from "~/web/conform.server";
import { redirectWithFlash } from "~/web/flash.server";
import { actorOf, notFound, requirePermission } from "~/web/session.server";
import { candidateIdFrom } from "~/web/guards.server";

export const meta: MetaFunction = () => [{ title: "Modifica il CV — Rosa" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "candidates:write");
  const candidateId = candidateIdFrom(params);
  const canSetProtectedCategory = canReadHealth(user);
  const cv = await getCandidateCv(getDb(), candidateId, {
    withHealth: canSetProtectedCategory,
    obsoleteMonths: cvSettings().obsoleteMonths,
  });
  if (!cv) throw notFound("Candidato non trovato");
  await withTransaction((trx) => recordCandidateView(trx, actorOf(user, context), candidateId, "cv"));
  return { candidateId, name: `${cv.candidate.first_name} ${cv.candidate.last_name}`, values: cvFormDefaults(cv), canSetProtectedCategory };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "candidates:write");
  const candidateId = candidateIdFrom(params);
  const submission = parseForm(await request.formData(), CandidateSchema);
  if (submission.status !== "success") return replyInvalid(submission);
  try {
    await withTransaction((trx) =>
      updateCandidate(
        trx,
        actorOf(user, context),
        { ...submission.value, candidateId, version: submission.value.version ?? 0 },
        { bySelf: false, canSetProtectedCategory: canReadHealth(user) },
      ),
    );
  } catch (e) {
    return replyDomainError(e, submission);
  }
  return redirectWithFlash(`/operatore/candidati/${candidateId}`, {
    type: "success",
    message: "CV aggiornato: le modifiche valgono subito nella ricerca dei candidati e nell'incrocio.",
  });
}

export default function EditCandidatePage() {
  const { candidateId, name, values, canSetProtectedCategory } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div>
      <p>
        <Link to={`/operatore/candidati/${candidateId}`}>← Scheda del candidato</Link>
      </p>
      <h1>Modifica il CV di {name}</h1>
      <CandidateCvForm
        mode="officer"
        canSetProtectedCategory={canSetProtectedCategory}
        lastResult={result?.result}
        defaultValue={values}
        submitLabel="Salva le modifiche"
      />
    </div>
  );
}
