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
import { ChooseCp2011Schema, DecideApplicationSchema } from "~/domain/vacancies/schema";
import { bcnlStatus, chooseVacancyCp2011 } from "~/domain/vacancies/index.server";
import { CP2011_CERTAINTY_LABELS } from "~/domain/reference/index.server";
import { SelectField } from "~/components/forms";
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
  return {
    vacancy,
    view: { ...toPublicVacancy(vacancy), employerName: vacancy.employer_name },
    applications,
    hires,
    elencoMatch,
    cliclavoro: await clicLavoroView(vacancy),
  };
}

/** The «Invio a ClicLavoro» section: the CP2011 qualification, whether the next message can be offered, what was offered. */
async function clicLavoroView(vacancy: NonNullable<Awaited<ReturnType<typeof getVacancy>>>) {
  const status = await bcnlStatus(getDb(), vacancy);
  const href = { cp2011: "#cp2011", employer: `/operatore/aziende/${vacancy.employer_id}`, vacancy: "#dati-offerta" } as const;
  const linkText = { cp2011: "Scegli la qualifica", employer: "Dati dell'azienda", vacancy: "Dati dell'offerta" } as const;
  return {
    ready: status.next.ok ? status.next.next.kind : null,
    isNew: status.next.ok ? status.next.next.isNew : false,
    refused: status.next.ok ? null : status.next.refused,
    problems: status.next.ok ? [] : status.next.problems.map((p) => ({ message: p.message, href: href[p.fix], linkText: linkText[p.fix] })),
    messages: status.messages.map((m) => ({ revision: m.revision, kind: m.kind, code: m.code, createdAt: m.created_at })),
    cp2011: status.cp2011,
    chosen: vacancy.cp2011_code,
    mapping: status.mapping
      ? {
          certainty: status.mapping.certainty,
          certaintyLabel: CP2011_CERTAINTY_LABELS[status.mapping.certainty],
          suggested: status.mapping.suggested,
          candidates: status.mapping.candidates.map((c) => [c.code, c.label] as [string, string]),
        }
      : null,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, scope } = await requireVacancyOfficer(request);
  const vacancyId = vacancyIdFrom(params);
  if (!(await vacancyVisible(getDb(), scope, vacancyId))) throw notFound("Offerta non trovata");
  const formData = await request.formData();
  if (formData.get("intent") === "cp2011") {
    const chosen = parseForm(formData, ChooseCp2011Schema);
    if (chosen.status !== "success") return replyInvalid(chosen);
    try {
      await withTransaction((trx) => chooseVacancyCp2011(trx, actorOf(user, context), scope, vacancyId, chosen.value.cp2011));
    } catch (e) {
      return replyDomainError(e, chosen);
    }
    return redirectWithFlash(`/operatore/offerte/${vacancyId}#cliclavoro`, {
      type: "success",
      message: `Qualifica CP2011 ${chosen.value.cp2011} registrata: è quella che va a ClicLavoro.`,
    });
  }
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
  const { vacancy, view, applications, hires, elencoMatch, cliclavoro } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const forApplication = result?.result.initialValue?.intent === "application";
  const forCp2011 = result?.result.initialValue?.intent === "cp2011";
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
      </p>
      <div id="dati-offerta">
        <VacancyFacts v={view} showInternal />
      </div>
      <VacancyActions
        status={vacancy.status}
        by="officer"
        version={vacancy.version}
        publicationMode={vacancy.publication_mode}
        result={result && !forApplication && !forCp2011 ? result.result : null}
      />
      <ClicLavoroSection vacancyId={vacancy.id} data={cliclavoro} lastResult={forCp2011 ? result!.result : null} />
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

const KIND_LABELS = { invio: "primo invio", aggiornamento: "aggiornamento", chiusura: "chiusura" } as const;

/** ClicLavoro: the CP2011 qualification (chosen here when the CP2021 profession has no certain one), the next message, the history. */
function ClicLavoroSection({
  vacancyId,
  data,
  lastResult,
}: {
  vacancyId: string;
  data: ReturnType<typeof useLoaderData<typeof loader>>["cliclavoro"];
  lastResult: FormResult | null;
}) {
  const [form, fields] = useSchemaForm(ChooseCp2011Schema, {
    id: "cp2011-form",
    lastResult,
    defaultValue: { cp2011: data.chosen ?? data.cp2011 ?? data.mapping?.suggested ?? "" },
  });
  const needsChoice = data.mapping !== null && data.mapping.certainty !== "certa";
  return (
    <section className="mt-4" aria-labelledby="cliclavoro">
      <h2 id="cliclavoro" className="h4">
        Invio a ClicLavoro
      </h2>
      {data.refused ? <p>{data.refused}</p> : null}
      {data.problems.length ? (
        <Notice type="warning">
          <p className="mb-1">Il documento per ClicLavoro non è valido, quindi non si può scaricare. Cosa manca:</p>
          <ul className="mb-0">
            {data.problems.map((p) => (
              <li key={p.message}>
                {p.message} <a href={p.href}>{p.linkText}</a>
              </li>
            ))}
          </ul>
        </Notice>
      ) : null}
      {data.ready ? (
        <p>
          <a href={`/operatore/offerte/${vacancyId}/bcnl`} className="btn btn-outline-primary" download>
            Scarica il documento ClicLavoro ({KIND_LABELS[data.ready]}, XML)
          </a>{" "}
          {data.isNew ? null : (
            <span className="rosa-muted">Nessuna modifica dall'ultimo documento: è lo stesso, con lo stesso codice.</span>
          )}
        </p>
      ) : null}
      {data.mapping && !data.refused ? (
        <div id="cp2011" className="mb-3">
          <h3 className="h5">Qualifica CP2011</h3>
          <p className="mb-1">
            ClicLavoro vuole la qualifica nella classificazione CP2011: per questa professione la {data.mapping.certaintyLabel}.{" "}
            {data.cp2011 ? `Si invia ${data.cp2011}${data.chosen ? " (scelta da un operatore)" : ""}.` : "Scegli la qualifica da inviare."}
          </p>
          {needsChoice || data.chosen ? (
            <Form method="post" {...getFormProps(form)}>
              <ErrorSummary form={form} />
              <input type="hidden" name="intent" value="cp2011" />
              <SelectField
                field={fields.cp2011}
                label="Qualifica CP2011 da inviare"
                options={data.mapping.candidates}
                placeholder="Scegli…"
              />
              <button type="submit" className="btn btn-primary">
                Registra la qualifica
              </button>
            </Form>
          ) : null}
        </div>
      ) : null}
      {data.messages.length ? (
        <>
          <h3 className="h5">Documenti già scaricati</h3>
          <ul>
            {data.messages.map((m) => (
              <li key={m.code}>
                {KIND_LABELS[m.kind]} — codice offerta {m.code}, {formatDateTime(m.createdAt)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
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
