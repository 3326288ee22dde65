import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { getFormProps } from "@conform-to/react";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CheckboxField, ErrorSummary, Notice, TextAreaField } from "~/components/forms";
import { HireList } from "~/components/hire-form";
import { hiresForPage } from "~/domain/shortlists/hire.server";
import { VacancyActions } from "~/components/vacancy-actions";
import { DiscriminationWarnings, VacancyFacts, VacancyStatusBadge } from "~/components/vacancy-view";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { recordAudit } from "~/domain/audit/commands.server";
import { EMPLOYER_STATUS_LABELS } from "~/domain/employers/states";
import { canSeeHealthData } from "~/domain/l68/index.server";
import { decideApplication, listVacancyApplications } from "~/domain/vacancies/applications.server";
import { toPublicVacancy } from "~/domain/vacancies/public-view";
import { getVacancy, vacancyVisible } from "~/domain/vacancies/queries.server";
import { DecideApplicationSchema } from "~/domain/vacancies/schema";
import { LIVE_STATUSES, VACANCY_OUTCOME_LABELS } from "~/domain/vacancies/states";
import { parseForm, useSchemaForm, type FormResult } from "~/web/conform";
import { replyDomainError, replyInvalid } from "~/web/conform.server";
import { redirectWithFlash } from "~/web/flash.server";
import { formatDateTime } from "~/utils/format";
import { respondToVacancyTransition } from "~/web/actions/vacancy-transition.server";
import { actorOf, notFound } from "~/web/session.server";
import { requireVacancyOfficer, vacancyIdFrom } from "~/web/guards.server";

export const meta: MetaFunction = () => [{ title: "Offerta di lavoro — Rosa" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, scope } = await requireVacancyOfficer(request);
  const db = getDb();
  const vacancy = await getVacancy(db, scope, vacancyIdFrom(params));
  // Drafts belong to the employer until they are sent.
  if (!vacancy || vacancy.status === "draft") throw notFound("Offerta non trovata");
  const [applications, hires] = await Promise.all([listVacancyApplications(db, vacancy.id), hiresForPage(db, { vacancyId: vacancy.id })]);
  if (hires.length) {
    await recordAudit(db, actorOf(user, context), {
      action: "hire.list_viewed",
      entityType: "vacancy",
      entityId: vacancy.id,
      employerId: vacancy.employer_id,
      details: { hireIds: hires.map((h) => h.id) },
    });
  }
  if (applications.length) {
    // Names of people who applied are personal data: every view is logged.
    await recordAudit(db, actorOf(user, context), {
      action: "application.list_viewed",
      entityType: "vacancy",
      entityId: vacancy.id,
      employerId: vacancy.employer_id,
      details: { candidateIds: applications.map((a) => a.candidate_id) },
    });
  }
  // A reserved art. 1 vacancy: the placement officer matches it with the province's list (health data: placement only).
  const elencoMatch = vacancy.l68_reserved === "art1" && canSeeHealthData(user);
  return { vacancy, view: { ...toPublicVacancy(vacancy), employerName: vacancy.employer_name }, applications, hires, elencoMatch };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, scope } = await requireVacancyOfficer(request);
  const vacancyId = vacancyIdFrom(params);
  if (!(await vacancyVisible(getDb(), scope, vacancyId))) throw notFound("Offerta non trovata");
  const formData = await request.formData();
  if (formData.get("intent") === "application") {
    const decided = parseForm(formData, DecideApplicationSchema);
    if (decided.status !== "success") return replyInvalid(decided);
    const d = decided.value;
    try {
      await withTransaction((trx) =>
        decideApplication(trx, actorOf(user, context), {
          vacancyId,
          applicationId: d.applicationId,
          version: d.version,
          decision: d.decision,
          reason: d.reason,
          checks: { requirements: d.checkRequirements, cvCurrent: d.checkCvCurrent, consent: d.checkConsent },
        }),
      );
    } catch (e) {
      return replyDomainError(e, decided);
    }
    const message =
      d.decision === "accept" ? "Candidatura accettata nella rosa dell'offerta." : "Candidatura rifiutata: la persona vedrà il motivo.";
    return redirectWithFlash(`/operatore/offerte/${vacancyId}`, { type: "success", message });
  }
  return respondToVacancyTransition(formData, actorOf(user, context), scope, vacancyId, `/operatore/offerte/${vacancyId}`);
}

