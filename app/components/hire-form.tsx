import { getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { CheckboxField, ErrorSummary, SelectField, TextField } from "~/components/forms";
import { CnelLookup, LookupInput } from "~/components/lookup-input";
import { HIRE_CHANNEL_LABELS, hireSchemaFor, WORKING_TIME_LABELS } from "~/domain/shortlists";
import { formatDate, formatDateTime, formatMoney, formatNumber } from "~/utils/format";
import { plural } from "~/utils/plural";
import { useSchemaForm, type FormResult } from "~/web/conform";

/**
 * The hire with the UNILAV fields (docs/decisions/0019-hire-with-unilav-fields.md), for the employer and for an officer recording it on
 * the employer's behalf (who then says how the employer asked). One form per person on the rosa: `lastResult` is the action's reply
 * when it answers this person's form.
 */
export function HireForm(props: {
  rowId: string;
  version: number;
  name: string;
  contractTypes: [string, string][];
  fixedTermCodes: string[];
  defaultComune: string;
  defaultReserved: boolean;
  byOfficer: boolean;
  /** The UNILAV fields Rosa does not know: their choices and what the employer's previous hire gave. */
  unilav: { options: { citizenships: [string, string][]; educationLevels: [string, string][] }; defaults: Record<string, string> };
  lastResult?: FormResult | null;
}) {
  const [form, fields] = useSchemaForm(hireSchemaFor(props.fixedTermCodes), {
    id: `hire-${props.rowId}`,
    lastResult: props.lastResult,
    defaultValue: { ...props.unilav.defaults, workComune: props.defaultComune, l68Reserved: props.defaultReserved ? "on" : undefined },
  });
  return (
    <details className="mt-3" open={!!props.lastResult}>
      <summary>
        {props.byOfficer ? "Registra l'assunzione per conto dell'azienda" : "Registra l'assunzione"}: {props.name}
      </summary>
      <Form method="post" className="mt-2" {...getFormProps(form)}>
        <ErrorSummary form={form} />
        <input type="hidden" name="intent" value="hire" />
        <input type="hidden" name="rowId" value={props.rowId} />
        <input type="hidden" name="version" value={props.version} />
        <fieldset>
          <legend className="h6">Dati della comunicazione obbligatoria (UNILAV)</legend>
          {props.byOfficer ? (
            <SelectField
              field={fields.requestChannel}
              label="Come l'azienda ha chiesto la registrazione"
              placeholder="Scegli…"
              options={HIRE_CHANNEL_LABELS}
            />
          ) : null}
          <SelectField
            field={fields.contractType}
            label="Tipologia contrattuale (codici CO in vigore)"
            placeholder="Scegli…"
            options={props.contractTypes}
          />
          <div className="row">
            <div className="col-md-6">
              <TextField field={fields.startDate} label="Data di inizio" type="date" />
            </div>
            <div className="col-md-6">
              <TextField field={fields.endDate} label="Data di fine (contratti a termine)" type="date" />
            </div>
          </div>
          <div className="row">
            <div className="col-md-6">
              <SelectField field={fields.workingTime} label="Tipo di orario" placeholder="Scegli…" options={WORKING_TIME_LABELS} />
            </div>
            <div className="col-md-6">
              <TextField
                field={fields.weeklyHours}
                label="Ore settimanali medie (obbligatorie per il tempo parziale, da 1 a 39)"
                inputMode="numeric"
              />
            </div>
          </div>
          <LookupInput
            field={fields.ccnl}
            label="CCNL applicato"
            hint="Scrivi il codice o parte del nome e scegli dall'elenco; ND se nessun contratto"
            source="/api/codici-unilav?elenco=ccnl"
          />
          <CnelLookup field={fields.ccnlCnel} coValue={fields.ccnl.value} />
          <TextField field={fields.contractLevel} label="Livello di inquadramento" />
          <LookupInput
            field={fields.qualification}
            label="Qualifica professionale (CP2011)"
            hint="Scrivi parte del nome della qualifica (es. commesso) e scegli dall'elenco"
            source="/api/codici-unilav?elenco=qualifiche"
          />
          <TextField field={fields.grossPay} label="Retribuzione lorda annua in euro (facoltativa)" inputMode="numeric" />
          <LookupInput field={fields.workComune} label="Comune della sede di lavoro" hint="Es. «Milano (MI)»" source="/api/comuni" />
          <CheckboxField field={fields.l68Reserved} label="Copre un posto riservato al collocamento mirato (L. 68/99)" />
        </fieldset>
        <UnilavFields fields={fields} options={props.unilav.options} />
        <button type="submit" className="btn btn-success">
          Registra l'assunzione di {props.name}
        </button>
      </Form>
    </details>
  );
}

type UnilavFieldMeta = Parameters<typeof TextField>[0]["field"];

/**
 * The UNILAV fields Rosa cannot know (the person's name, tax code, birth and domicile come from the CV record; the
 * employer's from its registration). Optional: what is left empty is «da completare» on the hire.
 */
export function UnilavFields({
  fields,
  options,
}: {
  fields: Record<
    | "workerCitizenship"
    | "workerAddress"
    | "workerCap"
    | "workerEducationLevel"
    | "employerAteco2007"
    | "employerLegalCap"
    | "workAddress"
    | "workCap"
    | "patInail"
    | "pensionBodyCode"
    | "trainingEndDate"
    | "l68NullaOstaOn"
    | "l68ActNumber",
    UnilavFieldMeta
  >;
  options: { citizenships: [string, string][]; educationLevels: [string, string][] };
}) {
  return (
    <fieldset className="mt-3">
      <legend className="h6">Altri dati della UNILAV (se li lasci vuoti l'assunzione resta «da completare»)</legend>
      <p className="small">
        Nome, codice fiscale, data e luogo di nascita e domicilio della persona vengono dalla sua scheda; i dati dell'azienda dalla sua
        registrazione.
      </p>
      <div className="row">
        <div className="col-md-6">
          <SelectField field={fields.workerCitizenship} label="Cittadinanza" placeholder="Scegli…" options={options.citizenships} />
        </div>
        <div className="col-md-6">
          <SelectField
            field={fields.workerEducationLevel}
            label="Titolo di studio (livello)"
            placeholder="Scegli…"
            options={options.educationLevels}
          />
        </div>
      </div>
      <div className="row">
        <div className="col-md-8">
          <TextField field={fields.workerAddress} label="Indirizzo del domicilio della persona (se diverso dalla scheda)" />
        </div>
        <div className="col-md-4">
          <TextField field={fields.workerCap} label="CAP del domicilio" inputMode="numeric" />
        </div>
      </div>
      <div className="row">
        <div className="col-md-8">
          <TextField field={fields.workAddress} label="Indirizzo della sede di lavoro" />
        </div>
        <div className="col-md-4">
          <TextField field={fields.workCap} label="CAP della sede di lavoro" inputMode="numeric" />
        </div>
      </div>
      <div className="row">
        <div className="col-md-4">
          <TextField field={fields.employerLegalCap} label="CAP della sede legale" inputMode="numeric" />
        </div>
        <div className="col-md-4">
          <TextField field={fields.employerAteco2007} label="Settore ATECO 2007 (00.00.00)" />
        </div>
        <div className="col-md-4">
          <TextField field={fields.patInail} label="PAT INAIL" inputMode="numeric" />
        </div>
      </div>
      <div className="row">
        <div className="col-md-4">
          <TextField field={fields.pensionBodyCode} label="Ente previdenziale (codice CO, 2 cifre)" inputMode="numeric" />
        </div>
        <div className="col-md-4">
          <TextField field={fields.trainingEndDate} label="Fine del periodo formativo (apprendistato)" type="date" />
        </div>
      </div>
      <div className="row">
        <div className="col-md-6">
          <TextField field={fields.l68NullaOstaOn} label="L. 68/99: data del nulla osta" type="date" />
        </div>
        <div className="col-md-6">
          <TextField field={fields.l68ActNumber} label="L. 68/99: numero dell'atto o della convenzione" />
        </div>
      </div>
    </fieldset>
  );
}

export interface HireView {
  id: string;
  first_name: string;
  last_name: string;
  start_date: string;
  end_date: string | null;
  weekly_hours: string;
  working_time_code: string | null;
  contract_level: string | null;
  gross_annual_pay: string | null;
  l68_reserved_post: boolean | null;
  recorded_as: "employer" | "officer";
  request_channel: "telefono" | "email_pec" | "sportello" | null;
  recorded_at: string | Date;
  recorded_by_name: string;
  comune_name: string | null;
  province_code: string | null;
  labels: { contractType: string | null; ccnl: string | null; ccnlCnel?: string | null; qualification: string | null };
  /** What the UNILAV still lacks (empty: complete). */
  unilavMissing: string[];
}

const day = (iso: string) => formatDate(`${iso}T12:00:00Z`);
const CHANNEL_PHRASES = { telefono: "per telefono", email_pec: "per e-mail o PEC", sportello: "allo sportello" } as const;

/** The recorded hires with their UNILAV fields and who recorded them. */
export function HireList({
  hires,
  headingLevel = 2,
  unilavHref,
  unilavLabel = "Scarica la UNILAV (XML)",
  onlyWhenComplete = false,
}: {
  hires: HireView[];
  headingLevel?: 2 | 3;
  /** Where the hire's UNILAV is (the officer's hire page, or the employer's XML download). */
  unilavHref?: (hireId: string) => string;
  unilavLabel?: string;
  /** The link is a download: offer it only when the UNILAV is complete. */
  onlyWhenComplete?: boolean;
}) {
  if (!hires.length) return null;
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <section className="mt-4" aria-labelledby="assunzioni">
      <H className="h4" id="assunzioni">
        Assunzioni registrate
      </H>
      {hires.map((h) => (
        <dl key={h.id} className="row small border-bottom pb-2">
          <dt className="col-sm-4">Persona assunta</dt>
          <dd className="col-sm-8">
            {h.first_name} {h.last_name}
          </dd>
          <dt className="col-sm-4">Contratto</dt>
          <dd className="col-sm-8">{h.labels.contractType}</dd>
          <dt className="col-sm-4">Periodo</dt>
          <dd className="col-sm-8">
            {h.end_date ? `dal ${day(h.start_date)} al ${day(h.end_date)}` : `dal ${day(h.start_date)}, senza termine`}
          </dd>
          <dt className="col-sm-4">Orario</dt>
          <dd className="col-sm-8">
            {h.working_time_code ? WORKING_TIME_LABELS[h.working_time_code as keyof typeof WORKING_TIME_LABELS] : "—"},{" "}
            {formatNumber(Number(h.weekly_hours))} ore settimanali
          </dd>
          <dt className="col-sm-4">CCNL e livello</dt>
          <dd className="col-sm-8">
            {h.labels.ccnl ?? "—"}
            {h.contract_level ? `, livello ${h.contract_level}` : ""}
          </dd>
          {h.labels.ccnlCnel ? (
            <>
              <dt className="col-sm-4">Codice CNEL del contratto</dt>
              <dd className="col-sm-8">{h.labels.ccnlCnel}</dd>
            </>
          ) : null}
          <dt className="col-sm-4">Qualifica (CP2011)</dt>
          <dd className="col-sm-8">{h.labels.qualification ?? "—"}</dd>
          <dt className="col-sm-4">Retribuzione lorda annua</dt>
          <dd className="col-sm-8">{h.gross_annual_pay ? formatMoney(h.gross_annual_pay) : "non indicata"}</dd>
          <dt className="col-sm-4">Sede di lavoro</dt>
          <dd className="col-sm-8">{h.comune_name ? `${h.comune_name} (${h.province_code})` : "—"}</dd>
          <dt className="col-sm-4">Posto riservato L. 68/99</dt>
          <dd className="col-sm-8">{h.l68_reserved_post === null ? "—" : h.l68_reserved_post ? "sì" : "no"}</dd>
          <dt className="col-sm-4">Registrata</dt>
          <dd className="col-sm-8">
            il {formatDateTime(h.recorded_at)} da {h.recorded_by_name}{" "}
            {h.recorded_as === "officer"
              ? `(Centro per l'Impiego, per conto dell'azienda${h.request_channel ? `, richiesta ${CHANNEL_PHRASES[h.request_channel]}` : ""})`
              : "(azienda)"}
          </dd>
          <dt className="col-sm-4">Comunicazione UNILAV</dt>
          <dd className="col-sm-8">
            {h.unilavMissing.length ? (
              <>
                <span className="badge bg-warning text-dark">da completare</span>{" "}
                {plural(h.unilavMissing.length, "dato mancante", "dati mancanti")}: {h.unilavMissing.slice(0, 3).join("; ")}
                {h.unilavMissing.length > 3 ? "…" : ""}
              </>
            ) : (
              <span className="badge bg-success">completa</span>
            )}
            {unilavHref && (!onlyWhenComplete || !h.unilavMissing.length) ? (
              <>
                {" "}
                <a href={unilavHref(h.id)}>{unilavLabel}</a>
              </>
            ) : null}
          </dd>
        </dl>
      ))}
    </section>
  );
}
