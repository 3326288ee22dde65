/** The form to file an L. 68 record: common fields, the fields of its kind, and the PDF document. */
import { Form } from "@remix-run/react";
import { ErrorSummary, SelectField, TextAreaField, TextField } from "~/components/forms";
import { DocumentField } from "~/components/l68-records";
import type { L68RecordKind } from "~/db/tables/l68";
import { SCHEDULE_ROWS, SUSPENSION_TYPE_LABELS, WEEK_DAYS_LABELS } from "~/domain/l68";
import type { FieldErrors, FormValues } from "~/utils/forms";

interface Props {
  kind: L68RecordKind;
  legalProvince: string;
  errors?: FieldErrors;
  values?: FormValues;
  /** Extra fields before the document (the officer's: how the document was received). */
  children?: React.ReactNode;
}

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

function KindFields({ kind, errors, values }: Props) {
  switch (kind) {
    case "esonero":
      return (
        <>
          <TextField
            name="percent"
            label="Percentuale di esonero richiesta (al massimo 60)"
            required
            inputMode="numeric"
            errors={errors}
            values={values}
          />
          <SelectField
            name="weekDays"
            label="Settimana lavorativa (CCNL)"
            required
            options={WEEK_DAYS_LABELS}
            defaultValue="5"
            errors={errors}
            values={values}
          />
          <TextAreaField
            name="reason"
            label="Condizioni dell'attività che impediscono di coprire la quota"
            required
            errors={errors}
            values={values}
          />
        </>
      );
    case "autocertificazione_60":
      return (
        <>
          <TextField
            name="workers60"
            label="Lavoratori addetti a lavorazioni con tasso INAIL ≥ 60 per mille"
            required
            inputMode="numeric"
            errors={errors}
            values={values}
          />
          <TextField
            name="inailRate"
            label="Tasso di premio INAIL (per mille)"
            required
            inputMode="numeric"
            errors={errors}
            values={values}
          />
          <SelectField
            name="weekDays"
            label="Settimana lavorativa (CCNL)"
            required
            options={WEEK_DAYS_LABELS}
            defaultValue="5"
            errors={errors}
            values={values}
          />
        </>
      );
    case "sospensione":
      return (
        <>
          <SelectField
            name="suspensionType"
            label="Causa della sospensione"
            required
            options={SUSPENSION_TYPE_LABELS}
            errors={errors}
            values={values}
          />
          <TextField
            name="suspendedPercent"
            label="Attività sospesa nella provincia (%)"
            inputMode="numeric"
            errors={errors}
            values={values}
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
                <TextField
                  name={`scheduleDate${i + 1}`}
                  type="date"
                  label={`Assunzione ${i + 1}: entro il`}
                  errors={errors}
                  values={values}
                />
              </div>
              <div className="col-md-6">
                <TextField
                  name={`scheduleUnits${i + 1}`}
                  label={`Assunzione ${i + 1}: numero di lavoratori`}
                  inputMode="numeric"
                  errors={errors}
                  values={values}
                />
              </div>
            </div>
          ))}
        </fieldset>
      );
    case "convenzione_art12bis":
      return (
        <>
          <TextField
            name="workers"
            label="Lavoratori disabili assunti dal soggetto ospitante"
            required
            inputMode="numeric"
            errors={errors}
            values={values}
          />
          <TextField name="destinationBody" label="Soggetto ospitante" required errors={errors} values={values} />
        </>
      );
    default:
      return (
        <>
          <TextField name="units" label="Lavoratori richiesti" required inputMode="numeric" errors={errors} values={values} />
          <TextField name="qualification" label="Qualifica o mansione" required errors={errors} values={values} />
          {kind === "richiesta_nominativa" ? (
            <TextField name="candidateName" label="Persona iscritta che intendi assumere" required errors={errors} values={values} />
          ) : null}
        </>
      );
  }
}

export function NewRecordForm(props: Props) {
  const { kind, legalProvince, errors, values } = props;
  return (
    <>
      <p>{HINTS[kind]}</p>
      <ErrorSummary errors={errors} />
      <Form method="post" encType="multipart/form-data" noValidate>
        <input type="hidden" name="kind" value={kind} />
        <div className="row">
          <div className="col-md-4">
            <TextField
              name="provinceCode"
              label="Provincia interessata (sigla)"
              required
              maxLength={2}
              defaultValue={legalProvince}
              errors={errors}
              values={values}
            />
          </div>
          <div className="col-md-4">
            <TextField
              name="startsOn"
              type="date"
              label={needsEnd(kind) ? "Inizio del periodo" : "Data della richiesta"}
              required
              errors={errors}
              values={values}
            />
          </div>
          {needsEnd(kind) ? (
            <div className="col-md-4">
              <TextField
                name="endsOn"
                type="date"
                label="Fine del periodo"
                required={kind !== "sospensione"}
                errors={errors}
                values={values}
              />
            </div>
          ) : null}
        </div>
        <KindFields {...props} />
        <TextAreaField name="notes" label="Note" errors={errors} values={values} rows={2} />
        {props.children}
        <DocumentField errors={errors} />
        <button type="submit" className="btn btn-primary">
          Presenta la pratica
        </button>
      </Form>
    </>
  );
}
