import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Notice } from "~/components/forms";
import { InternshipStateBadge, InternshipTimeline, InternshipSectionLinks } from "~/components/internship-views";
import { PageTitle } from "~/components/layout";
import { getDb } from "~/db/db.server";
import { NEXT_STEPS } from "~/domain/internships";
import { getTraineeInternship } from "~/domain/internships/index.server";
import { formatDate, formatMoney } from "~/utils/format";
import { internshipIdFrom, requireInternshipTrainee } from "~/web/internship-guards.server";
import { notFound } from "~/web/session.server";
import { pluralWord } from "~/utils/plural";

export const meta: MetaFunction = () => [{ title: "Il mio tirocinio — Rosa" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { candidateId } = await requireInternshipTrainee(request, context);
  const found = await getTraineeInternship(getDb(), candidateId, internshipIdFrom(params));
  if (!found) throw notFound("Tirocinio non trovato");
  return { ...found, timeline: found.timeline.map((t) => ({ ...t, at: t.at.toISOString() })) };
}

export default function TraineeInternship() {
  const { internship: i, employerName, comune, occupation, promoterTutor, timeline } = useLoaderData<typeof loader>();
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
      <InternshipSectionLinks base={`/candidato/tirocini/${i.id}`} state={i.state} area="trainee" />
      <h2 className="h4">Il progetto formativo</h2>
      <dl className="row">
        <dt className="col-sm-4">Azienda ospitante</dt>
        <dd className="col-sm-8">{employerName}</dd>
        <dt className="col-sm-4">Sede</dt>
        <dd className="col-sm-8">{comune}</dd>
        <dt className="col-sm-4">Professione</dt>
        <dd className="col-sm-8">{occupation}</dd>
        <dt className="col-sm-4">Orario</dt>
        <dd className="col-sm-8">
          {String(i.weeklyHours).replace(".", ",")} ore settimanali, {String(i.dailyHours).replace(".", ",")} al giorno
        </dd>
        <dt className="col-sm-4">Periodo</dt>
        <dd className="col-sm-8">
          {i.startDate
            ? `dal ${formatDate(i.startDate)}${i.endDate ? ` al ${formatDate(i.endDate)}` : ""}`
            : `${String(i.plannedMonths).replace(".", ",")} ${pluralWord(Number(i.plannedMonths), "mese", "mesi")}, date da definire`}
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
        <dt className="col-sm-4">Tutor del Centro per l'Impiego</dt>
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
      <h2 className="h4">Cronologia</h2>
      <InternshipTimeline steps={timeline} />
    </div>
  );
}
