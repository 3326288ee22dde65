import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import {
  AttendanceForm,
  DossierForm,
  InternshipAttendancePanel,
  InternshipChangesPanel,
  InternshipDossierPanel,
  InternshipOutcomePanel,
  InterruptForm,
  UnilavFiledForm,
} from "~/components/internship-monitoring";
import { PageTitle } from "~/components/layout";
import { getDb } from "~/db/db.server";
import { recordAudit } from "~/domain/audit/index.server";
import { INTERNSHIP_STATE_LABELS } from "~/domain/internships";
import { internshipMonitoring } from "~/domain/internships/index.server";
import { internshipIdFrom, monitoringAction, requireInternshipEmployer } from "~/web/internship-monitoring.server";
import { actorOf, notFound } from "~/web/session.server";

export const meta: MetaFunction = () => [{ title: "Presenze e dossier del tirocinio — Rosa" }];

/** The host's page of its running internship: monthly attendance and indemnity, dossier, interruption, UNILAV to file. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = await requireInternshipEmployer(request, context);
  const id = internshipIdFrom(params);
  const data = await internshipMonitoring(getDb(), id, { kind: "employer", employerId: user.employerId });
  if (!data) throw notFound("Tirocinio non trovato");
  await recordAudit(getDb(), actorOf(user, context), {
    action: "internship.monitoring_viewed",
    entityType: "internship",
    entityId: id,
    employerId: user.employerId,
  });
  return { data };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor } = await requireInternshipEmployer(request, context);
  const id = internshipIdFrom(params);
  return monitoringAction(request, actor, id, `/azienda/tirocini/${id}/svolgimento`);
}

export default function EmployerInternshipMonitoring() {
  const { data } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const i = data.internship;
  const running = i.state === "active" || i.state === "suspended";
  const ended = i.state === "completed" || i.state === "interrupted";
  return (
    <div>
      <p>
        <Link to={`/azienda/tirocini/${i.id}`}>← Il tirocinio</Link>
      </p>
      <PageTitle
        title={`Presenze e dossier del tirocinio n. ${i.number}`}
        lead={`${i.title} — stato: ${INTERNSHIP_STATE_LABELS[i.state]}`}
      />
      <InternshipAttendancePanel data={data}>
        {running || ended ? <AttendanceForm reply={reply} data={data} /> : null}
      </InternshipAttendancePanel>
      <InternshipChangesPanel data={data}>
        {running ? <InterruptForm reply={reply} data={data} as="employer" /> : null}
        {data.unilav
          .filter((u) => !u.protocol)
          .map((u) => (
            <UnilavFiledForm key={u.id} reply={reply} change={u} />
          ))}
      </InternshipChangesPanel>
      <InternshipDossierPanel data={data}>{running || ended ? <DossierForm reply={reply} data={data} /> : null}</InternshipDossierPanel>
      <InternshipOutcomePanel data={data} pdfHref={data.attestation ? `/azienda/tirocini/${i.id}/attestazione` : undefined} />
    </div>
  );
}
