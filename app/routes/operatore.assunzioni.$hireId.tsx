import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, TextField } from "~/components/forms";
import { UnilavFields } from "~/components/hire-form";
import { CnelLookup } from "~/components/lookup-input";
import { PageTitle } from "~/components/layout";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { recordAudit } from "~/domain/audit/index.server";
import { FiledCoSchema, HireUnilavSchema } from "~/domain/shortlists";
import {
  completeHireUnilav,
  coStatusOf,
  hireLabels,
  hireUnilav,
  recordFiledCo,
  ServerHireUnilavSchema,
  unilavFieldOptions,
  workerEducationLevelOf,
} from "~/domain/shortlists/index.server";
import { formatDate } from "~/utils/format";
import { plural } from "~/utils/plural";
import { parseForm, useSchemaForm, type FormResult } from "~/web/conform";
import { replyDomainError, replyInvalid } from "~/web/conform.server";
import { redirectWithFlash } from "~/web/flash.server";
import { hireIdFrom, requireMatchingOfficer } from "~/web/guards.server";
import { actorOf, notFound } from "~/web/session.server";

export const meta: MetaFunction = () => [{ title: "UNILAV dell'assunzione — Rosa" }];

const day = (iso: string | null) => (iso ? formatDate(`${iso}T12:00:00Z`) : "—");

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = await requireMatchingOfficer(request);
  const hireId = hireIdFrom(params);
  const found = await hireUnilav(getDb(), hireId);
  if (!found) throw notFound("Assunzione non trovata");
  const h = found.hire;
  await recordAudit(getDb(), actorOf(user, context), {
    action: "hire.unilav_viewed",
    entityType: "vacancy",
    entityId: h.vacancy_id,
    employerId: h.employer_id,
    details: { hireId },
  });
  return {
    hire: {
      id: h.id,
      version: h.version,
      name: `${h.first_name} ${h.last_name}`,
      taxCode: h.tax_code,
      employer: h.legal_name,
      vacancyId: h.vacancy_id,
      vacancyNumber: Number(h.vacancy_number),
      startDate: h.start_date,
      endDate: h.end_date,
      contractType: h.contract_type,
      coCode: h.co_code,
      coFiledOn: h.co_filed_on,
      coStartDate: h.co_start_date,
      coEndDate: h.co_end_date,
      coContractType: h.co_contract_type,
      ccnlCode: h.ccnl_code,
      ccnl: hireLabels(h).ccnl,
      ccnlCnel: hireLabels(h).ccnlCnel,
    },
    co: coStatusOf(h),
    missing: found.result.ok ? [] : found.result.missing,
    options: unilavFieldOptions(),
    values: {
      ccnlCnel: hireLabels(h).ccnlCnel ?? "",
      workerCitizenship: h.worker_citizenship ?? "",
      workerAddress: h.worker_address ?? h.domicile_address ?? "",
      workerCap: h.worker_cap ?? "",
      workerEducationLevel: workerEducationLevelOf(h) ?? "",
      employerAteco2007: h.employer_ateco2007 ?? "",
      employerLegalCap: h.employer_legal_cap ?? "",
      workAddress: h.work_address ?? "",
      workCap: h.work_cap ?? "",
      patInail: h.pat_inail ?? "",
      pensionBodyCode: h.pension_body_code ?? "",
      trainingEndDate: h.training_end_date ?? "",
      l68NullaOstaOn: h.l68_nulla_osta_on ?? "",
      l68ActNumber: h.l68_act_number ?? "",
    },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user } = await requireMatchingOfficer(request);
  const hireId = hireIdFrom(params);
  const actor = actorOf(user, context);
  const formData = await request.formData();
  if (formData.get("intent") === "co") {
    const submission = parseForm(formData, FiledCoSchema);
    if (submission.status !== "success") return replyInvalid(submission);
    try {
      await withTransaction((trx) => recordFiledCo(trx, actor, { ...submission.value, hireId }));
    } catch (e) {
      return replyDomainError(e, submission);
    }
    return redirectWithFlash(`/operatore/assunzioni/${hireId}`, { type: "success", message: "CO inviata registrata sull'assunzione." });
  }
  const submission = parseForm(formData, ServerHireUnilavSchema);
  if (submission.status !== "success") return replyInvalid(submission);
  try {
    await withTransaction((trx) => completeHireUnilav(trx, actor, {}, { ...submission.value, hireId }));
  } catch (e) {
    return replyDomainError(e, submission);
  }
  return redirectWithFlash(`/operatore/assunzioni/${hireId}`, { type: "success", message: "Dati UNILAV aggiornati." });
}

