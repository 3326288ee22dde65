import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { getFormProps } from "@conform-to/react";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CheckboxField, ErrorSummary, Notice, SelectField, TextField } from "~/components/forms";
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
import { parseForm, useSchemaForm, type FormResult } from "~/web/conform";
import { replyDomainError, replyInvalid } from "~/web/conform.server";
import { redirectWithFlash } from "~/web/flash.server";
import { formatDate } from "~/utils/format";
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
  const actor = actorOf(user, context);
  if (formData.get("intent") === "hire") {
    const submission = parseForm(formData, ServerHireSchema);
    if (submission.status !== "success") return replyInvalid(submission);
    const d = submission.value;
    // The row must be in this rosa; the command checks again that it belongs to this employer and was presented.
    if (!(await shortlistHasRow(getDb(), shortlistId, d.rowId))) throw notFound("Candidato non trovato");
    let message: string;
    try {
      const hire = await withTransaction((trx) =>
        recordHire(trx, actor, scope, { ...d, l68Reserved: d.l68Reserved === "on", requestChannel: null }),
      );
      message = hire.closed
        ? "Assunzione registrata: tutte le posizioni sono coperte e l'offerta è chiusa. Ricorda di inviare la comunicazione obbligatoria (UNILAV)."
        : `Assunzione registrata (${hire.filled} su ${hire.positions}). Ricorda di inviare la comunicazione obbligatoria (UNILAV).`;
    } catch (e) {
      return replyDomainError(e, submission);
    }
    return redirectWithFlash(`/azienda/rose/${shortlistId}`, { type: "success", message });
  }
  const submission = parseForm(formData, FeedbackSchema);
  if (submission.status !== "success") return replyInvalid(submission);
  const d = submission.value;
  if (!(await shortlistHasRow(getDb(), shortlistId, d.rowId))) throw notFound("Candidato non trovato");
  try {
    await withTransaction((trx) =>
      giveFeedback(trx, actor, scope, {
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
      }),
    );
  } catch (e) {
    return replyDomainError(e, submission);
  }
  const message =
    d.decision !== "interview"
      ? "Riscontro registrato: grazie."
      : d.interviewArrangement === "cpi"
        ? "Richiesta di colloquio registrata: il Centro per l'Impiego lo fisserà e ti comunicherà data e ora."
        : "Colloquio registrato: la data è visibile al Centro per l'Impiego e al candidato.";
  return redirectWithFlash(`/azienda/rose/${shortlistId}`, { type: "success", message });
}

export default function EmployerShortlistPage() {
  const { shortlist, rows, hires, defaults, options } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>()?.result;
  /** The action's reply goes back to the form it answers: the same intent, the same person. */
  const replyTo = (intent: "feedback" | "hire", rowId: string) =>
    result?.initialValue?.intent === intent && result.initialValue.rowId === rowId ? result : null;
  const canGiveFeedback = (state: (typeof rows)[number]["state"]) =>
    availableCandidateEvents(state, "employer").some((e) => e === "reject" || e === "select" || e === "schedule_interview");
  const canHire = (state: (typeof rows)[number]["state"]) =>
    availableCandidateEvents(state, "employer").includes("hire") && shortlist.vacancy_status !== "closed";
  // A reply to a form no longer on the page (the person moved on meanwhile) is shown at the top.
  const answered = rows.some((r) => (replyTo("feedback", r.id) && canGiveFeedback(r.state)) || (replyTo("hire", r.id) && canHire(r.state)));
  return (
    <div>
      <h1>{shortlist.title}</h1>
      <p>
        Offerta n. {shortlist.vacancy_number} «{shortlist.vacancy_title}». Posizioni coperte {shortlist.filled} su {shortlist.positions}.{" "}
        <a href={`/azienda/rose/${shortlist.id}/pdf`}>Scarica la rosa in PDF</a>
      </p>
      {shortlist.vacancy_status === "closed" ? <Notice type="info">L'offerta è chiusa.</Notice> : null}
      {result && !answered ? <ErrorSummary result={result} /> : null}
      {rows.map((r) => {
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
              {canGiveFeedback(r.state) ? (
                <FeedbackForm
                  rowId={r.id}
                  version={r.version}
                  name={r.name}
                  canInterview={availableCandidateEvents(r.state, "employer").includes("schedule_interview")}
                  lastResult={replyTo("feedback", r.id)}
                />
              ) : null}
              {canHire(r.state) ? (
                <HireForm
                  rowId={r.id}
                  version={r.version}
                  name={r.name}
                  contractTypes={options.contractTypes}
                  fixedTermCodes={options.fixedTermCodes}
                  defaultComune={defaults.comune}
                  defaultReserved={defaults.reserved}
                  unilav={{ options: options.unilav, defaults: { ...defaults.unilav, workerEducationLevel: r.unilavEducationLevel ?? "" } }}
                  byOfficer={false}
                  lastResult={replyTo("hire", r.id)}
                />
              ) : null}
            </div>
          </section>
        );
      })}
      {!rows.length ? <p>Nessun candidato presentato.</p> : null}
      <HireList hires={hires} unilavHref={(id) => `/azienda/assunzioni/${id}/unilav.xml`} onlyWhenComplete />
    </div>
  );
}

/** The employer's feedback on one person: a form of its own, checked in the browser and by the action with FeedbackSchema. */
function FeedbackForm(props: { rowId: string; version: number; name: string; canInterview: boolean; lastResult: FormResult | null }) {
  const [form, fields] = useSchemaForm(FeedbackSchema, { id: `feedback-${props.rowId}`, lastResult: props.lastResult });
  return (
    <Form method="post" className="mt-3" {...getFormProps(form)}>
      <ErrorSummary form={form} />
      <input type="hidden" name="intent" value="feedback" />
      <input type="hidden" name="rowId" value={props.rowId} />
      <input type="hidden" name="version" value={props.version} />
      <fieldset>
        <legend className="h6">Il tuo riscontro su {props.name}</legend>
        <SelectField
          field={fields.decision}
          label="Decisione"
          placeholder="Scegli…"
          options={[
            ...(props.canInterview ? [["interview", "Voglio fare un colloquio"] as [string, string]] : []),
            ["selected", "Selezionato"],
            ["not_selected", "Non selezionato"],
          ]}
        />
        <SelectField
          field={fields.interviewArrangement}
          label="Se vuoi fare un colloquio: chi fissa data e ora"
          placeholder="Scegli…"
          options={[
            ["employer", "Lo fisso io: indico data e ora qui sotto"],
            ["cpi", "Chiedo al Centro per l'Impiego di fissarlo"],
          ]}
        />
        <TextField field={fields.interviewAt} label="Data e ora del colloquio (se lo fissi tu)" type="datetime-local" />
        <SelectField field={fields.reason} label="Motivo (obbligatorio se non selezionato)" placeholder="Scegli…" options={REASON_LABELS} />
        <TextField field={fields.missingSkills} label="Competenze mancanti (se il motivo è questo)" />
        <TextField field={fields.reasonText} label="Altro motivo" />
        <TextField field={fields.comment} label="Commenti (facoltativi)" />
        <CheckboxField field={fields.share} label="Il motivo può essere comunicato al candidato" />
        <button type="submit" className="btn btn-primary">
          Invia il riscontro su {props.name}
        </button>
      </fieldset>
    </Form>
  );
}
