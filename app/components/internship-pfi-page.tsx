/** The PFI drafting page (officer and employer): every PFI field, the checker's answer, the documents and CO panels. */
import { getFormProps } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { CheckboxField, ErrorSummary, SelectField, TextAreaField, TextField } from "~/components/forms";
import { PageTitle } from "~/components/layout";
import { InternshipCoPanel, InternshipDocumentsPanel, type DocumentsPanelData } from "~/components/internship-documents";
import { INTERNSHIP_TYPES, PfiSchema, TRAINEE_CATEGORIES } from "~/domain/internships";
import { useSchemaForm, type FormResult } from "~/web/conform";

export interface PfiPageData {
  area: "officer" | "employer";
  base: string;
  panel: DocumentsPanelData;
  defaults: Record<string, string>;
  editable: boolean;
  conventions: { id: string; label: string }[];
  checks: { allowed: boolean; messages: { kind: string; message: string }[] } | null;
}

export function PfiPage({ data, lastResult }: { data: PfiPageData; lastResult?: FormResult | null }) {
  const [form, fields] = useSchemaForm(PfiSchema, { id: "pfi", lastResult, defaultValue: data.defaults });
  const i = data.panel.internship;
  const action = `${data.base}/progetto`;
  return (
    <div className="col-lg-10">
      <p>
        <Link to={data.base}>← Tirocinio n. {i.number}</Link>
      </p>
      <PageTitle
        title={`Progetto formativo del tirocinio n. ${i.number}`}
        lead="Ogni salvataggio rifà i controlli delle regole regionali; se sono superati il progetto è pronto per la firma."
      />
      {data.checks ? (
        <section aria-labelledby="checks-title" className="mb-4">
          <h2 id="checks-title" className="h5">
            Esito dei controlli
          </h2>
          {data.checks.allowed ? <p>Controlli superati.</p> : <p>Controlli non superati:</p>}
          {data.checks.messages.length ? (
            <ul>
              {data.checks.messages.map((m) => (
                <li key={m.message}>{m.message}</li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}
      {data.editable ? (
        <Form method="post" action={action} {...getFormProps(form)}>
          <ErrorSummary form={form} />
          <input type="hidden" name="intent" value="pfi" />
          <input type="hidden" name={fields.version.name} value={data.defaults.version} />
          {["ready_to_sign", "partially_signed"].includes(i.state) ? (
            <p className="alert alert-warning">Salvare una modifica annulla le firme già raccolte: il progetto va firmato di nuovo.</p>
          ) : null}
          <h2 className="h5">Convenzione e progetto</h2>
          <SelectField
            field={fields.conventionId}
            label="Convenzione"
            options={data.conventions.map((c) => [c.id, c.label] as [string, string])}
            placeholder="Nessuna (da stipulare)"
          />
          <TextField field={fields.title} label="Titolo del progetto" required />
          <div className="row">
            <div className="col-md-4">
              <TextField field={fields.occupationCode} label="Profilo professionale (codice CP2021)" required />
            </div>
            <div className="col-md-4">
              <TextField field={fields.eqfLevel} label="Livello EQF delle competenze" inputMode="numeric" />
            </div>
            <div className="col-md-4">
              <TextField field={fields.atecoCode} label="Settore ATECO (se diverso dall'azienda)" />
            </div>
          </div>
          <TextAreaField field={fields.activities} label="Attività" required />
          <TextAreaField field={fields.objectives} label="Obiettivi formativi" required />
          <TextAreaField field={fields.competences} label="Competenze da acquisire" required />
          <h2 className="h5">Durata, orario e indennità</h2>
          <div className="row">
            <div className="col-md-3">
              <TextField field={fields.startDate} type="date" label="Inizio" required />
            </div>
            <div className="col-md-3">
              <TextField field={fields.endDate} type="date" label="Fine" required />
            </div>
            <div className="col-md-3">
              <TextField field={fields.plannedMonths} label="Durata in mesi" required />
            </div>
            <div className="col-md-3">
              <TextField field={fields.monthlyIndemnity} label="Indennità mensile lorda (euro)" required />
            </div>
            <div className="col-md-4">
              <TextField field={fields.weeklyHours} label="Ore settimanali" required />
            </div>
            <div className="col-md-4">
              <TextField field={fields.dailyHours} label="Ore giornaliere" required />
            </div>
            <div className="col-md-4">
              <TextField field={fields.fullTimeWeeklyHours} label="Orario pieno del CCNL (ore settimanali)" required />
            </div>
          </div>
          <CheckboxField field={fields.mealVouchers} label="Buoni pasto o mensa" />
          <CheckboxField field={fields.seasonalHost} label="Attività stagionale" />
          <h2 className="h5">Unità operativa</h2>
          <div className="row">
            <div className="col-md-3">
              <TextField field={fields.employeesPermanent} label="Dipendenti a tempo indeterminato" inputMode="numeric" />
            </div>
            <div className="col-md-3">
              <TextField
                field={fields.employeesFixedTermCounting}
                label="Dipendenti a termine che coprono il periodo"
                inputMode="numeric"
              />
            </div>
            <div className="col-md-3">
              <TextField field={fields.otherActiveTrainees} label="Tirocinanti di altri promotori" inputMode="numeric" />
            </div>
            <div className="col-md-3">
              <TextField field={fields.hiresFromPastTrainees} label="Ex tirocinanti assunti" inputMode="numeric" />
            </div>
          </div>
          <CheckboxField field={fields.dismissalsLast12Months} label="Licenziamenti per mansioni equivalenti negli ultimi 12 mesi" />
          <CheckboxField field={fields.cigSameTasks} label="Cassa integrazione per le stesse attività nell'unità" />
          <CheckboxField field={fields.isPublicAdministration} label="L'azienda ospitante è una pubblica amministrazione" />
          <h2 className="h5">Tutor e assicurazioni</h2>
          <div className="row">
            <div className="col-md-4">
              <TextField field={fields.hostTutorName} label="Tutor aziendale" required />
            </div>
            <div className="col-md-4">
              <TextField field={fields.hostTutorRole} label="Ruolo del tutor" />
            </div>
            <div className="col-md-4">
              <TextField field={fields.hostTutorEmail} type="email" label="E-mail del tutor" />
            </div>
            <div className="col-md-4">
              <TextField field={fields.hostTutorTrainees} label="Tirocinanti già seguiti dal tutor" inputMode="numeric" />
            </div>
            <div className="col-md-4">
              <TextField field={fields.inailPosition} label="Posizione INAIL" />
            </div>
            <div className="col-md-4">
              <TextField field={fields.rcPolicy} label="Polizza di responsabilità civile" />
            </div>
          </div>
          <h2 className="h5">Dati per la comunicazione obbligatoria</h2>
          <div className="row">
            <div className="col-md-6">
              <SelectField
                field={fields.traineeCategory}
                label="Categoria del tirocinante (codice CO)"
                options={TRAINEE_CATEGORIES.map((c) => [c, c] as [string, string])}
                placeholder="Da indicare"
              />
            </div>
            <div className="col-md-6">
              <SelectField
                field={fields.internshipType}
                label="Tipologia del tirocinio (codice CO)"
                options={INTERNSHIP_TYPES.map((c) => [c, c] as [string, string])}
                placeholder="Da indicare"
              />
            </div>
          </div>
          <button type="submit" className="btn btn-primary mb-4">
            Salva e controlla
          </button>
        </Form>
      ) : null}
      <InternshipDocumentsPanel
        data={data.panel}
        area={data.area}
        action={action}
        pdfHref={`${data.base}/pfi/pdf`}
        lastResult={lastResult}
      />
      <InternshipCoPanel data={data.panel} area={data.area} action={action} csvHref={`${data.base}/unilav/csv`} lastResult={lastResult} />
    </div>
  );
}
