import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/forms";
import { PageTitle } from "~/components/layout";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { moveServiceRequest } from "~/domain/services/commands.server";
import { RevalidationChanges } from "~/components/revalidation-changes";
import { listRevalidationRequests } from "~/domain/employers/queries.server";
import { queuesOf } from "~/domain/services/policy.server";
import { listRequestQueue } from "~/domain/services/queries.server";
import { RequestMoveSchema } from "~/domain/services/schema";
import { QUEUE_LABELS, SERVICE_REQUEST_LABELS } from "~/domain/services/screening";
import { parseForm } from "~/web/conform";
import { replyDomainError, replyInvalid } from "~/web/conform.server";
import { redirectWithFlash } from "~/web/flash.server";
import { formatDateTime } from "~/utils/format";
import { actorOf, requirePermission } from "~/web/session.server";

export const meta: MetaFunction = () => [{ title: "Richieste di servizio — Rosa" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "services:deliver");
  const queues = queuesOf(user);
  const [requests, revalidations] = await Promise.all([listRequestQueue(getDb(), queues), listRevalidationRequests(getDb())]);
  return { queues: queues.map((q) => QUEUE_LABELS[q]), requests, revalidations };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "services:deliver");
  const submission = parseForm(await request.formData(), RequestMoveSchema);
  if (submission.status !== "success") return replyInvalid(submission);
  const move = submission.value;
  try {
    await withTransaction((trx) => moveServiceRequest(trx, actorOf(user, context), queuesOf(user), move));
  } catch (e) {
    return replyDomainError(e, submission);
  }
  const message = {
    take: "Richiesta presa in carico: segnala come conclusa quando il servizio è reso.",
    done: "Richiesta segnata come conclusa.",
    cancel: "Richiesta annullata: non è più tra quelle da seguire.",
  }[move.move];
  return redirectWithFlash("/operatore/richieste", { type: "success", message });
}

export default function RequestQueue() {
  const { queues, requests, revalidations } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div>
      <PageTitle title="Richieste di servizio" lead={`Le richieste delle aziende per la coda: ${queues.join(", ") || "nessuna"}.`} />
      <ErrorSummary result={result?.result} />
      {requests.length ? (
        <div className="table-responsive" tabIndex={0}>
          <table className="table">
            <caption>Richieste aperte ({requests.length})</caption>
            <thead>
              <tr>
                <th scope="col">Azienda</th>
                <th scope="col">Servizio</th>
                <th scope="col">Richiesta il</th>
                <th scope="col">Stato</th>
                <th scope="col">Azioni</th>
              </tr>
            </thead>
            <tbody>
              {requests.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/operatore/aziende/${r.employer_id}`}>{r.employer_name}</Link>
                    {r.note ? <div className="rosa-muted">{r.note}</div> : null}
                  </td>
                  <td>{SERVICE_REQUEST_LABELS[r.service_code]}</td>
                  <td>{formatDateTime(r.created_at)}</td>
                  <td>{r.status === "open" ? "Da prendere in carico" : `In carico a ${r.assignee_name ?? "—"}`}</td>
                  <td>
                    <Form method="post" className="d-flex gap-2 flex-wrap">
                      <input type="hidden" name="requestId" value={r.id} />
                      <input type="hidden" name="version" value={r.version} />
                      {r.status === "open" ? (
                        <button type="submit" name="move" value="take" className="btn btn-primary btn-xs">
                          Prendi in carico
                        </button>
                      ) : null}
                      <button type="submit" name="move" value="done" className="btn btn-outline-primary btn-xs">
                        Concludi
                      </button>
                      <Link
                        to={`/operatore/registro/nuovo?azienda=${r.employer_id}&richiesta=${r.id}`}
                        className="btn btn-outline-secondary btn-xs"
                      >
                        Registra un servizio
                      </Link>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>Nessuna richiesta aperta.</p>
      )}
      {revalidations.length ? (
        <section className="mt-4">
          <h2 className="h4">Aziende da convalidare di nuovo</h2>
          <p>
            Aziende già convalidate che hanno cambiato ragione sociale o codice fiscale: fino alla nuova convalida non pubblicano nuove
            offerte.
          </p>
          <ul>
            {revalidations.map((r) => (
              <li key={r.id}>
                <Link to={`/operatore/aziende/${r.id}`}>{r.legal_name}</Link> — modificata il {formatDateTime(r.updated_at)}
                <RevalidationChanges changes={r.revalidation_changes} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
