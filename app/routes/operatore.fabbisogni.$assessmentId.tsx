import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary } from "~/components/forms";
import { VacancyStatusBadge } from "~/components/vacancy-view";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { figureToVacancyDraft } from "~/domain/services/commands.server";
import { getNeedsAssessment } from "~/domain/services/queries.server";
import { parseForm } from "~/web/conform";
import { replyDomainError, replyInvalid } from "~/web/conform.server";
import { redirectWithFlash } from "~/web/flash.server";
import { formatDate } from "~/utils/format";
import { actorOf, notFound, requirePermission } from "~/web/session.server";

export const meta: MetaFunction = () => [{ title: "Consulenza sui fabbisogni — Rosa" }];

function assessmentIdFrom(params: Record<string, string | undefined>) {
  const id = z.uuid().safeParse(params.assessmentId);
  if (!id.success) throw notFound("Consulenza non trovata");
  return id.data;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "services:deliver");
  const a = await getNeedsAssessment(getDb(), assessmentIdFrom(params), {});
  if (!a) throw notFound("Consulenza non trovata");
  return { a };
}

const DraftSchema = z.object({ figureId: z.uuid({ error: "Figura non valida" }) });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "services:deliver");
  const id = assessmentIdFrom(params);
  const a = await getNeedsAssessment(getDb(), id, {});
  if (!a) throw notFound("Consulenza non trovata");
  const submission = parseForm(await request.formData(), DraftSchema);
  if (submission.status !== "success") return replyInvalid(submission);
  const { figureId } = submission.value;
  if (!a.figures.some((f) => f.id === figureId))
    return replyInvalid(submission, { status: 404, formError: "La figura non appartiene a questa consulenza" });
  try {
    await withTransaction((trx) => figureToVacancyDraft(trx, actorOf(user, context), figureId));
  } catch (e) {
    return replyDomainError(e, submission);
  }
  return redirectWithFlash(`/operatore/fabbisogni/${id}`, {
    type: "success",
    message: "Bozza di offerta creata: l'azienda la trova tra le sue offerte da completare e inviare.",
  });
}

export default function NeedsDetail() {
  const { a } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="col-lg-10">
      <p>
        <Link to="/operatore/fabbisogni">← Consulenze sui fabbisogni</Link>
      </p>
      <h1>Fabbisogni di {a.employer_name}</h1>
      <p className="rosa-muted">
        Colloquio del {formatDate(a.assessed_on)} con {a.officer_name} ·{" "}
        <a href={`/operatore/fabbisogni/${a.id}/pdf`}>documento per l'azienda (PDF)</a>
      </p>
      <ErrorSummary result={result?.result} />
      <div className="table-responsive" tabIndex={0}>
        <table className="table">
          <caption>Figure professionali ricercate</caption>
          <thead>
            <tr>
              <th scope="col">Professione</th>
              <th scope="col">Persone</th>
              <th scope="col">Entro</th>
              <th scope="col">Offerta</th>
            </tr>
          </thead>
          <tbody>
            {a.figures.map((f) => (
              <tr key={f.id}>
                <td>
                  {f.occupation_title} ({f.occupation_code}){f.notes ? <div className="rosa-muted">{f.notes}</div> : null}
                </td>
                <td>{f.quantity}</td>
                <td>{f.needed_by ? formatDate(f.needed_by) : "—"}</td>
                <td>
                  {f.vacancy_id && f.vacancy_status ? (
                    <>
                      <VacancyStatusBadge status={f.vacancy_status} />
                      {f.unmet ? " · domanda non soddisfatta" : ""}
                    </>
                  ) : (
                    <Form method="post">
                      <input type="hidden" name="figureId" value={f.id} />
                      <button type="submit" className="btn btn-outline-primary btn-xs">
                        Crea una bozza di offerta
                      </button>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 className="h4">Gap di competenze</h2>
      <p className="rosa-pre-line">{a.skill_gaps || "—"}</p>
      <h2 className="h4">Fabbisogni formativi</h2>
      <p className="rosa-pre-line">{a.training_needs || "—"}</p>
      <h2 className="h4">Azioni concordate</h2>
      <p className="rosa-pre-line">{a.actions_agreed || "—"}</p>
    </div>
  );
}
