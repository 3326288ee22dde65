import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { getDb } from "~/db/db.server";
import { recordAudit } from "~/domain/audit/commands.server";
import { needsPdfResponse } from "~/domain/services/needs-pdf.server";
import { getNeedsAssessment } from "~/domain/services/queries.server";
import { actorOf, notFound, requireEmployerUser } from "~/web/session.server";

/** The needs consultancy document of the employer's own company. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireEmployerUser(request);
  const id = z.uuid().safeParse(params.assessmentId);
  const a = id.success ? await getNeedsAssessment(getDb(), id.data, { employerId: user.employerId }) : null;
  if (!a) throw notFound("Documento non trovato");
  await recordAudit(getDb(), actorOf(user, context), {
    action: "needs_assessment.downloaded",
    entityType: "needs_assessment",
    entityId: a.id,
    employerId: a.employer_id,
  });
  return needsPdfResponse(a);
}
