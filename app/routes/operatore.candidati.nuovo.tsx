import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { useLoaderData } from "@remix-run/react";
import { CandidateFormFields } from "~/components/candidate-form";
import { ErrorSummary } from "~/components/forms";
import { withTransaction } from "~/db/transaction.server";
import { createCandidate } from "~/domain/candidates/commands.server";
import { canReadHealth } from "~/domain/candidates/policy.server";
import { CandidateSchema } from "~/domain/candidates/schema";
import { domainErrorResponse, invalid } from "~/web/action.server";
import { redirectWithFlash } from "~/web/flash.server";
import { parseFormData } from "~/utils/forms";
import { actorOf, requirePermission } from "~/web/session.server";

export const meta: MetaFunction = () => [{ title: "Nuovo candidato — Rosa" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "candidates:write");
  return { canSetProtectedCategory: canReadHealth(user) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "candidates:write");
  const form = parseFormData(await request.formData(), CandidateSchema);
  if (!form.ok) return invalid(form.errors, form.values);
  let candidateId: string;
  try {
    candidateId = await withTransaction((trx) =>
      createCandidate(trx, actorOf(user, context), form.data, { canSetProtectedCategory: canReadHealth(user) }),
    );
  } catch (e) {
    return domainErrorResponse(e, form.values);
  }
  return redirectWithFlash(`/operatore/candidati/${candidateId}`, {
    type: "success",
    message: "Candidato registrato: ora puoi caricare il suo CV in PDF o invitarlo ad attivare il suo account.",
  });
}

export default function NewCandidatePage() {
  const { canSetProtectedCategory } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div>
      <h1>Nuovo candidato</h1>
      <p className="lead">Registra il CV raccolto nel colloquio di orientamento. Servono almeno un titolo di studio e una propensione.</p>
      <ErrorSummary errors={result?.errors} />
      <Form method="post" noValidate>
        <CandidateFormFields
          mode="officer"
          canSetProtectedCategory={canSetProtectedCategory}
          errors={result?.errors}
          values={result?.values}
        />
        <button type="submit" className="btn btn-primary">
          Salva il candidato
        </button>
      </Form>
    </div>
  );
}
