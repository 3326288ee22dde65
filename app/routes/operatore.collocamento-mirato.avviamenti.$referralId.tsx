import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary, SelectField, TextAreaField, TextField } from "~/components/forms";
import { getDb } from "~/db/db.server";
import { runForm } from "~/web/actions/placement.server";
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
      ? await runForm(formData, OutcomeFormSchema, (trx, d) =>
          transitionReferral(trx, actor, province, referral.id, eventOfOutcome(d), d.version, today, d),
        )
      : await runForm(formData, StepSchema, (trx, d) => transitionReferral(trx, actor, province, referral.id, d.intent, d.version, today));
  if (!result.ok) return data(result, { status: result.status });
  return redirectWithFlash(`/operatore/collocamento-mirato/avviamenti/${referral.id}`, {
    type: "success",
    message: `Avviamento: ${REFERRAL_STATUS_LABELS[result.value].toLowerCase()}.`,
  });
}

export default function ReferralPage() {
  const { referral: r, today } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const common = { errors: failed && !failed.ok ? failed.errors : undefined, values: failed && !failed.ok ? failed.values : undefined };
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
      <ErrorSummary errors={common.errors} />
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
      {r.status === "referred" ? (
        <Form method="post" noValidate>
          <h2 className="h4">Esito dell'avviamento</h2>
          <input type="hidden" name="intent" value="outcome" />
          <input type="hidden" name="version" value={r.version} />
          <SelectField name="outcome" label="Esito" options={OUTCOMES} placeholder="Scegli…" required {...common} />
          <div className="row">
            <div className="col-md-4">
              <TextField name="hiredOn" label="Data di assunzione (se assunto)" type="date" defaultValue={today} {...common} />
            </div>
            <div className="col-md-4">
              <SelectField name="contract" label="Contratto (se assunto)" options={CONTRACTS} placeholder="Scegli…" {...common} />
            </div>
            <div className="col-md-4">
              <TextField name="months" label="Durata in mesi (tempo determinato)" inputMode="numeric" {...common} />
            </div>
          </div>
          <TextAreaField name="note" label="Note o motivo (obbligatorio se non assunto)" rows={3} {...common} />
          <button type="submit" className="btn btn-primary">
            Registra l'esito
          </button>
        </Form>
      ) : null}
    </div>
  );
}
