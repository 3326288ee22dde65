import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { getDb } from "~/db/db.server";
import { formatEuro } from "~/domain/l68/explain";
import { toDecimal } from "~/domain/l68/rational";
import { CAPACITIES, DISABILITY_CATEGORIES, orderedCapacities } from "~/domain/placement/capacities";
import { viewEnrolment } from "~/domain/placement/enrolments.server";
import { decimalText } from "~/domain/placement/ranking";
import { formatDate } from "~/utils/format";
import { actorOf, notFound } from "~/web/session.server";
import { requirePlacementOfficer } from "~/web/guards.server";

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

export default function EnrolmentPage() {
  const { person } = useLoaderData<typeof loader>();
  const h = person.health;
  const percent = toDecimal(decimalText(h.disabilityPercent), { maxDigits: 2, separator: "," }).text;
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
        <dd className="col-sm-8">{person.candidateId ? <Link to={`/operatore/candidati/${person.candidateId}`}>Apri il CV</Link> : "Non presente"}</dd>
      </dl>
      <section aria-labelledby="health" className="border-start border-warning ps-3">
        <h2 id="health" className="h4">
          Dati sanitari
        </h2>
        <p className="small">Dati relativi alla salute (art. 9 GDPR): visibili solo al collocamento mirato. Questa consultazione è stata registrata.</p>
        <dl className="row">
          <dt className="col-sm-4">Categoria</dt>
          <dd className="col-sm-8">{DISABILITY_CATEGORIES[h.disabilityCategory]}</dd>
          <dt className="col-sm-4">Percentuale di invalidità</dt>
          <dd className="col-sm-8">{percent} %</dd>
          <dt className="col-sm-4">Diagnosi funzionale</dt>
          <dd className="col-sm-8 rosa-pre-wrap">
            {h.functionalDiagnosis}
          </dd>
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
        </dl>
      </section>
    </div>
  );
}
