import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Notice } from "~/components/forms";
import { PartySigningPanel } from "~/components/internship-party-signing";
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
import { ChooseTraineeSchema, InternshipMoveSchema, NEXT_STEPS, availableInternshipEvents } from "~/domain/internships";
import {
  ADDENDUM_STATES,
  chooseInternshipTrainee,
  getEmployerInternship,
  moveInternship,
  requestEditBlock,
} from "~/domain/internships/index.server";
import { todayInItaly } from "~/utils/dates";
import { plural } from "~/utils/plural";
import { formatDate, formatMoney } from "~/utils/format";
import { parseForm } from "~/web/conform";
import { replyDomainError, replyFormError, replyInvalid } from "~/web/conform.server";
import { redirectWithFlash } from "~/web/flash.server";
import { internshipIdFrom, requireInternshipEmployer } from "~/web/internship-guards.server";
import { partySigningData } from "~/web/internship-party-signing.server";
import { actorOf, notFound } from "~/web/session.server";

export const meta: MetaFunction = () => [{ title: "Tirocinio — Rosa" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, employerId, actor } = await requireInternshipEmployer(request, context);
  const id = internshipIdFrom(params);
  const found = await getEmployerInternship(getDb(), actorOf(user, context), employerId, id, todayInItaly());
  if (!found) throw notFound("Tirocinio non trovato");
  const i = found.internship;
  return {
    signing: await partySigningData({ ...actor, employerRole: user.employerRole }, id),
    signerName: user.fullName,
    internship: {
      id: i.id,
      number: i.number,
      title: i.title,
      state: i.state,
      version: i.version,
      region: i.region,
      activities: i.activities,
      weeklyHours: i.weekly_hours,
      dailyHours: i.daily_hours,
      plannedMonths: i.planned_months,
      startDate: i.start_date,
      endDate: i.end_date,
      monthlyIndemnityCents: i.monthly_indemnity_cents,
      hostTutorName: i.host_tutor_name,
      checkedAt: i.checked_at ? i.checked_at.toISOString() : null,
      stateReason: i.state_reason,
    },
    comune: found.comune,
    occupation: found.occupation,
    trainee: found.trainee,
    rosa: found.rosa,
    capacity: found.capacity,
    check: found.check as StoredCheck | null,
    timeline: found.timeline.map((t) => ({ ...t, at: t.at.toISOString() })),
    events: availableInternshipEvents(i.state, "employer"),
    editable: requestEditBlock(i.state) === null,
    addenda: ADDENDUM_STATES.includes(i.state),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor } = await requireInternshipEmployer(request, context);
  const id = internshipIdFrom(params);
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "choose") {
    const submission = parseForm(form, ChooseTraineeSchema);
    if (submission.status !== "success") return replyInvalid(submission);
    try {
      await withTransaction((trx) => chooseInternshipTrainee(trx, actor, id, submission.value, todayInItaly()));
    } catch (e) {
      return replyDomainError(e, submission);
    }
    return redirectWithFlash(`/azienda/tirocini/${id}`, {
      type: "success",
      message: "Tirocinante scelto: il Centro per l'Impiego prepara la convenzione e il progetto formativo.",
    });
  }
  if (intent === "cancel") {
    const submission = parseForm(form, InternshipMoveSchema);
    if (submission.status !== "success") return replyInvalid(submission);
    try {
      await withTransaction((trx) =>
        moveInternship(trx, actor, { internshipId: id, event: "cancel", version: submission.value.version, note: submission.value.note }),
      );
    } catch (e) {
      return replyDomainError(e, submission);
    }
    return redirectWithFlash(`/azienda/tirocini/${id}`, {
      type: "success",
      message: "Tirocinio annullato: il Centro per l'Impiego riceve l'avviso.",
    });
  }
  return replyFormError("Operazione non riconosciuta: ricarica la pagina e riprova.", 400);
}

