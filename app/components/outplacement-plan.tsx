/**
 * The pages of a cohort member's intake, reinsertion plan and sessions, and the event's group sessions: shared by the
 * officer's and the accredited provider's routes (the loaders in app/web/outplacement-plans.server.ts).
 */
import { getFormProps } from "@conform-to/react";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { CheckboxField, ErrorSummary, SelectField, TextAreaField, TextField } from "~/components/forms";
import { LookupInput } from "~/components/lookup-input";
import type { Field } from "~/web/form-metadata";
import { PageTitle } from "~/components/layout";
import {
  ABSENCE_REASONS,
  ACTION_LOCATION_LABELS,
  ACTION_MODE_LABELS,
  ACTION_STATE_LABELS,
  ATTENDANCE_LABELS,
  BENEFIT_LABELS,
  CONDITIONALITY_DECISION_LABELS,
  CONDITIONALITY_KIND_LABELS,
  GOAL_TYPE_LABELS,
  GROUP_SERVICE_CODES,
  PLAN_STATE_LABELS,
  RANGE_STATUS_LABELS,
  SERVICE_CODE_LABELS,
  TRAINING_BAND_LABELS,
  formatHours,
  type ActionLocation,
  type ActionMode,
  type ActionState,
  type Attendance,
  type Benefit,
  type ConditionalityDecision,
  type ConditionalityKind,
  type GoalType,
  type HoursSummary,
  type PlanState,
  type RangeStatus,
  type ServiceCode,
  type TrainingBand,
} from "~/domain/outplacement";
import {
  ConditionalityDecisionSchema,
  GroupSessionSchema,
  IntakeSchema,
  PlanSchema,
  SessionSchema,
  SignSchema,
  UploadSignedSchema,
} from "~/domain/outplacement/plans-schema";
import { formatDate, formatDateTime } from "~/utils/format";
import { plural } from "~/utils/plural";
import { useSchemaForm, type FormResult } from "~/web/conform";
import type { groupSessionsLoader, memberPlanLoader } from "~/web/outplacement-plans.server";

type MemberData = NonNullable<Awaited<ReturnType<typeof memberPlanLoader>>>;
type ActionReply = { result: FormResult } | undefined;

const hoursText = (minutes: number) => String(Math.round((minutes / 60) * 10) / 10).replace(".", ",");
const STATUS_BADGE: Record<RangeStatus, string> = {
  below: "bg-warning text-dark",
  within: "bg-success",
  above: "bg-danger",
  none: "bg-secondary",
};

function lastResultFor(reply: ActionReply, intent: string, submittedIntent: string | null) {
  return reply && submittedIntent === intent ? reply.result : null;
}

/** The intent of the form that was last submitted (conform echoes the submitted values). */
function submittedIntent(reply: ActionReply): string | null {
  const initial = (reply?.result as { initialValue?: Record<string, unknown> } | undefined)?.initialValue;
  return typeof initial?.intent === "string" ? initial.intent : null;
}

const MEMBER_TABS = [
  ["piano", "Accoglienza e piano"],
  ["sessioni", "Incontri e ore"],
  ["contatti", "Contatti mensili"],
] as const;

