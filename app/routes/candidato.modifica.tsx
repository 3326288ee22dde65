import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CandidateFormFields } from "~/components/candidate-form";
import { ErrorSummary } from "~/components/forms";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { updateCandidate } from "~/domain/candidates/commands.server";
import { cvToFormValues } from "~/domain/candidates/form-values";
import { cvSettings } from "~/domain/candidates/policy.server";
import { getCandidateCv } from "~/domain/candidates/queries.server";
import { CandidateSchema } from "~/domain/candidates/schema";
import { domainErrorResponse, invalid } from "~/web/action.server";
import { redirectWithFlash } from "~/web/flash.server";
import { parseFormData } from "~/utils/forms";
import { actorOf, requirePermission } from "~/web/session.server";
import { requireOwnCandidateId } from "~/web/guards.server";

export const meta: MetaFunction = () => [{ title: "Modifica il mio CV — Rosa" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "candidate:self");
  const db = getDb();
  const cv = await getCandidateCv(db, await requireOwnCandidateId(db, user), {
    withHealth: false,
    obsoleteMonths: cvSettings().obsoleteMonths,
  });
  return { values: cvToFormValues(cv!) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "candidate:self");
  const candidateId = await requireOwnCandidateId(getDb(), user);
  const form = parseFormData(await request.formData(), CandidateSchema);
  if (!form.ok) return invalid(form.errors, form.values);
  try {
    // bySelf: the codice fiscale and the protected category stay as the officer recorded them.
    await withTransaction((trx) =>
      updateCandidate(
        trx,
        actorOf(user, context),
        { ...form.data, candidateId, version: form.data.version ?? 0 },
        { bySelf: true, canSetProtectedCategory: false },
      ),
    );
  } catch (e) {
    return domainErrorResponse(e, form.values);
  }
  return redirectWithFlash("/candidato", { type: "success", message: "Il tuo CV è stato aggiornato." });
}

export default function EditOwnCvPage() {
  const { values } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const shown = result?.values ?? values;
  return (
    <div>
      <p>
        <Link to="/candidato">← Il mio curriculum</Link>
      </p>
      <h1>Modifica il mio CV</h1>
      <p>Codice fiscale: {values.taxCode} (per correggerlo rivolgiti al tuo Centro per l'Impiego).</p>
      <ErrorSummary errors={result?.errors} />
      <Form method="post" noValidate>
        <input type="hidden" name="version" value={shown.version} />
        <CandidateFormFields
          mode="self"
          canSetProtectedCategory={false}
          errors={result?.errors}
          values={{ ...shown, taxCode: values.taxCode }}
        />
        <button type="submit" className="btn btn-primary">
          Salva il mio CV
        </button>
      </Form>
    </div>
  );
}
