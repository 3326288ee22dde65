import { getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { ErrorSummary, TextField } from "~/components/forms";
import { ERASURE_CONFIRMATION_WORD, EraseCandidateSchema } from "~/domain/candidates/schema";
import type { FieldErrors, FormValues } from "~/utils/forms";
import { useSchemaForm, type FormResult } from "~/web/conform";

/** What the erasure removes and what it keeps, in the same words for the candidate and the officer. */
export function ErasureExplanation({ subject }: { subject: "self" | "officer" }) {
  const your = subject === "self" ? "tuoi" : "del candidato";
  return (
    <>
      <h2 className="h4">Che cosa viene cancellato</h2>
      <ul>
        <li>i dati anagrafici {your}: nome, cognome, codice fiscale, data di nascita, indirizzo, telefono, e-mail;</li>
        <li>
          il CV: esperienze, titoli di studio (ne resta solo il livello), lingue, patenti, certificazioni, competenze, note, il PDF caricato
          e il suo testo;
        </li>
        <li>i dati sanitari e l'iscrizione al collocamento mirato;</li>
        <li>l'account di accesso a Rosa{subject === "self" ? ": verrai disconnesso e non potrai più accedere" : ""};</li>
        <li>i messaggi e le note personali nelle candidature e nelle rose di candidati; il CV esce subito dalla ricerca.</li>
      </ul>
      <h2 className="h4">Che cosa resta, senza dati personali</h2>
      <ul>
        <li>
          nelle rose già presentate alle aziende compare «Candidato cancellato», perché la storia della selezione e i conteggi restino
          coerenti;
        </li>
        <li>le statistiche anonime (comune, professioni cercate, esiti delle selezioni e assunzioni, senza nome);</li>
        <li>il registro delle attività conserva che la cancellazione è avvenuta, chi l'ha chiesta e quando, senza dati personali.</li>
      </ul>
      <p>
        La cancellazione è definitiva e non si può annullare (art. 17 del Regolamento UE 2016/679). Chi ti ha già assunto tramite Rosa
        conserva i propri documenti di lavoro secondo la legge.
      </p>
    </>
  );
}

type ErasureFormProps = { label: string } & (
  { lastResult: FormResult | null | undefined } | { errors?: FieldErrors; values?: FormValues; lastResult?: undefined }
);

/**
 * The confirmation form, for the candidate and for the officer. With `lastResult` it is a conform form
 * (EraseCandidateSchema checks the word in the browser and in the action); with `errors`/`values` it
 * takes the error map of an action not yet moved to conform.
 */
export function ErasureForm(props: ErasureFormProps) {
  if ("errors" in props || "values" in props || !("lastResult" in props))
    return <LegacyErasureForm errors={props.errors} values={props.values} label={props.label} />;
  return <ConformErasureForm lastResult={props.lastResult} label={props.label} />;
}

function ConformErasureForm({ lastResult, label }: { lastResult: FormResult | null | undefined; label: string }) {
  const [form, fields] = useSchemaForm(EraseCandidateSchema, { id: "erasure", lastResult });
  return (
    <Form method="post" className="col-lg-6" {...getFormProps(form)}>
      <ErrorSummary form={form} />
      <TextField field={fields.confirmation} label={`Per confermare scrivi ${ERASURE_CONFIRMATION_WORD}`} autoComplete="off" required />
      <button type="submit" className="btn btn-danger">
        {label}
      </button>
    </Form>
  );
}

function LegacyErasureForm({ errors, values, label }: { errors?: FieldErrors; values?: FormValues; label: string }) {
  return (
    <Form method="post" className="col-lg-6">
      <ErrorSummary errors={errors} />
      <TextField
        name="confirmation"
        label={`Per confermare scrivi ${ERASURE_CONFIRMATION_WORD}`}
        autoComplete="off"
        required
        errors={errors}
        values={values}
      />
      <button type="submit" className="btn btn-danger">
        {label}
      </button>
    </Form>
  );
}

/** The same confirmation on conform: the schema checks the word in the browser and in the action. */
export function ErasureConfirmForm({ lastResult, label }: { lastResult?: FormResult | null; label: string }) {
  const [form, fields] = useSchemaForm(EraseCandidateSchema, { id: "erasure", lastResult });
  return (
    <Form method="post" className="col-lg-6" {...getFormProps(form)}>
      <ErrorSummary form={form} />
      <TextField field={fields.confirmation} label={`Per confermare scrivi ${ERASURE_CONFIRMATION_WORD}`} autoComplete="off" required />
      <button type="submit" className="btn btn-danger">
        {label}
      </button>
    </Form>
  );
}
