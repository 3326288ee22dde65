import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { getFormProps } from "@conform-to/react";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, SelectField, TextField } from "~/components/forms";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { recordAudit } from "~/domain/audit/index.server";
import {
  FOLLOWUP_CHANNEL_LABELS,
  FOLLOWUP_STATUS_LABELS,
  FollowupSchema,
  OUTCOME_EVENT_LABELS,
  OUTCOME_SOURCE_LABELS,
  OUTCOME_STATE_LABELS,
  OUTCOME_TRANSITIONS,
  OUTCOME_TYPE_LABELS,
  OutcomeMoveSchema,
  RecordOutcomeSchema,
  type OutcomeEvent,
  type OutcomeState,
} from "~/domain/outplacement";
import { contractTypeLabel, currentContractTypeOptions, ENGAGEMENT_LABELS } from "~/domain/reference";
import { memberOutcomesPage, moveOutcome, recordFollowup, recordOutcome } from "~/domain/outplacement/index.server";
import { todayInItaly } from "~/utils/dates";
import { formatDate, formatNumber } from "~/utils/format";
import { parseForm, useSchemaForm } from "~/web/conform";
import { replyDomainError, replyInvalid } from "~/web/conform.server";
import { redirectWithFlash } from "~/web/flash.server";
import { requireOutcomeOfficer, uuidParam } from "~/web/outplacement-results.server";
import { actorOf, notFound } from "~/web/session.server";
import { plural } from "~/utils/plural";

export const meta: MetaFunction = () => [{ title: "Esiti del lavoratore — Rosa" }];

async function memberFor(request: Request, params: Record<string, string | undefined>) {
  const { user, event } = await requireOutcomeOfficer(request, params);
  const memberId = uuidParam(params, "memberId", "Lavoratore non trovato");
  const page = await memberOutcomesPage(getDb(), event.id, memberId, todayInItaly());
  if (!page) throw notFound("Lavoratore non trovato");
  return { user, event, page };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, event, page } = await memberFor(request, params);
  await recordAudit(getDb(), actorOf(user, context), {
    action: "outplacement.outcomes_view",
    entityType: "outplacement_member",
    entityId: page.member.id,
    employerId: event.employer_id,
    details: { eventId: event.id },
  });
  return { event, ...page, today: todayInItaly(), contractTypes: currentContractTypeOptions(todayInItaly()) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, event, page } = await memberFor(request, params);
  const formData = await request.formData();
  const intent = formData.get("intent");
  const actor = actorOf(user, context);
  const back = `/operatore/ricollocazione/${event.id}/lavoratori/${page.member.id}/esiti`;
  if (intent === "followup") {
    const submission = parseForm(formData, FollowupSchema);
    if (submission.status !== "success") return replyInvalid(submission);
    try {
      await withTransaction((trx) => recordFollowup(trx, actor, event.id, page.member.id, submission.value));
    } catch (e) {
      return replyDomainError(e, submission);
    }
    return redirectWithFlash(back, {
      type: "success",
      message: `Verifica a ${plural(submission.value.months, "mese", "mesi")} registrata.`,
    });
  }
  if (intent === "move") {
    const submission = parseForm(formData, OutcomeMoveSchema);
    if (submission.status !== "success") return replyInvalid(submission);
    try {
      await withTransaction((trx) => moveOutcome(trx, actor, event.id, page.member.id, submission.value));
    } catch (e) {
      return replyDomainError(e, submission);
    }
    return redirectWithFlash(back, {
      type: "success",
      message: `Esito aggiornato: ${OUTCOME_EVENT_LABELS[submission.value.event].toLowerCase()}.`,
    });
  }
  const submission = parseForm(formData, RecordOutcomeSchema);
  if (submission.status !== "success") return replyInvalid(submission);
  try {
    await withTransaction((trx) => recordOutcome(trx, actor, event.id, page.member.id, submission.value));
  } catch (e) {
    return replyDomainError(e, submission);
  }
  return redirectWithFlash(back, {
    type: "success",
    message: "Esito registrato: conta negli indicatori del cruscotto (nei tassi quando è verificato sulla comunicazione obbligatoria).",
  });
}

