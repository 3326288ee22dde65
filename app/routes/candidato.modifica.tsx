import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { CandidateCvForm } from "~/components/candidate-form";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { updateCandidate } from "~/domain/candidates/commands.server";
import { cvFormDefaults } from "~/domain/candidates/form-values";
import { cvSettings } from "~/domain/candidates/policy.server";
import { getCandidateCv } from "~/domain/candidates/queries.server";
import { CandidateSchema } from "~/domain/candidates/schema";
import { parseForm } from "~/web/conform";
import { replyDomainError, replyInvalid } from "~/web/conform.server";
import { redirectWithFlash } from "~/web/flash.server";
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
  return { values: cvFormDefaults(cv!), taxCode: cv!.candidate.tax_code };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "candidate:self");
  const candidateId = await requireOwnCandidateId(getDb(), user);
  const submission = parseForm(await request.formData(), CandidateSchema);
  if (submission.status !== "success") return replyInvalid(submission);
  try {
    // bySelf: the codice fiscale and the protected category stay as the officer recorded them.
    await withTransaction((trx) =>
      updateCandidate(
        trx,
        actorOf(user, context),
        { ...submission.value, candidateId, version: submission.value.version ?? 0 },
        { bySelf: true, canSetProtectedCategory: false },
      ),
    );
  } catch (e) {
    return replyDomainError(e, submission);
  }
  return redirectWithFlash("/candidato", { type: "success", message: "Il tuo CV è stato aggiornato." });
}

export default function EditOwnCvPage() {
  const { values, taxCode } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div>
      <p>
        <Link to="/candidato">← Il mio curriculum</Link>
      </p>
      <h1>Modifica il mio CV</h1>
      <p>Codice fiscale: {taxCode} (per correggerlo rivolgiti al tuo Centro per l'Impiego).</p>
      <CandidateCvForm
        mode="self"
        canSetProtectedCategory={false}
        lastResult={result?.result}
        defaultValue={values}
        submitLabel="Salva il mio CV"
      />
    </div>
  );
}
