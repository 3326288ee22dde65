import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { getFormProps } from "@conform-to/react";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { z } from "zod";
import { ErrorSummary, SelectField, TextAreaField, TextField } from "~/components/forms";
import { getDb } from "~/db/db.server";
import { runSubmission } from "~/web/actions/placement.server";
import { useSchemaForm, type FormResult } from "~/web/conform";
import {
  eventOfOutcome,
  getReferral,
  REFERRAL_KIND_LABELS,
  REFERRAL_STATUS_LABELS,
  transitionReferral,
} from "~/domain/placement/index.server";
import { CONTRACTS, OutcomeFormSchema } from "~/domain/placement";
import { todayInItaly } from "~/utils/dates";
import { redirectWithFlash } from "~/web/flash.server";
import { decimalComma, formatDate } from "~/utils/format";
import { actorOf, notFound } from "~/web/session.server";
import { requirePlacementOfficer } from "~/web/guards.server";

export const meta: MetaFunction = () => [{ title: "Avviamento — Rosa" }];

const ParamsSchema = z.object({ referralId: z.uuid() });
const StepSchema = z.object({
  intent: z.enum(["confirm", "cancel"], { error: "Operazione non riconosciuta" }),
  version: z.coerce.number().int(),
});

const OUTCOMES: [string, string][] = [
  ["hired", "Assunto"],
  ["refused_by_worker", "Rifiutato dal lavoratore"],
  ["not_suitable", "Non idoneo"],
  ["refused_by_employer", "Rifiutato dall'azienda"],
];

async function requireReferral(request: Request, params: unknown) {
  const officer = await requirePlacementOfficer(request);
  const p = ParamsSchema.safeParse(params);
  const referral = p.success ? await getReferral(getDb(), officer.province, p.data.referralId) : null;
  if (!referral) throw notFound("Avviamento non trovato");
  return { ...officer, referral };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { referral } = await requireReferral(request, params);
  return {
    referral: { ...referral, kindLabel: REFERRAL_KIND_LABELS[referral.kind], statusLabel: REFERRAL_STATUS_LABELS[referral.status] },
    today: todayInItaly(),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, province, referral } = await requireReferral(request, params);
  const formData = await request.formData();
  const actor = actorOf(user, context);
  const today = todayInItaly();
  const result =
    formData.get("intent") === "outcome"
      ? await runSubmission(formData, OutcomeFormSchema, (trx, d) =>
          transitionReferral(trx, actor, province, referral.id, eventOfOutcome(d), d.version, today, d),
        )
      : await runSubmission(formData, StepSchema, (trx, d) =>
          transitionReferral(trx, actor, province, referral.id, d.intent, d.version, today),
        );
  if (!result.ok) return result.reply;
  return redirectWithFlash(`/operatore/collocamento-mirato/avviamenti/${referral.id}`, {
    type: "success",
    message: `Avviamento: ${REFERRAL_STATUS_LABELS[result.value].toLowerCase()}.`,
  });
}

