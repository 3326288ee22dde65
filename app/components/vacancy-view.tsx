import type { VacancyStatus } from "~/db/tables/vacancies";
import { WORKING_TIME_CODES } from "~/domain/reference";
import {
  contractLabel as vacancyContractLabel,
  L68_LABELS,
  PAY_PERIOD_LABELS,
  PRIORITY_LABELS,
  PUBLICATION_MODE_LABELS,
  WORKING_TIME_LABELS,
} from "~/domain/vacancies/codes";
import type { DiscriminationFinding } from "~/domain/vacancies/discrimination";
import type { PublicVacancy } from "~/domain/vacancies/public-view";
import { requirementLabel } from "~/domain/vacancies/requirement-label";
import { VACANCY_STATUS_LABELS } from "~/domain/vacancies/states";
import { formatDate, formatMoney } from "~/utils/format";
import { plural } from "~/utils/plural";

const STATUS_CLASS: Record<VacancyStatus, string> = {
  draft: "bg-secondary",
  submitted: "bg-warning text-dark",
  returned: "bg-danger",
  validated: "bg-info text-dark",
  published: "bg-success",
  in_preselection: "bg-primary",
  closed: "bg-dark",
};

export function VacancyStatusBadge({ status }: { status: VacancyStatus }) {
  return <span className={`badge ${STATUS_CLASS[status]}`}>{VACANCY_STATUS_LABELS[status]}</span>;
}

/** «Lavoro a tempo determinato», «Somministrazione tramite agenzia — …», «Lavoro autonomo». */
export function contractLabel(v: { engagement?: PublicVacancy["engagement"] | null; contractType: string | null }) {
  return vacancyContractLabel(v);
}

export function payLabel(v: Pick<PublicVacancy, "payMin" | "payMax" | "payPeriod">): string | null {
  if (v.payMin === null && v.payMax === null) return null;
  const period = v.payPeriod ? ` ${PAY_PERIOD_LABELS[v.payPeriod]}` : "";
  if (v.payMin !== null && v.payMax !== null && v.payMin !== v.payMax)
    return `da ${formatMoney(v.payMin)} a ${formatMoney(v.payMax)} lordi${period}`;
  return `${formatMoney((v.payMin ?? v.payMax)!)} lordi${period}`;
}

export function hoursLabel(v: Pick<PublicVacancy, "workingTime" | "weeklyHours"> & { workingTimeCode?: string | null }): string {
  const label = WORKING_TIME_CODES[v.workingTimeCode as keyof typeof WORKING_TIME_CODES] ?? WORKING_TIME_LABELS[v.workingTime];
  return `${label}${v.weeklyHours ? `, ${plural(v.weeklyHours, "ora settimanale", "ore settimanali")}` : ""}`;
}

/** The vacancy as a definition list plus requirements; the same view for the public, employers and officers. */
export function VacancyFacts({ v, showInternal = false }: { v: PublicVacancy; showInternal?: boolean }) {
  const pay = payLabel(v);
  return (
    <>
      <dl className="row">
        <dt className="col-sm-4">Professione (CP2021)</dt>
        <dd className="col-sm-8">
          {v.occupationTitle} ({v.occupationCode})
        </dd>
        {v.atecoTitle ? (
          <>
            <dt className="col-sm-4">Settore</dt>
            <dd className="col-sm-8">{v.atecoTitle}</dd>
          </>
        ) : null}
        <dt className="col-sm-4">Sede di lavoro</dt>
        <dd className="col-sm-8">
          {v.comuneName} ({v.provinceCode}){showInternal ? ` — candidati entro ${v.radiusKm} km` : ""}
        </dd>
        <dt className="col-sm-4">Contratto</dt>
        <dd className="col-sm-8">
          {contractLabel(v)}
          {v.ccnl ? ` — CCNL ${v.ccnlLabel ?? ""} (${v.ccnl})` : ""}
          {v.ccnlNote ? ` — ${v.ccnlNote}` : ""}
        </dd>
        {v.ccnlCnel ? (
          <>
            <dt className="col-sm-4">Codice CNEL del contratto</dt>
            <dd className="col-sm-8">{v.ccnlCnelLabel ?? v.ccnlCnel}</dd>
          </>
        ) : null}
        <dt className="col-sm-4">Orario</dt>
        <dd className="col-sm-8">
          {hoursLabel(v)}
          {v.shifts ? ` — ${v.shifts}` : ""}
        </dd>
        {pay ? (
          <>
            <dt className="col-sm-4">Retribuzione</dt>
            <dd className="col-sm-8">{pay}</dd>
          </>
        ) : null}
        <dt className="col-sm-4">Posti</dt>
        <dd className="col-sm-8">{v.positions}</dd>
        {v.startDate ? (
          <>
            <dt className="col-sm-4">Inizio previsto</dt>
            <dd className="col-sm-8">{formatDate(v.startDate)}</dd>
          </>
        ) : null}
        <dt className="col-sm-4">Scadenza</dt>
        <dd className="col-sm-8">{formatDate(v.closingDate)}</dd>
        {v.l68Reserved !== "no" ? (
          <>
            <dt className="col-sm-4">Collocamento mirato</dt>
            <dd className="col-sm-8">{L68_LABELS[v.l68Reserved]}</dd>
          </>
        ) : null}
        {showInternal ? (
          <>
            <dt className="col-sm-4">Pubblicazione</dt>
            <dd className="col-sm-8">{PUBLICATION_MODE_LABELS[v.publicationMode]}</dd>
          </>
        ) : null}
      </dl>
      <h2 className="h4">Descrizione</h2>
      <p className="rosa-pre-line">{v.description}</p>
      {v.tasks ? (
        <>
          <h2 className="h4">Mansioni</h2>
          <p className="rosa-pre-line">{v.tasks}</p>
        </>
      ) : null}
      <h2 className="h4">Requisiti</h2>
      {v.requirements.length ? (
        <ol>
          {v.requirements.map((r) => (
            <li key={r.position}>
              {requirementLabel(r)} <span className="badge bg-light text-dark">{PRIORITY_LABELS[r.priority]}</span>
            </li>
          ))}
        </ol>
      ) : (
        <p>Nessun requisito indicato.</p>
      )}
    </>
  );
}

export function DiscriminationWarnings({ findings }: { findings: DiscriminationFinding[] }) {
  if (!findings.length) return null;
  return (
    <div className="alert alert-warning" role="status">
      <h2 className="h5">Verifica di non discriminazione: da controllare</h2>
      <ul className="mb-0">
        {findings.map((f, i) => (
          <li key={i}>
            «{f.match}»: {f.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
