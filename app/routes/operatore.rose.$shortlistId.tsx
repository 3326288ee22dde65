import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { getFormProps } from "@conform-to/react";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CheckboxField, ErrorSummary, Notice, SelectField, TextAreaField, TextField } from "~/components/forms";
import { MatchExplanation } from "~/components/match-explanation";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { internshipOfVacancy } from "~/domain/internships/index.server";
import { recordAudit } from "~/domain/audit/commands.server";
import {
  addGapProposal,
  expireAvailability,
  moveCandidate,
  presentShortlist,
  recordContactAttempt,
  setGapOutcome,
  recordHire,
  startContact,
  startContactMany,
} from "~/domain/shortlists/commands.server";
import { hireFormOptions, hiresForPage, ServerHireSchema } from "~/domain/shortlists/hire.server";
import { HireForm, HireList } from "~/components/hire-form";
import { addAssessmentStep, getAssessmentPlan, recordAssessmentResult } from "~/domain/shortlists/assessment.server";
import { type ShortlistScope } from "~/domain/shortlists/policy.server";
import { findShortlistRef, getOfficerShortlist, hireDefaults, shortlistHasRow } from "~/domain/shortlists/queries.server";
import {
  AssessmentResultSchema,
  AssessmentStepSchema,
  CHANNEL_LABELS,
  CONTACT_OUTCOME_LABELS,
  ContactAttemptSchema,
  contactManySummary,
  ContactManySchema,
  DECISION_LABELS,
  GAP_KIND_LABELS,
  GAP_OUTCOME_LABELS,
  GapProposalSchema,
  OfficerActionSchema,
  PresentSchema,
  REASON_LABELS,
  STEP_DECISION_LABELS,
  STEP_KIND_LABELS,
} from "~/domain/shortlists/schema";
import {
  availableCandidateEvents,
  CANDIDATE_STATE_LABELS,
  EVENT_DONE_MESSAGES,
  EVENT_LABELS,
  EXPOSURE_DAYS,
} from "~/domain/shortlists/states";
import { interviewSummary, reasonText } from "~/domain/shortlists/feedback-view";
import { getEnv } from "~/utils/env.server";
import { redirectWithFlash } from "~/web/flash.server";
import { formatDate, formatDateTime } from "~/utils/format";
import { actorOf, notFound } from "~/web/session.server";
import { SpentTimeFields } from "~/components/spent-time";
import { standardPrefill } from "~/domain/services/durations";
import { presentationTime } from "~/domain/shortlists/deliveries.server";
import { plural } from "~/utils/plural";
import { requireMatchingOfficer, shortlistIdFrom } from "~/web/guards.server";
import { parseForm, useSchemaForm, type FormResult } from "~/web/conform";
import { replyDomainError, replyInvalid } from "~/web/conform.server";

export const meta: MetaFunction = () => [{ title: "Rosa di candidati — Rosa" }];

type Snapshot = { conditions: { label: string; filter: string }[]; filter: string; sort: string[]; relaxed: string[]; total: number };
type ResultRow = { rank: number; id: string; name: string; comune: string; score: number };

