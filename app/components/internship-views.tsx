import {
  INTERNSHIP_EVENT_LABELS,
  INTERNSHIP_STATE_LABELS,
  checkSource,
  isInternshipEvent,
  isInternshipState,
  type InternshipCheck,
} from "~/domain/internships";
import { Link } from "@remix-run/react";
import { PageTitle } from "~/components/layout";
import { formatDate, formatDateTime, formatMoney, formatNumber } from "~/utils/format";
import { plural, pluralWord } from "~/utils/plural";

/** What `check_result` holds (the JSON of InternshipCheckRecord), as the pages receive it. */
export interface StoredCheck {
  date: string;
  allowed: boolean;
  check: InternshipCheck | null;
  problems: { field: string; message: string }[];
  trainees: { rosa: number; declared: number };
}

/** Timeline rows that are not moves of the state table: the addenda of a signed PFI. */
const OTHER_EVENT_LABELS: Record<string, string> = {
  request: "Richiesta",
  addendum_proposed: "Integrazione preparata",
  addendum_signed: "Firma di un'integrazione",
  addendum_applied: "Integrazione applicata",
  addendum_withdrawn: "Integrazione ritirata",
};

const ACTOR_LABELS: Record<string, string> = {
  officer: "Centro per l'Impiego",
  employer: "Azienda",
  candidate: "Tirocinante",
  system: "Rosa (automatico)",
};

export function InternshipStateBadge({ state }: { state: string }) {
  const label = isInternshipState(state) ? INTERNSHIP_STATE_LABELS[state] : state;
  const tone = ["checks_failed", "rejected", "cancelled", "interrupted"].includes(state)
    ? "bg-danger"
    : ["active", "attested", "completed"].includes(state)
      ? "bg-success"
      : "bg-primary";
  return <span className={`badge ${tone}`}>{label}</span>;
}

/**
 * The checker's result stored with the request or PFI: each violation in Italian with the rule and the act in force,
 * the warnings the officer must confirm, or the data still missing for a check.
 */
