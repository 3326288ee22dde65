import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Notice } from "~/components/forms";
import {
  InternshipCapacityMeter,
  InternshipChecksPanel,
  InternshipTimeline,
  hoursPhrase,
  type StoredCheck,
  InternshipSectionLinks,
  InternshipCaseHeader,
} from "~/components/internship-views";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import {
  ChooseTraineeSchema,
  INTERNSHIP_EVENT_LABELS,
  InternshipMoveSchema,
  NEXT_STEPS,
  availableInternshipEvents,
  isInternshipEvent,
} from "~/domain/internships";
import { InternshipEssentials } from "~/components/internship-essentials";
import {
  PLAIN_EVENTS,
  caseEssentials,
  requestEditBlock,
  chooseInternshipTrainee,
  getInternshipCase,
  moveInternship,
  startInternshipScouting,
} from "~/domain/internships/index.server";
import { todayInItaly } from "~/utils/dates";
import { plural } from "~/utils/plural";
import { formatDate, formatMoney } from "~/utils/format";
import { parseForm } from "~/web/conform";
import { replyDomainError, replyFormError, replyInvalid } from "~/web/conform.server";
import { redirectWithFlash } from "~/web/flash.server";
import { internshipIdFrom, requireInternshipOfficer } from "~/web/internship-guards.server";
import { actorOf, notFound } from "~/web/session.server";

export const meta: MetaFunction = () => [{ title: "Tirocinio — Rosa" }];

const DONE: Record<string, string> = {
  start_scouting: "Ricerca avviata: cerca i candidati nell'abbinamento e prepara la rosa.",
  choose_candidate: "Tirocinante scelto: ora avvia il progetto formativo.",
  open_drafting: "Progetto formativo avviato: compila i dati; a ogni salvataggio Rosa controlla le regole.",
  cancel: "Tirocinio annullato.",
  reject: "Richiesta respinta: l'azienda vede il motivo nella sua pagina.",
};

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, actor } = await requireInternshipOfficer(request, context);
  const id = internshipIdFrom(params);
  const found = await getInternshipCase(getDb(), actorOf(user, context), id, todayInItaly());
  if (!found) throw notFound("Tirocinio non trovato");
  const i = found.internship;
  return {
    essentials: await caseEssentials(getDb(), actor, i, todayInItaly()),
    editable: requestEditBlock(i.state) === null,
    internship: {
      id: i.id,
      number: i.number,
      title: i.title,
      state: i.state,
      version: i.version,
      region: i.region,
      source: i.source,
      vacancyId: i.vacancy_id,
      activities: i.activities,
      weeklyHours: i.weekly_hours,
      dailyHours: i.daily_hours,
      plannedMonths: i.planned_months,
      startDate: i.start_date,
      endDate: i.end_date,
      monthlyIndemnityCents: i.monthly_indemnity_cents,
      hostTutorName: i.host_tutor_name,
      hostTutorEmail: i.host_tutor_email,
      hostTutorRole: i.host_tutor_role,
      checkedAt: i.checked_at ? i.checked_at.toISOString() : null,
      stateReason: i.state_reason,
    },
    employerName: found.employerName,
    employerTaxCode: found.employerTaxCode,
    comune: found.comune,
    occupation: found.occupation,
    trainee: found.trainee,
    promoterTutor: found.promoterTutor,
    rosa: found.rosa,
    capacity: found.capacity,
    check: found.check as StoredCheck | null,
    timeline: found.timeline.map((t) => ({ ...t, at: t.at.toISOString() })),
    events: availableInternshipEvents(i.state, "officer"),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor } = await requireInternshipOfficer(request, context);
  const id = internshipIdFrom(params);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const today = todayInItaly();
  if (intent === "choose_candidate") {
    const submission = parseForm(form, ChooseTraineeSchema);
    if (submission.status !== "success") return replyInvalid(submission);
    try {
      await withTransaction((trx) => chooseInternshipTrainee(trx, actor, id, submission.value, today));
    } catch (e) {
      return replyDomainError(e, submission);
    }
    return redirectWithFlash(`/operatore/tirocini/${id}`, { type: "success", message: DONE.choose_candidate });
  }
  if (intent === "start_scouting" || (isInternshipEvent(intent) && PLAIN_EVENTS.includes(intent))) {
    const submission = parseForm(form, InternshipMoveSchema);
    if (submission.status !== "success") return replyInvalid(submission);
    try {
      await withTransaction((trx) =>
        intent === "start_scouting"
          ? startInternshipScouting(trx, actor, id, submission.value.version, today)
          : moveInternship(trx, actor, {
              internshipId: id,
              event: intent as never,
              version: submission.value.version,
              note: submission.value.note,
            }),
      );
    } catch (e) {
      return replyDomainError(e, submission);
    }
    return redirectWithFlash(`/operatore/tirocini/${id}`, { type: "success", message: DONE[intent] });
  }
  return replyFormError("Operazione non riconosciuta: ricarica la pagina e riprova.", 400);
}

