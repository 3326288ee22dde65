import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ConsentList, IntentForm, MemberFacts, NoticeFacts, StateHistory } from "~/components/cohort-member";
import { SelectField, TextAreaField, TextField } from "~/components/forms";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { DomainError } from "~/domain/errors";
import {
  getMemberView,
  giveConsent,
  linkMemberCandidate,
  markNoticeSent,
  recordContactAttempt,
  revokeConsent,
  setPriorityWindow,
  transitionMember,
} from "~/domain/outplacement/index.server";
import {
  availableMemberEvents,
  CONSENT_CHANNEL_OPTIONS,
  CONSENT_KINDS,
  CONSENT_LABELS,
  consentsInForce,
  CONTACT_CHANNEL_OPTIONS,
  MANUAL_EVENTS,
  MEMBER_EVENT_LABELS,
  MEMBER_STATE_LABELS,
  MemberActionSchema,
  NOTICE_CHANNEL_LABELS,
  UNREACHABLE_ATTEMPTS,
  UNREACHABLE_DAYS,
  type ConsentKind,
  type MemberEvent,
} from "~/domain/outplacement";
import { todayInItaly } from "~/utils/dates";
import { formatDate } from "~/utils/format";
import { memberIdFrom, requireCohortOfficer } from "~/web/cohort-guards.server";
import { parseForm } from "~/web/conform";
import { replyDomainError, replyInvalid } from "~/web/conform.server";
import { redirectWithFlash } from "~/web/flash.server";
import { actorOf, notFound } from "~/web/session.server";
import { plural } from "~/utils/plural";

export const meta: MetaFunction = () => [{ title: "Lavoratore della coorte — Ricollocazione — Rosa" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, eventId } = await requireCohortOfficer(request, params);
  const memberId = memberIdFrom(params);
  try {
    const view = await getMemberView(getDb(), actorOf(user, context), { kind: "officer" }, memberId, eventId);
    return { ...view, eventId, today: todayInItaly() };
  } catch (e) {
    if (e instanceof DomainError && e.kind === "not_found") throw notFound(e.message);
    throw e;
  }
}

const DONE: Record<string, string> = {
  attempt: "Tentativo di contatto registrato.",
  consent: "Consenso registrato.",
  revoke: "Revoca del consenso registrata: i dati non sono più condivisi da quella data.",
  notice: "Informativa segnata come inviata.",
  priority: "Periodo di priorità aggiornato: la ricerca candidati lo mostra entro pochi secondi.",
  link: "Lavoratore collegato al suo CV.",
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, eventId } = await requireCohortOfficer(request, params);
  const memberId = memberIdFrom(params);
  const submission = parseForm(await request.formData(), MemberActionSchema);
  if (submission.status !== "success") return replyInvalid(submission);
  const v = submission.value;
  const actor = actorOf(user, context);
  let message = DONE[v.intent] ?? "Fatto.";
  try {
    await withTransaction(async (trx) => {
      switch (v.intent) {
        case "transition": {
          const r = await transitionMember(trx, actor, { kind: "officer" }, memberId, {
            event: v.event!,
            version: v.version!,
            note: v.note,
            eventId,
          });
          message = `${MEMBER_EVENT_LABELS[v.event!]}: ora il lavoratore è «${MEMBER_STATE_LABELS[r.state]}».`;
          return;
        }
        case "attempt":
          return recordContactAttempt(trx, actor, { kind: "officer" }, memberId, {
            attemptedOn: v.attemptedOn!,
            channel: v.attemptChannel!,
            reached: v.reached!,
            note: v.note,
          });
        case "consent":
          return giveConsent(trx, actor, memberId, eventId, {
            kind: v.kind!,
            givenOn: v.givenOn!,
            channel: v.consentChannel!,
            textVersion: v.textVersion,
          });
        case "revoke":
          return revokeConsent(trx, actor, memberId, eventId, { kind: v.kind!, revokedOn: v.revokedOn! });
        case "notice":
          await markNoticeSent(trx, actor, eventId, { memberIds: [memberId], sentOn: v.sentOn!, channel: v.channel! });
          return;
        case "priority":
          return setPriorityWindow(trx, actor, memberId, { from: v.priorityFrom!, to: v.priorityTo!, version: v.version!, eventId });
        case "link":
          await linkMemberCandidate(trx, actor, memberId, eventId);
          return;
      }
    });
  } catch (e) {
    if (e instanceof DomainError && e.kind === "not_found") throw notFound(e.message);
    return replyDomainError(e, submission);
  }
  return redirectWithFlash(`/operatore/ricollocazione/${eventId}/lavoratori/${memberId}`, { type: "success", message });
}

