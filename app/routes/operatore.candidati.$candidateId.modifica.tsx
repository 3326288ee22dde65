import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CandidateFormFields } from "~/components/candidate-form";
import { ErrorSummary } from "~/components/forms";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { recordCandidateView, updateCandidate } from "~/domain/candidates/commands.server";
import { cvToFormValues } from "~/domain/candidates/form-values";
import { canReadHealth, cvSettings } from "~/domain/candidates/policy.server";
import { getCandidateCv } from "~/domain/candidates/queries.server";
import { CandidateSchema } from "~/domain/candidates/schema";
import { domainErrorResponse, invalid } from "~/web/action.server";
import { redirectWithFlash } from "~/web/flash.server";
import { parseFormData } from "~/utils/forms";
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
  return { candidateId, name: `${cv.candidate.first_name} ${cv.candidate.last_name}`, values: cvToFormValues(cv), canSetProtectedCategory };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "candidates:write");
  const candidateId = candidateIdFrom(params);
  const form = parseFormData(await request.formData(), CandidateSchema);
  if (!form.ok) return invalid(form.errors, form.values);
  try {
    await withTransaction((trx) =>
      updateCandidate(
        trx,
        actorOf(user, context),
        { ...form.data, candidateId, version: form.data.version ?? 0 },
        { bySelf: false, canSetProtectedCategory: canReadHealth(user) },
      ),
    );
  } catch (e) {
    return domainErrorResponse(e, form.values);
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
      <ErrorSummary errors={result?.errors} />
      <Form method="post" noValidate>
        <input type="hidden" name="version" value={result?.values?.version ?? values.version} />
        <CandidateFormFields
          mode="officer"
          canSetProtectedCategory={canSetProtectedCategory}
          errors={result?.errors}
          values={result?.values ?? values}
        />
        <button type="submit" className="btn btn-primary">
          Salva le modifiche
        </button>
      </Form>
    </div>
  );
}
