import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { PageTitle } from "~/components/layout";
import { OutplacementEventForm } from "~/components/outplacement-event-form";
import { withTransaction } from "~/db/transaction.server";
import { ProposalSchema } from "~/domain/outplacement";
import { createEvent } from "~/domain/outplacement/index.server";
import { parseForm, useSchemaForm } from "~/web/conform";
import { replyDomainError, replyInvalid } from "~/web/conform.server";
import { redirectWithFlash } from "~/web/flash.server";
import { requireOutplacementEmployer } from "~/web/outplacement-guards.server";
import { actorOf } from "~/web/session.server";

export const meta: MetaFunction = () => [{ title: "Proponi un evento di ricollocazione — Rosa" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOutplacementEmployer(request);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, scope } = await requireOutplacementEmployer(request);
  const submission = parseForm(await request.formData(), ProposalSchema);
  if (submission.status !== "success") return replyInvalid(submission);
  try {
    await withTransaction((trx) => createEvent(trx, actorOf(user, context), scope, submission.value));
  } catch (e) {
    return replyDomainError(e, submission);
  }
  return redirectWithFlash("/azienda/ricollocazione", {
    type: "success",
    message: "Proposta inviata al Centro per l'Impiego: un operatore la controlla e la prende in carico. Riceverai un avviso.",
  });
}

export default function ProposeOutplacementEvent() {
  const result = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(ProposalSchema, {
    id: "outplacement-proposal",
    lastResult: result?.result,
    defaultValue: { sites: [{}] },
  });
  return (
    <div className="col-lg-10">
      <p>
        <Link to="/azienda/ricollocazione">← Ricollocazione</Link>
      </p>
      <PageTitle
        title="Proponi un evento di ricollocazione"
        lead="Segnala al Centro per l'Impiego una procedura di riduzione di personale: la proposta resta in bozza finché un operatore non la convalida. Non inserire qui i nomi dei lavoratori."
      />
      <OutplacementEventForm form={form} fields={fields} submitLabel="Invia la proposta" employerView />
    </div>
  );
}
