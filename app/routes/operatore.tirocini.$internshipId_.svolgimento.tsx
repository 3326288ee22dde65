import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import {
  AttendanceForm,
  AttestForm,
  CloseForm,
  CompleteForm,
  DossierForm,
  ExtendForm,
  InternshipAttendancePanel,
  InternshipChangesPanel,
  InternshipDossierPanel,
  InternshipOutcomePanel,
  InternshipServiceTimePanel,
  InterruptForm,
  OutcomeForm,
  ResumeForm,
  ServiceTimeForm,
  SuspendForm,
  UnilavFiledForm,
} from "~/components/internship-monitoring";
import { PageTitle } from "~/components/layout";
import { getDb } from "~/db/db.server";
import { recordAudit } from "~/domain/audit/index.server";
import { INTERNSHIP_STATE_LABELS } from "~/domain/internships";
import { internshipMonitoring } from "~/domain/internships/index.server";
import { internshipIdFrom, monitoringAction, requireInternshipOfficer } from "~/web/internship-monitoring.server";
import { todayInItaly } from "~/utils/dates";
import { actorOf, notFound } from "~/web/session.server";

export const meta: MetaFunction = () => [{ title: "Svolgimento del tirocinio — Rosa" }];

/** The promoter's page of a running or ended internship: attendance, suspensions, extension, interruption, dossier, attestazione, outcome, time. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = await requireInternshipOfficer(request, context);
  const id = internshipIdFrom(params);
  const data = await internshipMonitoring(getDb(), id, { kind: "officer" });
  if (!data) throw notFound("Tirocinio non trovato");
  await recordAudit(getDb(), actorOf(user, context), {
    action: "internship.monitoring_viewed",
    entityType: "internship",
    entityId: id,
    employerId: data.internship.employerId,
  });
  return { data, today: todayInItaly() };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor } = await requireInternshipOfficer(request, context);
  const id = internshipIdFrom(params);
  return monitoringAction(request, actor, id, `/operatore/tirocini/${id}/svolgimento`);
}

export default function InternshipMonitoringPage() {
  const { data, today } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const i = data.internship;
  const running = i.state === "active" || i.state === "suspended";
  const ended = i.state === "completed" || i.state === "interrupted";
  const started = running || ended || i.state === "attested" || i.state === "closed_without_attestation";
  return (
    <div>
      <p>
        <Link to={`/operatore/tirocini/${i.id}`}>← Scheda del tirocinio</Link>
      </p>
      <PageTitle title={`Svolgimento del tirocinio n. ${i.number}`} lead={`${i.title} — stato: ${INTERNSHIP_STATE_LABELS[i.state]}`} />
      {!started ? <p>Il tirocinio non è ancora avviato: presenze, sospensioni e dossier si registrano dall&apos;avvio.</p> : null}
      <InternshipAttendancePanel data={data}>
        {started && i.state !== "attested" && i.state !== "closed_without_attestation" ? (
          <AttendanceForm reply={reply} data={data} />
        ) : null}
      </InternshipAttendancePanel>
      <InternshipChangesPanel data={data}>
        {i.state === "active" && i.endDate && i.endDate < today ? <CompleteForm reply={reply} data={data} /> : null}
        {i.state === "active" ? (
          <>
            <SuspendForm reply={reply} data={data} />
            <ExtendForm reply={reply} data={data} />
          </>
        ) : null}
        {i.state === "suspended" ? <ResumeForm reply={reply} data={data} /> : null}
        {running ? <InterruptForm reply={reply} data={data} as="officer" /> : null}
        {data.unilav
          .filter((u) => !u.protocol)
          .map((u) => (
            <UnilavFiledForm key={u.id} reply={reply} change={u} />
          ))}
      </InternshipChangesPanel>
      <InternshipDossierPanel data={data}>{running || ended ? <DossierForm reply={reply} data={data} /> : null}</InternshipDossierPanel>
      <InternshipOutcomePanel data={data} pdfHref={data.attestation ? `/operatore/tirocini/${i.id}/attestazione` : undefined}>
        {ended ? data.totals.attestationAllowed ? <AttestForm reply={reply} data={data} /> : <CloseForm reply={reply} data={data} /> : null}
        {data.outcomes.some((o) => o.source !== "rosa") ? <OutcomeForm reply={reply} data={data} /> : null}
      </InternshipOutcomePanel>
      <InternshipServiceTimePanel data={data}>
        {i.state !== "cancelled" && i.state !== "rejected" ? <ServiceTimeForm reply={reply} data={data} /> : null}
      </InternshipServiceTimePanel>
    </div>
  );
}