const OFFICER_BUTTONS = ["start_contact", "mark_unreachable", "retry_contact", "present", "withdraw"] as const;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = await requireMatchingOfficer(request);
  const shortlistId = shortlistIdFrom(params);
  await withTransaction((trx) => expireAvailability(trx, new Date(), shortlistId));
  const data = await getOfficerShortlist(getDb(), shortlistId);
  if (!data) throw notFound("Rosa non trovata");
  await recordAudit(getDb(), actorOf(user, context), {
    action: "shortlist.view",
    entityType: "shortlist",
    entityId: shortlistId,
    employerId: data.shortlist.employer_id,
    details: { candidates: data.rows.map((r) => r.candidate_id) },
  });
  const { search_snapshot, results_snapshot, ...rest } = data.shortlist;
  const [plan, hires, defaults, time] = await Promise.all([
    getAssessmentPlan(
      getDb(),
      rest.vacancy_id,
      data.rows.map((r) => r.id),
    ),
    hiresForPage(getDb(), { vacancyId: rest.vacancy_id }),
    hireDefaults(getDb(), rest.vacancy_id),
    presentationTime(getDb(), shortlistId),
  ]);
  const internship = await internshipOfVacancy(getDb(), rest.vacancy_id);
  const { standard, recorded } = time;
  return {
    ...data,
    hires,
    defaults,
    options: hireFormOptions(),
    plan,
    internship,
    standard4C: standard ?? null,
    presentPrefill: recorded ?? { ...standardPrefill(standard, "4C"), justification: null },
    alreadyRecorded: !!recorded,
    shortlist: { ...rest, vacancy_number: Number(rest.vacancy_number) },
    snapshot: search_snapshot as Snapshot,
    results: results_snapshot as ResultRow[],
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, scope } = await requireMatchingOfficer(request);
  const shortlistId = shortlistIdFrom(params);
  const exists = await findShortlistRef(getDb(), shortlistId);
  if (!exists) throw notFound("Rosa non trovata");
  const formData = await request.formData();
  const actor = actorOf(user, context);
  if (formData.get("intent") === "hire") return officerHire(formData, actor, scope, shortlistId);
  if (formData.get("intent") === "contact_all") return contactAll(formData, actor, scope, shortlistId);
  const submission = parseForm(formData, OfficerActionSchema);
  if (submission.status !== "success") return replyInvalid(submission);
  const d = submission.value;
  // Every row id must belong to this rosa (checked again under lock by the command).
  if ("rowId" in d && d.rowId) {
    if (!(await shortlistHasRow(getDb(), shortlistId, d.rowId))) throw notFound("Candidato non trovato in questa rosa");
  }
  let message = "";
  try {
    await withTransaction(async (trx) => {
      switch (d.intent) {
        case "event":
          if (d.event === "start_contact")
            await startContact(trx, actor, scope, {
              rowId: d.rowId,
              version: d.version,
              deadlineDays: getEnv().AVAILABILITY_DEADLINE_DAYS,
            });
          else await moveCandidate(trx, actor, scope, { rowId: d.rowId, event: d.event, version: d.version });
          message = EVENT_DONE_MESSAGES[d.event];
          break;
        case "contact":
          await recordContactAttempt(trx, actor, scope, {
            rowId: d.rowId,
            version: d.version,
            channel: d.channel,
            attemptedAt: new Date(d.attemptedAt),
            outcome: d.outcome,
            note: d.note,
            shareContacts: d.shareContacts === "on",
          });
          message = "Tentativo di contatto registrato: quando il candidato risponde, segna se è disponibile.";
          break;
        case "present": {
          const n = await presentShortlist(trx, actor, scope, {
            shortlistId,
            version: d.version,
            spent: { minutes: d.minutes, modality: d.modality, justification: d.justification },
          });
          message = `Rosa presentata all'azienda: ${plural(n, "candidato", "candidati")}.`;
          break;
        }
        case "gap":
          await addGapProposal(trx, actor, { shortlistId, rowId: d.rowId || null, gap: d.gap, kind: d.kind, description: d.description });
          message = "Proposta registrata: segna il suo esito quando è conclusa.";
          break;
        case "step":
          await addAssessmentStep(trx, actor, {
            vacancyId: exists.vacancy_id,
            kind: d.kind,
            description: d.description,
            representative: d.representative,
            sessionDate: d.sessionDate,
          });
          message = "Passo del piano di verifica aggiunto.";
          break;
        case "result":
          await recordAssessmentResult(trx, actor, {
            shortlistId,
            stepId: d.stepId,
            rowId: d.rowId,
            decision: d.decision,
            justification: d.justification,
          });
          message = "Esito della verifica registrato.";
          break;
        case "gap_outcome":
          await setGapOutcome(trx, actor, { shortlistId, proposalId: d.proposalId, outcome: d.outcome });
          message = "Esito della proposta aggiornato.";
          break;
      }
    });
  } catch (e) {
    return replyDomainError(e, submission);
  }
  return redirectWithFlash(`/operatore/rose/${shortlistId}`, { type: "success", message });
}