export default function HireUnilavPage() {
  const { hire, co, missing, options, values } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const lastResult = reply && "result" in reply ? (reply.result as FormResult) : null;
  const intent = lastResult?.initialValue?.intent;
  return (
    <div>
      <PageTitle
        title={`UNILAV di ${hire.name}`}
        lead={`${hire.employer}, offerta n. ${hire.vacancyNumber}: assunzione dal ${day(hire.startDate)}${hire.endDate ? ` al ${day(hire.endDate)}` : ""} (${hire.contractType ?? "senza tipologia CO"}).`}
      >
        <Link to="/operatore/assunzioni">Tutte le assunzioni e le CO</Link>
      </PageTitle>
      <section aria-labelledby="unilav-stato" className="mb-4">
        <h2 className="h4" id="unilav-stato">
          Comunicazione UNILAV
        </h2>
        {missing.length ? (
          <>
            <p>
              <span className="badge bg-warning text-dark">da completare</span>{" "}
              {plural(missing.length, "dato mancante o non valido", "dati mancanti o non validi")}:
            </p>
            <ul>
              {missing.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          </>
        ) : (
          <p>
            <span className="badge bg-success">completa</span> I dati superano i controlli delle tabelle e dello schema dei tipi condivisi
            con la UNILAV. <a href={`/operatore/assunzioni/${hire.id}/unilav.xml`}>Scarica la UNILAV (XML, struttura ricostruita)</a>
          </p>
        )}
        <p>
          CCNL applicato: {hire.ccnl ?? "non indicato"}
          {hire.ccnlCnel ? `; codice CNEL ${hire.ccnlCnel}` : "; codice CNEL non indicato"}.
        </p>
        <CompleteForm
          hireId={hire.id}
          ccnlCode={hire.ccnlCode}
          version={hire.version}
          values={values}
          options={options}
          lastResult={intent === "unilav" ? lastResult : null}
        />
      </section>
      <section aria-labelledby="co-inviata">
        <h2 className="h4" id="co-inviata">
          CO inviata
        </h2>
        {co.status === "missing" ? (
          <p>Nessuna CO registrata per questa assunzione.</p>
        ) : (
          <p>
            CO n. {hire.coCode}, inviata il {day(hire.coFiledOn)}: dal {day(hire.coStartDate)}
            {hire.coEndDate ? ` al ${day(hire.coEndDate)}` : ", senza termine"}, {hire.coContractType}.{" "}
            {co.status === "differs" ? (
              <strong>Diversa dall'assunzione registrata per: {co.differences.join(", ")}.</strong>
            ) : (
              "Corrisponde all'assunzione registrata."
            )}
          </p>
        )}
        <CoForm hire={hire} lastResult={intent === "co" ? lastResult : null} />
      </section>
    </div>
  );
}

function CompleteForm(props: {
  hireId: string;
  ccnlCode: string | null;
  version: number;
  values: Record<string, string>;
  options: { citizenships: [string, string][]; educationLevels: [string, string][] };
  lastResult: FormResult | null;
}) {
  const [form, fields] = useSchemaForm(HireUnilavSchema, {
    id: `unilav-${props.hireId}`,
    lastResult: props.lastResult,
    defaultValue: props.values,
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <ErrorSummary form={form} />
      <input type="hidden" name="intent" value="unilav" />
      <input type="hidden" name="hireId" value={props.hireId} />
      <input type="hidden" name="version" value={props.version} />
      <CnelLookup field={fields.ccnlCnel} coValue={props.ccnlCode} />
      <UnilavFields fields={fields} options={props.options} />
      <button type="submit" className="btn btn-primary btn-sm">
        Salva i dati UNILAV
      </button>
    </Form>
  );
}

function CoForm({
  hire,
  lastResult,
}: {
  hire: {
    id: string;
    version: number;
    coCode: string | null;
    coFiledOn: string | null;
    coStartDate: string | null;
    coEndDate: string | null;
    coContractType: string | null;
    startDate: string;
    endDate: string | null;
    contractType: string | null;
  };
  lastResult: FormResult | null;
}) {
  const [form, fields] = useSchemaForm(FiledCoSchema, {
    id: `co-${hire.id}`,
    lastResult,
    defaultValue: {
      coCode: hire.coCode ?? "",
      filedOn: hire.coFiledOn ?? "",
      startDate: hire.coStartDate ?? hire.startDate,
      endDate: hire.coEndDate ?? hire.endDate ?? "",
      contractType: hire.coContractType ?? hire.contractType ?? "",
    },
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <h3 className="h6">{hire.coCode ? "Correggi la CO registrata" : "Registra la CO inviata"}</h3>
      <ErrorSummary form={form} />
      <input type="hidden" name="intent" value="co" />
      <input type="hidden" name="hireId" value={hire.id} />
      <input type="hidden" name="version" value={hire.version} />
      <div className="row">
        <div className="col-md-6">
          <TextField field={fields.coCode} label="Codice della comunicazione (16 cifre)" inputMode="numeric" />
        </div>
        <div className="col-md-6">
          <TextField field={fields.filedOn} label="Data di invio" type="date" />
        </div>
      </div>
      <div className="row">
        <div className="col-md-4">
          <TextField field={fields.startDate} label="Data di inizio nella CO" type="date" />
        </div>
        <div className="col-md-4">
          <TextField field={fields.endDate} label="Data di fine nella CO (se a termine)" type="date" />
        </div>
        <div className="col-md-4">
          <TextField field={fields.contractType} label="Tipologia contrattuale nella CO (es. A.02.00)" />
        </div>
      </div>
      <button type="submit" className="btn btn-primary btn-sm">
        {hire.coCode ? "Salva la correzione" : "Registra la CO"}
      </button>
    </Form>
  );
}
