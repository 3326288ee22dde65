import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CandidateCvForm } from "~/components/candidate-form";
import { withTransaction } from "~/db/transaction.server";
import { createCandidate } from "~/domain/candidates/commands.server";
import { withBlankRows } from "~/domain/candidates/form-values";
import { canReadHealth } from "~/domain/candidates/policy.server";
import { CandidateSchema } from "~/domain/candidates/schema";
import { parseForm } from "~/web/conform";
import { replyDomainError, replyInvalid } from "~/web/conform.server";
import { redirectWithFlash } from "~/web/flash.server";
import { actorOf, requirePermission } from "~/web/session.server";

export const meta: MetaFunction = () => [{ title: "Nuovo candidato — Rosa" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "candidates:write");
  return { canSetProtectedCategory: canReadHealth(user), values: withBlankRows({}) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "candidates:write");
  const submission = parseForm(await request.formData(), CandidateSchema);
  if (submission.status !== "success") return replyInvalid(submission);
  let candidateId: string;
  try {
    candidateId = await withTransaction((trx) =>
      createCandidate(trx, actorOf(user, context), submission.value, { canSetProtectedCategory: canReadHealth(user) }),
    );
  } catch (e) {
    return replyDomainError(e, submission);
  }
  return redirectWithFlash(`/operatore/candidati/${candidateId}`, {
    type: "success",
    message: "Candidato registrato: ora puoi caricare il suo CV in PDF o invitarlo ad attivare il suo account.",
  });
}

export default function NewCandidatePage() {
  const { canSetProtectedCategory, values } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div>
      <h1>Nuovo candidato</h1>
      <p className="lead">Registra il CV raccolto nel colloquio di orientamento. Servono almeno un titolo di studio e una propensione.</p>
      <CandidateCvForm
        mode="officer"
        canSetProtectedCategory={canSetProtectedCategory}
        lastResult={result?.result}
        defaultValue={values}
        submitLabel="Salva il candidato"
      />
    </div>
  );
}