/** «Avvia il contatto» for every chosen person (repeated «rowIds» fields), in one transaction. */
async function contactAll(formData: FormData, actor: ReturnType<typeof actorOf>, scope: ShortlistScope, shortlistId: string) {
  const submission = parseForm(formData, ContactManySchema);
  if (submission.status !== "success") return replyInvalid(submission);
  const { rowIds } = submission.value;
  let message: string;
  try {
    const summary = await withTransaction((trx) =>
      startContactMany(trx, actor, scope, { shortlistId, rowIds, deadlineDays: getEnv().AVAILABILITY_DEADLINE_DAYS }),
    );
    message = contactManySummary(summary);
  } catch (e) {
    return replyDomainError(e, submission);
  }
  return redirectWithFlash(`/operatore/rose/${shortlistId}`, { type: "success", message });
}

/** The officer records the hire on the employer's behalf (an employer who phoned the CPI). */
async function officerHire(formData: FormData, actor: ReturnType<typeof actorOf>, scope: ShortlistScope, shortlistId: string) {
  const submission = parseForm(formData, ServerHireSchema);
  if (submission.status !== "success") return replyInvalid(submission);
  const d = submission.value;
  if (!(await shortlistHasRow(getDb(), shortlistId, d.rowId))) throw notFound("Candidato non trovato in questa rosa");
  let message: string;
  try {
    const hire = await withTransaction((trx) =>
      recordHire(trx, actor, scope, { ...d, l68Reserved: d.l68Reserved === "on", requestChannel: d.requestChannel || null }),
    );
    message = hire.closed
      ? "Assunzione registrata per conto dell'azienda: tutte le posizioni sono coperte e l'offerta è chiusa. L'azienda la vede nella sua area e deve inviare la comunicazione obbligatoria (UNILAV)."
      : `Assunzione registrata per conto dell'azienda (${hire.filled} su ${hire.positions}). L'azienda la vede nella sua area e deve inviare la comunicazione obbligatoria (UNILAV).`;
  } catch (e) {
    return replyDomainError(e, submission);
  }
  return redirectWithFlash(`/operatore/rose/${shortlistId}`, { type: "success", message });
}

