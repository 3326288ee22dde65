import { getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { PublicationMode, VacancyStatus } from "~/db/tables/vacancies";
import { ErrorSummary, SelectField, TextAreaField } from "~/components/forms";
import { OUTCOME_CHANNELS } from "~/domain/vacancies/codes";
import { availableEvents, EVENT_LABELS, VACANCY_OUTCOME_LABELS, type VacancyActorKind } from "~/domain/vacancies/states";
import { TransitionSchema } from "~/domain/vacancies/schema";
import { useSchemaForm, type FormResult } from "~/web/conform";

const { cancelled: _cancelled, ...CLOSE_OUTCOMES } = VACANCY_OUTCOME_LABELS;

/** The buttons for the moves this actor may make now (from the transition table), each a small form. */
export function VacancyActions(props: {
  status: VacancyStatus;
  by: VacancyActorKind;
  version: number;
  publicationMode?: PublicationMode;
  /** conform's reply to the last move: shown by the form of that move (return, close) or above the buttons. */
  result?: FormResult | null;
}) {
  const submitted = props.result?.initialValue?.event;
  const forReturn = submitted === "return" ? props.result : null;
  const forClose = submitted === "close" ? props.result : null;
  const [returnForm, returnFields] = useSchemaForm(TransitionSchema, { id: "vacancy-return", lastResult: forReturn });
  const [closeForm, closeFields] = useSchemaForm(TransitionSchema, { id: "vacancy-close", lastResult: forClose });
  const events = availableEvents(props.status, props.by).filter((e) => e !== "expire");
  if (!events.length) return null;
  const simple = events.filter((e) => !["return", "close", "cancel"].includes(e));
  // «Avvia la preselezione» also makes a validated vacancy live (docs/decisions/0020-starting-preselection-publishes.md): the button says so, no surprise.
  const internal = props.publicationMode === "internal";
  const publishes = props.status === "validated" && !internal;
  const preselectionNote = internal
    ? "L'offerta è solo interna: avviando la preselezione non viene pubblicata sulla bacheca."
    : publishes
      ? "Avviando la preselezione l'offerta viene anche pubblicata sulla bacheca pubblica e raccoglie candidature (le offerte «solo interne» non vengono pubblicate)."
      : "L'offerta è già pubblicata e resta sulla bacheca durante la preselezione.";
  return (
    <section className="mt-4" aria-labelledby="azioni">
      <h2 id="azioni" className="h4">
        Azioni
      </h2>
      <ErrorSummary result={forReturn || forClose ? null : props.result} />
      {simple.length ? (
        <Form method="post" className="d-flex gap-3 flex-wrap mb-4">
          <input type="hidden" name="version" value={props.version} />
          {simple.map((e) => (
            <button key={e} type="submit" name="event" value={e} className="btn btn-primary">
              {e === "start_preselection" && publishes ? "Avvia la preselezione e pubblica l'offerta" : EVENT_LABELS[e]}
            </button>
          ))}
        </Form>
      ) : null}
      {events.includes("start_preselection") ? <p className="small">{preselectionNote}</p> : null}
      {events.includes("return") ? (
        <Form method="post" className="mb-4" {...getFormProps(returnForm)}>
          <ErrorSummary form={returnForm} />
          <input type="hidden" name="version" value={props.version} />
          <TextAreaField field={returnFields.reason} label="Cosa deve correggere l'azienda" />
          <button type="submit" name="event" value="return" className="btn btn-outline-danger">
            {EVENT_LABELS.return}
          </button>
        </Form>
      ) : null}
      {events.includes("close") ? (
        <Form method="post" className="mb-4" {...getFormProps(closeForm)}>
          <ErrorSummary form={closeForm} />
          <input type="hidden" name="version" value={props.version} />
          <div className="row">
            <div className="col-md-6">
              <SelectField field={closeFields.outcome} label="Esito della ricerca" options={CLOSE_OUTCOMES} placeholder="Scegli…" />
            </div>
            <div className="col-md-6">
              <SelectField
                field={closeFields.channel}
                label="Canale con cui hai coperto le posizioni"
                options={OUTCOME_CHANNELS}
                placeholder="—"
              />
            </div>
          </div>
          <button type="submit" name="event" value="close" className="btn btn-outline-primary">
            {EVENT_LABELS.close}
          </button>
        </Form>
      ) : null}
      {events.includes("cancel") ? (
        <Form method="post">
          <input type="hidden" name="version" value={props.version} />
          <button type="submit" name="event" value="cancel" className="btn btn-outline-danger">
            {EVENT_LABELS.cancel}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