export default function MemberPage() {
  const { member: m, history, attempts, consents, sessions, unreachableDue, eventId, today } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>()?.result;
  const events = availableMemberEvents(m.state, "officer").filter((e) => MANUAL_EVENTS.includes(e));
  const inForce = consentsInForce(consents.map((c) => ({ kind: c.kind as ConsentKind, given_on: c.given_on, revoked_on: c.revoked_on })));
  const base = `/operatore/ricollocazione/${eventId}`;
  return (
    <div>
      <p>
        <Link to={`${base}/lavoratori`}>← Lavoratori della coorte</Link>
      </p>
      <h1>
        {m.first_name} {m.last_name}
      </h1>
      <p className="lead">
        {m.event_title} — stato: <strong>{MEMBER_STATE_LABELS[m.state]}</strong>
        {m.candidate_id ? (
          <>
            {" "}
            · <Link to={`/operatore/candidati/${m.candidate_id}`}>CV del lavoratore</Link>
          </>
        ) : null}
      </p>
      {unreachableDue ? (
        <div className="alert alert-warning" role="status">
          Da segnare come non raggiungibile: {plural(UNREACHABLE_ATTEMPTS, "tentativo fallito", "tentativi falliti")} o{" "}
          {plural(UNREACHABLE_DAYS, "giorno", "giorni")} senza risposta dall&apos;informativa.
        </div>
      ) : null}
      {m.missing_from_import_id ? (
        <div className="alert alert-warning" role="status">
          Assente dall&apos;ultimo elenco dei lavoratori applicato: il lavoratore resta nella coorte; verifica con l&apos;azienda se è
          ancora coinvolto nella procedura.
        </div>
      ) : null}

      <p>
        <Link to={`${base}/lavoratori/${m.id}/piano`}>Accoglienza e piano di reinserimento</Link> ·{" "}
        <Link to={`${base}/lavoratori/${m.id}/sessioni`}>Incontri e ore</Link> ·{" "}
        <Link to={`${base}/lavoratori/${m.id}/esiti`}>Esiti e verifiche</Link> ·{" "}
        <a href={`${base}/lavoratori/${m.id}/sap.xml`} download>
          Politiche attive per la SAP (XML)
        </a>
      </p>
      <section aria-labelledby="data-title" className="mb-5">
        <h2 id="data-title">Dati del lavoratore</h2>
        <MemberFacts m={m} />
        {!m.candidate_id ? (
          <>
            <p>
              Il lavoratore non ha ancora un CV in Rosa. <Link to={`/operatore/candidati/nuovo`}>Crea il CV</Link> con il suo codice
              fiscale, poi collegalo.
            </p>
            <IntentForm intent="link" result={result} submit="Collega il CV con lo stesso codice fiscale">
              {() => null}
            </IntentForm>
          </>
        ) : null}
      </section>

      <section aria-labelledby="notice-title" className="mb-5">
        <h2 id="notice-title">Informativa e consensi</h2>
        <NoticeFacts m={m} />
        {sessions.length ? (
          <p>Sessioni informative frequentate: {sessions.map((s) => `${formatDate(s.held_on)} (${s.place})`).join("; ")}.</p>
        ) : null}
        <IntentForm intent="notice" result={result} submit="Segna l'informativa come inviata" defaults={{ sentOn: today }}>
          {(f) => (
            <div className="row">
              <div className="col-md-6">
                <TextField field={f.sentOn} label="Informativa inviata il" type="date" />
              </div>
              <div className="col-md-6">
                <SelectField field={f.channel} label="Canale dell'informativa" options={NOTICE_CHANNEL_LABELS} placeholder="Scegli…" />
              </div>
            </div>
          )}
        </IntentForm>
        <h3 className="h5">Consensi facoltativi</h3>
        <ConsentList consents={consents} />
        <IntentForm intent="consent" result={result} submit="Registra il consenso" defaults={{ givenOn: today }}>
          {(f) => (
            <div className="row">
              <div className="col-md-6">
                <SelectField
                  field={f.kind}
                  label="Consenso dato"
                  options={CONSENT_KINDS.filter((k) => !inForce.has(k)).map((k) => [k, CONSENT_LABELS[k]] as [string, string])}
                  placeholder="Scegli…"
                />
              </div>
              <div className="col-md-2">
                <TextField field={f.givenOn} label="Dato il" type="date" />
              </div>
              <div className="col-md-2">
                <SelectField field={f.consentChannel} label="Raccolto con" options={CONSENT_CHANNEL_OPTIONS} placeholder="Scegli…" />
              </div>
              <div className="col-md-2">
                <TextField field={f.textVersion} label="Versione del testo" />
              </div>
            </div>
          )}
        </IntentForm>
        {inForce.size ? (
          <IntentForm intent="revoke" result={result} submit="Registra la revoca" defaults={{ revokedOn: today }}>
            {(f) => (
              <div className="row">
                <div className="col-md-8">
                  <SelectField
                    field={f.kind}
                    label="Consenso revocato"
                    options={[...inForce].map((k) => [k, CONSENT_LABELS[k]] as [string, string])}
                    placeholder="Scegli…"
                  />
                </div>
                <div className="col-md-4">
                  <TextField field={f.revokedOn} label="Revocato il" type="date" />
                </div>
              </div>
            )}
          </IntentForm>
        ) : null}
      </section>

      <section aria-labelledby="state-title" className="mb-5">
        <h2 id="state-title">Stato e storia</h2>
        {events.length ? (
          <IntentForm intent="transition" result={result} submit="Registra" version={m.version}>
            {(f) => (
              <div className="row">
                <div className="col-md-6">
                  <SelectField
                    field={f.event}
                    label="Operazione"
                    options={events.map((e: MemberEvent) => [e, MEMBER_EVENT_LABELS[e]] as [string, string])}
                    placeholder="Scegli…"
                  />
                </div>
                <div className="col-md-6">
                  <TextAreaField field={f.note} label="Nota" rows={2} />
                </div>
              </div>
            )}
          </IntentForm>
        ) : null}
        <h3 className="h5">Tentativi di contatto</h3>
        {attempts.length ? (
          <ul>
            {attempts.map((a) => (
              <li key={a.id}>
                {formatDate(a.attempted_on)} — {CONTACT_CHANNEL_OPTIONS[a.channel as keyof typeof CONTACT_CHANNEL_OPTIONS] ?? a.channel}:{" "}
                {a.reached ? "raggiunto" : "non raggiunto"}
                {a.note ? ` (${a.note})` : ""}
              </li>
            ))}
          </ul>
        ) : (
          <p>Nessun tentativo registrato.</p>
        )}
        <IntentForm intent="attempt" result={result} submit="Registra il tentativo" defaults={{ attemptedOn: today }}>
          {(f) => (
            <div className="row">
              <div className="col-md-3">
                <TextField field={f.attemptedOn} label="Data del tentativo" type="date" />
              </div>
              <div className="col-md-3">
                <SelectField
                  field={f.attemptChannel}
                  label="Canale del tentativo"
                  options={CONTACT_CHANNEL_OPTIONS}
                  placeholder="Scegli…"
                />
              </div>
              <div className="col-md-3">
                <SelectField field={f.reached} label="Esito" options={{ si: "Raggiunto", no: "Non raggiunto" }} placeholder="Scegli…" />
              </div>
              <div className="col-md-3">
                <TextField field={f.note} label="Nota sul tentativo" />
              </div>
            </div>
          )}
        </IntentForm>
        <h3 className="h5">Storia</h3>
        <StateHistory
          history={history}
          eventLabel={(e) => (e === "import" ? "Importazione" : (MEMBER_EVENT_LABELS[e as MemberEvent] ?? e))}
        />
      </section>

      <section aria-labelledby="priority-title" className="mb-5">
        <h2 id="priority-title">Priorità «ricollocazione» nella ricerca candidati</h2>
        <p>
          Gli operatori possono filtrare e ordinare i candidati su questo periodo; le aziende non lo vedono senza il consenso del
          lavoratore.
        </p>
        <IntentForm
          intent="priority"
          result={result}
          submit="Aggiorna il periodo"
          version={m.version}
          defaults={{ priorityFrom: m.priority_from ?? today, priorityTo: m.priority_to ?? "" }}
        >
          {(f) => (
            <div className="row">
              <div className="col-md-6">
                <TextField field={f.priorityFrom} label="Priorità dal" type="date" />
              </div>
              <div className="col-md-6">
                <TextField field={f.priorityTo} label="Priorità fino al" type="date" />
              </div>
            </div>
          )}
        </IntentForm>
      </section>

      <section id="percorso" aria-labelledby="path-title" className="mb-5">
        <h2 id="path-title">Percorso ed esiti</h2>
        <ul>
          <li>
            <Link to={`${base}/lavoratori/${m.id}/piano`}>Accoglienza e piano di reinserimento</Link>: bilancio di competenze, obiettivi,
            azioni e firma del piano
          </li>
          <li>
            <Link to={`${base}/lavoratori/${m.id}/sessioni`}>Incontri e ore</Link>: incontri individuali, presenze e ore rispetto allo
            standard
          </li>
          <li>
            <Link to={`${base}/lavoratori/${m.id}/esiti`}>Esiti e verifiche</Link>: assunzioni e verifiche a 3, 6 e 12 mesi
          </li>
        </ul>
      </section>
    </div>
  );
}
