import { getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { CheckboxField, ErrorSummary, SelectField, TextAreaField, TextField } from "~/components/forms";
import {
  AttendanceSchema,
  AttestSchema,
  CloseSchema,
  CompleteSchema,
  DOSSIER_KIND_LABELS,
  DossierSchema,
  ExtendSchema,
  INTERNSHIP_MODALITY_LABELS,
  INTERRUPTED_BY_LABELS,
  INTERRUPTION_REASONS_BY,
  INTERRUPTION_REASON_LABELS,
  InterruptSchema,
  OUTCOME_STATUS_LABELS,
  OutcomeSchema,
  REQUESTED_BY_LABELS,
  ResumeSchema,
  SUSPENSION_REASON_LABELS,
  ServiceTimeSchema,
  SuspendSchema,
  UnilavFiledSchema,
} from "~/domain/internships";
import type { InternshipMonitoring } from "~/domain/internships/index.server";
import { formatDate, formatMoney } from "~/utils/format";
import { plural } from "~/utils/plural";
import { useSchemaForm, type FormResult } from "~/web/conform";

/**
 * The during-and-after panels of an internship (docs/decisions/tirocini.md «Durante e dopo»): attendance with the
 * Region's threshold, suspensions/extensions/UNILAV changes, dossier, attestazione, outcome and the officer's time.
 * The case pages render them with the data of `internshipMonitoring` (serialised by the loader).
 */
export type MonitoringData = Omit<
  InternshipMonitoring,
  "extensions" | "suspensions" | "unilav" | "dossier" | "attestation" | "outcomes" | "time" | "register"
> & {
  extensions: (Omit<InternshipMonitoring["extensions"][number], "createdAt"> & { createdAt: string | Date })[];
  suspensions: {
    id: string;
    reason: string;
    requested_by: string;
    start_date: string;
    expected_end_date: string;
    resumed_on: string | null;
    days: number | null;
  }[];
  unilav: { id: string; kind: string; effective_date: string; reason: string | null; protocol: string | null; filed_on: string | null }[];
  dossier: {
    id: string;
    kind: string;
    occurred_on: string;
    title: string;
    description: string;
    competences: string;
    author_kind: string;
  }[];
  attestation: { issued_on: string; host_signer_name: string; competences: string } | null;
  outcomes: InternshipMonitoring["outcomes"];
  time: { id: string | number; delivered_on: string; minutes: number; modality: string; activity: string; officer: string }[];
  register: {
    standard_code: string;
    minutes: number;
    modality: string;
    delivered_on: string;
    justification: string | null;
    bounds: string;
  } | null;
};

const cents = (c: number) => formatMoney(c / 100);
const monthName = (iso: string) =>
  new Intl.DateTimeFormat("it-IT", { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));

/** Monthly attendance: planned and attended hours, the share against the Region's threshold, the indemnity due and paid. */
export function InternshipAttendancePanel({ data, children }: { data: MonitoringData; children?: ReactNode }) {
  const { totals, rule, months } = data;
  const percent = Math.floor(totals.percentBp / 100);
  return (
    <section aria-labelledby="presenze" className="mb-5">
      <h2 id="presenze" className="h4">
        Presenze e indennità
      </h2>
      <p>{rule.text}</p>
      <p>
        Indennità mensile del progetto: <strong>{cents(data.internship.monthlyIndemnityCents)}</strong>. Presenze sull&apos;intero progetto:{" "}
        <strong>{totals.percentLabel}</strong> ({totals.attendedLabel} su {totals.plannedLabel} previste; i mesi non registrati contano
        zero). L&apos;attestazione richiede almeno il {rule.attestationMinPercent} %:{" "}
        {totals.attestationAllowed ? "soglia raggiunta." : "soglia non ancora raggiunta."}
      </p>
      <p>
        <label htmlFor="attendance-meter">Presenze rispetto alla soglia del {rule.attestationMinPercent} %</label>
        <br />
        <meter id="attendance-meter" min={0} max={100} low={rule.attestationMinPercent} optimum={100} value={Math.min(percent, 100)}>
          {totals.percentLabel}
        </meter>{" "}
        {totals.percentLabel}
      </p>
      {months.length ? (
        <div className="table-responsive" tabIndex={0}>
          <table className="table">
            <caption>Presenze per mese (soglia per l&apos;indennità piena: {rule.thresholdPercent} %)</caption>
            <thead>
              <tr>
                <th scope="col">Mese</th>
                <th scope="col">Ore previste</th>
                <th scope="col">Ore di presenza</th>
                <th scope="col">Presenze</th>
                <th scope="col">Indennità dovuta</th>
                <th scope="col">Indennità pagata</th>
              </tr>
            </thead>
            <tbody>
              {months.map((m) => (
                <tr key={m.id}>
                  <th scope="row">{monthName(m.month)}</th>
                  <td>{m.plannedLabel}</td>
                  <td>{m.attendedLabel}</td>
                  <td>
                    {m.percentLabel} {m.full ? "(piena)" : "(sotto soglia)"}
                  </td>
                  <td>{cents(m.dueCents)}</td>
                  <td>
                    {m.paidCents === null ? "—" : cents(m.paidCents)}
                    {m.paidCents !== null && m.paidCents < m.dueCents ? " — inferiore al dovuto" : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>Nessun mese registrato.</p>
      )}
      {children}
    </section>
  );
}

/** Suspensions, extensions and the UNILAV changes (proroga, cessazione) to file. */
export function InternshipChangesPanel({ data, children }: { data: MonitoringData; children?: ReactNode }) {
  const i = data.internship;
  return (
    <section aria-labelledby="variazioni" className="mb-5">
      <h2 id="variazioni" className="h4">
        Date, sospensioni e proroghe
      </h2>
      <p>
        Dal {i.startDate ? formatDate(i.startDate) : "—"} al {i.endDate ? formatDate(i.endDate) : "—"}
        {i.actualEndDate && i.actualEndDate !== i.endDate ? ` (ultimo giorno effettivo ${formatDate(i.actualEndDate)})` : ""}; durata del
        progetto {plural(i.plannedMonths, "mese", "mesi")}, sospensioni escluse.
        {i.hostTutorName
          ? ` Tutor aziendale: ${i.hostTutorName}, che segue altri ${i.hostTutorTrainees} tirocinanti (massimo 3 in tutto).`
          : ""}
      </p>
      {i.interruptedBy ? (
        <p>
          Interrotto da: {INTERRUPTED_BY_LABELS[i.interruptedBy as keyof typeof INTERRUPTED_BY_LABELS]} —{" "}
          {i.interruptionReason ? INTERRUPTION_REASON_LABELS[i.interruptionReason as keyof typeof INTERRUPTION_REASON_LABELS] : ""}.{" "}
          {i.endReason}
        </p>
      ) : null}
      {data.suspensions.length ? (
        <ul>
          {data.suspensions.map((s) => (
            <li key={s.id}>
              {SUSPENSION_REASON_LABELS[s.reason as keyof typeof SUSPENSION_REASON_LABELS]} (chiesta da{" "}
              {REQUESTED_BY_LABELS[s.requested_by as keyof typeof REQUESTED_BY_LABELS].toLowerCase()}) dal {formatDate(s.start_date)}
              {s.resumed_on
                ? `, rientro il ${formatDate(s.resumed_on)}: ${plural(s.days ?? 0, "giorno", "giorni")}`
                : `, in corso (fine prevista ${formatDate(s.expected_end_date)})`}
            </li>
          ))}
        </ul>
      ) : (
        <p>Nessuna sospensione.</p>
      )}
      {data.extensions.length ? (
        <ul>
          {data.extensions.map((e) => (
            <li key={e.id}>
              Proroga: fine dal {formatDate(e.previousEndDate)} al {formatDate(e.newEndDate)}, da {plural(e.previousMonths, "mese", "mesi")}{" "}
              a {plural(e.newMonths, "mese", "mesi")} — {e.reason}
            </li>
          ))}
        </ul>
      ) : null}
      {data.unilav.length ? (
        <>
          <h3 className="h5">Comunicazioni obbligatorie (UNILAV, tipologia C.01.00)</h3>
          <ul>
            {data.unilav.map((u) => (
              <li key={u.id}>
                {u.kind === "proroga" ? "Proroga" : "Cessazione"} con data {formatDate(u.effective_date)}:{" "}
                {u.protocol
                  ? `inviata il ${formatDate(u.filed_on!)}, protocollo ${u.protocol}`
                  : "da inviare a cura dell'azienda ospitante"}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {children}
    </section>
  );
}

/** The individual dossier: activities, evidences, tutor visits, evaluations. */
export function InternshipDossierPanel({ data, children }: { data: MonitoringData; children?: ReactNode }) {
  return (
    <section aria-labelledby="dossier" className="mb-5">
      <h2 id="dossier" className="h4">
        Dossier individuale
      </h2>
      {data.dossier.length ? (
        <ul>
          {data.dossier.map((d) => (
            <li key={d.id}>
              <strong>{formatDate(d.occurred_on)}</strong> — {DOSSIER_KIND_LABELS[d.kind as keyof typeof DOSSIER_KIND_LABELS]}: {d.title}
              {d.competences ? ` (competenze: ${d.competences})` : ""}
              {d.description ? <div>{d.description}</div> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>Il dossier è ancora vuoto.</p>
      )}
      {children}
    </section>
  );
}

/** The attestazione (or why it cannot be issued) and the outcome at 6 and 12 months. */
export function InternshipOutcomePanel({ data, pdfHref, children }: { data: MonitoringData; pdfHref?: string; children?: ReactNode }) {
  return (
    <section aria-labelledby="esito" className="mb-5">
      <h2 id="esito" className="h4">
        Attestazione ed esito
      </h2>
      {data.attestation ? (
        <p>
          Attestazione rilasciata il {formatDate(data.attestation.issued_on)}, firmata per l&apos;azienda da{" "}
          {data.attestation.host_signer_name}. {pdfHref ? <a href={pdfHref}>Scarica l&apos;attestazione (PDF)</a> : null}
        </p>
      ) : (
        <p>Attestazione non ancora rilasciata (richiede almeno il 70 % delle ore previste; presenze attuali {data.totals.percentLabel}).</p>
      )}
      {data.outcomes.length ? (
        <div className="table-responsive" tabIndex={0}>
          <table className="table">
            <caption>Esito occupazionale dopo la fine</caption>
            <thead>
              <tr>
                <th scope="col">Dopo</th>
                <th scope="col">Fino al</th>
                <th scope="col">Esito</th>
                <th scope="col">Dettagli</th>
              </tr>
            </thead>
            <tbody>
              {data.outcomes.map((o) => (
                <tr key={o.id}>
                  <th scope="row">{plural(o.horizon_months, "mese", "mesi")}</th>
                  <td>{formatDate(o.window_end)}</td>
                  <td>{OUTCOME_STATUS_LABELS[o.status]}</td>
                  <td>
                    {o.status === "hired"
                      ? `Dal ${formatDate(o.hired_on!)}, ${o.hired_by_host ? "dall'azienda ospitante" : "da un altro datore di lavoro"} (${o.source === "rosa" ? "assunzione registrata in Rosa" : "dichiarato"})`
                      : (o.note ?? "—")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>L&apos;esito si osserva dalla fine del tirocinio: a 6 e a 12 mesi.</p>
      )}
      {children}
    </section>
  );
}

/** The officer's time on the internship and the LEP R register row it makes. */
export function InternshipServiceTimePanel({ data, children }: { data: MonitoringData; children?: ReactNode }) {
  const s = data.registerStandard;
  return (
    <section aria-labelledby="tempo" className="mb-5">
      <h2 id="tempo" className="h4">
        Tempo dedicato (registro dei servizi, LEP R)
      </h2>
      <p>
        Standard {s.code}:{" "}
        {s.minMinutes
          ? `da ${s.minMinutes} a ${plural(s.maxMinutes, "minuto", "minuti")}`
          : `fino a ${plural(s.maxMinutes, "minuto", "minuti")}`}{" "}
        per tirocinio; riferimento Emilia-Romagna {plural(s.referenceMinutes, "minuto", "minuti")}.{" "}
        {data.register
          ? `Nel registro: ${plural(data.register.minutes, "minuto", "minuti")}, ${INTERNSHIP_MODALITY_LABELS[data.register.modality as keyof typeof INTERNSHIP_MODALITY_LABELS].toLowerCase()}${data.register.bounds === "under" ? " (sotto il minimo dello standard)" : data.register.bounds === "over" ? " (oltre il massimo, motivato)" : ""}.`
          : "Nessun tempo registrato."}
      </p>
      {data.time.length ? (
        <ul>
          {data.time.map((t) => (
            <li key={t.id}>
              {formatDate(t.delivered_on)} — {t.activity}: {plural(t.minutes, "minuto", "minuti")},{" "}
              {INTERNSHIP_MODALITY_LABELS[t.modality as keyof typeof INTERNSHIP_MODALITY_LABELS].toLowerCase()} ({t.officer})
            </li>
          ))}
        </ul>
      ) : null}
      {children}
    </section>
  );
}

// ---------------------------------------------------------------------------------------------------------------------
// Forms: each posts its `intent` to the page's action; the reply goes back to the form that sent it.

type Reply = { result?: FormResult } | undefined;
const mine = (reply: Reply, intent: string) =>
  reply?.result && (reply.result.initialValue as Record<string, unknown> | undefined)?.intent === intent ? reply.result : undefined;

function FormShell({
  form,
  intent,
  version,
  submit,
  children,
}: {
  form: ReturnType<typeof useSchemaForm>[0];
  intent: string;
  version?: number;
  submit: string;
  children: ReactNode;
}) {
  return (
    <Form method="post" {...getFormProps(form)} className="mb-4">
      <ErrorSummary form={form} />
      <input type="hidden" name="intent" value={intent} />
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      {children}
      <button type="submit" className="btn btn-primary">
        {submit}
      </button>
    </Form>
  );
}

type FormProps = { reply: Reply; data: MonitoringData };

export function AttendanceForm({ reply, data }: FormProps) {
  const [form, f] = useSchemaForm(AttendanceSchema, {
    id: "presenze-mese",
    lastResult: mine(reply, "attendance"),
    defaultValue: { month: (data.suggestedMonth ?? data.months.at(-1)?.month ?? "").slice(0, 7) },
  });
  return (
    <FormShell form={form} intent="attendance" submit="Registra le presenze del mese">
      <h3 className="h5">Registra un mese</h3>
      <TextField field={f.month} label="Mese" type="month" hint="Un mese già registrato viene corretto." />
      <TextField field={f.attendedHours} label="Ore di presenza" hint="Es. 128 o 127,5" />
      <TextField
        field={f.plannedHours}
        label="Ore previste (facoltativo)"

        hint="Vuoto: le calcola Rosa dal progetto (ore settimanali sui giorni lavorativi del mese, sospensioni escluse)."
      />
      <TextField field={f.indemnityPaid} label="Indennità pagata in euro (facoltativo)" />
      <TextAreaField field={f.absencesNote} label="Assenze (facoltativo)" rows={2} />
    </FormShell>
  );
}

export function SuspendForm({ reply, data }: FormProps) {
  const [form, f] = useSchemaForm(SuspendSchema, { id: "sospendi", lastResult: mine(reply, "suspend") });
  return (
    <FormShell form={form} intent="suspend" version={data.internship.version} submit="Sospendi il tirocinio">
      <h3 className="h5">Sospendi</h3>
      <p>
        Ammessa per maternità, malattia o infortunio di almeno 30 giorni, chiusura aziendale di almeno 15 giorni (valori della Regione).
      </p>
      <SelectField field={f.reason} label="Motivo" options={SUSPENSION_REASON_LABELS} placeholder="Scegli" />
      <SelectField field={f.requestedBy} label="Chiesta da" options={REQUESTED_BY_LABELS} placeholder="Scegli" />
      <TextField field={f.startDate} label="Primo giorno di sospensione" type="date" />
      <TextField
        field={f.expectedEndDate}
        label="Ultimo giorno previsto"
        type="date"
        hint="Dal certificato o dalla comunicazione di chiusura."
      />
      <TextAreaField field={f.note} label="Nota (facoltativo)" rows={2} />
    </FormShell>
  );
}

export function ResumeForm({ reply, data }: FormProps) {
  const [form, f] = useSchemaForm(ResumeSchema, { id: "riprendi", lastResult: mine(reply, "resume") });
  return (
    <FormShell form={form} intent="resume" version={data.internship.version} submit="Riprendi il tirocinio">
      <h3 className="h5">Riprendi</h3>
      <p>La data di fine si sposta in avanti di tanti giorni quanti quelli di sospensione.</p>
      <TextField field={f.resumedOn} label="Giorno del rientro" type="date" />
    </FormShell>
  );
}

export function ExtendForm({ reply, data }: FormProps) {
  const [form, f] = useSchemaForm(ExtendSchema, { id: "proroga", lastResult: mine(reply, "extend") });
  return (
    <FormShell form={form} intent="extend" version={data.internship.version} submit="Prepara l'integrazione di proroga">
      <h3 className="h5">Proroga</h3>
      <p>
        La nuova durata totale viene ricontrollata con le regole della Regione: oltre il massimo la proroga non è ammessa. La proroga è
        un&apos;integrazione del progetto formativo e vale quando la firmano le tre parti.
      </p>
      <TextField field={f.months} label="Mesi di proroga" type="number" />
      <TextAreaField field={f.reason} label="Motivo" rows={2} />
    </FormShell>
  );
}

export function InterruptForm({ reply, data, as }: FormProps & { as: "officer" | "employer" }) {
  const [form, f] = useSchemaForm(InterruptSchema, {
    id: "interrompi",
    lastResult: mine(reply, "interrupt"),
    defaultValue: as === "employer" ? { by: "host" } : undefined,
  });
  const by = as === "employer" ? ["host" as const] : (["trainee", "host", "promoter"] as const);
  const reasons = [...new Set(by.flatMap((b) => INTERRUPTION_REASONS_BY[b]))];
  return (
    <FormShell form={form} intent="interrupt" version={data.internship.version} submit="Interrompi il tirocinio">
      <h3 className="h5">Interruzione anticipata</h3>
      <SelectField field={f.by} label="Chi interrompe" options={by.map((b) => [b, INTERRUPTED_BY_LABELS[b]])} placeholder="Scegli" />
      <SelectField field={f.reason} label="Motivo" options={reasons.map((r) => [r, INTERRUPTION_REASON_LABELS[r]])} placeholder="Scegli" />
      <TextField field={f.lastDay} label="Ultimo giorno di tirocinio" type="date" />
      <TextAreaField field={f.note} label="Motivazione" rows={2} />
    </FormShell>
  );
}

export function DossierForm({ reply }: FormProps) {
  const [form, f] = useSchemaForm(DossierSchema, { id: "dossier-voce", lastResult: mine(reply, "dossier") });
  return (
    <FormShell form={form} intent="dossier" submit="Aggiungi al dossier">
      <h3 className="h5">Aggiungi una voce</h3>
      <SelectField field={f.kind} label="Tipo" options={DOSSIER_KIND_LABELS} placeholder="Scegli" />
      <TextField field={f.occurredOn} label="Data" type="date" />
      <TextField field={f.title} label="Titolo" />
      <TextAreaField field={f.description} label="Descrizione (facoltativo)" rows={2} />
      <TextField field={f.competences} label="Competenze (facoltativo)" />
    </FormShell>
  );
}

export function AttestForm({ reply, data }: FormProps) {
  const [form, f] = useSchemaForm(AttestSchema, { id: "attestazione", lastResult: mine(reply, "attest") });
  return (
    <FormShell form={form} intent="attest" version={data.internship.version} submit="Rilascia l'attestazione">
      <h3 className="h5">Attestazione finale</h3>
      <TextAreaField field={f.competences} label="Competenze acquisite" rows={3} />
      <TextField field={f.hostSignerName} label="Firma per l'azienda ospitante (nome e cognome)" />
    </FormShell>
  );
}

export function CloseForm({ reply, data }: FormProps) {
  const [form, f] = useSchemaForm(CloseSchema, { id: "chiudi", lastResult: mine(reply, "close") });
  return (
    <FormShell form={form} intent="close" version={data.internship.version} submit="Chiudi senza attestazione">
      <h3 className="h5">Chiusura senza attestazione</h3>
      <p>Presenze al {data.totals.percentLabel} delle ore previste: sotto il 70 % l&apos;attestazione non si rilascia.</p>
      <TextAreaField field={f.note} label="Nota (facoltativo)" rows={2} />
    </FormShell>
  );
}

/** The officer records the conclusion of an internship past its end date (the job would do it within its next run). */
export function CompleteForm({ reply, data }: FormProps) {
  const [form] = useSchemaForm(CompleteSchema, { id: "concludi", lastResult: mine(reply, "complete") });
  return (
    <FormShell form={form} intent="complete" version={data.internship.version} submit="Registra la conclusione">
      <h3 className="h5">Conclusione</h3>
      <p>
        Il tirocinio è finito il {data.internship.endDate ? formatDate(data.internship.endDate) : "—"}: registra la conclusione per
        rilasciare l&apos;attestazione (altrimenti Rosa la registra da sola al prossimo controllo, ogni 15 minuti).
      </p>
    </FormShell>
  );
}

export function ServiceTimeForm({ reply }: FormProps) {
  const [form, f] = useSchemaForm(ServiceTimeSchema, { id: "tempo-servizio", lastResult: mine(reply, "time") });
  return (
    <FormShell form={form} intent="time" submit="Registra il tempo">
      <h3 className="h5">Registra il tempo dedicato</h3>
      <TextField field={f.deliveredOn} label="Data" type="date" />
      <TextField field={f.minutes} label="Minuti" type="number" />
      <SelectField field={f.modality} label="Modalità" options={INTERNSHIP_MODALITY_LABELS} placeholder="Scegli" />
      <TextField field={f.activity} label="Attività" hint="Es. scouting, colloquio, visita in azienda, contatto con il tutor" />
      <TextAreaField field={f.justification} label="Motivazione (se si supera il massimo dello standard)" rows={2} />
    </FormShell>
  );
}

export function OutcomeForm({ reply }: FormProps) {
  const [form, f] = useSchemaForm(OutcomeSchema, { id: "esito", lastResult: mine(reply, "outcome") });
  return (
    <FormShell form={form} intent="outcome" submit="Registra l'esito dichiarato">
      <h3 className="h5">Esito dichiarato dalla persona</h3>
      <p>Solo se l&apos;assunzione non è registrata in Rosa: l&apos;esito resta segnato come dichiarato.</p>
      <SelectField
        field={f.horizonMonths}
        label="Dopo"
        options={[
          ["6", "6 mesi"],
          ["12", "12 mesi"],
        ]}
        placeholder="Scegli"
      />
      <SelectField
        field={f.hired}
        label="Assunto"
        options={[
          ["yes", "Sì"],
          ["no", "No"],
        ]}
        placeholder="Scegli"
      />
      <TextField field={f.hiredOn} label="Data di assunzione (se assunto)" type="date" />
      <CheckboxField field={f.byHost} label="Assunto dall'azienda ospitante" />
      <TextField field={f.note} label="Nota (facoltativo)" />
    </FormShell>
  );
}

export function UnilavFiledForm({ reply, change }: { reply: Reply; change: { id: string; kind: string } }) {
  const [form, f] = useSchemaForm(UnilavFiledSchema, { id: `unilav-${change.id}`, lastResult: mine(reply, "unilav") });
  return (
    <FormShell form={form} intent="unilav" submit={`Registra l'invio della ${change.kind}`}>
      <input type="hidden" name="changeId" value={change.id} />
      <TextField field={f.protocol} label={`Protocollo della ${change.kind}`} />
      <TextField field={f.filedOn} label="Data di invio" type="date" />
    </FormShell>
  );
}