export default function OfficerShortlistPage() {
  const {
    shortlist,
    rows,
    proposals,
    snapshot,
    results,
    plan,
    hires,
    defaults,
    options,
    standard4C,
    presentPrefill,
    alreadyRecorded,
    internship,
  } = useLoaderData<typeof loader>();
  const contactable = rows.filter((r) => availableCandidateEvents(r.state, "officer").includes("start_contact") && r.state === "proposed");
  const result = useActionData<typeof action>()?.result ?? null;
  const availableCount = rows.filter((r) => r.state === "available").length;
  const intent = result?.initialValue?.intent;
  /** The action's reply goes back to the form it answers: the same intent (and, for a person's form, the same person). */
  const replyTo = (to: string, rowId?: string) => (intent === to && (!rowId || result?.initialValue?.rowId === rowId) ? result : null);
  const canHire = (r: (typeof rows)[number]) =>
    availableCandidateEvents(r.state, "officer").includes("hire") && shortlist.vacancy_status !== "closed";
  // Replies to the buttons (a move, «Avvia il contatto», a proposal's outcome) and to a form no longer on the page go at the top.
  const answered =
    (intent === "present" && shortlist.status !== "closed") ||
    intent === "gap" ||
    intent === "step" ||
    (intent === "result" && plan.steps.length > 0) ||
    rows.some((r) => (replyTo("hire", r.id) && canHire(r)) || (replyTo("contact", r.id) && r.state === "contacting"));
  return (
    <div>
      <p>
        <Link to={`/operatore/preselezione/${shortlist.vacancy_id}`}>← Offerta n. {shortlist.vacancy_number}</Link>
      </p>
      {internship ? (
        <Notice type="info">
          Rosa per il tirocinio n. {internship.number}: quando una persona conferma la disponibilità,{" "}
          <Link to={`/operatore/tirocini/${internship.id}`}>sceglila come tirocinante nella scheda del tirocinio</Link>.
        </Notice>
      ) : null}
      <h1>{shortlist.title}</h1>
      <p>
        {shortlist.employer_name} — offerta «{shortlist.vacancy_title}». Posizioni coperte {shortlist.filled} su {shortlist.positions}.
        Creata il {formatDateTime(shortlist.created_at)} da {shortlist.created_by_name}.
        {shortlist.presented_at ? ` Presentata il ${formatDateTime(shortlist.presented_at)}.` : ""}
      </p>
      {result && !answered ? <ErrorSummary result={result} /> : null}
      {shortlist.status !== "closed" ? (
        <PresentForm
          version={shortlist.version}
          prefill={presentPrefill}
          range={standard4C}
          alreadyRecorded={alreadyRecorded}
          availableCount={availableCount}
          lastResult={replyTo("present")}
        />
      ) : (
        <Notice type="info">Rosa chiusa: tutte le posizioni sono coperte.</Notice>
      )}
      {contactable.length ? (
        <Form method="post" id="contatta-tutti" className="mb-3">
          <input type="hidden" name="intent" value="contact_all" />
          <p className="mb-2">
            Scegli nella prima colonna chi contattare: chi ha un'e-mail riceve un collegamento per rispondere con un clic, chi ha solo il
            telefono lo riceve per SMS (nessun gateway SMS è ancora collegato: gli SMS restano nella posta in uscita e vanno inviati a
            mano), chi ha un account lo trova anche nella sua area.
          </p>
          <button type="submit" className="btn btn-primary">
            Avvia il contatto con i candidati scelti
          </button>
        </Form>
      ) : null}
      <div className="table-responsive" tabIndex={0}>
        <table className="table">
          <caption>Candidati della rosa, con stato e spiegazione</caption>
          <thead>
            <tr>
              <th scope="col">Scegli</th>
              <th scope="col">Candidato</th>
              <th scope="col">Stato</th>
              <th scope="col">Perché</th>
              <th scope="col">Azioni</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const name = `${r.first_name} ${r.last_name}`;
              const events = availableCandidateEvents(r.state, "officer").filter((e) => (OFFICER_BUTTONS as readonly string[]).includes(e));
              return (
                <tr key={r.id}>
                  <td>
                    {r.state === "proposed" ? (
                      <div className="form-check">
                        <input id={`scegli-${r.id}`} type="checkbox" name="rowIds" value={r.id} form="contatta-tutti" defaultChecked />
                        <label htmlFor={`scegli-${r.id}`}>
                          <span className="visually-hidden">Contatta {name}</span>
                        </label>
                      </div>
                    ) : null}
                  </td>
                  <td>
                    <strong>{name}</strong>
                    <div className="small">
                      {r.phone ?? "—"} · {r.email ?? "—"}
                    </div>
                    <div className="small">
                      Presentato negli ultimi {EXPOSURE_DAYS} giorni: {r.exposure === 0 ? "mai" : plural(r.exposure, "volta", "volte")}
                    </div>
                  </td>
                  <td>
                    {CANDIDATE_STATE_LABELS[r.state]}
                    {r.state === "contacting" && r.availability_deadline ? (
                      <div className="small">Risposta entro il {formatDateTime(r.availability_deadline)}</div>
                    ) : null}
                    {r.links.map((l) => (
                      <div className="small" key={l.id}>
                        Collegamento per {l.channel === "email" ? "e-mail" : "SMS"} a {l.sent_to} del {formatDateTime(l.created_at)}:{" "}
                        {l.answer
                          ? `${l.answer === "confirmed" ? "disponibile" : "non disponibile"} (risposta del ${formatDateTime(l.answered_at!)})`
                          : "nessuna risposta dal collegamento"}
                      </div>
                    ))}
                    {r.state === "contacting" && !r.links.length ? (
                      <div className="small">Nessun recapito per il collegamento: telefona o incontra la persona.</div>
                    ) : null}
                    {r.outcome_reason ? (
                      <div className="small">
                        Motivo: {REASON_LABELS[r.outcome_reason as keyof typeof REASON_LABELS] ?? r.outcome_reason}
                      </div>
                    ) : null}
                    {r.feedback.map((f) => (
                      <div className="small" key={f.id}>
                        Riscontro azienda: {f.decision === "interview" ? interviewSummary(f) : DECISION_LABELS[f.decision]}
                        {f.reason ? ` — ${reasonText(f)}` : ""}
                        {f.decision === "not_selected"
                          ? f.share_with_candidate
                            ? " (motivo comunicato al candidato)"
                            : " (motivo non comunicato al candidato)"
                          : ""}
                      </div>
                    ))}
                  </td>
                  <td>
                    <MatchExplanation e={r.explanation} />
                    <details className="small mt-1">
                      <summary>Cronologia</summary>
                      <ul>
                        {r.history.map((h, i) => (
                          <li key={i}>
                            {formatDateTime(h.at)}: {CANDIDATE_STATE_LABELS[h.from_state]} → {CANDIDATE_STATE_LABELS[h.to_state]} (
                            {h.full_name ?? (h.actor_kind === "system" ? "sistema" : h.actor_kind)}){h.note ? ` — ${h.note}` : ""}
                          </li>
                        ))}
                        {r.attempts.map((a) => (
                          <li key={a.id}>
                            Contatto {CHANNEL_LABELS[a.channel]} del {formatDateTime(a.attempted_at)}: {CONTACT_OUTCOME_LABELS[a.outcome]}
                          </li>
                        ))}
                      </ul>
                    </details>
                  </td>
                  <td>
                    {events.map((e) => (
                      <Form method="post" key={e} className="mb-1">
                        <input type="hidden" name="intent" value="event" />
                        <input type="hidden" name="rowId" value={r.id} />
                        <input type="hidden" name="version" value={r.version} />
                        <button type="submit" name="event" value={e} className="btn btn-sm btn-outline-primary">
                          {EVENT_LABELS[e]}
                          <span className="visually-hidden"> ({name})</span>
                        </button>
                      </Form>
                    ))}
                    {canHire(r) ? (
                      <HireForm
                        rowId={r.id}
                        version={r.version}
                        name={name}
                        contractTypes={options.contractTypes}
                        fixedTermCodes={options.fixedTermCodes}
                        defaultComune={defaults.comune}
                        defaultReserved={defaults.reserved}
                        unilav={{
                          options: options.unilav,
                          defaults: { ...defaults.unilav, workerEducationLevel: r.unilavEducationLevel ?? "" },
                        }}
                        byOfficer
                        lastResult={replyTo("hire", r.id)}
                      />
                    ) : null}
                    {r.state === "contacting" ? (
                      <ContactForm rowId={r.id} version={r.version} name={name} lastResult={replyTo("contact", r.id)} />
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <HireList hires={hires} unilavHref={(id) => `/operatore/assunzioni/${id}`} unilavLabel="UNILAV e CO inviata" />

      <section className="mt-4" aria-labelledby="carenze">
        <h2 className="h4" id="carenze">
          Carenze e proposte all'azienda
        </h2>
        {proposals.length ? (
          <ul>
            {proposals.map((p) => (
              <li key={p.id}>
                {GAP_KIND_LABELS[p.kind]} per «{p.gap}»: {p.description} — <strong>{GAP_OUTCOME_LABELS[p.outcome]}</strong>
                <Form method="post" className="d-inline ms-2">
                  <input type="hidden" name="intent" value="gap_outcome" />
                  <input type="hidden" name="proposalId" value={p.id} />
                  <label className="visually-hidden" htmlFor={`o-${p.id}`}>
                    Esito della proposta
                  </label>
                  <select id={`o-${p.id}`} name="outcome" defaultValue={p.outcome} className="form-select form-select-sm d-inline w-auto">
                    {Object.entries(GAP_OUTCOME_LABELS).map(([k, l]) => (
                      <option key={k} value={k}>
                        {l}
                      </option>
                    ))}
                  </select>
                  <button type="submit" className="btn btn-sm btn-outline-primary ms-1">
                    Aggiorna
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        ) : (
          <p>Nessuna proposta.</p>
        )}
        <GapForm people={rows.map((r) => [r.id, `${r.first_name} ${r.last_name}`] as [string, string])} lastResult={replyTo("gap")} />
      </section>

      <section className="mt-4" aria-labelledby="verifica">
        <h2 className="h4" id="verifica">
          Verifica delle competenze e selezione (4D)
        </h2>
        {plan.steps.length ? (
          <div className="table-responsive" tabIndex={0}>
            <table className="table table-sm">
              <caption>Piano di verifica: esiti per candidato</caption>
              <thead>
                <tr>
                  <th scope="col">Passo</th>
                  {rows.map((r) => (
                    <th scope="col" key={r.id}>
                      {r.first_name} {r.last_name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {plan.steps.map((st) => (
                  <tr key={st.id}>
                    <th scope="row">
                      {st.position}. {STEP_KIND_LABELS[st.kind]}
                      {st.description ? ` — ${st.description}` : ""}
                      {st.employer_representative ? (
                        <div className="small">Referente dell'azienda: {st.employer_representative}</div>
                      ) : null}
                    </th>
                    {rows.map((r) => {
                      const res = plan.results.find((x) => x.step_id === st.id && x.shortlist_candidate_id === r.id);
                      return <td key={r.id}>{res ? `${STEP_DECISION_LABELS[res.decision]}: ${res.justification}` : "—"}</td>;
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>Nessun passo di verifica.</p>
        )}
        <div className="row">
          <StepForm lastResult={replyTo("step")} />
          {plan.steps.length ? (
            <ResultForm
              steps={plan.steps.map((st) => [st.id, `${st.position}. ${STEP_KIND_LABELS[st.kind]}`] as [string, string])}
              people={rows.map((r) => [r.id, `${r.first_name} ${r.last_name}`] as [string, string])}
              lastResult={replyTo("result")}
            />
          ) : null}
        </div>
      </section>

      <section className="mt-4" aria-labelledby="istantanea">
        <h2 className="h4" id="istantanea">
          La ricerca che ha prodotto questa rosa
        </h2>
        <p>
          Indice {shortlist.index_uid}, versione delle impostazioni {shortlist.settings_version}.{" "}
          {plural(snapshot.total, "candidato trovato", "candidati trovati")}.
          {snapshot.relaxed.length ? ` Requisiti rilassati: ${snapshot.relaxed.length}.` : ""}
        </p>
        <ul>
          {snapshot.conditions.map((c) => (
            <li key={c.label}>{c.label}</li>
          ))}
        </ul>
        <details>
          <summary>Filtro e ordinamento inviati al motore di ricerca</summary>
          <pre className="small text-wrap">{snapshot.filter}</pre>
          <p className="small">Ordinamento: {snapshot.sort.join(", ")}</p>
        </details>
        <div className="table-responsive" tabIndex={0}>
          <table className="table table-sm mt-2">
            <caption>Risultati al momento della creazione ({formatDate(shortlist.created_at)})</caption>
            <thead>
              <tr>
                <th scope="col">Posizione</th>
                <th scope="col">Candidato</th>
                <th scope="col">Comune</th>
                <th scope="col">Punteggio</th>
              </tr>
            </thead>
            <tbody>
              {results.map((x) => (
                <tr key={x.id}>
                  <td>{x.rank}</td>
                  <td>{x.name}</td>
                  <td>{x.comune}</td>
                  <td>{x.score}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}

/** Presenting the rosa, with the officer's time for the 4C row of the register. */
function PresentForm(props: {
  version: number;
  prefill: { minutes: number; modality: string; justification?: string | null };
  range: { min_minutes: number | null; max_minutes: number | null } | null;
  alreadyRecorded: boolean;
  availableCount: number;
  lastResult: FormResult | null;
}) {
  const [form, fields] = useSchemaForm(PresentSchema, { id: "rosa-present", lastResult: props.lastResult });
  return (
    <Form method="post" className="mb-4" {...getFormProps(form)}>
      <ErrorSummary form={form} />
      <input type="hidden" name="intent" value="present" />
      <input type="hidden" name="version" value={props.version} />
      <SpentTimeFields
        code="4C"
        prefill={props.prefill}
        range={props.range}
        fields={{ minutes: fields.minutes, modality: fields.modality, justification: fields.justification }}
      />
      {props.alreadyRecorded ? (
        <p className="small rosa-muted">
          La rosa è già nel registro: una nuova presentazione aggiorna la stessa riga 4C (indica la durata complessiva).
        </p>
      ) : null}
      <button type="submit" className="btn btn-primary" disabled={props.availableCount === 0}>
        Presenta all'azienda i candidati disponibili ({props.availableCount})
      </button>
    </Form>
  );
}

/** A contact attempt with one person (phone call, meeting…), and whether they agree to share their contacts. */
function ContactForm(props: { rowId: string; version: number; name: string; lastResult: FormResult | null }) {
  const [form, fields] = useSchemaForm(ContactAttemptSchema, {
    id: `contact-${props.rowId}`,
    lastResult: props.lastResult,
    defaultValue: { attemptedAt: new Date().toISOString().slice(0, 16) },
  });
  return (
    <details open={!!props.lastResult}>
      <summary>Registra un contatto con {props.name}</summary>
      <Form method="post" {...getFormProps(form)}>
        <ErrorSummary form={form} />
        <input type="hidden" name="intent" value="contact" />
        <input type="hidden" name="rowId" value={props.rowId} />
        <input type="hidden" name="version" value={props.version} />
        <SelectField field={fields.channel} label="Canale" options={CHANNEL_LABELS} />
        <TextField field={fields.attemptedAt} label="Data e ora" type="datetime-local" />
        <SelectField field={fields.outcome} label="Esito" options={CONTACT_OUTCOME_LABELS} />
        <CheckboxField field={fields.shareContacts} label="Acconsente a dare i recapiti all'azienda" />
        <TextField field={fields.note} label="Note" />
        <button type="submit" className="btn btn-sm btn-primary">
          Registra il contatto
        </button>
      </Form>
    </details>
  );
}

/** A gap the rosa shows (a skill the employer misses, a requirement few people meet) and what is proposed to the employer. */
function GapForm({ people, lastResult }: { people: [string, string][]; lastResult: FormResult | null }) {
  const [form, fields] = useSchemaForm(GapProposalSchema, { id: "rosa-gap", lastResult });
  return (
    <Form method="post" className="col-lg-8" {...getFormProps(form)}>
      <ErrorSummary form={form} />
      <input type="hidden" name="intent" value="gap" />
      <SelectField field={fields.rowId} label="Candidato (facoltativo)" options={[["", "Tutta la rosa"], ...people]} />
      <TextField
        field={fields.gap}
        label="Carenza"
        hint="Es. competenza mancante segnalata dall'azienda o requisito che trova pochi candidati"
      />
      <SelectField field={fields.kind} label="Proposta" options={GAP_KIND_LABELS} />
      <TextAreaField field={fields.description} label="Descrizione della proposta" />
      <button type="submit" className="btn btn-outline-primary">
        Registra la proposta
      </button>
    </Form>
  );
}

/** A new step of the vacancy's assessment plan (4D). */
function StepForm({ lastResult }: { lastResult: FormResult | null }) {
  const [form, fields] = useSchemaForm(AssessmentStepSchema, { id: "rosa-step", lastResult });
  return (
    <Form method="post" className="col-lg-6" {...getFormProps(form)}>
      <ErrorSummary form={form} />
      <input type="hidden" name="intent" value="step" />
      <SelectField field={fields.kind} label="Nuovo passo" options={STEP_KIND_LABELS} />
      <TextField field={fields.description} label="Descrizione del passo" />
      <TextField field={fields.representative} label="Referente dell'azienda presente" />
      <button type="submit" className="btn btn-outline-primary">
        Aggiungi il passo
      </button>
    </Form>
  );
}

/** One person's result at one step of the plan, with its justification. */
function ResultForm(props: { steps: [string, string][]; people: [string, string][]; lastResult: FormResult | null }) {
  const [form, fields] = useSchemaForm(AssessmentResultSchema, { id: "rosa-result", lastResult: props.lastResult });
  return (
    <Form method="post" className="col-lg-6" {...getFormProps(form)}>
      <ErrorSummary form={form} />
      <input type="hidden" name="intent" value="result" />
      <SelectField field={fields.stepId} label="Passo" options={props.steps} />
      <SelectField field={fields.rowId} label="Candidato" options={props.people} />
      <SelectField field={fields.decision} label="Esito" options={STEP_DECISION_LABELS} />
      <TextField field={fields.justification} label="Motivazione" />
      <button type="submit" className="btn btn-outline-primary">
        Registra l'esito
      </button>
    </Form>
  );
}
