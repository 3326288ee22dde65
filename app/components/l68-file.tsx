/** The employer's L. 68 file, shared by the employer's page and the placement officer's page. */
import { getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { CheckboxField, ErrorSummary, SelectField, TextField } from "~/components/forms";
import {
  CONTRACT_LABELS,
  EmployerTypeFormSchema,
  EMPLOYER_TYPE_LABELS,
  EXCLUSION_LABELS,
  INVALIDITY_CATEGORY_LABELS,
  PROTECTED_CATEGORY_LABELS,
  patronSaintOf,
  OBLIGATION_CAUSE_LABELS,
  OBLIGATION_RESOLUTION_LABELS,
  OBLIGATION_STATUS_LABELS,
  ProtectedWorkerFormSchema,
  type ProvinceAllocation,
  WorkforceGroupFormSchema,
} from "~/domain/l68";
import type { FileView } from "~/domain/l68/file/index.server";
import { formatDate, formatDateTime, formatMoney, formatNumber } from "~/utils/format";
import { plural } from "~/utils/plural";
import { useSchemaForm, type FormResult } from "~/web/conform";

/**
 * The action's last reply (conform's), shared by the forms of the file page: each form takes it when its
 * values carry the form's `intent`.
 */
export type FileReply = FormResult | null | undefined;
export const replyFor = (reply: FileReply, intent: string) => (reply?.initialValue?.intent === intent ? reply : null);
/** The forms that show their own reply; any other (a row's «Elimina», an unknown operation) goes to the page's summary. */
export const pageReply = (reply: FileReply) =>
  ["add-group", "add-worker", "worker-left", "employer-type"].includes(String(reply?.initialValue?.intent)) ? null : (reply ?? null);

const BAND_LABELS: Record<string, string> = {
  under15: "meno di 15 dipendenti computabili: nessun obbligo",
  "15-35": "da 15 a 35 dipendenti computabili",
  "36-50": "da 36 a 50 dipendenti computabili",
  over50: "più di 50 dipendenti computabili",
};

export function QuotaSummary({ latest }: { latest: FileView["latest"] }) {
  if (!latest) {
    return <p>Non hai ancora dichiarato l'organico: aggiungi i gruppi di lavoratori per calcolare la quota di riserva.</p>;
  }
  const r = latest.result;
  return (
    <section aria-labelledby="quota-title">
      <h2 id="quota-title" className="h4">
        Quota di riserva al {formatDate(latest.reference_date)}
      </h2>
      <dl className="row" data-testid="quota-summary">
        <dt className="col-sm-5">Base di computo</dt>
        <dd className="col-sm-7">
          {formatNumber(r.baseComputo)} ({BAND_LABELS[r.band]})
        </dd>
        <dt className="col-sm-5">Quota disabili (art. 3)</dt>
        <dd className="col-sm-7">{formatNumber(r.quotaDisabili)}</dd>
        <dt className="col-sm-5">Unità coperte</dt>
        <dd className="col-sm-7">{formatNumber(r.coveredDisabili)}</dd>
        <dt className="col-sm-5">Posti scoperti (disabili)</dt>
        <dd className="col-sm-7" data-testid="uncovered-disabili">
          {formatNumber(r.uncoveredDisabili)}
        </dd>
        <dt className="col-sm-5">Quota art. 18 c. 2 (coperti / scoperti)</dt>
        <dd className="col-sm-7">
          {formatNumber(r.quotaArt18)} ({formatNumber(r.coveredArt18)} / {formatNumber(r.uncoveredArt18)})
        </dd>
        {r.exemption ? (
          <>
            <dt className="col-sm-5">Esonero parziale</dt>
            <dd className="col-sm-7">
              {formatNumber(r.exemption.exemptedUnits)} unità, contributo {formatMoney(r.exemption.totalAmount)}
            </dd>
          </>
        ) : null}
        <dt className="col-sm-5">Ancora da coprire</dt>
        <dd className="col-sm-7">
          <strong>{formatNumber(latest.missing_after_exemptions)}</strong>
        </dd>
      </dl>
      <details open>
        <summary>Come è stata calcolata la quota</summary>
        <ol className="mt-2" aria-label="Spiegazione del calcolo">
          {r.explanation.map((step, i) => (
            <li key={i}>{step}</li>
          ))}
        </ol>
      </details>
      {r.provinces.length > 1 ? <ProvinceTable provinces={r.provinces} /> : null}
    </section>
  );
}

function ProvinceTable({ provinces }: { provinces: ProvinceAllocation[] }) {
  return (
    <div className="table-responsive" tabIndex={0}>
      <table className="table table-sm">
        <caption>Ripartizione della quota tra le province e compensazione automatica (art. 5 c. 8)</caption>
        <thead>
          <tr>
            <th scope="col">Provincia</th>
            <th scope="col">Base</th>
            <th scope="col">Quota</th>
            <th scope="col">Coperti</th>
            <th scope="col">Compensati da altre province</th>
            <th scope="col">Ceduti ad altre province</th>
            <th scope="col">Posti in convenzione</th>
            <th scope="col">Scoperti</th>
          </tr>
        </thead>
        <tbody>
          {provinces.map((p) => (
            <tr key={p.province}>
              <th scope="row">{p.province}</th>
              <td>{p.base}</td>
              <td>{p.quota}</td>
              <td>{p.covered}</td>
              <td>{p.compensationIn}</td>
              <td>{p.compensationOut}</td>
              <td>{p.conventionPlaces ?? 0}</td>
              <td>{p.uncovered}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function WorkforceSection({ view, reply }: { view: FileView; reply?: FileReply }) {
  const [form, fields] = useSchemaForm(WorkforceGroupFormSchema, {
    id: "add-group",
    lastResult: replyFor(reply, "add-group"),
    defaultValue: { contract: "indeterminato" },
  });
  return (
    <section aria-labelledby="workforce-title" className="mt-4">
      <h2 id="workforce-title" className="h4">
        Organico per sede operativa
      </h2>
      <div className="table-responsive" tabIndex={0}>
        <table className="table">
          <caption>Gruppi di lavoratori dichiarati (esclusi i lavoratori delle categorie protette)</caption>
          <thead>
            <tr>
              <th scope="col">Provincia e sede</th>
              <th scope="col">Lavoratori</th>
              <th scope="col">Contratto</th>
              <th scope="col">Orario</th>
              <th scope="col">Esclusione</th>
              <th scope="col">Azioni</th>
            </tr>
          </thead>
          <tbody>
            {view.groups.map((g) => (
              <tr key={g.id}>
                <td>
                  {g.province_code}
                  {g.site_label ? ` — ${g.site_label}` : ""}
                  <br />
                  <small>{unitHolidaysText(g.province_code, g.patron_saint, g.extra_holidays)}</small>
                </td>
                <td>{formatNumber(g.count)}</td>
                <td>
                  {CONTRACT_LABELS[g.contract as keyof typeof CONTRACT_LABELS] ?? g.contract}
                  {g.months ? ` (${plural(g.months, "mese", "mesi")})` : ""}
                </td>
                <td>{g.weekly_hours !== null ? `${g.weekly_hours}/${g.full_time_hours} ore` : "Tempo pieno"}</td>
                <td>{g.exclusion ? EXCLUSION_LABELS[g.exclusion as keyof typeof EXCLUSION_LABELS] : "—"}</td>
                <td>
                  <Form method="post">
                    <input type="hidden" name="intent" value="remove-group" />
                    <input type="hidden" name="version" value={view.file.version} />
                    <input type="hidden" name="groupId" value={g.id} />
                    <button type="submit" className="btn btn-outline-danger btn-xs">
                      Elimina
                      <span className="visually-hidden">
                        {" "}
                        il gruppo di {plural(g.count, "lavoratore", "lavoratori")} in {g.province_code}
                      </span>
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3 className="h5">Aggiungi un gruppo di lavoratori</h3>
      <ErrorSummary form={form} />
      <Form method="post" className="row" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="add-group" />
        <input type="hidden" name="version" value={view.file.version} />
        <div className="col-md-3">
          <TextField field={fields.provinceCode} label="Provincia (sigla)" maxLength={2} />
        </div>
        <div className="col-md-5">
          <TextField field={fields.siteLabel} label="Sede operativa" />
        </div>
        <div className="col-md-4">
          <TextField field={fields.count} label="Numero di lavoratori" inputMode="numeric" />
        </div>
        <div className="col-md-6">
          <SelectField field={fields.contract} label="Tipo di contratto" options={CONTRACT_LABELS} />
        </div>
        <div className="col-md-6">
          <SelectField field={fields.exclusion} label="Esclusione dalla base di computo" placeholder="Nessuna" options={EXCLUSION_LABELS} />
        </div>
        <div className="col-md-4">
          <TextField field={fields.months} label="Durata in mesi (tempo determinato)" inputMode="numeric" hint="Proroghe comprese" />
        </div>
        <div className="col-md-4">
          <TextField field={fields.weeklyHours} label="Ore settimanali (tempo parziale)" inputMode="numeric" />
        </div>
        <div className="col-md-4">
          <TextField field={fields.fullTimeHours} label="Ore a tempo pieno del CCNL" inputMode="numeric" />
        </div>
        <div className="col-md-4">
          <TextField
            field={fields.patronSaint}
            label="Santo patrono della sede (giorno/mese)"
            hint="Se vuoto vale quello del capoluogo di provincia, se noto. Conta per le giornate lavorative del contributo esonerativo."
          />
        </div>
        <div className="col-md-8">
          <TextField
            field={fields.extraHolidays}
            label="Festività aggiuntive del CCNL o locali"
            hint="Giorno/mese (ogni anno) o giorno/mese/anno, separate da virgole, es. 14/8, 2/11/2026"
          />
        </div>
        <div className="col-12 mb-4">
          <button type="submit" className="btn btn-primary">
            Aggiungi e ricalcola
          </button>
        </div>
      </Form>
    </section>
  );
}

/** The unit's local holidays as shown in the table: declared patron, else the capital's (prefill), and CCNL days. */
function unitHolidaysText(province: string, patron: string | null, extra: string[] | null): string {
  const dm = (d: string) => (d.length === 5 ? `${d.slice(3)}/${d.slice(0, 2)}` : `${d.slice(8)}/${d.slice(5, 7)}/${d.slice(0, 4)}`);
  const capital = patronSaintOf(province);
  const parts = [
    patron ? `Patrono ${dm(patron)}` : capital ? `Patrono ${dm(capital.day)} (${capital.saint}, capoluogo)` : "Patrono non indicato",
  ];
  if (extra?.length) parts.push(`festività CCNL ${extra.map(dm).join(", ")}`);
  return parts.join("; ");
}

/** What the placement officer sees of a worker's health data: percentage, war-table category, psychic disability. */
function healthDetails(w: FileView["workers"][number]): string {
  const parts: string[] = [];
  if (w.disability_percent !== null && w.disability_percent !== undefined) parts.push(`${w.disability_percent}%`);
  if (w.invalidity_category) parts.push(`${w.invalidity_category}ª categoria (DPR 915/1978)`);
  if (w.psychic_disability) parts.push("disabilità intellettiva o psichica");
  if (w.inail_percent !== null && w.inail_percent !== undefined) parts.push(`INAIL ${w.inail_percent}%`);
  if (w.employer_at_fault) parts.push("per inadempimento del datore (non computabile)");
  return parts.length ? parts.join(", ") : "—";
}

export function ProtectedWorkersSection({ view, reply, health }: { view: FileView; reply?: FileReply; health: boolean }) {
  const [form, fields] = useSchemaForm(ProtectedWorkerFormSchema, {
    id: "add-worker",
    lastResult: replyFor(reply, "add-worker"),
    defaultValue: { contract: "indeterminato" },
  });
  // «Registra cessazione» is one small form per row: its reply shows above the table, the date typed stays in its row.
  const leftReply = replyFor(reply, "worker-left");
  const leftRow = leftReply?.initialValue?.workerId;
  const leftError = leftReply?.error?.leftOn?.[0];
  return (
    <section aria-labelledby="workers-title" className="mt-4">
      <h2 id="workers-title" className="h4">
        Lavoratori delle categorie protette in servizio
      </h2>
      {!health ? (
        <p className="text-muted">
          Per tutela dei dati sanitari qui vedi solo le unità computate: le percentuali di invalidità sono visibili soltanto agli operatori
          del collocamento mirato.
        </p>
      ) : null}
      <ErrorSummary result={leftReply} />
      <div className="table-responsive" tabIndex={0}>
        <table className="table">
          <caption>Lavoratori computati nelle quote</caption>
          <thead>
            <tr>
              <th scope="col">Lavoratore</th>
              <th scope="col">Provincia</th>
              <th scope="col">Categoria</th>
              {health ? <th scope="col">Riduzione capacità</th> : null}
              <th scope="col">Assunto il</th>
              <th scope="col">Cessato il</th>
              <th scope="col">Azioni</th>
            </tr>
          </thead>
          <tbody>
            {view.workers.map((w) => (
              <tr key={w.id}>
                <td>{w.worker_name}</td>
                <td>{w.province_code}</td>
                <td>{w.category === "art18" ? "Art. 18 c. 2" : "Disabile"}</td>
                {health ? <td>{healthDetails(w)}</td> : null}
                <td>{formatDate(w.hired_on)}</td>
                <td>{w.left_on ? formatDate(w.left_on) : "In servizio"}</td>
                <td>
                  {w.left_on ? null : (
                    <Form method="post" className="d-flex gap-2 align-items-end">
                      <input type="hidden" name="intent" value="worker-left" />
                      <input type="hidden" name="version" value={view.file.version} />
                      <input type="hidden" name="workerId" value={w.id} />
                      <label className="visually-hidden" htmlFor={`left-${w.id}`}>
                        Data di cessazione di {w.worker_name}
                      </label>
                      <input
                        id={`left-${w.id}`}
                        type="date"
                        name="leftOn"
                        className={`form-control form-control-sm${leftRow === w.id && leftError ? " is-invalid" : ""}`}
                        required
                        defaultValue={leftRow === w.id ? String(leftReply?.initialValue?.leftOn ?? "") : undefined}
                        aria-invalid={leftRow === w.id && leftError ? true : undefined}
                      />
                      <button type="submit" className="btn btn-outline-secondary btn-xs">
                        Registra cessazione
                      </button>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3 className="h5">Registra un lavoratore delle categorie protette</h3>
      <ErrorSummary form={form} />
      <Form method="post" className="row" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="add-worker" />
        <input type="hidden" name="version" value={view.file.version} />
        <div className="col-md-6">
          <TextField field={fields.workerName} label="Nome e cognome del lavoratore" />
        </div>
        <div className="col-md-2">
          <TextField field={fields.provinceCode} label="Provincia (sigla)" maxLength={2} />
        </div>
        <div className="col-md-4">
          <TextField field={fields.hiredOn} type="date" label="Data di assunzione" />
        </div>
        <div className="col-md-6">
          <SelectField field={fields.category} label="Categoria" options={PROTECTED_CATEGORY_LABELS} />
        </div>
        <div className="col-md-6">
          <SelectField field={fields.contract} label="Tipo di contratto" options={CONTRACT_LABELS} />
        </div>
        <div className="col-md-3">
          <TextField field={fields.weeklyHours} label="Ore settimanali (tempo parziale)" inputMode="numeric" />
        </div>
        <div className="col-md-3">
          <TextField field={fields.fullTimeHours} label="Ore a tempo pieno del CCNL" inputMode="numeric" />
        </div>
        <div className="col-md-3">
          <TextField field={fields.months} label="Durata in mesi (tempo determinato o missione)" inputMode="numeric" />
        </div>
        <div className="col-md-3">
          <TextField
            field={fields.disabilityPercent}
            label="Riduzione della capacità lavorativa (%)"
            inputMode="numeric"
            hint="Solo per i disabili ex art. 4: dato sanitario, dopo il salvataggio lo vede solo il collocamento mirato"
          />
        </div>
        <div className="col-md-6">
          <SelectField
            field={fields.invalidityCategory}
            label="Categoria di invalidità di guerra o per servizio"
            placeholder="Nessuna"
            options={INVALIDITY_CATEGORY_LABELS}
            hint="Solo per i disabili ex art. 4 c. 3-bis: le categorie dalla 1ª alla 6ª (tabelle del DPR 915/1978) si computano anche sotto il 60%"
          />
        </div>
        <div className="col-md-6">
          <CheckboxField
            field={fields.psychicDisability}
            label="Disabilità intellettiva o psichica"
            hint="Solo per i disabili ex art. 4 c. 3-bis: si computa se la riduzione della capacità lavorativa supera il 45%"
          />
        </div>
        <div className="col-md-3">
          <TextField
            field={fields.inailPercent}
            label="Grado di invalidità INAIL (%)"
            inputMode="numeric"
            hint="Solo per chi è divenuto disabile per infortunio sul lavoro o malattia professionale: si computa oltre il 33% (art. 3 c. 4 DPR 333/2000)"
          />
        </div>
        <div className="col-md-3">
          <CheckboxField
            field={fields.employerAtFault}
            label="Disabilità causata da inadempimento del datore accertato in giudizio"
            hint="Norme di sicurezza e igiene: il lavoratore non si computa (art. 4 c. 4)"
          />
        </div>
        <div className="col-md-3">
          <CheckboxField field={fields.telework} label="In telelavoro" />
        </div>
        <div className="col-md-3">
          <CheckboxField
            field={fields.fullTimeWorkload}
            label="Lavoro a domicilio o telelavoro pari all'orario pieno, continuativo"
            hint="Senza, il disabile a domicilio o in telelavoro non si computa (art. 4 c. 3)"
          />
        </div>
        <div className="col-12 mb-4">
          <button type="submit" className="btn btn-primary">
            Registra e ricalcola
          </button>
        </div>
      </Form>
    </section>
  );
}

export function EmployerTypeForm({ view, reply }: { view: FileView; reply?: FileReply }) {
  const [form, fields] = useSchemaForm(EmployerTypeFormSchema, {
    id: "employer-type",
    lastResult: replyFor(reply, "employer-type"),
    defaultValue: { employerType: view.file.employer_type },
  });
  return (
    <Form method="post" className="row align-items-end" {...getFormProps(form)}>
      <div className="col-12">
        <ErrorSummary form={form} />
      </div>
      <input type="hidden" name="intent" value="employer-type" />
      <input type="hidden" name="version" value={view.file.version} />
      <div className="col-md-6">
        <SelectField field={fields.employerType} label="Tipo di datore di lavoro" options={EMPLOYER_TYPE_LABELS} />
      </div>
      <div className="col-md-3 mb-4">
        <button type="submit" className="btn btn-outline-primary">
          Salva il tipo
        </button>
      </div>
    </Form>
  );
}

export function ObligationsSection({ view }: { view: FileView }) {
  return (
    <section aria-labelledby="obligations-title" className="mt-4">
      <h2 id="obligations-title" className="h4">
        Scadenze per assumere o chiedere l'avviamento (60 giorni, art. 9 c. 1)
      </h2>
      {view.obligations.length === 0 ? (
        <p>Nessuna scadenza.</p>
      ) : (
        <div className="table-responsive" tabIndex={0}>
          <table className="table">
            <caption>Obblighi di assunzione sorti e loro scadenze</caption>
            <thead>
              <tr>
                <th scope="col">Causa</th>
                <th scope="col">Unità</th>
                <th scope="col">Sorto il</th>
                <th scope="col">Scadenza</th>
                <th scope="col">Stato</th>
              </tr>
            </thead>
            <tbody>
              {view.obligations.map((o) => (
                <tr key={o.id}>
                  <td>{OBLIGATION_CAUSE_LABELS[o.cause]}</td>
                  <td>{o.units}</td>
                  <td>{formatDate(o.arose_on)}</td>
                  <td>{formatDate(o.due_on)}</td>
                  <td>
                    {OBLIGATION_STATUS_LABELS[o.status]}
                    {o.resolution && o.resolution !== "lapsed"
                      ? ` (${OBLIGATION_RESOLUTION_LABELS[o.resolution]}${o.resolved_on ? `, ${formatDate(o.resolved_on)}` : ""})`
                      : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {view.alerts.length ? (
        <>
          <h3 className="h5">Avvisi</h3>
          <ul data-testid="l68-alerts">
            {view.alerts.map((a) => (
              <li key={a.id}>
                {formatDateTime(a.created_at)} — {a.message}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

export function HistorySection({ view }: { view: FileView }) {
  return (
    <section aria-labelledby="history-title" className="mt-4">
      <h2 id="history-title" className="h4">
        Storico dei ricalcoli
      </h2>
      <div className="table-responsive" tabIndex={0}>
        <table className="table table-sm">
          <caption>Ultimi ricalcoli della quota (il più recente in alto)</caption>
          <thead>
            <tr>
              <th scope="col">Data</th>
              <th scope="col">Motivo</th>
              <th scope="col">Base</th>
              <th scope="col">Quota</th>
              <th scope="col">Coperti</th>
              <th scope="col">Da coprire</th>
            </tr>
          </thead>
          <tbody>
            {view.history.map((h) => (
              <tr key={h.id}>
                <td>{formatDateTime(h.computed_at)}</td>
                <td>{h.reason}</td>
                <td>{h.base_computo}</td>
                <td>{h.quota_disabili}</td>
                <td>{h.covered_disabili}</td>
                <td>{h.missing_after_exemptions}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
