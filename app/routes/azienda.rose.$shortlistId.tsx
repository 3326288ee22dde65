import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Notice } from "~/components/forms";
import { RowCheckbox, RowSelect, RowText } from "~/components/row-fields";
import { MatchExplanation } from "~/components/match-explanation";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { recordAudit } from "~/domain/audit/commands.server";
import { giveFeedback, recordHire } from "~/domain/shortlists/commands.server";
import { findPresentedShortlistOf, getEmployerShortlist, hireDefaults, shortlistHasRow } from "~/domain/shortlists/queries.server";
import { FeedbackSchema, REASON_LABELS } from "~/domain/shortlists/schema";
import { hireFormOptions, hiresForPage, ServerHireSchema } from "~/domain/shortlists/hire.server";
import { HireForm, HireList } from "~/components/hire-form";
import { availableCandidateEvents, CANDIDATE_STATE_LABELS } from "~/domain/shortlists/states";
import { domainErrorResponse, invalid } from "~/web/action.server";
import { redirectWithFlash } from "~/web/flash.server";
import { formatDate } from "~/utils/format";
import { parseFormData } from "~/utils/forms";
import { italianLocalToDate } from "~/utils/dates";
import { actorOf, notFound } from "~/web/session.server";
import { requireShortlistEmployer, shortlistIdFrom } from "~/web/guards.server";

export const meta: MetaFunction = () => [{ title: "Rosa di candidati — Rosa" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, employerId } = await requireShortlistEmployer(request);
  const shortlistId = shortlistIdFrom(params);
  const data = await getEmployerShortlist(getDb(), employerId, shortlistId);
  if (!data) throw notFound("Rosa non trovata");
  await recordAudit(getDb(), actorOf(user, context), {
    action: "shortlist.employer_view",
    entityType: "shortlist",
    entityId: shortlistId,
    employerId,
    details: {
      candidates: data.rows.map((r) => r.candidateId),
      withContacts: data.rows.filter((r) => r.contacts).map((r) => r.candidateId),
    },
  });
  const [hires, defaults] = await Promise.all([
    hiresForPage(getDb(), { vacancyId: data.shortlist.vacancy_id, employerId }),
    hireDefaults(getDb(), data.shortlist.vacancy_id),
  ]);
  return {
    ...data,
    shortlist: { ...data.shortlist, vacancy_number: Number(data.shortlist.vacancy_number) },
    hires,
    defaults,
    options: hireFormOptions(),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, scope } = await requireShortlistEmployer(request);
  const shortlistId = shortlistIdFrom(params);
  // Another employer's rosa, or one not presented yet, does not exist for this user.
  const own = await findPresentedShortlistOf(getDb(), user.employerId!, shortlistId);
  if (!own) throw notFound("Rosa non trovata");
  const formData = await request.formData();
  const form = formData.get("intent") === "hire" ? parseFormData(formData, ServerHireSchema) : parseFormData(formData, FeedbackSchema);
  if (!form.ok) return invalid(form.errors, form.values);
  const d = form.data;
  // The row must be in this rosa; the command checks again that it belongs to this employer and was presented.
  if (!(await shortlistHasRow(getDb(), shortlistId, d.rowId))) throw notFound("Candidato non trovato");
  let message: string;
  try {
    message = await withTransaction(async (trx) => {
      const actor = actorOf(user, context);
      if (d.intent === "feedback") {
        await giveFeedback(trx, actor, scope, {
          rowId: d.rowId,
          version: d.version,
          decision: d.decision,
          reason: d.reason || null,
          missingSkills: d.missingSkills,
          reasonText: d.reasonText,
          comment: d.comment,
          share: d.share === "on",
          interview:
            d.decision !== "interview"
              ? null
              : d.interviewArrangement === "employer" && d.interviewAt
                ? { arrangedBy: "employer", at: italianLocalToDate(d.interviewAt) }
                : d.interviewArrangement === "cpi"
                  ? { arrangedBy: "cpi" }
                  : null,
        });
        if (d.decision === "interview")
          return d.interviewArrangement === "cpi"
            ? "Richiesta di colloquio registrata: il Centro per l'Impiego lo fisserà e ti comunicherà data e ora."
            : "Colloquio registrato: la data è visibile al Centro per l'Impiego e al candidato.";
        return "Riscontro registrato: grazie.";
      }
      const hire = await recordHire(trx, actor, scope, { ...d, l68Reserved: d.l68Reserved === "on", requestChannel: null });
      return hire.closed
        ? "Assunzione registrata: tutte le posizioni sono coperte e l'offerta è chiusa. Ricorda di inviare la comunicazione obbligatoria (UNILAV)."
        : `Assunzione registrata (${hire.filled} su ${hire.positions}). Ricorda di inviare la comunicazione obbligatoria (UNILAV).`;
    });
  } catch (e) {
    return domainErrorResponse(e, form.values);
  }
  return redirectWithFlash(`/azienda/rose/${shortlistId}`, { type: "success", message });
}

