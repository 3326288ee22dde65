/** The monthly check-ins page of a cohort member (officer and accredited provider; loader in app/web/outplacement-checkins.server.ts). */
import { getFormProps } from "@conform-to/react";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Notice, SelectField, TextAreaField, TextField } from "~/components/forms";
import { MemberHeader } from "~/components/outplacement-plan";
import {
  CHECKIN_CHANNEL_LABELS,
  CHECKIN_OUTCOME_LABELS,
  CheckinSchema,
  type CheckinChannel,
  type CheckinOutcome,
} from "~/domain/outplacement/checkins";
import { formatDate, formatNumber } from "~/utils/format";
import { plural } from "~/utils/plural";
import { useSchemaForm, type FormResult } from "~/web/conform";
import type { checkinsLoader } from "~/web/outplacement-checkins.server";

type Data = NonNullable<Awaited<ReturnType<typeof checkinsLoader>>>;

export function MemberCheckinsPage() {
  const d = useLoaderData<typeof checkinsLoader>() as Data;
  const reply = useActionData() as { result: FormResult } | undefined;
  const [form, fields] = useSchemaForm(CheckinSchema, {
    id: "checkin",
    lastResult: reply?.result,
    defaultValue: { contactedOn: d.today },
  });
  return (
    <div className="col-lg-10">
      <MemberHeader d={d} current="contatti" />
      {d.due ? <Notice type="warning">Nessun contatto registrato questo mese: senti il lavoratore e registra com'è andata.</Notice> : null}
      <section aria-labelledby="nuovo-contatto" className="mb-5">
        <h2 id="nuovo-contatto">Registra il contatto del mese</h2>
        <Form method="post" {...getFormProps(form)} className="border rounded p-3">
          <ErrorSummary form={form} />
          <div className="row">
            <div className="col-md-4">
              <TextField field={fields.contactedOn} label="Data del contatto" type="date" required />
            </div>
            <div className="col-md-4">
              <SelectField field={fields.channel} label="Canale" options={CHECKIN_CHANNEL_LABELS} placeholder="Scegli…" required />
            </div>
            <div className="col-md-4">
              <SelectField field={fields.outcome} label="Esito" options={CHECKIN_OUTCOME_LABELS} placeholder="Scegli…" required />
            </div>
          </div>
          <TextAreaField field={fields.summary} label="Com'è andato il mese" rows={3} />
          <div className="row">
            <div className="col-md-6">
              <TextField field={fields.applicationsSent} label="Candidature inviate (facoltativo)" inputMode="numeric" />
            </div>
            <div className="col-md-6">
              <TextField field={fields.interviews} label="Colloqui sostenuti (facoltativo)" inputMode="numeric" />
            </div>
          </div>
          <div className="row">
            <div className="col-md-8">
              <TextField field={fields.nextStep} label="Prossimo passo" />
            </div>
            <div className="col-md-4">
              <TextField field={fields.nextStepOn} label="Entro il (facoltativo)" type="date" />
            </div>
          </div>
          <button type="submit" className="btn btn-primary">
            Registra il contatto
          </button>
        </Form>
      </section>
      <section aria-labelledby="storico">
        <h2 id="storico">Contatti registrati</h2>
        {d.checkins.length ? (
          <div className="table-responsive" tabIndex={0}>
            <table className="table table-sm" data-testid="checkins">
              <caption>{plural(d.checkins.length, "contatto registrato", "contatti registrati")}</caption>
              <thead>
                <tr>
                  <th scope="col">Data</th>
                  <th scope="col">Canale</th>
                  <th scope="col">Esito</th>
                  <th scope="col">Com'è andato</th>
                  <th scope="col">Prossimo passo</th>
                  <th scope="col">Registrato da</th>
                </tr>
              </thead>
              <tbody>
                {d.checkins.map((c) => (
                  <tr key={c.id}>
                    <td>{formatDate(c.contacted_on)}</td>
                    <td>{CHECKIN_CHANNEL_LABELS[c.channel as CheckinChannel]}</td>
                    <td>{CHECKIN_OUTCOME_LABELS[c.outcome as CheckinOutcome]}</td>
                    <td>
                      {c.summary}
                      {c.applications_sent !== null || c.interviews !== null ? (
                        <div className="small text-muted">
                          {c.applications_sent !== null ? `Candidature: ${formatNumber(c.applications_sent)}` : ""}
                          {c.applications_sent !== null && c.interviews !== null ? " · " : ""}
                          {c.interviews !== null ? `Colloqui: ${formatNumber(c.interviews)}` : ""}
                        </div>
                      ) : null}
                    </td>
                    <td>
                      {c.next_step}
                      {c.next_step_on ? <div className="small">entro il {formatDate(c.next_step_on)}</div> : null}
                    </td>
                    <td>{c.recorded_by}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>Nessun contatto registrato.</p>
        )}
      </section>
    </div>
  );
}