export default function OfficerVacancyPage() {
  const { vacancy, view, applications, hires, elencoMatch } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const forApplication = result?.result.initialValue?.intent === "application";
  return (
    <div className="col-lg-10">
      <p>
        <Link to="/operatore/offerte">← Offerte di lavoro</Link>
      </p>
      <h1>
        {vacancy.title} <VacancyStatusBadge status={vacancy.status} />
      </h1>
      <p className="rosa-muted">
        Offerta n. {vacancy.number} di <Link to={`/operatore/aziende/${vacancy.employer_id}`}>{vacancy.employer_name}</Link> (azienda{" "}
        {EMPLOYER_STATUS_LABELS[vacancy.employer_status].toLowerCase()})
        {vacancy.submitted_at ? ` · inviata il ${formatDateTime(vacancy.submitted_at)}` : ""}
        {vacancy.validator_name ? ` · convalidata da ${vacancy.validator_name}` : ""}
      </p>
      {vacancy.status === "closed" ? (
        <Notice type="info">
          Chiusa il {formatDateTime(vacancy.closed_at!)}
          {vacancy.closed_by_expiry ? " alla scadenza" : ""}
          {vacancy.outcome ? ` — ${VACANCY_OUTCOME_LABELS[vacancy.outcome]}` : ""}.
        </Notice>
      ) : null}
      <DiscriminationWarnings findings={vacancy.discrimination_flags} />
      <p className="d-flex gap-3 flex-wrap">
        {["validated", "published", "in_preselection"].includes(vacancy.status) ? (
          <Link to={`/operatore/preselezione/${vacancy.id}`} className="btn btn-primary">
            Abbinamento con i candidati (preselezione)
          </Link>
        ) : null}
        {elencoMatch ? (
          <Link to={`/operatore/collocamento-mirato/abbinamento/offerta/${vacancy.id}`} className="btn btn-outline-primary">
            Abbinamento con l'elenco del collocamento mirato
          </Link>
        ) : null}
        <Link to={`/operatore/rose?offerta=${vacancy.id}`}>Rose di questa offerta</Link>
        {LIVE_STATUSES.includes(vacancy.status) && vacancy.publication_mode !== "internal" ? (
          <Link to={`/offerte/${vacancy.id}`}>Vedi la pagina pubblica</Link>
        ) : null}
        <a href={`/operatore/offerte/${vacancy.id}/bcnl`} download={`offerta-${vacancy.number}-bcnl.xml`}>
          Esporta nel formato ClicLavoro/BCNL (XML)
        </a>
      </p>
      <VacancyFacts v={view} showInternal />
      <VacancyActions
        status={vacancy.status}
        by="officer"
        version={vacancy.version}
        publicationMode={vacancy.publication_mode}
        result={result && !forApplication ? result.result : null}
      />
      <HireList hires={hires} unilavHref={(id) => `/operatore/assunzioni/${id}`} unilavLabel="UNILAV e CO inviata" />
      <section className="mt-4" aria-labelledby="autocandidature">
        <h2 id="autocandidature" className="h4">
          Autocandidature ({applications.length})
        </h2>
        {applications.length ? null : <p>Nessuna autocandidatura.</p>}
        {applications.map((a) => (
          <article key={a.id} className="card card-bg mb-3">
            <div className="card-body">
              <h3 className="h5">
                <Link to={`/operatore/candidati/${a.candidate_id}`}>
                  {a.first_name} {a.last_name}
                </Link>{" "}
                — {a.status === "submitted" ? "da verificare" : a.status === "accepted" ? "accettata nella rosa" : "rifiutata"}
              </h3>
              <p className="mb-1">
                Inviata il {formatDateTime(a.created_at)} · CV {a.cvObsolete ? "non aggiornato da oltre sei mesi" : "aggiornato"} ·{" "}
                {a.consent_visible ? "consenso alla visibilità dato" : "consenso alla visibilità non dato"}
              </p>
              {a.message ? <p className="mb-1">Messaggio: {a.message}</p> : null}
              {a.decline_reason ? <p className="mb-1">Motivo: {a.decline_reason}</p> : null}
              {a.status === "submitted" ? (
                <ApplicationDecision
                  application={a}
                  lastResult={forApplication && result?.result.initialValue?.applicationId === a.id ? result.result : null}
                />
              ) : null}
            </div>
          </article>
        ))}
      </section>
    </div>
  );
}

const CHECKS = [
  ["checkRequirements", "Ha i requisiti indispensabili"],
  ["checkCvCurrent", "Il CV è aggiornato"],
  ["checkConsent", "Ha dato il consenso a essere proposto alle aziende"],
] as const;

/** The officer's check of one application: a form of its own, with the reply of the action when it answers this one. */
function ApplicationDecision({
  application: a,
  lastResult,
}: {
  application: { id: string; version: number };
  lastResult: FormResult | null;
}) {
  const [form, fields] = useSchemaForm(DecideApplicationSchema, { id: `application-${a.id}`, lastResult });
  return (
    <Form method="post" {...getFormProps(form)}>
      <ErrorSummary form={form} />
      <input type="hidden" name="intent" value="application" />
      <input type="hidden" name="applicationId" value={a.id} />
      <input type="hidden" name="version" value={a.version} />
      <fieldset>
        <legend className="h6">Verifica</legend>
        {CHECKS.map(([name, label]) => (
          <CheckboxField key={name} field={fields[name]} label={label} />
        ))}
      </fieldset>
      <TextAreaField field={fields.reason} label="Motivo del rifiuto (la persona lo vedrà)" rows={2} />
      <div className="d-flex gap-3">
        <button type="submit" name="decision" value="accept" className="btn btn-success">
          Accetta nella rosa
        </button>
        <button type="submit" name="decision" value="decline" className="btn btn-outline-danger">
          Rifiuta
        </button>
      </div>
    </Form>
  );
}
