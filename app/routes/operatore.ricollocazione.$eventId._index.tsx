import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Notice } from "~/components/forms";
import { PageTitle } from "~/components/layout";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { DomainError } from "~/domain/errors";
import {
  AGREEMENT_TYPE_LABELS,
  EDITABLE_EVENT_STATES,
  EVENT_MOVE_DONE,
  EVENT_MOVE_LABELS,
  EVENT_STATES,
  EVENT_STATE_LABELS,
  EVENT_TABS,
  EVENT_TYPE_LABELS,
  MILESTONE_STATUS_LABELS,
  MOVE_DATE_FIELD,
  MilestoneEditSchema,
  TransitionSchema,
  availableEventMoves,
  eventWarnings,
} from "~/domain/outplacement";
import {
  editMilestone,
  linkL68Record,
  listEmployerSuspensions,
  listEventMilestones,
  listMissingCheckins,
  listSteeringMeetings,
  transitionEvent,
  validateProposal,
} from "~/domain/outplacement/index.server";
import { todayInItaly } from "~/utils/dates";
import { formatDate, formatMoney, formatNumber } from "~/utils/format";
import { plural } from "~/utils/plural";
import { parseForm } from "~/web/conform";
import { statusOf } from "~/web/errors.server";
import { redirectWithFlash } from "~/web/flash.server";
import { requireEvent } from "~/web/outplacement-guards.server";
import { actorOf } from "~/web/session.server";
import { SteeringMeetingList } from "~/components/outplacement-steering";
import { z } from "zod";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.event.title ?? "Evento"} — Ricollocazione — Rosa` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope, event } = await requireEvent(request, params, ["officer"]);
  const db = getDb();
  const today = todayInItaly();
  const suspensions = await listEmployerSuspensions(db, event.employer_id);
  return {
    event,
    today,
    milestones: await listEventMilestones(db, event.id, today),
    moves: availableEventMoves(event.state, event.type),
    warnings: eventWarnings({
      type: event.type,
      headcountTotal: event.headcount_total,
      surplusAnnounced: event.surplus_announced,
      surplusFinal: event.surplus_final,
    }),
    suspensions: suspensions.map((s) => ({ id: s.id, starts_on: s.starts_on, ends_on: s.ends_on, status: s.status })),
    canEditMilestones: !event.coordinator_user_id || event.coordinator_user_id === user.id,
    canFileL68: user.role === "placement_officer",
    meetings: (await listSteeringMeetings(db, scope, event.id)).slice(0, 3),
    // Only how many: the names are on the deadlines page (audited there).
    missingCheckins: (await listMissingCheckins(db, null, scope, today, event.id)).length,
  };
}

const L68LinkSchema = z.object({
  recordId: z.preprocess((v) => (v === "" ? undefined : v), z.uuid({ error: "Scegli la pratica" }).optional()),
  version: z.coerce.number({ error: "Versione mancante: ricarica la pagina" }).int().min(1),
});
const VersionSchema = z.object({ version: z.coerce.number({ error: "Versione mancante: ricarica la pagina" }).int().min(1) });

function failure(message: string, status: number) {
  return data({ error: message }, { status });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, scope, event } = await requireEvent(request, params, ["officer"]);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const actor = actorOf(user, context);
  const here = `/operatore/ricollocazione/${event.id}`;
  try {
    if (intent === "transition") {
      const s = parseForm(form, TransitionSchema);
      if (s.status !== "success") return failure(Object.values(s.error ?? {}).flat()[0] ?? "Dati non validi", 400);
      const r = await withTransaction((trx) => transitionEvent(trx, actor, scope, event.id, s.value));
      return redirectWithFlash(here, {
        type: "success",
        message: `${EVENT_MOVE_DONE[s.value.move]} Stato: «${EVENT_STATE_LABELS[r.state]}».`,
      });
    }
    if (intent === "validate") {
      const s = parseForm(form, VersionSchema);
      if (s.status !== "success") return failure("Versione mancante: ricarica la pagina", 400);
      await withTransaction((trx) => validateProposal(trx, actor, scope, event.id, s.value.version));
      return redirectWithFlash(here, {
        type: "success",
        message: "Proposta convalidata: ora sei il coordinatore dell'evento. L'azienda riceve un avviso.",
      });
    }
    if (intent === "milestone") {
      const s = parseForm(form, MilestoneEditSchema);
      if (s.status !== "success") return failure(Object.values(s.error ?? {}).flat()[0] ?? "Dati non validi", 400);
      await withTransaction((trx) => editMilestone(trx, actor, scope, event.id, s.value));
      return redirectWithFlash(here, { type: "success", message: "Scadenza aggiornata: la modifica è nel registro delle attività." });
    }
    if (intent === "l68") {
      const s = parseForm(form, L68LinkSchema);
      if (s.status !== "success") return failure(Object.values(s.error ?? {}).flat()[0] ?? "Dati non validi", 400);
      await withTransaction((trx) => linkL68Record(trx, actor, scope, event.id, s.value.version, s.value.recordId ?? null));
      return redirectWithFlash(here, {
        type: "success",
        message: s.value.recordId ? "Pratica di sospensione L. 68/99 collegata all'evento." : "Pratica L. 68/99 scollegata.",
      });
    }
  } catch (e) {
    if (e instanceof DomainError) return failure(e.message, statusOf(e));
    throw e;
  }
  return failure("Operazione non riconosciuta: ricarica la pagina e riprova.", 400);
}

const STATUS_BADGE: Record<string, string> = {
  done: "bg-success",
  overdue: "bg-danger",
  due_soon: "bg-warning text-dark",
  upcoming: "bg-light text-dark",
  running: "bg-info text-dark",
  ended: "bg-secondary",
};

function Dl({ items }: { items: [string, React.ReactNode][] }) {
  return (
    <dl className="row">
      {items.map(([k, v]) => (
        <div key={k} className="col-md-6 d-flex flex-column mb-2">
          <dt>{k}</dt>
          <dd className="mb-0">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

const d = (v: string | null) => (v ? formatDate(v) : "—");

export default function OutplacementEvent() {
  const { event, milestones, moves, warnings, suspensions, canEditMilestones, canFileL68, meetings, missingCheckins } =
    useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const base = `/operatore/ricollocazione/${event.id}`;
  const l68 = milestones.find((m) => m.rule_id === "L68-SUSP");
  const linked = suspensions.find((s) => s.id === event.l68_record_id);
  return (
    <div>
      <p>
        <Link to="/operatore/ricollocazione">← Ricollocazione</Link>
      </p>
      <PageTitle title={event.title} lead={`${event.legal_name} · ${EVENT_TYPE_LABELS[event.type]}`}>
        {EDITABLE_EVENT_STATES.includes(event.state) ? (
          <Link to={`${base}/modifica`} className="btn btn-outline-primary">
            Modifica l'evento
          </Link>
        ) : null}
      </PageTitle>
      <nav aria-label="Sezioni dell'evento" className="mb-3">
        <ul className="nav nav-tabs">
          {EVENT_TABS.map((t) => (
            <li key={t.path} className="nav-item">
              <Link
                className={`nav-link${t.path === "" ? " active" : ""}`}
                aria-current={t.path === "" ? "page" : undefined}
                to={t.path ? `${base}/${t.path}` : base}
              >
                {t.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {failed && "error" in failed ? <Notice type="danger">{failed.error}</Notice> : null}
      <p>
        Stato: <strong data-testid="event-state">{EVENT_STATE_LABELS[event.state]}</strong>
        {event.state_note ? <> · nota: {event.state_note}</> : null}
        {event.proposed_by_employer ? (
          <>
            {" "}
            <span className="badge bg-warning text-dark">
              {event.validated_at ? "Proposto dall'azienda, convalidato" : "Proposto dall'azienda"}
            </span>
          </>
        ) : null}
      </p>
      {event.proposed_by_employer && !event.validated_at ? (
        <Form method="post" className="mb-3">
          <input type="hidden" name="intent" value="validate" />
          <input type="hidden" name="version" value={event.version} />
          <button type="submit" className="btn btn-primary">
            Convalida la proposta dell'azienda
          </button>
        </Form>
      ) : null}
      {warnings.length ? (
        <Notice type="warning">
          <ul className="mb-0">
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </Notice>
      ) : null}

      <h2 className="h4">Riepilogo</h2>
      <Dl
        items={[
          ["Azienda", event.legal_name],
          ["Coordinatore", event.coordinator_name ?? "—"],
          [
            "Sedi",
            event.sites
              .map((s) => `${s.label ? `${s.label}: ` : ""}${s.address ? `${s.address}, ` : ""}${s.comune} (${s.province})`)
              .join("; "),
          ],
          ["Province", event.provinces.join(", ") || "—"],
          ["Dipendenti", event.headcount_total === null ? "—" : formatNumber(event.headcount_total)],
          [
            "Esuberi",
            `${event.surplus_announced === null ? "—" : formatNumber(event.surplus_announced)} dichiarati${event.surplus_final === null ? "" : `, ${formatNumber(event.surplus_final)} definitivi`}`,
          ],
          ["Lavoratori nell'elenco", formatNumber(event.members)],
          ["Comunicazione di avvio", d(event.communication_on)],
          [
            "Accordo",
            event.agreement_on
              ? `${d(event.agreement_on)}${event.agreement_type ? ` · ${AGREEMENT_TYPE_LABELS[event.agreement_type]}` : ""}`
              : "—",
          ],
          ["Primo licenziamento", d(event.first_dismissal_on)],
          [
            "Ricollocazione a carico dell'azienda",
            event.employer_funded
              ? `Sì: ${event.employer_funded_provider ?? ""}${event.employer_funded_budget_cents ? ` · ${formatMoney(Number(event.employer_funded_budget_cents) / 100)}` : ""}`
              : "No",
          ],
        ]}
      />
      {event.agreement_outplacement_clauses ? (
        <>
          <h3 className="h5">Clausole dell'accordo sulla ricollocazione</h3>
          <p className="text-pre-line">{event.agreement_outplacement_clauses}</p>
        </>
      ) : null}

      <h2 className="h4 mt-4">Scadenze</h2>
      {milestones.length ? (
        <div className="table-responsive" tabIndex={0}>
          <table className="table" data-testid="milestones">
            <caption className="visually-hidden">Scadenze di legge dell'evento</caption>
            <thead>
              <tr>
                <th scope="col">Scadenza</th>
                <th scope="col">Dal</th>
                <th scope="col">Entro il</th>
                <th scope="col">Stato</th>
                <th scope="col">Note</th>
              </tr>
            </thead>
            <tbody>
              {milestones.map((m) => (
                <tr key={m.id}>
                  <td>
                    {m.label}
                    {m.basis ? <div className="small text-muted">{m.basis}</div> : null}
                  </td>
                  <td>{d(m.starts_on)}</td>
                  <td>
                    {formatDate(m.due_on)}
                    {m.computed_due_on && m.computed_due_on !== m.due_on ? (
                      <div className="small">calcolata: {formatDate(m.computed_due_on)}</div>
                    ) : null}
                  </td>
                  <td>
                    <span className={`badge ${STATUS_BADGE[m.status]}`}>{MILESTONE_STATUS_LABELS[m.status]}</span>
                    {m.done_on ? <div className="small">il {formatDate(m.done_on)}</div> : null}
                  </td>
                  <td>
                    {m.note ?? ""}
                    {canEditMilestones ? (
                      <details>
                        <summary>Modifica</summary>
                        <Form method="post" className="mt-2">
                          <input type="hidden" name="intent" value="milestone" />
                          <input type="hidden" name="milestoneId" value={m.id} />
                          <label htmlFor={`due-${m.id}`}>Entro il</label>
                          <input id={`due-${m.id}`} type="date" name="dueOn" defaultValue={m.due_on} className="form-control" required />
                          <label htmlFor={`done-${m.id}`}>Fatto il</label>
                          <input id={`done-${m.id}`} type="date" name="doneOn" defaultValue={m.done_on ?? ""} className="form-control" />
                          <label htmlFor={`note-${m.id}`}>Nota (obbligatoria se cambi la data)</label>
                          <input
                            id={`note-${m.id}`}
                            type="text"
                            name="note"
                            defaultValue={m.note ?? ""}
                            className="form-control"
                            maxLength={2000}
                          />
                          <button type="submit" className="btn btn-sm btn-primary mt-2">
                            Salva la scadenza
                          </button>
                        </Form>
                      </details>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>Nessuna scadenza ancora: servono le date della procedura (ad esempio la comunicazione di avvio).</p>
      )}

      <h2 className="h4 mt-4">Stato della procedura</h2>
      <p className="small">I termini di legge sono avvisi: lo stato lo cambia l'operatore.</p>
      <div className="row">
        {moves.map((move) => {
          const dateField = MOVE_DATE_FIELD[move];
          return (
            <div key={move} className="col-md-6 mb-3">
              <Form method="post" className="border rounded p-3 h-100">
                <input type="hidden" name="intent" value="transition" />
                <input type="hidden" name="move" value={move} />
                <input type="hidden" name="version" value={event.version} />
                {dateField ? (
                  <div className="form-group">
                    <label htmlFor={`date-${move}`}>{dateField.label}</label>
                    <input id={`date-${move}`} type="date" name="date" className="form-control" />
                  </div>
                ) : null}
                {move === "sign_agreement" ? (
                  <div className="form-group">
                    <label htmlFor="agreement-type">Tipo di accordo</label>
                    <select id="agreement-type" name="agreementType" className="form-select" defaultValue="">
                      <option value="">Secondo la fase</option>
                      {Object.entries(AGREEMENT_TYPE_LABELS).map(([v, l]) => (
                        <option key={v} value={v}>
                          {l}
                        </option>
                      ))}
                    </select>
                  </div>
                ) : null}
                <div className="form-group">
                  <label htmlFor={`note-${move}`}>{move === "cancel" ? "Motivo (obbligatorio)" : "Nota"}</label>
                  <input id={`note-${move}`} type="text" name="note" className="form-control" maxLength={2000} />
                </div>
                <button type="submit" className={`btn ${move === "cancel" ? "btn-outline-danger" : "btn-primary"}`}>
                  {EVENT_MOVE_LABELS[move]}
                </button>
              </Form>
            </div>
          );
        })}
      </div>
      <details className="mb-4">
        <summary>Cambia lo stato manualmente</summary>
        <Form method="post" className="border rounded p-3 mt-2">
          <input type="hidden" name="intent" value="transition" />
          <input type="hidden" name="move" value="set_state" />
          <input type="hidden" name="version" value={event.version} />
          <div className="form-group">
            <label htmlFor="manual-to">Nuovo stato</label>
            <select id="manual-to" name="to" className="form-select" required defaultValue="">
              <option value="">Scegli…</option>
              {EVENT_STATES.filter((s) => s !== event.state).map((s) => (
                <option key={s} value={s}>
                  {EVENT_STATE_LABELS[s]}
                </option>
              ))}
            </select>
          </div>
          <div className="form-group">
            <label htmlFor="manual-note">Nota (obbligatoria)</label>
            <input id="manual-note" type="text" name="note" className="form-control" required minLength={5} maxLength={2000} />
          </div>
          <button type="submit" className="btn btn-outline-primary">
            Cambia lo stato
          </button>
        </Form>
      </details>

      <h2 className="h4 mt-4">Collocamento mirato (L. 68/1999)</h2>
      <p>
        {l68
          ? `Sospensione degli obblighi calcolata: dal ${formatDate(l68.starts_on ?? l68.due_on)} al ${formatDate(l68.due_on)}.`
          : "La sospensione degli obblighi si calcola quando la procedura ha una data di avvio e una di fine."}
      </p>
      {linked ? (
        <p data-testid="l68-linked">
          Pratica di sospensione collegata: dal {formatDate(linked.starts_on)}
          {linked.ends_on ? ` al ${formatDate(linked.ends_on)}` : ""}
          {/* The record itself opens for placement officers only (docs/decisions/0011-health-data-for-placement-officers-only.md). */}
          {canFileL68 ? (
            <>
              {" "}
              · <Link to={`/operatore/collocamento-mirato/pratiche/${linked.id}`}>apri la pratica</Link>
            </>
          ) : null}
          .
        </p>
      ) : null}
      <Form method="post" className="row align-items-end">
        <input type="hidden" name="intent" value="l68" />
        <input type="hidden" name="version" value={event.version} />
        <div className="col-md-8 form-group">
          <label htmlFor="l68-record">Pratica di sospensione dell'azienda</label>
          <select id="l68-record" name="recordId" className="form-select" defaultValue={event.l68_record_id ?? ""}>
            <option value="">Nessuna</option>
            {suspensions.map((s) => (
              <option key={s.id} value={s.id}>
                Dal {formatDate(s.starts_on)}
                {s.ends_on ? ` al ${formatDate(s.ends_on)}` : ""}
              </option>
            ))}
          </select>
        </div>
        <div className="col-md-4 mb-3">
          <button type="submit" className="btn btn-outline-primary">
            Collega la pratica
          </button>
        </div>
      </Form>
      {canFileL68 ? (
        <p>
          <Link to={`${base}/sospensione-l68`} className="btn btn-outline-primary">
            Registra la pratica di sospensione con il periodo calcolato
          </Link>
        </p>
      ) : null}

      <h2 className="h4 mt-4">Contatti mensili</h2>
      <p data-testid="event-missing-checkins">
        {missingCheckins
          ? `${plural(missingCheckins, "lavoratore in percorso", "lavoratori in percorso")} senza il contatto di questo mese: `
          : "Tutti i lavoratori in percorso hanno il contatto di questo mese. "}
        <Link to="/operatore/ricollocazione/scadenze#contatti-mensili">elenco dei contatti da fare</Link>
      </p>

      <h2 className="h4 mt-4">Comitato di monitoraggio</h2>
      <SteeringMeetingList meetings={meetings} />
      <p>
        <Link to={`${base}/comitato`}>Tutte le riunioni e registra una riunione</Link>
      </p>
    </div>
  );
}
