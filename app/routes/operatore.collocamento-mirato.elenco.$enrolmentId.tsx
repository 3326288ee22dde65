import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary } from "~/components/forms";
import { HealthFields } from "~/components/l68-health-fields";
import { getDb } from "~/db/db.server";
import { formatEuro, toDecimal } from "~/domain/l68";
import { CAPACITIES, DISABILITY_CATEGORIES, orderedCapacities, HealthFormSchema, decimalText } from "~/domain/placement";
import { updateHealth, viewEnrolment } from "~/domain/placement/index.server";
import { formatDate, formatDateTime } from "~/utils/format";
import { redirectWithFlash } from "~/web/flash.server";
import { actorOf, notFound } from "~/web/session.server";
import { requirePlacementOfficer } from "~/web/guards.server";
import { runSubmission } from "~/web/actions/placement.server";
import { useSchemaForm } from "~/web/conform";
import { getFormProps } from "@conform-to/react";

export const meta: MetaFunction = () => [{ title: "Scheda della persona iscritta — Rosa" }];

const ParamsSchema = z.object({ enrolmentId: z.uuid() });

/** Health data: placement officers of the province only; the read is audited (viewEnrolment). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, province } = await requirePlacementOfficer(request);
  const p = ParamsSchema.safeParse(params);
  if (!p.success) throw notFound("Persona non trovata");
  const person = await viewEnrolment(getDb(), actorOf(user, context), province, p.data.enrolmentId);
  if (!person) throw notFound("Persona non trovata");
  return { person };
}

/** Corrects the health data (placement officers of the province; versioned and audited in updateHealth). */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, province } = await requirePlacementOfficer(request);
  const p = ParamsSchema.safeParse(params);
  if (!p.success) throw notFound("Persona non trovata");
  const result = await runSubmission(await request.formData(), HealthFormSchema, (trx, d) =>
    updateHealth(trx, actorOf(user, context), province, p.data.enrolmentId, d),
  );
  if (!result.ok) return result.reply;
  return redirectWithFlash(`/operatore/collocamento-mirato/elenco/${p.data.enrolmentId}`, {
    type: "success",
    message: "Dati sanitari aggiornati.",
  });
}

export default function EnrolmentPage() {
  const { person } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const h = person.health;
  const percent = toDecimal(decimalText(h.disabilityPercent), { maxDigits: 2, separator: "," }).text;
  const [form, fields] = useSchemaForm(HealthFormSchema, {
    id: "health",
    lastResult: reply?.result,
    defaultValue: {
      disabilityCategory: h.disabilityCategory,
      disabilityPercent: percent,
      functionalDiagnosis: h.functionalDiagnosis,
      cap: Object.fromEntries(h.capacities.map((c) => [c, "on"])),
      nightShiftsOk: h.nightShiftsOk ? "on" : undefined,
      needsBarrierFree: h.needsBarrierFree ? "on" : undefined,
      needsPublicTransport: h.needsPublicTransport ? "on" : undefined,
    } as never,
  });
  return (
    <div>
      <p>
        <Link to="/operatore/collocamento-mirato/elenco">← Elenco del collocamento mirato</Link>
      </p>
      <h1>
        {person.firstName} {person.lastName}
      </h1>
      <dl className="row">
        <dt className="col-sm-4">Codice fiscale</dt>
        <dd className="col-sm-8">{person.taxCode}</dd>
        <dt className="col-sm-4">Data di nascita</dt>
        <dd className="col-sm-8">{formatDate(person.birthDate)}</dd>
        <dt className="col-sm-4">Domicilio</dt>
        <dd className="col-sm-8">{person.comuneLabel}</dd>
        <dt className="col-sm-4">Recapiti</dt>
        <dd className="col-sm-8">{[person.phone, person.email].filter(Boolean).join(" · ") || "—"}</dd>
        <dt className="col-sm-4">Iscritta nell'elenco di {person.provinceCode} dal</dt>
        <dd className="col-sm-8">{formatDate(person.enrolledOn)}</dd>
        <dt className="col-sm-4">Persone a carico</dt>
        <dd className="col-sm-8">{person.familyDependants}</dd>
        <dt className="col-sm-4">ISEE</dt>
        <dd className="col-sm-8">{person.iseeCents === null ? "Non presentato" : formatEuro(BigInt(person.iseeCents))}</dd>
        <dt className="col-sm-4">Banca dati dei candidati</dt>
        <dd className="col-sm-8">
          {person.candidateId ? <Link to={`/operatore/candidati/${person.candidateId}`}>Apri il CV</Link> : "Non presente"}
        </dd>
      </dl>
      <section aria-labelledby="health" className="border-start border-warning ps-3">
        <h2 id="health" className="h4">
          Dati sanitari
        </h2>
        <p className="small">
          Dati relativi alla salute (art. 9 GDPR): visibili solo al collocamento mirato. Questa consultazione è stata registrata.
        </p>
        <dl className="row">
          <dt className="col-sm-4">Categoria</dt>
          <dd className="col-sm-8">{DISABILITY_CATEGORIES[h.disabilityCategory]}</dd>
          <dt className="col-sm-4">Percentuale di invalidità</dt>
          <dd className="col-sm-8">{percent} %</dd>
          <dt className="col-sm-4">Diagnosi funzionale</dt>
          <dd className="col-sm-8 rosa-pre-wrap">{h.functionalDiagnosis}</dd>
          <dt className="col-sm-4">Capacità</dt>
          <dd className="col-sm-8">
            <ul className="mb-0">
              {orderedCapacities(h.capacities).map((c) => (
                <li key={c}>{CAPACITIES[c]}</li>
              ))}
            </ul>
          </dd>
          <dt className="col-sm-4">Turni notturni</dt>
          <dd className="col-sm-8">{h.nightShiftsOk ? "Compatibili" : "Non compatibili"}</dd>
          <dt className="col-sm-4">Barriere architettoniche</dt>
          <dd className="col-sm-8">{h.needsBarrierFree ? "Serve un luogo senza barriere" : "Nessuna esigenza"}</dd>
          <dt className="col-sm-4">Trasporto</dt>
          <dd className="col-sm-8">{h.needsPublicTransport ? "Serve una sede raggiungibile con i mezzi pubblici" : "Nessuna esigenza"}</dd>
          <dt className="col-sm-4">Ultimo aggiornamento</dt>
          <dd className="col-sm-8">
            {formatDateTime(h.updatedAt)}
            {h.updatedByName ? `, ${h.updatedByName}` : ""} (versione {h.version})
          </dd>
        </dl>
        <h3 id="health-edit" className="h5 mt-4">
          Correzione dopo una nuova visita
        </h3>
        <p className="small">
          Aggiorna categoria, percentuale, diagnosi funzionale e capacità dopo una nuova visita: la versione precedente resta conservata.
        </p>
        <Form method="post" {...getFormProps(form)} aria-labelledby="health-edit">
          <ErrorSummary form={form} />
          <input type="hidden" name="version" value={h.version} />
          <HealthFields fields={fields} />
          <button type="submit" className="btn btn-primary">
            Salva i dati sanitari
          </button>
        </Form>
      </section>
    </div>
  );
}