export default function ReferralPage() {
  const { referral: r, today } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>()?.result ?? null;
  // The outcome form shows its own reply; a refused «Conferma»/«Annulla» shows in the summary above the buttons.
  const outcomeReply = reply?.initialValue?.intent === "outcome" ? reply : null;
  return (
    <div>
      <p>
        <Link to="/operatore/collocamento-mirato/avviamenti">← Avviamenti</Link>
      </p>
      <h1>
        {r.kindLabel}: {r.personName}
      </h1>
      <dl className="row">
        <dt className="col-sm-4">Azienda e posto</dt>
        <dd className="col-sm-8">
          <Link to={`/operatore/collocamento-mirato/${r.employerId}`}>{r.employerName}</Link> — {r.task}
        </dd>
        <dt className="col-sm-4">Stato</dt>
        <dd className="col-sm-8">{r.statusLabel}</dd>
        {r.rankPosition ? (
          <>
            <dt className="col-sm-4">Graduatoria</dt>
            <dd className="col-sm-8">
              posizione {r.rankPosition}, punteggio {r.score == null ? r.score : decimalComma(r.score)}
            </dd>
          </>
        ) : null}
        {r.nullaOstaNumber ? (
          <>
            <dt className="col-sm-4">Nulla osta</dt>
            <dd className="col-sm-8">
              n. {r.nullaOstaNumber} del {formatDate(r.nullaOstaOn!)} —{" "}
              <a href={`/operatore/collocamento-mirato/avviamenti/${r.id}/nulla-osta`} download>
                scarica il PDF
              </a>
            </dd>
          </>
        ) : null}
        {r.referredOn ? (
          <>
            <dt className="col-sm-4">Avviato il</dt>
            <dd className="col-sm-8">{formatDate(r.referredOn)}</dd>
          </>
        ) : null}
        {r.outcomeOn ? (
          <>
            <dt className="col-sm-4">Esito del</dt>
            <dd className="col-sm-8">
              {formatDate(r.outcomeOn)}
              {r.outcomeNote ? `: ${r.outcomeNote}` : ""}
            </dd>
          </>
        ) : null}
      </dl>
      <ErrorSummary result={outcomeReply ? null : reply} />
      {r.status === "proposed" ? (
        <div className="d-flex gap-2">
          <Form method="post">
            <input type="hidden" name="version" value={r.version} />
            <button type="submit" name="intent" value="confirm" className="btn btn-primary">
              Conferma l'avviamento
            </button>
          </Form>
          <Form method="post">
            <input type="hidden" name="version" value={r.version} />
            <button type="submit" name="intent" value="cancel" className="btn btn-outline-secondary">
              Annulla la proposta
            </button>
          </Form>
        </div>
      ) : null}
      {r.status === "referred" ? <OutcomeForm version={r.version} today={today} lastResult={outcomeReply} /> : null}
    </div>
  );
}

/**
 * The outcome: a hire asks for its date and contract (and the months of a fixed-term one), a refusal for its
 * reason. The schema is a union on the outcome; once the page's script runs only the fields of the chosen
 * outcome are shown, before that all of them (the server checks only those of the outcome sent).
 */
function OutcomeForm({ version, today, lastResult }: { version: number; today: string; lastResult: FormResult | null }) {
  const [form, fields] = useSchemaForm(OutcomeFormSchema, { id: "outcome", lastResult, defaultValue: { hiredOn: today } });
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const outcome = fields.outcome.value;
  const hired = !hydrated || outcome === "hired";
  const fixedTerm = !hydrated || fields.contract.value === "determinato";
  return (
    <Form method="post" {...getFormProps(form)}>
      <h2 className="h4">Esito dell'avviamento</h2>
      <ErrorSummary form={form} />
      <input type="hidden" name="intent" value="outcome" />
      <input type="hidden" name="version" value={version} />
      <SelectField field={fields.outcome} label="Esito" options={OUTCOMES} placeholder="Scegli…" />
      {hired ? (
        <div className="row">
          <div className="col-md-4">
            <TextField field={fields.hiredOn} label={hydrated ? "Data di assunzione" : "Data di assunzione (se assunto)"} type="date" />
          </div>
          <div className="col-md-4">
            <SelectField
              field={fields.contract}
              label={hydrated ? "Contratto" : "Contratto (se assunto)"}
              options={CONTRACTS}
              placeholder="Scegli…"
              required={hydrated || undefined}
            />
          </div>
          {fixedTerm ? (
            <div className="col-md-4">
              <TextField field={fields.months} label="Durata in mesi (tempo determinato)" inputMode="numeric" />
            </div>
          ) : null}
        </div>
      ) : null}
      {outcome || !hydrated ? (
        <TextAreaField
          field={fields.note}
          label={!hydrated ? "Note o motivo (obbligatorio se non assunto)" : hired ? "Note" : "Motivo"}
          required={(hydrated && !hired) || undefined}
          rows={3}
        />
      ) : null}
      <button type="submit" className="btn btn-primary">
        Registra l'esito
      </button>
    </Form>
  );
}