export default function EmployerInternship() {
  const {
    internship: i,
    comune,
    occupation,
    trainee,
    rosa,
    capacity,
    check,
    timeline,
    events,
    signing,
    signerName,
    editable,
    addenda,
  } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = Object.values(result?.result?.error ?? {})
    .flat()
    .filter(Boolean) as string[];
  return (
    <div>
      <InternshipCaseHeader back={{ to: "/azienda/tirocini", label: "Tirocini" }} internship={i} errors={errors} />
      <Notice type="info">{NEXT_STEPS[i.state].employer}</Notice>
      {i.stateReason ? <p>Nota: {i.stateReason}</p> : null}
      <InternshipSectionLinks base={`/azienda/tirocini/${i.id}`} state={i.state} area="employer" />
      <PartySigningPanel
        data={signing}
        action={`/azienda/tirocini/${i.id}/firme`}
        pdfHrefs={{ convention: `/azienda/tirocini/${i.id}/convenzione/pdf`, pfi: `/azienda/tirocini/${i.id}/pfi/pdf` }}
        signerName={signerName}
      />
      {editable || addenda ? (
        <p>
          {editable ? (
            <Link to={`/azienda/tirocini/${i.id}/modifica`}>Modifica la richiesta</Link>
          ) : (
            <Link to={`/azienda/tirocini/${i.id}/integrazioni`}>Integrazioni al progetto formativo (proroga o modifica)</Link>
          )}
        </p>
      ) : null}
      <div className="row">
        <div className="col-lg-7">
          <h2 className="h4">Progetto</h2>
          <dl className="row">
            <dt className="col-sm-4">Professione</dt>
            <dd className="col-sm-8">{occupation}</dd>
            <dt className="col-sm-4">Sede</dt>
            <dd className="col-sm-8">{comune}</dd>
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
            <dt className="col-sm-4">Tutor aziendale</dt>
            <dd className="col-sm-8">{i.hostTutorName ?? "da indicare"}</dd>
            <dt className="col-sm-4">Tirocinante</dt>
            <dd className="col-sm-8">
              {trainee ? (
                <>
                  {trainee.name}
                  {trainee.email ? ` · ${trainee.email}` : ""}
                  {trainee.phone ? ` · ${trainee.phone}` : ""}
                </>
              ) : (
                "da scegliere"
              )}
            </dd>
          </dl>
          <h2 className="h4">Attività</h2>
          <p className="rosa-pre-wrap">{i.activities}</p>
          <h2 className="h4">Controlli delle regole</h2>
          <InternshipChecksPanel stored={check} region={i.region} checkedAt={i.checkedAt} />
        </div>
        <div className="col-lg-5">
          <h2 className="h4">Posti della sede</h2>
          <InternshipCapacityMeter capacity={capacity} />
          {events.includes("choose_candidate") && rosa.length ? (
            <>
              <h2 className="h4">Scegli il tirocinante</h2>
              <Form method="post">
                <input type="hidden" name="intent" value="choose" />
                <input type="hidden" name="version" value={i.version} />
                <fieldset>
                  <legend className="visually-hidden">Persone della rosa che hanno confermato la disponibilità</legend>
                  {rosa.map((r) => (
                    <div className="form-check" key={r.rowId}>
                      <input type="radio" id={`row-${r.rowId}`} name="shortlistCandidateId" value={r.rowId} disabled={!r.choosable} />
                      <label htmlFor={`row-${r.rowId}`}>
                        {r.name}
                        {r.reasons.length ? ` — ${r.reasons.join(" ")}` : ""}
                      </label>
                    </div>
                  ))}
                </fieldset>
                <button type="submit" className="btn btn-primary mt-2">
                  Scegli questa persona
                </button>
              </Form>
            </>
          ) : null}
          {events.includes("cancel") ? (
            <>
              <h2 className="h4 mt-4">Annulla</h2>
              <Form method="post">
                <input type="hidden" name="intent" value="cancel" />
                <input type="hidden" name="version" value={i.version} />
                <div className="form-group">
                  <label htmlFor="cancel-note">Motivo (facoltativo)</label>
                  <textarea id="cancel-note" name="note" className="form-control" rows={2} maxLength={2000} />
                </div>
                <button type="submit" className="btn btn-outline-danger">
                  Annulla il tirocinio
                </button>
              </Form>
            </>
          ) : null}
          <h2 className="h4 mt-4">Cronologia</h2>
          <InternshipTimeline steps={timeline} />
        </div>
      </div>
    </div>
  );
}