const SOURCE_OPTIONS = Object.entries(OUTCOME_SOURCE_LABELS) as [string, string][];

export default function MemberOutcomes() {
  const { event, member, outcomes, checkpoints, followups, today, contractTypes } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(RecordOutcomeSchema, {
    id: "outcome",
    lastResult: result?.result,
    defaultValue: { startOn: today, source: "SELF_DECLARED", engagement: "direct" },
  });
  const [fForm, fFields] = useSchemaForm(FollowupSchema, { id: "followup", defaultValue: { doneOn: today, channel: "co" } });
  return (
    <div>
      <p>
        <Link to={`/operatore/ricollocazione/${event.id}/lavoratori/${member.id}`}>← Scheda del lavoratore</Link>
      </p>
      <h1>
        Esiti e verifiche: {member.first_name} {member.last_name}
      </h1>
      <p className="lead">{event.title}</p>
      <p>
        Data di riferimento (t0): {member.t0 ? formatDate(member.t0) : "non ancora nota (serve la data di cessazione o dell'accordo)"}
        {member.site ? ` · Sede: ${member.site}` : ""}
        {member.qualification ? ` · Qualifica: ${member.qualification}` : ""}
      </p>

      <h2>Esiti</h2>
      {outcomes.length ? (
        <div className="table-responsive" tabIndex={0}>
          <table className="table">
            <caption>Esiti del lavoratore, dal più recente</caption>
            <thead>
              <tr>
                <th scope="col">Esito</th>
                <th scope="col">Dal</th>
                <th scope="col">Al</th>
                <th scope="col">Contratto</th>
                <th scope="col">Fonte</th>
                <th scope="col">Stato</th>
                <th scope="col">Operazioni</th>
              </tr>
            </thead>
            <tbody>
              {outcomes.map((o) => (
                <tr key={o.id}>
                  <th scope="row">{OUTCOME_TYPE_LABELS[o.type]}</th>
                  <td>{formatDate(o.start_on)}</td>
                  <td>{o.end_on ? formatDate(o.end_on) : "—"}</td>
                  <td>
                    {[
                      o.engagement === "agency" ? "Somministrazione tramite agenzia" : null,
                      o.engagement === "self_employed" ? "Lavoro autonomo" : null,
                      o.contract_type ? `${contractTypeLabel(o.contract_type)} (${o.contract_type})` : null,
                      o.weekly_hours ? `${formatNumber(o.weekly_hours)} h/sett.` : null,
                      o.employer_name,
                      o.co_code ? `CO ${o.co_code}` : null,
                    ]
                      .filter(Boolean)
                      .join(" · ") || "—"}
                  </td>
                  <td>{OUTCOME_SOURCE_LABELS[o.source]}</td>
                  <td>
                    {OUTCOME_STATE_LABELS[o.state]}
                    {o.verified_on ? ` il ${formatDate(o.verified_on)}` : ""}
                  </td>
                  <td>
                    {(Object.keys(OUTCOME_TRANSITIONS[o.state as OutcomeState]) as OutcomeEvent[]).map((ev) => (
                      <Form method="post" key={ev} className="mb-2">
                        <input type="hidden" name="intent" value="move" />
                        <input type="hidden" name="outcomeId" value={o.id} />
                        <input type="hidden" name="event" value={ev} />
                        <input type="hidden" name="version" value={o.version} />
                        <input type="hidden" name="on" value={today} />
                        {ev === "verify" && !o.co_code ? (
                          <label className="d-block">
                            Codice CO
                            <input name="coCode" className="form-control" required />
                          </label>
                        ) : null}
                        <button type="submit" className="btn btn-outline-primary btn-sm">
                          {OUTCOME_EVENT_LABELS[ev]}
                        </button>
                      </Form>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>Nessun esito registrato: il lavoratore risulta ancora in cerca.</p>
      )}

      <h2>Registra un esito</h2>
      <Form method="post" {...getFormProps(form)} className="col-lg-8">
        <ErrorSummary form={form} />
        <input type="hidden" name="intent" value="outcome" />
        <SelectField
          field={fields.type}
          label="Esito"
          options={Object.entries(OUTCOME_TYPE_LABELS) as [string, string][]}
          placeholder="Scegli…"
          required
        />
        <div className="row">
          <div className="col-md-6">
            <TextField field={fields.startOn} label="Dal" type="date" required />
          </div>
          <div className="col-md-6">
            <TextField field={fields.endOn} label="Al (contratti a termine)" type="date" />
          </div>
        </div>
        <div className="row">
          <div className="col-md-6">
            <SelectField field={fields.engagement} label="Forma di impiego" options={ENGAGEMENT_LABELS} />
          </div>
          <div className="col-md-6">
            <SelectField
              field={fields.contractType}
              label="Tipologia contrattuale (codici CO in vigore)"
              placeholder="Nessuna (lavoro autonomo) o non nota"
              options={contractTypes}
            />
          </div>
        </div>
        <div className="row">
          <div className="col-md-6">
            <TextField field={fields.weeklyHours} label="Ore settimanali" inputMode="numeric" />
          </div>
        </div>
        <div className="row">
          <div className="col-md-6">
            <TextField field={fields.cpCode} label="Qualifica (codice CP2021)" />
          </div>
          <div className="col-md-6">
            <TextField field={fields.coCode} label="Codice della comunicazione obbligatoria" />
          </div>
        </div>
        <div className="row">
          <div className="col-md-6">
            <TextField field={fields.employerName} label="Datore di lavoro" />
          </div>
          <div className="col-md-6">
            <TextField field={fields.employerTaxCode} label="Codice fiscale del datore di lavoro" />
          </div>
        </div>
        <SelectField field={fields.source} label="Fonte" options={SOURCE_OPTIONS} required />
        <button type="submit" className="btn btn-primary">
          Registra l'esito
        </button>
      </Form>

      <h2 className="mt-4">Verifiche a 3, 6 e 12 mesi</h2>
      <ul>
        {checkpoints.map((c) => {
          const f = followups.find((x) => x.months === c.months);
          return (
            <li key={c.months}>
              A {plural(c.months, "mese", "mesi")} (il {formatDate(c.dueOn)}): {FOLLOWUP_STATUS_LABELS[c.status].toLowerCase()}
              {f ? ` il ${formatDate(f.done_on)} (${FOLLOWUP_CHANNEL_LABELS[f.channel]}; ${f.employed ? "lavora" : "non lavora"})` : ""}
            </li>
          );
        })}
      </ul>
      {checkpoints.some((c) => c.status !== "done") ? (
        <Form method="post" {...getFormProps(fForm)} className="col-lg-8">
          <ErrorSummary form={fForm} />
          <input type="hidden" name="intent" value="followup" />
          <SelectField
            field={fFields.months}
            label="Verifica"
            options={checkpoints
              .filter((c) => c.status !== "done")
              .map((c) => [String(c.months), `A ${plural(c.months, "mese", "mesi")}`] as [string, string])}
            required
          />
          <TextField field={fFields.doneOn} label="Fatta il" type="date" required />
          <SelectField field={fFields.channel} label="Come" options={FOLLOWUP_CHANNEL_LABELS} required />
          <SelectField
            field={fFields.employed}
            label="Alla verifica il lavoratore lavora?"
            options={[
              ["yes", "Sì"],
              ["no", "No"],
            ]}
            placeholder="Scegli…"
            required
          />
          <TextField field={fFields.satisfaction} label="Soddisfazione (da 1 a 5, facoltativa)" inputMode="numeric" />
          <button type="submit" className="btn btn-primary">
            Registra la verifica
          </button>
        </Form>
      ) : null}
    </div>
  );
}