export default function EmployerShortlistPage() {
  const { shortlist, rows, hires, defaults, options } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errorsFor = (rowId: string) => (result?.values?.rowId === rowId ? result.errors : undefined);
  const valuesFor = (rowId: string) => (result?.values?.rowId === rowId ? result.values : undefined);
  return (
    <div>
      <h1>{shortlist.title}</h1>
      <p>
        Offerta n. {shortlist.vacancy_number} «{shortlist.vacancy_title}». Posizioni coperte {shortlist.filled} su {shortlist.positions}.{" "}
        <a href={`/azienda/rose/${shortlist.id}/pdf`}>Scarica la rosa in PDF</a>
      </p>
      {shortlist.vacancy_status === "closed" ? <Notice type="info">L'offerta è chiusa.</Notice> : null}
      <ErrorSummary errors={result?.errors} />
      {rows.map((r) => {
        const events = availableCandidateEvents(r.state, "employer");
        return (
          <section key={r.id} className="card-wrapper mb-4" aria-labelledby={`c-${r.id}`}>
            <div className="card card-bg p-3">
              <h2 className="h4" id={`c-${r.id}`}>
                {r.name} — {CANDIDATE_STATE_LABELS[r.state]}
              </h2>
              <p className="mb-1">
                {r.contacts
                  ? `Recapiti: ${r.contacts.phone ?? "—"} · ${r.contacts.email ?? "—"}`
                  : "Recapiti: il candidato non ha autorizzato la comunicazione; contatta il Centro per l'Impiego."}
              </p>
              <ul className="small">
                <li>Propensioni: {r.preferences.join("; ")}</li>
                <li>
                  Esperienze:{" "}
                  {r.experiences.length
                    ? r.experiences
                        .map((e) => `${e.title ?? "—"} (dal ${formatDate(e.from)}${e.to ? ` al ${formatDate(e.to)}` : ""})`)
                        .join("; ")
                    : "nessuna"}
                </li>
                <li>Titoli di studio: {r.education.join("; ") || "—"}</li>
                <li>Lingue: {r.languages.join(", ") || "—"}</li>
                <li>Patenti: {r.licences.join(", ") || "—"}</li>
                <li>Certificazioni: {r.certificates.join("; ") || "—"}</li>
              </ul>
              {r.interview ? (
                <p className="mb-1">
                  <strong>{r.interview}</strong>
                </p>
              ) : null}
              <MatchExplanation e={r.explanation} />
              {events.some((e) => e === "reject" || e === "select" || e === "schedule_interview") ? (
                <Form method="post" noValidate className="mt-3">
                  <input type="hidden" name="intent" value="feedback" />
                  <input type="hidden" name="rowId" value={r.id} />
                  <input type="hidden" name="version" value={r.version} />
                  <fieldset>
                    <legend className="h6">Il tuo riscontro su {r.name}</legend>
                    <RowSelect
                      row={r.id}
                      name="decision"
                      label="Decisione"
                      placeholder="Scegli…"
                      options={[
                        ...(events.includes("schedule_interview") ? [["interview", "Voglio fare un colloquio"] as [string, string]] : []),
                        ["selected", "Selezionato"],
                        ["not_selected", "Non selezionato"],
                      ]}
                      errors={errorsFor(r.id)}
                      values={valuesFor(r.id)}
                    />
                    <RowSelect
                      row={r.id}
                      name="interviewArrangement"
                      label="Se vuoi fare un colloquio: chi fissa data e ora"
                      placeholder="Scegli…"
                      options={[
                        ["employer", "Lo fisso io: indico data e ora qui sotto"],
                        ["cpi", "Chiedo al Centro per l'Impiego di fissarlo"],
                      ]}
                      errors={errorsFor(r.id)}
                      values={valuesFor(r.id)}
                    />
                    <RowText
                      row={r.id}
                      name="interviewAt"
                      label="Data e ora del colloquio (se lo fissi tu)"
                      type="datetime-local"
                      errors={errorsFor(r.id)}
                      values={valuesFor(r.id)}
                    />
                    <RowSelect
                      row={r.id}
                      name="reason"
                      label="Motivo (obbligatorio se non selezionato)"
                      placeholder="Scegli…"
                      options={REASON_LABELS}
                      errors={errorsFor(r.id)}
                      values={valuesFor(r.id)}
                    />
                    <RowText
                      row={r.id}
                      name="missingSkills"
                      label="Competenze mancanti (se il motivo è questo)"
                      errors={errorsFor(r.id)}
                      values={valuesFor(r.id)}
                    />
                    <RowText row={r.id} name="reasonText" label="Altro motivo" errors={errorsFor(r.id)} values={valuesFor(r.id)} />
                    <RowText row={r.id} name="comment" label="Commenti (facoltativi)" errors={errorsFor(r.id)} values={valuesFor(r.id)} />
                    <RowCheckbox row={r.id} name="share" label="Il motivo può essere comunicato al candidato" values={valuesFor(r.id)} />
                    <button type="submit" className="btn btn-primary">
                      Invia il riscontro su {r.name}
                    </button>
                  </fieldset>
                </Form>
              ) : null}
              {events.includes("hire") && shortlist.vacancy_status !== "closed" ? (
                <HireForm
                  rowId={r.id}
                  version={r.version}
                  name={r.name}
                  contractTypes={options.contractTypes}
                  defaultComune={defaults.comune}
                  defaultReserved={defaults.reserved}
                  byOfficer={false}
                  errors={errorsFor(r.id)}
                  values={valuesFor(r.id)}
                />
              ) : null}
            </div>
          </section>
        );
      })}
      {!rows.length ? <p>Nessun candidato presentato.</p> : null}
      <HireList hires={hires} />
    </div>
  );
}
