/** The form to file an L. 68 record: common fields, the fields of its kind, and the PDF document. */
import { getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import type { z } from "zod";
import { ErrorSummary, SelectField, TextAreaField, TextField } from "~/components/forms";
import { DocumentField } from "~/components/l68-records";
import type { L68RecordKind } from "~/db/tables/l68";
import { RECORD_FORM_SCHEMAS, SCHEDULE_ROWS, SUSPENSION_TYPE_LABELS, WEEK_DAYS_LABELS } from "~/domain/l68";
import { useSchemaForm, type Field, type FormResult } from "~/web/conform";

interface Props {
  kind: L68RecordKind;
  legalProvince: string;
  /** The action's reply (conform's): messages by field and what was typed. */
  lastResult?: FormResult | null;
  /** The officer's form: how the document was received (PEC or desk), checked by the server. */
  receivedVia?: boolean;
  /** Values the form starts with besides the province (a record prefilled from a redundancy event). */
  defaultValue?: Record<string, string>;
  /** Hidden fields of the page that embeds the form. */
  children?: ReactNode;
}

type Fields = Record<string, Field>;

const HINTS: Record<L68RecordKind, string> = {
  esonero:
    "Per le attività con condizioni particolari (lavori faticosi o pericolosi, modalità di svolgimento: DM 357/2000) puoi chiedere l'esonero fino al 60% della quota, versando il contributo esonerativo per ogni giornata lavorativa e unità esonerata. Allega l'istanza firmata.",
  autocertificazione_60:
    "Per i lavoratori addetti a lavorazioni con tasso di premio INAIL pari o superiore al 60 per mille puoi autocertificare l'esonero (art. 5 c. 3-bis): vale dalla presentazione e comporta il contributo esonerativo. Allega l'autocertificazione firmata.",
  sospensione:
    "CIGS e contratti di solidarietà sospendono gli obblighi nella provincia dell'unità interessata, in proporzione all'attività sospesa; la procedura di licenziamento collettivo li sospende in tutta Italia. Allega l'accordo o il provvedimento.",
  convenzione_art11:
    "La convenzione art. 11 stabilisce tempi e modi delle assunzioni: le posizioni programmate non risultano scoperte finché la convenzione è in vigore. Allega la proposta di convenzione.",
  convenzione_art12bis:
    "Per i datori con più di 50 dipendenti: le assunzioni del soggetto ospitante si computano nella quota fino al limite previsto alla data (60% dal 31 dicembre 2025). Allega la convenzione.",
  richiesta_nominativa:
    "Entro 60 giorni dall'insorgere dell'obbligo puoi chiedere il nulla osta per l'assunzione nominativa di una persona iscritta. Allega il modulo di richiesta.",
  richiesta_numerica:
    "Il collocamento mirato avvia le persone iscritte secondo la graduatoria per la qualifica richiesta. Allega il modulo di richiesta.",
};

const needsEnd = (kind: L68RecordKind) => kind !== "richiesta_nominativa" && kind !== "richiesta_numerica";

function KindFields({ kind, fields }: { kind: L68RecordKind; fields: Fields }) {
  switch (kind) {
    case "esonero":
      return (
        <>
          <TextField field={fields.percent} label="Percentuale di esonero richiesta (al massimo 60)" inputMode="numeric" />
          <SelectField field={fields.weekDays} label="Settimana lavorativa (CCNL)" options={WEEK_DAYS_LABELS} />
          <TextAreaField field={fields.reason} label="Condizioni dell'attività che impediscono di coprire la quota" />
        </>
      );
    case "autocertificazione_60":
      return (
        <>
          <TextField field={fields.workers60} label="Lavoratori addetti a lavorazioni con tasso INAIL ≥ 60 per mille" inputMode="numeric" />
          <TextField field={fields.inailRate} label="Tasso di premio INAIL (per mille)" inputMode="numeric" />
          <SelectField field={fields.weekDays} label="Settimana lavorativa (CCNL)" options={WEEK_DAYS_LABELS} />
        </>
      );
    case "sospensione":
      return (
        <>
          <SelectField field={fields.suspensionType} label="Causa della sospensione" options={SUSPENSION_TYPE_LABELS} />
          <TextField
            field={fields.suspendedPercent}
            label="Attività sospesa nella provincia (%)"
            inputMode="numeric"
            hint="Per CIGS e solidarietà: ore di integrazione sulle ore lavorabili dell'unità. Non serve per il licenziamento collettivo."
          />
        </>
      );
    case "convenzione_art11":
      return (
        <fieldset>
          <legend className="h6">Programma delle assunzioni</legend>
          {Array.from({ length: SCHEDULE_ROWS }, (_, i) => (
            <div className="row" key={i}>
              <div className="col-md-6">
                <TextField field={fields[`scheduleDate${i + 1}`]} type="date" label={`Assunzione ${i + 1}: entro il`} />
              </div>
              <div className="col-md-6">
                <TextField
                  field={fields[`scheduleUnits${i + 1}`]}
                  label={`Assunzione ${i + 1}: numero di lavoratori`}
                  inputMode="numeric"
                />
              </div>
            </div>
          ))}
        </fieldset>
      );
    case "convenzione_art12bis":
      return (
        <>
          <TextField field={fields.workers} label="Lavoratori disabili assunti dal soggetto ospitante" inputMode="numeric" />
          <TextField field={fields.destinationBody} label="Soggetto ospitante" />
        </>
      );
    default:
      return (
        <>
          <TextField field={fields.units} label="Lavoratori richiesti" inputMode="numeric" />
          <TextField field={fields.qualification} label="Qualifica o mansione" />
          {kind === "richiesta_nominativa" ? (
            <TextField field={fields.candidateName} label="Persona iscritta che intendi assumere" />
          ) : null}
        </>
      );
  }
}

export function NewRecordForm({ kind, legalProvince, lastResult, receivedVia, defaultValue, children }: Props) {
  const schema: z.ZodType<unknown, Record<string, unknown>> = RECORD_FORM_SCHEMAS[kind];
  const [form, fields] = useSchemaForm(schema, {
    id: "record",
    lastResult,
    defaultValue: { provinceCode: legalProvince, weekDays: "5", ...defaultValue },
  });
  const all = fields as unknown as Fields;
  return (
    <>
      <p>{HINTS[kind]}</p>
      <ErrorSummary form={form} />
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
        <input type="hidden" name="kind" value={kind} />
        {children}
        <div className="row">
          <div className="col-md-4">
            <TextField field={all.provinceCode} label="Provincia interessata (sigla)" maxLength={2} />
          </div>
          <div className="col-md-4">
            <TextField field={all.startsOn} type="date" label={needsEnd(kind) ? "Inizio del periodo" : "Data della richiesta"} />
          </div>
          {needsEnd(kind) ? (
            <div className="col-md-4">
              <TextField field={all.endsOn} type="date" label="Fine del periodo" required={kind !== "sospensione"} />
            </div>
          ) : null}
        </div>
        <KindFields kind={kind} fields={all} />
        <TextAreaField field={all.notes} label="Note" rows={2} />
        {receivedVia ? (
          <SelectField
            field={all.receivedVia}
            label="Documento ricevuto"
            placeholder="Scegli…"
            options={[
              ["pec", "Via PEC"],
              ["sportello", "Allo sportello"],
            ]}
            required
          />
        ) : null}
        <DocumentField field={all.documento} />
        <button type="submit" className="btn btn-primary">
          Presenta la pratica
        </button>
      </Form>
    </>
  );
}
