import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/forms";
import { RowCheckbox } from "~/components/row-fields";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { expireAvailability, respondToAvailability } from "~/domain/shortlists/commands.server";
import { listCandidateRequestsWithOutcome } from "~/domain/shortlists/queries.server";
import { CandidateResponseSchema } from "~/domain/shortlists/schema";
import { CANDIDATE_STATE_LABELS } from "~/domain/shortlists/states";
import { contractLabel, WORKING_TIME_LABELS } from "~/domain/vacancies/codes";
import { parseForm, replyDomainError, replyInvalid } from "~/web/conform.server";
import { redirectWithFlash } from "~/web/flash.server";
import { useServerForm } from "~/web/form-metadata";
import { formatDateTime } from "~/utils/format";
import { actorOf } from "~/web/session.server";
import { requireCandidateUser } from "~/web/guards.server";

export const meta: MetaFunction = () => [{ title: "Le mie disponibilità — Rosa" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireCandidateUser(request);
  await withTransaction((trx) => expireAvailability(trx));
  const requests = await listCandidateRequestsWithOutcome(getDb(), user.id);
  // An anonymous vacancy stays anonymous for the candidate too.
  return { requests: requests.map((r) => ({ ...r, employer_name: r.publication_mode === "public" ? r.employer_name : null })) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, scope } = await requireCandidateUser(request);
  const submission = parseForm(await request.formData(), CandidateResponseSchema);
  if (submission.status !== "success") return replyInvalid(submission);
  try {
    await withTransaction((trx) =>
      respondToAvailability(trx, actorOf(user, context), scope, {
        rowId: submission.value.rowId,
        response: submission.value.response,
        shareContacts: submission.value.shareContacts === "on",
      }),
    );
  } catch (e) {
    return replyDomainError(e, submission);
  }
  return redirectWithFlash("/candidato/disponibilita", {
    type: "success",
    message:
      submission.value.response === "confirmed"
        ? "Grazie: hai confermato la tua disponibilità."
        : "Hai comunicato che non sei disponibile.",
  });
}

export default function CandidateAvailability() {
  const { requests } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>()?.result;
  // One form per request, one answer: the messages in the summary above, the ticked box kept on its own request.
  const [form] = useServerForm<{ rowId: string; response: string; shareContacts: string }>({
    id: "availability",
    lastResult: result,
    constraint: {},
  });
  const answered = result?.initialValue as { rowId?: string; shareContacts?: string } | undefined;
  return (
    <div>
      <h1>Le mie disponibilità</h1>
      <p>
        Il Centro per l'Impiego ti chiede se sei disponibile per queste offerte. Senza risposta entro la scadenza risulterai non
        disponibile. Qui trovi anche l'esito dell'azienda: il colloquio e, se l'azienda lo ha condiviso, il motivo di una mancata selezione.
      </p>
      <ErrorSummary form={form} />
      {requests.length ? (
        requests.map((r) => (
          <section key={r.id} className="card card-bg p-3 mb-3" aria-labelledby={`r-${r.id}`}>
            <h2 className="h5" id={`r-${r.id}`}>
              {r.title} — {r.comune_name}
            </h2>
            <p className="mb-1">
              {r.employer_name ?? "Azienda riservata"} · {contractLabel({ engagement: r.engagement, contractType: r.contract_type })} ·{" "}
              {WORKING_TIME_LABELS[r.working_time]}
            </p>
            <p className="mb-1">Stato: {CANDIDATE_STATE_LABELS[r.state]}</p>
            {r.outcome.interview ? (
              <p className="mb-1">
                <strong>{r.outcome.interview}</strong>
              </p>
            ) : null}
            {r.outcome.reason ? <p className="mb-1">Motivo comunicato dall'azienda: {r.outcome.reason}</p> : null}
            {r.outcome.reasonWithheld ? (
              <p className="mb-1 rosa-muted">L'azienda non ha condiviso il motivo; il tuo Centro per l'Impiego può darti un riscontro.</p>
            ) : null}
            {r.state === "contacting" ? (
              <Form method="post">
                <input type="hidden" name="rowId" value={r.id} />
                {r.availability_deadline ? <p>Rispondi entro il {formatDateTime(r.availability_deadline)}.</p> : null}
                <RowCheckbox
                  row={r.id}
                  name="shareContacts"
                  label="Autorizzo a comunicare il mio telefono e la mia e-mail all'azienda"
                  values={answered?.rowId === r.id && answered.shareContacts ? { shareContacts: answered.shareContacts } : undefined}
                />
                <div className="d-flex gap-2">
                  <button type="submit" name="response" value="confirmed" className="btn btn-primary">
                    Confermo la disponibilità per «{r.title}»
                  </button>
                  <button type="submit" name="response" value="declined" className="btn btn-outline-secondary">
                    Non sono disponibile per «{r.title}»
                  </button>
                </div>
              </Form>
            ) : null}
          </section>
        ))
      ) : (
        <p>Nessuna richiesta di disponibilità.</p>
      )}
    </div>
  );
}
