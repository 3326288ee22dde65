import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Notice } from "~/components/forms";
import { InternshipAttendancePanel } from "~/components/internship-monitoring";
import { PartySigningPanel } from "~/components/internship-party-signing";
import { InternshipStateBadge, InternshipTimeline, hoursPhrase } from "~/components/internship-views";
import { PageTitle } from "~/components/layout";
import { getDb } from "~/db/db.server";
import { NEXT_STEPS } from "~/domain/internships";
import { getTraineeInternship, internshipMonitoring } from "~/domain/internships/index.server";
import { formatDate, formatMoney } from "~/utils/format";
import { internshipIdFrom, requireInternshipTrainee } from "~/web/internship-guards.server";
import { partySignAction, partySigningData } from "~/web/internship-party-signing.server";
import { notFound } from "~/web/session.server";
import { plural } from "~/utils/plural";

export const meta: MetaFunction = () => [{ title: "Il mio tirocinio — Rosa" }];

/** States in which the trainee's PFI is a document to read and sign (before: still being drafted). */
const PFI_STATES = new Set([
  "ready_to_sign",
  "partially_signed",
  "awaiting_authorisation",
  "awaiting_co",
  "active",
  "suspended",
  "interrupted",
  "completed",
  "attested",
  "closed_without_attestation",
]);
const STARTED_STATES = new Set(["active", "suspended", "interrupted", "completed", "attested", "closed_without_attestation"]);

/** The trainee's own internship: the project, what they must sign, the monthly attendance with the indemnity, the attestazione. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, candidateId, actor } = await requireInternshipTrainee(request, context);
  const id = internshipIdFrom(params);
  const found = await getTraineeInternship(getDb(), candidateId, id);
  if (!found) throw notFound("Tirocinio non trovato");
  const started = STARTED_STATES.has(found.internship.state);
  const monitoring = started ? await internshipMonitoring(getDb(), id, { kind: "candidate", candidateId }) : null;
  return {
    ...found,
    timeline: found.timeline.map((t) => ({ ...t, at: t.at.toISOString() })),
    signing: await partySigningData(actor, id),
    signerName: user.fullName,
    // Only what the trainee's page shows: the monthly attendance with the threshold and the attestazione.
    monitoring: monitoring
      ? {
          ...monitoring,
          suspensions: [],
          extensions: [],
          unilav: [],
          dossier: [],
          outcomes: [],
          time: [],
          register: null,
          attestation: monitoring.attestation
            ? {
                issued_on: monitoring.attestation.issued_on,
                host_signer_name: monitoring.attestation.host_signer_name,
                competences: monitoring.attestation.competences,
              }
            : null,
        }
      : null,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor } = await requireInternshipTrainee(request, context);
  const id = internshipIdFrom(params);
  return partySignAction(actor, request, id, `/candidato/tirocini/${id}`);
}

export default function TraineeInternship() {
  const {
    internship: i,
    employerName,
    comune,
    occupation,
    promoterTutor,
    timeline,
    signing,
    signerName,
    monitoring,
  } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const base = `/candidato/tirocini/${i.id}`;
  return (
    <div>
      <p>
        <Link to="/candidato/tirocini">← I miei tirocini</Link>
      </p>
      <PageTitle title={i.title}>
        <p>
          Stato: <InternshipStateBadge state={i.state} />
        </p>
      </PageTitle>
      <Notice type="info">{NEXT_STEPS[i.state].candidate}</Notice>
      <PartySigningPanel
        data={signing}
        action={base}
        pdfHrefs={{ pfi: `${base}/pfi/pdf` }}
        signerName={signerName}
        lastResult={result?.result}
      />
      {monitoring?.attestation ? (
        <section aria-labelledby="attestazione" className="mb-4">
          <h2 id="attestazione" className="h4">
            Attestazione finale
          </h2>
          <p>
            Rilasciata il {formatDate(monitoring.attestation.issued_on)}: presenze al {monitoring.totals.percentLabel} delle ore previste (
            {monitoring.totals.attendedLabel} su {monitoring.totals.plannedLabel}).
          </p>
          <p>Competenze acquisite: {monitoring.attestation.competences}</p>
          <p>
            <a href={`${base}/attestazione`} download>
              Scarica l&apos;attestazione finale (PDF)
            </a>
          </p>
        </section>
      ) : null}
      <h2 className="h4">Il progetto formativo</h2>
      {PFI_STATES.has(i.state) ? (
        <p>
          <a href={`${base}/pfi/pdf`} download>
            Scarica il progetto formativo (PDF)
          </a>
        </p>
      ) : (
        <p>Il Centro per l&apos;Impiego e l&apos;azienda stanno preparando il progetto formativo: lo potrai scaricare e firmare qui.</p>
      )}
      <dl className="row">
        <dt className="col-sm-4">Azienda ospitante</dt>
        <dd className="col-sm-8">{employerName}</dd>
        <dt className="col-sm-4">Sede</dt>
        <dd className="col-sm-8">{comune}</dd>
        <dt className="col-sm-4">Professione</dt>
        <dd className="col-sm-8">{occupation}</dd>
        <dt className="col-sm-4">Orario</dt>
        <dd className="col-sm-8">{hoursPhrase(i.weeklyHours, i.dailyHours)}</dd>
        <dt className="col-sm-4">Periodo</dt>
        <dd className="col-sm-8">
          {i.startDate
            ? `dal ${formatDate(i.startDate)}${i.endDate ? ` al ${formatDate(i.endDate)}` : ""}`
            : `${plural(Number(i.plannedMonths), "mese", "mesi")}, date da definire`}
        </dd>
        <dt className="col-sm-4">Indennità mensile lorda</dt>
        <dd className="col-sm-8">
          {formatMoney(i.monthlyIndemnityCents / 100)}
          {i.mealVouchers ? ", con buoni pasto o mensa" : ""}
        </dd>
        <dt className="col-sm-4">Tutor aziendale</dt>
        <dd className="col-sm-8">
          {i.hostTutorName
            ? `${i.hostTutorName}${i.hostTutorRole ? `, ${i.hostTutorRole}` : ""}${i.hostTutorEmail ? ` · ${i.hostTutorEmail}` : ""}`
            : "da indicare"}
        </dd>
        <dt className="col-sm-4">Tutor del Centro per l&apos;Impiego</dt>
        <dd className="col-sm-8">{promoterTutor ? `${promoterTutor.name} · ${promoterTutor.email}` : "da nominare"}</dd>
      </dl>
      <h3 className="h5">Attività</h3>
      <p className="rosa-pre-wrap">{i.activities}</p>
      {i.objectives ? (
        <>
          <h3 className="h5">Obiettivi formativi</h3>
          <p className="rosa-pre-wrap">{i.objectives}</p>
        </>
      ) : null}
      {monitoring ? <InternshipAttendancePanel data={monitoring} /> : null}
      <h2 className="h4">Cronologia</h2>
      <InternshipTimeline steps={timeline} />
    </div>
  );
}