export function InternshipChecksPanel({
  stored,
  region,
  checkedAt,
}: {
  stored: StoredCheck | null;
  region: string;
  checkedAt: string | null;
}) {
  if (!stored) return <p>I controlli non sono ancora stati eseguiti.</p>;
  const violations = stored.check?.messages.filter((m) => m.kind === "violation") ?? [];
  const warnings = stored.check?.messages.filter((m) => m.kind === "warning") ?? [];
  return (
    <div>
      <p>
        {stored.allowed ? (
          <strong className="text-success">Il tirocinio rispetta le regole controllate.</strong>
        ) : (
          <strong className="text-danger">Il tirocinio non rispetta tutte le regole: correggi i dati indicati.</strong>
        )}{" "}
        Regole in vigore il {formatDate(stored.date)}
        {checkedAt ? `, controllo del ${formatDateTime(checkedAt)}` : ""}.
      </p>
      {stored.check ? (
        <ul className="list-unstyled">
          <li>Massimo di tirocinanti contemporanei nell'unità: {stored.check.maxSimultaneousTrainees}</li>
          <li>Durata massima: {plural(stored.check.maxDurationMonths, "mese", "mesi")}</li>
          <li>Indennità minima mensile: {formatMoney(stored.check.minMonthlyIndemnity)}</li>
        </ul>
      ) : null}
      {violations.length ? (
        <>
          <h3 className="h5">Regole non rispettate</h3>
          <ul>
            {violations.map((m) => {
              const source = checkSource(region, stored.date, m.code);
              return (
                <li key={m.code} className="mb-2">
                  <strong>{m.message}</strong>
                  <br />
                  Regola: {m.rule}
                  <br />
                  <small>
                    Fonte: {source.act} ({source.sources.join(", ")})
                  </small>
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
      {warnings.length ? (
        <>
          <h3 className="h5">Da confermare a cura dell'operatore</h3>
          <ul>
            {warnings.map((m) => {
              const source = checkSource(region, stored.date, m.code);
              return (
                <li key={m.code}>
                  {m.message} <small>(Fonte: {source.act})</small>
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
      {stored.problems.length ? (
        <>
          <h3 className="h5">Dati mancanti o non validi per il controllo</h3>
          <ul>
            {stored.problems.map((p) => (
              <li key={p.field + p.message}>{p.message}</li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

export function InternshipCapacityMeter({
  capacity,
}: {
  capacity: { limit: number | null; rosa: number; exempt: number; declared: number };
}) {
  const used = capacity.rosa + capacity.declared + 1;
  return (
    <div>
      <p className="mb-1">
        {capacity.limit === null ? (
          "Limite dell'unità non ancora calcolato: mancano i dati per il controllo."
        ) : (
          <>
            Con questo tirocinio: <strong>{used}</strong> su un massimo di <strong>{capacity.limit}</strong>{" "}
            {pluralWord(capacity.limit, "tirocinante", "tirocinanti")} contemporanei.
          </>
        )}
      </p>
      {capacity.limit !== null ? (
        <progress
          className="w-100"
          max={Math.max(capacity.limit, used)}
          value={used}
          aria-label={`Con questo tirocinio: ${used} su ${capacity.limit}`}
        >
          {used} su {capacity.limit}
        </progress>
      ) : null}
      <ul className="small">
        <li>Tirocini avviati con il Centro per l'Impiego nella stessa unità: {capacity.rosa}</li>
        <li>Tirocini con altri promotori dichiarati dall'azienda: {capacity.declared}</li>
        <li>Tirocinanti esenti dal limite (persone con disabilità o svantaggiate): {capacity.exempt}</li>
      </ul>
    </div>
  );
}

export function InternshipTimeline({
  steps,
}: {
  steps: { event: string; toState: string; actorKind: string; actorName: string | null; note: string | null; at: string }[];
}) {
  if (!steps.length) return <p>Nessun passaggio registrato.</p>;
  return (
    <ol className="list-unstyled">
      {steps.map((s, i) => (
        <li key={i} className="mb-2">
          <strong>{OTHER_EVENT_LABELS[s.event] ?? (isInternshipEvent(s.event) ? INTERNSHIP_EVENT_LABELS[s.event] : s.event)}</strong> →{" "}
          {isInternshipState(s.toState) ? INTERNSHIP_STATE_LABELS[s.toState] : s.toState}
          <br />
          <small>
            {formatDateTime(s.at)} · {ACTOR_LABELS[s.actorKind] ?? s.actorKind}
            {s.actorName ? ` (${s.actorName})` : ""}
          </small>
          {s.note ? <p className="mb-0 small">{s.note}</p> : null}
        </li>
      ))}
    </ol>
  );
}

const DOCUMENT_STATES = new Set([
  "candidate_chosen",
  "drafting",
  "checks_failed",
  "ready_to_sign",
  "partially_signed",
  "awaiting_authorisation",
  "awaiting_co",
  "active",
  "suspended",
  "interrupted",
  "completed",
  "attested",
  "closed_without_attestation",
]);
const RUNNING_STATES = new Set(["active", "suspended", "interrupted", "completed", "attested", "closed_without_attestation"]);

/**
 * The internship's other pages, from its case page: the project with its signatures and the CO (once a trainee is
 * chosen), the attendance, dossier and attestazione (once it has started), the attestazione PDF (once issued).
 * `base` is the internship's path in the area (`/operatore/tirocini/<id>`, `/azienda/tirocini/<id>`, `/candidato/tirocini/<id>`).
 */
export function InternshipSectionLinks({ base, state, area }: { base: string; state: string; area: "officer" | "employer" | "trainee" }) {
  const links: [string, string][] = [];
  if (area !== "trainee" && DOCUMENT_STATES.has(state))
    links.push([`${base}/progetto`, "Progetto formativo, firme e comunicazione obbligatoria"]);
  if (area !== "trainee" && RUNNING_STATES.has(state))
    links.push([`${base}/svolgimento`, "Svolgimento: presenze, sospensioni, dossier ed esito"]);
  if (state === "attested") links.push([`${base}/attestazione`, "Scarica l'attestazione finale (PDF)"]);
  if (!links.length) return null;
  return (
    <nav aria-label="Pagine del tirocinio" className="mb-4">
      <ul className="list-unstyled mb-0">
        {links.map(([to, label]) => (
          <li key={to}>
            <a href={to}>{label}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The top of an internship's case page (officer's or employer's): the way back, the title with the state, the action's errors. */
export function InternshipCaseHeader({
  back,
  internship,
  errors,
}: {
  back: { to: string; label: string };
  internship: { number: number; title: string; state: string };
  errors: string[];
}) {
  return (
    <>
      <p>
        <Link to={back.to}>← {back.label}</Link>
      </p>
      <PageTitle title={`Tirocinio n. ${internship.number}: ${internship.title}`}>
        <p>
          Stato: <InternshipStateBadge state={internship.state} />
        </p>
      </PageTitle>
      {errors.length ? (
        <div className="alert alert-danger" role="alert">
          {errors.map((e) => (
            <p key={e} className="mb-0">
              {e}
            </p>
          ))}
        </div>
      ) : null}
    </>
  );
}

/** «30 ore settimanali, 6 al giorno» (the columns are numeric strings: «30.00» reads «30» in Italian, «37.50» «37,5»). */
export function hoursPhrase(weekly: string | number, daily: string | number): string {
  return `${formatNumber(Number(weekly))} ore settimanali, ${formatNumber(Number(daily))} al giorno`;
}