export default function InternshipCase() {
  const data = useLoaderData<typeof loader>();
  const { internship: i, trainee, rosa, capacity, check, timeline, events } = data;
  const result = useActionData<typeof action>();
  const errors = Object.values(result?.result?.error ?? {})
    .flat()
    .filter(Boolean) as string[];
  const plain = events.filter((e) => e === "open_drafting" || e === "cancel");
  return (
    <div>
      <InternshipCaseHeader back={{ to: "/operatore/tirocini", label: "Tirocini da seguire" }} internship={i} errors={errors} />
      <Notice type="info">Prossimo passo: {NEXT_STEPS[i.state].officer}</Notice>
      {i.stateReason ? <p>Nota dell'ultimo passaggio: {i.stateReason}</p> : null}
      {i.source === "officer" ? <p className="small">Richiesta inserita dal Centro per l'Impiego per conto dell'azienda.</p> : null}
      <InternshipSectionLinks base={`/operatore/tirocini/${i.id}`} state={i.state} area="officer" />
      {data.editable ? (
        <p>
          <Link to={`/operatore/tirocini/${i.id}/modifica`}>Modifica la richiesta</Link>
        </p>
      ) : null}
      <InternshipEssentials data={data.essentials} base={`/operatore/tirocini/${i.id}`} state={i.state} />
      <div className="row">
        <div className="col-lg-7">
          <h2 className="h4">Parti</h2>
          <dl className="row">
            <dt className="col-sm-4">Soggetto ospitante</dt>
            <dd className="col-sm-8">
              {data.employerName} (C.F. {data.employerTaxCode})
            </dd>
            <dt className="col-sm-4">Tutor aziendale</dt>
            <dd className="col-sm-8">
              {i.hostTutorName
                ? `${i.hostTutorName}${i.hostTutorRole ? `, ${i.hostTutorRole}` : ""}${i.hostTutorEmail ? ` · ${i.hostTutorEmail}` : ""}`
                : "da indicare"}
            </dd>
            <dt className="col-sm-4">Tutor del promotore</dt>
            <dd className="col-sm-8">{data.promoterTutor ?? "da nominare"}</dd>
            <dt className="col-sm-4">Tirocinante</dt>
            <dd className="col-sm-8">
              {trainee ? (
                <>
                  <Link to={`/operatore/candidati/${trainee.id}`}>{trainee.name}</Link>
                  {trainee.email ? ` · ${trainee.email}` : ""}
                  {trainee.phone ? ` · ${trainee.phone}` : ""}
                </>
              ) : (
                "da scegliere"
              )}
            </dd>
          </dl>
          <h2 className="h4">Progetto</h2>
          <dl className="row">
            <dt className="col-sm-4">Professione</dt>
            <dd className="col-sm-8">{data.occupation}</dd>
            <dt className="col-sm-4">Sede</dt>
            <dd className="col-sm-8">{data.comune}</dd>
            <dt className="col-sm-4">Orario</dt>
            <dd className="col-sm-8">{hoursPhrase(i.weeklyHours, i.dailyHours)}</dd>
            <dt className="col-sm-4">Durata prevista</dt>
            <dd className="col-sm-8">{plural(Number(i.plannedMonths), "mese", "mesi")}</dd>
            <dt className="col-sm-4">Periodo</dt>
            <dd className="col-sm-8">
              {i.startDate ? `dal ${formatDate(i.startDate)}${i.endDate ? ` al ${formatDate(i.endDate)}` : ""}` : "da definire"}
            </dd>
            <dt className="col-sm-4">Indennità mensile</dt>
            <dd className="col-sm-8">{formatMoney(i.monthlyIndemnityCents / 100)}</dd>
          </dl>
          <h3 className="h5">Attività</h3>
          <p className="rosa-pre-wrap">{i.activities}</p>
          <h2 className="h4">Controlli delle regole</h2>
          <InternshipChecksPanel stored={check} region={i.region} checkedAt={i.checkedAt} />
        </div>
        <div className="col-lg-5">
          <h2 className="h4">Posti della sede</h2>
          <InternshipCapacityMeter capacity={capacity} />
          <h2 className="h4 mt-4">Azioni</h2>
          {events.includes("start_scouting") ? (
            <Form method="post" className="mb-3">
              <input type="hidden" name="intent" value="start_scouting" />
              <input type="hidden" name="version" value={i.version} />
              <button type="submit" className="btn btn-primary">
                {INTERNSHIP_EVENT_LABELS.start_scouting}
              </button>
            </Form>
          ) : null}
          {i.vacancyId && i.state === "scouting" ? (
            <p>
              <Link to={`/operatore/preselezione/${i.vacancyId}`}>Cerca i candidati nell'abbinamento e prepara la rosa</Link>
            </p>
          ) : null}
          {events.includes("choose_candidate") ? (
            <Form method="post" className="mb-3">
              <input type="hidden" name="intent" value="choose_candidate" />
              <input type="hidden" name="version" value={i.version} />
              <fieldset>
                <legend className="h5">Scegli il tirocinante</legend>
                {rosa.length ? (
                  rosa.map((r) => (
                    <div className="form-check" key={r.rowId}>
                      <input type="radio" id={`row-${r.rowId}`} name="shortlistCandidateId" value={r.rowId} disabled={!r.choosable} />
                      <label htmlFor={`row-${r.rowId}`}>
                        {r.name}
                        {r.reasons.length ? ` — ${r.reasons.join(" ")}` : ""}
                      </label>
                    </div>
                  ))
                ) : (
                  <p className="small">Nessuna rosa ancora: puoi indicare una persona iscritta.</p>
                )}
                <p className="small mb-1">Oppure una persona indicata dall'azienda:</p>
                <div className="form-group">
                  <label htmlFor="choose-tax-code">Codice fiscale</label>
                  <input id="choose-tax-code" name="traineeTaxCode" className="form-control" autoComplete="off" />
                </div>
                <div className="form-group">
                  <label htmlFor="choose-last-name">Cognome</label>
                  <input id="choose-last-name" name="traineeLastName" className="form-control" autoComplete="off" />
                </div>
              </fieldset>
              <button type="submit" className="btn btn-primary">
                {INTERNSHIP_EVENT_LABELS.choose_candidate}
              </button>
            </Form>
          ) : null}
          {plain.map((e) => (
            <Form method="post" className="mb-3" key={e}>
              <input type="hidden" name="intent" value={e} />
              <input type="hidden" name="version" value={i.version} />
              <button type="submit" className={e === "cancel" ? "btn btn-outline-danger" : "btn btn-primary"}>
                {INTERNSHIP_EVENT_LABELS[e]}
              </button>
            </Form>
          ))}
          {events.includes("reject") ? (
            <Form method="post" className="mb-3">
              <input type="hidden" name="intent" value="reject" />
              <input type="hidden" name="version" value={i.version} />
              <div className="form-group">
                <label htmlFor="reject-note">Motivo del rifiuto</label>
                <textarea id="reject-note" name="note" className="form-control" rows={2} maxLength={2000} required />
              </div>
              <button type="submit" className="btn btn-outline-danger">
                {INTERNSHIP_EVENT_LABELS.reject}
              </button>
            </Form>
          ) : null}
          <h2 className="h4 mt-4">Cronologia</h2>
          <InternshipTimeline steps={timeline} />
        </div>
      </div>
    </div>
  );
}