/** The worker's name and the tabs of their pages (plan, sessions, monthly check-ins). */
export function MemberHeader({
  d,
  current,
}: {
  d: Pick<MemberData, "area" | "base"> & {
    member: Pick<MemberData["member"], "first_name" | "last_name" | "event_title" | "employer_name">;
  };
  current: (typeof MEMBER_TABS)[number][0];
}) {
  const m = d.member;
  return (
    <>
      <p>
        {/* Back to the worker's own page: the officer's is the member base, the provider's is under /ente/ricollocazione. */}
        <Link to={d.area === "officer" ? d.base : `/ente/ricollocazione/${d.base.split("/").pop()}`}>← Scheda del lavoratore</Link>
      </p>
      <PageTitle title={`${m.first_name} ${m.last_name}`} lead={`${m.event_title} — ${m.employer_name}`} />
      <nav aria-label="Sezioni del lavoratore" className="mb-4">
        <ul className="nav nav-tabs">
          {MEMBER_TABS.map(([tab, label]) => (
            <li className="nav-item" key={tab}>
              <Link
                className={`nav-link${current === tab ? " active" : ""}`}
                aria-current={current === tab ? "page" : undefined}
                to={`${d.base}/${tab}`}
              >
                {label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}

export function HoursTable({ hours, caption }: { hours: HoursSummary; caption: string }) {
  if (!hours.lines.length && !hours.training.length) return <p>Nessuna ora: il piano non è ancora firmato o non ha incontri.</p>;
  return (
    <>
      <div className="table-responsive" tabIndex={0}>
        <table className="table table-sm">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Servizio</th>
              <th scope="col">Ore previste</th>
              <th scope="col">Ore svolte</th>
              <th scope="col">Standard</th>
              <th scope="col">Esito</th>
            </tr>
          </thead>
          <tbody>
            {hours.lines.map((l) => (
              <tr key={l.code}>
                <th scope="row">
                  {SERVICE_CODE_LABELS[l.serviceCode]} ({ACTION_MODE_LABELS[l.mode].toLowerCase()})
                </th>
                <td>{formatHours(l.plannedMinutes)}</td>
                <td>{formatHours(l.deliveredMinutes)}</td>
                <td>
                  {l.range && l.range.min_minutes !== null && l.range.max_minutes !== null
                    ? `${formatHours(l.range.min_minutes)} – ${formatHours(l.range.max_minutes)}`
                    : "—"}
                </td>
                <td>
                  <span className={`badge ${STATUS_BADGE[l.status]}`}>{RANGE_STATUS_LABELS[l.status]}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        Totale 4E: <strong>{formatHours(hours.fourEMinutes)}</strong>; 4E e servizi attivati (formazione esclusa):{" "}
        <strong>{formatHours(hours.activatedMinutes)}</strong>.
      </p>
      {hours.training.length ? (
        <ul>
          {hours.training.map((t, i) => (
            <li key={i}>
              Formazione «{t.title}»: {formatHours(t.attendedMinutes)} frequentate
              {t.totalMinutes ? ` su ${formatHours(t.totalMinutes)} (${String(t.attendancePct).replace(".", ",")}%)` : ""}
              {t.unjustifiedPct ? `; assenze non giustificate ${String(t.unjustifiedPct).replace(".", ",")}%` : ""}
              {t.band ? (
                <>
                  {" "}
                  <span className="badge bg-danger" data-testid="training-band">
                    Fascia {t.band}: {TRAINING_BAND_LABELS[t.band].toLowerCase()}
                  </span>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

function IntakeForm({ d, reply }: { d: MemberData; reply: ActionReply }) {
  const i = d.intake;
  const [form, fields] = useSchemaForm(IntakeSchema, {
    id: "intake",
    lastResult: lastResultFor(reply, "intake", submittedIntent(reply)),
    defaultValue: {
      competences: i?.competences ?? "",
      motivations: i?.motivations ?? "",
      mobilityKm: i?.mobility_km?.toString() ?? "",
      mobilityMinutes: i?.mobility_minutes?.toString() ?? "",
      weeklyHours: i?.weekly_hours?.toString() ?? "",
      careConstraints: i?.care_constraints ?? "",
      selfEmploymentInterest: i?.self_employment_interest ? "on" : undefined,
      assessmentStartedOn: i?.assessment_started_on ?? "",
      assessmentEndedOn: i?.assessment_ended_on ?? "",
      assessmentNotes: i?.assessment_notes ?? "",
      version: String(i?.version ?? 0),
    },
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <ErrorSummary form={form} />
      <input type="hidden" name="intent" value="intake" />
      <input type="hidden" name={fields.version.name} value={String(i?.version ?? 0)} />
      <TextAreaField field={fields.competences} label="Competenze (abilità, patenti, lingue)" />
      <TextAreaField field={fields.motivations} label="Motivazioni (cosa vuole e cosa non vuole fare)" />
      <div className="row">
        <div className="col-md-4">
          <TextField field={fields.mobilityKm} label="Distanza massima (km)" inputMode="numeric" />
        </div>
        <div className="col-md-4">
          <TextField field={fields.mobilityMinutes} label="Tempo di viaggio massimo (minuti)" inputMode="numeric" />
        </div>
        <div className="col-md-4">
          <TextField field={fields.weeklyHours} label="Ore settimanali disponibili" inputMode="numeric" />
        </div>
      </div>
      <TextAreaField field={fields.careConstraints} label="Vincoli di cura familiare" />
      <CheckboxField field={fields.selfEmploymentInterest} label="Interesse per il lavoro autonomo" />
      <fieldset>
        <legend className="h5">Bilancio di competenze (2Bb)</legend>
        <div className="row">
          <div className="col-md-6">
            <TextField field={fields.assessmentStartedOn} label="Inizio del bilancio" type="date" />
          </div>
          <div className="col-md-6">
            <TextField field={fields.assessmentEndedOn} label="Fine del bilancio" type="date" />
          </div>
        </div>
        <TextAreaField field={fields.assessmentNotes} label="Esito del bilancio (dossier)" />
      </fieldset>
      <button type="submit" className="btn btn-primary">
        Salva l'accoglienza
      </button>
    </Form>
  );
}

type PlanRow = MemberData["plans"][number];

function planDefaults(p: PlanRow | null, d: MemberData) {
  if (!p)
    return {
      mainGoalType: "employee",
      mainGoalOccupation: d.member.cp2021_code ?? "",
      actions: [{ serviceCode: "4E", mode: "individual", location: "employer_premises", plannedHours: "18" }],
      version: "0",
    };
  return {
    mainGoalType: p.main_goal_type,
    mainGoalOccupation: p.main_goal_cp2021 ? `${p.main_goal_cp2021} ${p.main_goal_title ?? ""}`.trim() : "",
    mainGoalDescription: p.main_goal_description,
    altGoalType: p.alt_goal_type ?? "",
    altGoalOccupation: p.alt_goal_cp2021 ? `${p.alt_goal_cp2021} ${p.alt_goal_title ?? ""}`.trim() : "",
    altGoalDescription: p.alt_goal_description,
    commitments: p.commitments,
    reviewOn: p.review_on ?? "",
    actions: p.actions.map((a) => ({
      serviceCode: a.service_code,
      mode: a.mode,
      location: a.location,
      plannedHours: hoursText(a.planned_minutes),
      startsOn: a.starts_on ?? "",
      endsOn: a.ends_on ?? "",
      courseTitle: a.course_title ?? "",
      courseTotalHours: a.course_total_minutes ? hoursText(a.course_total_minutes) : "",
      notes: a.notes,
    })),
    version: p.state === "draft" ? String(p.version) : "0",
  };
}

/** One goal of the plan (the main one is required, the alternative one may be left empty). */
function GoalFieldset(props: {
  legend: string;
  type: Field;
  typeLabel: string;
  occupation: Field;
  occupationLabel: string;
  description: Field;
  descriptionLabel: string;
  optional?: boolean;
}) {
  return (
    <fieldset className="mb-3">
      <legend className="h5">{props.legend}</legend>
      <div className="row">
        <div className="col-md-4">
          <SelectField
            field={props.type}
            label={props.typeLabel}
            options={GOAL_TYPE_LABELS}
            required={props.optional ? undefined : true}
            placeholder={props.optional ? "Nessuno" : undefined}
          />
        </div>
        <div className="col-md-8">
          <LookupInput field={props.occupation} label={props.occupationLabel} source="/api/professioni" />
        </div>
      </div>
      <TextAreaField field={props.description} label={props.descriptionLabel} />
    </fieldset>
  );
}

function PlanForm({ d, reply }: { d: MemberData; reply: ActionReply }) {
  const source = d.draft ?? d.current;
  const [form, fields] = useSchemaForm(PlanSchema, {
    id: "plan",
    lastResult: lastResultFor(reply, "plan", submittedIntent(reply)),
    defaultValue: planDefaults(source, d) as never,
  });
  const actions = fields.actions.getFieldList();
  return (
    <Form method="post" {...getFormProps(form)}>
      <ErrorSummary form={form} />
      <input type="hidden" name="intent" value="plan" />
      <input type="hidden" name={fields.version.name} value={d.draft ? String(d.draft.version) : "0"} />
      <GoalFieldset
        legend="Obiettivo principale"
        type={fields.mainGoalType}
        typeLabel="Tipo di obiettivo"
        occupation={fields.mainGoalOccupation}
        occupationLabel="Professione obiettivo (CP2021)"
        description={fields.mainGoalDescription}
        descriptionLabel="Descrizione dell'obiettivo principale"
      />
      <GoalFieldset
        legend="Obiettivo alternativo (facoltativo)"
        type={fields.altGoalType}
        typeLabel="Tipo di obiettivo alternativo"
        occupation={fields.altGoalOccupation}
        occupationLabel="Professione alternativa (CP2021)"
        description={fields.altGoalDescription}
        descriptionLabel="Descrizione dell'obiettivo alternativo"
        optional
      />
      <fieldset className="mb-3">
        <legend className="h5">Azioni</legend>
        <p className="small">
          Per un obiettivo di lavoro dipendente lo standard 4E prevede il coaching (2Ca), per il lavoro autonomo la consulenza 2D. Ore in
          formato 1,5.
        </p>
        {actions.map((action, i) => {
          const f = action.getFieldset();
          return (
            <fieldset key={action.key} className="border rounded p-3 mb-3">
              <legend className="h6 float-none w-auto px-2">Azione {i + 1}</legend>
              <div className="row">
                <div className="col-md-4">
                  <SelectField field={f.serviceCode} label="Servizio" options={SERVICE_CODE_LABELS} required />
                </div>
                <div className="col-md-3">
                  <SelectField field={f.mode} label="Modalità" options={ACTION_MODE_LABELS} required />
                </div>
                <div className="col-md-5">
                  <SelectField field={f.location} label="Luogo" options={ACTION_LOCATION_LABELS} required />
                </div>
                <div className="col-md-4">
                  <TextField field={f.plannedHours} label="Ore previste" inputMode="text" required />
                </div>
                <div className="col-md-4">
                  <TextField field={f.startsOn} label="Dal" type="date" />
                </div>
                <div className="col-md-4">
                  <TextField field={f.endsOn} label="Al" type="date" />
                </div>
                <div className="col-md-8">
                  <TextField field={f.courseTitle} label="Corso di formazione (solo per la formazione)" />
                </div>
                <div className="col-md-4">
                  <TextField field={f.courseTotalHours} label="Ore totali del corso" inputMode="text" />
                </div>
                <div className="col-12">
                  <TextField field={f.notes} label="Note (per il lavoro autonomo: idea d'impresa, business plan)" />
                </div>
              </div>
              {actions.length > 1 ? (
                <button
                  className="btn btn-outline-secondary btn-sm"
                  {...form.remove.getButtonProps({ name: fields.actions.name, index: i })}
                >
                  Rimuovi l'azione {i + 1}
                </button>
              ) : null}
            </fieldset>
          );
        })}
        {actions.length < 20 ? (
          <button
            className="btn btn-outline-primary btn-sm"
            {...form.insert.getButtonProps({
              name: fields.actions.name,
              defaultValue: { mode: "individual", location: "employer_premises" } as never,
            })}
          >
            Aggiungi un'azione
          </button>
        ) : null}
      </fieldset>
      <TextAreaField field={fields.commitments} label="Impegni reciproci" />
      <TextField field={fields.reviewOn} label="Data della revisione" type="date" />
      <button type="submit" className="btn btn-primary">
        {d.draft ? "Salva la bozza" : d.current ? "Salva la revisione come bozza" : "Salva la bozza del piano"}
      </button>
    </Form>
  );
}

function SignForm({ d, reply, plan }: { d: MemberData; reply: ActionReply; plan: PlanRow }) {
  const [form, fields] = useSchemaForm(SignSchema, {
    id: "sign",
    lastResult: lastResultFor(reply, "sign", submittedIntent(reply)),
    defaultValue: { workerSignedOn: d.today },
  });
  return (
    <Form method="post" {...getFormProps(form)} className="border rounded p-3 mb-3">
      <h3 className="h5">Registra la firma</h3>
      <ErrorSummary form={form} />
      <input type="hidden" name="intent" value="sign" />
      <input type="hidden" name="planId" value={plan.id} />
      <input type="hidden" name="version" value={String(plan.version)} />
      <TextField field={fields.workerSignedOn} label="Data della firma del lavoratore" type="date" required />
      <CheckboxField
        field={fields.workerSignature}
        label="Il lavoratore ha firmato il PDF stampato, conservato agli atti; firmo come operatore"
      />
      <button type="submit" className="btn btn-primary">
        Firma il piano
      </button>
    </Form>
  );
}

/** The plan signed by the worker, as a PDF: signs a draft, or completes the version in force that has none yet. */
function UploadSignedForm({ d, reply, plan }: { d: MemberData; reply: ActionReply; plan: PlanRow }) {
  const draft = plan.state === "draft";
  const [form, fields] = useSchemaForm(UploadSignedSchema, {
    id: `upload-${plan.id}`,
    lastResult: lastResultFor(reply, "upload", submittedIntent(reply)),
    defaultValue: { workerSignedOn: draft ? d.today : "" },
  });
  const fileError = fields.firmato.errors?.[0];
  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="border rounded p-3 mb-3">
      <h3 className="h5">{draft ? "Oppure carica il PDF firmato dal lavoratore" : "PDF firmato dal lavoratore"}</h3>
      <ErrorSummary form={form} />
      <input type="hidden" name="intent" value="upload" />
      <input type="hidden" name="planId" value={plan.id} />
      <input type="hidden" name="version" value={String(plan.version)} />
      {draft ? <TextField field={fields.workerSignedOn} label="Data della firma del lavoratore" type="date" required /> : null}
      <div className="form-group">
        <label htmlFor={`${form.id}-file`}>PDF firmato (al massimo 10 MB)</label>
        <input
          id={`${form.id}-file`}
          type="file"
          name="firmato"
          accept="application/pdf,.pdf"
          className={`form-control${fileError ? " is-invalid" : ""}`}
          aria-describedby={fileError ? `${form.id}-file-error` : undefined}
          aria-invalid={fileError ? true : undefined}
          required
        />
        {fileError ? (
          <div id={`${form.id}-file-error`} className="invalid-feedback d-block">
            {fileError}
          </div>
        ) : null}
      </div>
      <p className="small">Dopo il caricamento la versione non si modifica più: ogni cambiamento diventa una nuova versione del piano.</p>
      <button type="submit" className="btn btn-outline-primary">
        Carica il PDF firmato
      </button>
    </Form>
  );
}

/** A goal as the plan states it: its type, the CP2021 occupation when there is one, and the description. */
function goalText(type: string, cp2021: string | null, title: string | null, description: string) {
  return `${GOAL_TYPE_LABELS[type as GoalType]}${cp2021 ? ` — ${cp2021} ${title ?? ""}` : ""}. ${description}`;
}

function PlanView({ d, plan }: { d: MemberData; plan: PlanRow }) {
  return (
    <div className="card-wrapper mb-3">
      <div className="card card-bg">
        <div className="card-body">
          <h3 className="h5">
            Versione {plan.plan_version} — {PLAN_STATE_LABELS[plan.state as PlanState]}
          </h3>
          <p>
            <strong>Obiettivo principale:</strong>{" "}
            {goalText(plan.main_goal_type, plan.main_goal_cp2021, plan.main_goal_title, plan.main_goal_description)}
          </p>
          {plan.alt_goal_type ? (
            <p>
              <strong>Obiettivo alternativo:</strong>{" "}
              {goalText(plan.alt_goal_type, plan.alt_goal_cp2021, plan.alt_goal_title, plan.alt_goal_description)}
            </p>
          ) : null}
          <ul>
            {plan.actions.map((a) => (
              <li key={a.id}>
                {SERVICE_CODE_LABELS[a.service_code as ServiceCode]} — {ACTION_MODE_LABELS[a.mode as ActionMode].toLowerCase()},{" "}
                {ACTION_LOCATION_LABELS[a.location as ActionLocation].toLowerCase()}, {formatHours(a.planned_minutes)} previste (
                {ACTION_STATE_LABELS[a.state as ActionState].toLowerCase()})
              </li>
            ))}
          </ul>
          {plan.worker_signed_on ? (
            <p>
              Firmato dal lavoratore il {formatDate(plan.worker_signed_on)}; dall'operatore {plan.operator_name ?? ""}
              {plan.operator_signed_at ? ` il ${formatDateTime(plan.operator_signed_at)}` : ""}.
            </p>
          ) : null}
          {plan.signed_pdf_sha256 ? (
            <p data-testid="signed-pdf">
              PDF firmato caricato da {plan.signed_pdf_uploaded_by_name ?? "—"}
              {plan.signed_pdf_uploaded_at ? ` il ${formatDateTime(plan.signed_pdf_uploaded_at)}` : ""} ·{" "}
              <a href={`${d.base}/piano/${plan.id}/pdf?firmato=1`} download>
                {plan.signed_pdf_name ?? "piano firmato"}
              </a>{" "}
              <span className="small text-muted">(SHA-256 {plan.signed_pdf_sha256.slice(0, 16)}…)</span>
            </p>
          ) : null}
          <a className="btn btn-outline-primary btn-sm" href={`${d.base}/piano/${plan.id}/pdf`} download>
            Scarica il PDF della versione {plan.plan_version}
          </a>
        </div>
      </div>
    </div>
  );
}

export function MemberPlanPage() {
  const d = useLoaderData<typeof memberPlanLoader>() as MemberData;
  const reply = useActionData() as ActionReply;
  const [search] = useSearchParams();
  const editing = !d.closed && (d.draft || !d.current || search.get("revisione") === "1" || submittedIntent(reply) === "plan");
  const older = d.plans.filter((p) => p !== d.draft && p !== d.current);
  return (
    <div className="col-lg-10">
      <MemberHeader d={d} current="piano" />
      <section aria-labelledby="accoglienza" className="mb-5">
        <h2 id="accoglienza">Accoglienza e bilancio di competenze</h2>
        <IntakeForm d={d} reply={reply} />
      </section>
      <section aria-labelledby="piano" className="mb-5">
        <h2 id="piano">Progetto di reinserimento</h2>
        {d.current ? <PlanView d={d} plan={d.current} /> : null}
        {d.current && !d.current.signed_pdf_sha256 && !d.closed ? <UploadSignedForm d={d} reply={reply} plan={d.current} /> : null}
        {d.current && !d.draft && !editing ? (
          <Form method="post">
            <input type="hidden" name="intent" value="revise" />
            <input type="hidden" name="planId" value={d.current.id} />
            <input type="hidden" name="version" value={String(d.current.version)} />
            <button type="submit" className="btn btn-outline-primary">
              Rivedi il piano (nuova versione)
            </button>
          </Form>
        ) : null}
        {d.draft ? (
          <>
            <PlanView d={d} plan={d.draft} />
            <SignForm d={d} reply={reply} plan={d.draft} />
            <UploadSignedForm d={d} reply={reply} plan={d.draft} />
          </>
        ) : null}
        {editing ? (
          <>
            <h3 className="h4">
              {d.draft ? `Modifica la bozza (versione ${d.draft.plan_version})` : d.current ? "Revisione del piano" : "Nuovo piano"}
            </h3>
            <PlanForm d={d} reply={reply} />
          </>
        ) : null}
        {older.length ? (
          <>
            <h3 className="h5 mt-4">Versioni precedenti</h3>
            <ul>
              {older.map((p) => (
                <li key={p.id}>
                  Versione {p.plan_version}: {PLAN_STATE_LABELS[p.state as PlanState].toLowerCase()} —{" "}
                  <a href={`${d.base}/piano/${p.id}/pdf`} download>
                    PDF della versione {p.plan_version}
                  </a>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      <section aria-labelledby="ore">
        <h2 id="ore">Ore rispetto allo standard</h2>
        <HoursTable hours={d.hours} caption="Ore previste dal piano firmato e ore svolte negli incontri, per servizio" />
      </section>
    </div>
  );
}

function SessionForm({ d, reply }: { d: MemberData; reply: ActionReply }) {
  const [form, fields] = useSchemaForm(SessionSchema, {
    id: "session",
    lastResult: lastResultFor(reply, "session", submittedIntent(reply)),
    defaultValue: { heldOn: d.today, attendance: "present" },
  });
  const open = (d.current?.actions ?? []).filter((a) => ["planned", "scheduled", "in_progress"].includes(a.state));
  if (!d.current) return <p>Gli incontri si registrano sul piano firmato: il lavoratore non ne ha ancora uno.</p>;
  return (
    <Form method="post" {...getFormProps(form)}>
      <ErrorSummary form={form} />
      <input type="hidden" name="intent" value="session" />
      <SelectField
        field={fields.actionId}
        label="Azione del piano"
        options={open.map(
          (a) =>
            [a.id, `${SERVICE_CODE_LABELS[a.service_code as ServiceCode]} (${ACTION_MODE_LABELS[a.mode as ActionMode].toLowerCase()})`] as [
              string,
              string,
            ],
        )}
        placeholder="Scegli…"
        required
      />
      <div className="row">
        <div className="col-md-4">
          <TextField field={fields.heldOn} label="Data dell'incontro" type="date" required />
        </div>
        <div className="col-md-4">
          <TextField field={fields.hours} label="Durata (ore)" inputMode="text" required />
        </div>
        <div className="col-md-4">
          <SelectField field={fields.attendance} label="Presenza" options={ATTENDANCE_LABELS} required />
        </div>
      </div>
      <TextField
        field={fields.absenceReason}
        label="Motivo dell'assenza giustificata"
        hint={`Ad esempio: ${ABSENCE_REASONS.slice(0, 3).join("; ")}.`}
      />
      <TextField field={fields.note} label="Note" />
      <button type="submit" className="btn btn-primary">
        Registra l'incontro
      </button>
    </Form>
  );
}

function ConditionalityForm({ reply, c }: { reply: ActionReply; c: MemberData["conditionality"][number] }) {
  const [form, fields] = useSchemaForm(ConditionalityDecisionSchema, {
    id: `cond-${c.id}`,
    lastResult: lastResultFor(reply, "conditionality", submittedIntent(reply)),
    defaultValue: {
      justification: c.justification,
      proposedSanction: c.proposed_sanction,
      decision: c.decision,
      decisionNote: c.decision_note,
    },
  });
  return (
    <Form method="post" {...getFormProps(form)} className="mt-2">
      <ErrorSummary form={form} />
      <input type="hidden" name="intent" value="conditionality" />
      <input type="hidden" name="eventId" value={c.id} />
      <input type="hidden" name="version" value={String(c.version)} />
      <TextField field={fields.justification} label="Giustificazione presentata" />
      <TextField field={fields.proposedSanction} label="Sanzione proposta" />
      <SelectField field={fields.decision} label="Decisione" options={CONDITIONALITY_DECISION_LABELS} required />
      <TextField field={fields.decisionNote} label="Note sulla decisione" />
      <button type="submit" className="btn btn-outline-primary btn-sm">
        Salva la valutazione
      </button>
    </Form>
  );
}

export function MemberSessionsPage() {
  const d = useLoaderData<typeof memberPlanLoader>() as MemberData;
  const reply = useActionData() as ActionReply;
  return (
    <div className="col-lg-10">
      <MemberHeader d={d} current="sessioni" />
      <section aria-labelledby="nuovo" className="mb-5">
        <h2 id="nuovo">Registra un incontro individuale</h2>
        <SessionForm d={d} reply={reply} />
      </section>
      <section aria-labelledby="ore" className="mb-5">
        <h2 id="ore">Ore rispetto allo standard</h2>
        <HoursTable hours={d.hours} caption="Ore previste dal piano firmato e ore svolte negli incontri, per servizio" />
      </section>
      <section aria-labelledby="incontri" className="mb-5">
        <h2 id="incontri">Incontri registrati</h2>
        {d.sessions.length ? (
          <div className="table-responsive" tabIndex={0}>
            <table className="table table-sm">
              <caption>{plural(d.sessions.length, "incontro registrato", "incontri registrati")}</caption>
              <thead>
                <tr>
                  <th scope="col">Data</th>
                  <th scope="col">Servizio</th>
                  <th scope="col">Durata</th>
                  <th scope="col">Presenza</th>
                  <th scope="col">Registrato da</th>
                </tr>
              </thead>
              <tbody>
                {d.sessions.map((s) => (
                  <tr key={s.id}>
                    <td>{formatDate(s.held_on)}</td>
                    <td>
                      {SERVICE_CODE_LABELS[s.service_code as ServiceCode]}
                      {s.group_topic ? ` — di gruppo: ${s.group_topic}` : ""}
                    </td>
                    <td>{formatHours(s.minutes)}</td>
                    <td>
                      {ATTENDANCE_LABELS[s.attendance as Attendance]}
                      {s.absence_reason ? ` (${s.absence_reason})` : ""}
                    </td>
                    <td>{s.logged_by}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>Nessun incontro registrato.</p>
        )}
      </section>
      <section aria-labelledby="condizionalita">
        <h2 id="condizionalita">Eventi di condizionalità</h2>
        {d.conditionality.length ? (
          <ul className="list-unstyled">
            {d.conditionality.map((c) => (
              <li key={c.id} className="border rounded p-3 mb-3">
                <p className="mb-1">
                  <strong>{formatDate(c.occurred_on)}</strong>: {CONDITIONALITY_KIND_LABELS[c.kind as ConditionalityKind]} — percettore{" "}
                  {BENEFIT_LABELS[c.benefit as Benefit]}. Stato:{" "}
                  {CONDITIONALITY_DECISION_LABELS[c.decision as ConditionalityDecision].toLowerCase()}
                  {c.decided_on ? ` (deciso il ${formatDate(c.decided_on)}${c.decided_by_name ? ` da ${c.decided_by_name}` : ""})` : ""}.
                </p>
                {c.training_band ? (
                  <p className="mb-1" data-testid="band-proposal">
                    Proposta automatica: fascia {c.training_band} ({TRAINING_BAND_LABELS[c.training_band as TrainingBand].toLowerCase()}
                    {c.absence_pct ? `, ${String(c.absence_pct).replace(".", ",")}%` : ""}) — {c.proposed_sanction}. Da confermare o
                    archiviare: la sanzione la applica l'ispettorato.
                  </p>
                ) : null}
                {d.area === "officer" ? <ConditionalityForm reply={reply} c={c} /> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>
            Nessun evento: le assenze non giustificate di chi percepisce NASpI o CIGS compaiono qui, da valutare. Rosa non applica sanzioni.
          </p>
        )}
      </section>
    </div>
  );
}

type GroupData = NonNullable<Awaited<ReturnType<typeof groupSessionsLoader>>>;

export function GroupSessionsPage() {
  const d = useLoaderData<typeof groupSessionsLoader>() as GroupData;
  const reply = useActionData() as ActionReply;
  const [form, fields] = useSchemaForm(GroupSessionSchema, {
    id: "group",
    lastResult: reply?.result,
    defaultValue: {
      heldOn: d.today,
      serviceCode: "4E",
      location: "employer_premises",
      attendees: d.rows.map((r) => ({ memberId: r.id, attendance: "present" })),
    },
  });
  const attendees = fields.attendees.getFieldList();
  const memberBase = (id: string) => `${d.eventBase}/lavoratori/${id}`;
  return (
    <div className="col-lg-11">
      <p>
        <Link to={d.area === "officer" ? d.eventBase : "/ente/ricollocazione"}>
          ← {d.area === "officer" ? "Evento" : "Lavoratori assegnati"}
        </Link>
      </p>
      <PageTitle title="Incontri e ore della coorte" lead={`${d.event.title} — ${d.event.employer_name}`} />
      <section aria-labelledby="standard" className="mb-5">
        <h2 id="standard">Ore 4E rispetto allo standard</h2>
        <p>
          Colloqui individuali (15–20 ore): {plural(d.counts.individual.below, "lavoratore sotto", "lavoratori sotto")},{" "}
          {plural(d.counts.individual.within, "nello standard", "nello standard")}, {plural(d.counts.individual.above, "sopra", "sopra")}.
          Di gruppo (25–30 ore): {plural(d.counts.group.below, "sotto", "sotto")},{" "}
          {plural(d.counts.group.within, "nello standard", "nello standard")}, {plural(d.counts.group.above, "sopra", "sopra")}.
        </p>
        <div className="table-responsive" tabIndex={0}>
          <table className="table table-sm">
            <caption>Ore svolte per lavoratore (piani firmati)</caption>
            <thead>
              <tr>
                <th scope="col">Lavoratore</th>
                <th scope="col">Piano</th>
                <th scope="col">4E individuale</th>
                <th scope="col">4E di gruppo</th>
                <th scope="col">4E e servizi attivati</th>
              </tr>
            </thead>
            <tbody>
              {d.rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <Link to={`${memberBase(r.id)}/piano`}>
                      {r.last_name} {r.first_name}
                    </Link>
                  </th>
                  <td>{r.planState ? `v${r.planVersion} ${PLAN_STATE_LABELS[r.planState].toLowerCase()}` : "Nessun piano"}</td>
                  {(["individual", "group"] as const).map((mode) => {
                    const line = r.hours.fourE[mode];
                    return (
                      <td key={mode}>
                        {line ? (
                          <>
                            {formatHours(line.deliveredMinutes)}{" "}
                            <span className={`badge ${STATUS_BADGE[line.status]}`}>{RANGE_STATUS_LABELS[line.status]}</span>
                          </>
                        ) : (
                          "—"
                        )}
                      </td>
                    );
                  })}
                  <td>{formatHours(r.hours.activatedMinutes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="nuovo-gruppo" className="mb-5">
        <h2 id="nuovo-gruppo">Registra un incontro di gruppo</h2>
        <p className="small">
          Ogni partecipante deve avere nel piano firmato un'azione di gruppo aperta dello stesso servizio. Gruppi consigliati: da 6 a 15
          persone.
        </p>
        <Form method="post" {...getFormProps(form)}>
          <ErrorSummary form={form} />
          <div className="row">
            <div className="col-md-3">
              <TextField field={fields.heldOn} label="Data" type="date" required />
            </div>
            <div className="col-md-3">
              <TextField field={fields.hours} label="Durata (ore)" inputMode="text" required />
            </div>
            <div className="col-md-6">
              <SelectField
                field={fields.serviceCode}
                label="Servizio"
                options={GROUP_SERVICE_CODES.map((c) => [c, SERVICE_CODE_LABELS[c]] as [string, string])}
                required
              />
            </div>
            <div className="col-md-6">
              <SelectField field={fields.location} label="Luogo" options={ACTION_LOCATION_LABELS} required />
            </div>
            <div className="col-md-6">
              <TextField field={fields.topic} label="Argomento" required />
            </div>
          </div>
          <fieldset>
            <legend className="h5">Partecipanti</legend>
            {attendees.map((a, i) => {
              const f = a.getFieldset();
              const r = d.rows[i];
              if (!r) return null;
              const name = `${r.last_name} ${r.first_name}`;
              return (
                <div key={a.key} className="row align-items-end border-bottom py-2">
                  <input type="hidden" name={f.memberId.name} value={r.id} />
                  <div className="col-md-4">
                    <CheckboxField
                      field={f.selected}
                      label={`${name}${r.groupCodes.length ? ` (gruppo: ${r.groupCodes.join(", ")})` : ""}`}
                    />
                  </div>
                  <div className="col-md-4">
                    <SelectField field={f.attendance} label={`Presenza di ${name}`} options={ATTENDANCE_LABELS} />
                  </div>
                  <div className="col-md-4">
                    <TextField field={f.absenceReason} label={`Motivo dell'assenza di ${name}`} />
                  </div>
                </div>
              );
            })}
          </fieldset>
          <button type="submit" className="btn btn-primary mt-3">
            Registra l'incontro di gruppo
          </button>
        </Form>
      </section>
      <section aria-labelledby="registrati">
        <h2 id="registrati">Incontri di gruppo registrati</h2>
        {d.sessions.length ? (
          <ul>
            {d.sessions.map((s) => (
              <li key={s.id}>
                {formatDate(s.held_on)} — {SERVICE_CODE_LABELS[s.service_code as ServiceCode]}, «{s.topic}», {formatHours(s.minutes)},{" "}
                {ACTION_LOCATION_LABELS[s.location as ActionLocation].toLowerCase()}: {plural(s.present, "presente", "presenti")} su{" "}
                {plural(s.attendees, "partecipante", "partecipanti")} (registrato da {s.logged_by})
              </li>
            ))}
          </ul>
        ) : (
          <p>Nessun incontro di gruppo registrato.</p>
        )}
      </section>
    </div>
  );
}
