import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { getDb } from "~/db/db.server";
import { recordAudit } from "~/domain/audit/commands.server";
import { certificateEmployerId, certificatePdfResponse } from "~/domain/l68/file/index.server";
import { actorOf, notFound } from "~/web/session.server";
import { requireOfficerOn } from "~/web/guards.server";

const ParamsSchema = z.object({ certificateId: z.uuid() });

/** The PDF of an issued certificate, for the placement officers of the employer's province (404 otherwise). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const certificateId = ParamsSchema.safeParse(params).data?.certificateId;
  const db = getDb();
  const { user, employerId } = await requireOfficerOn(request, certificateId ? await certificateEmployerId(db, certificateId) : null);
  const response = await certificatePdfResponse(db, employerId, certificateId!);
  if (!response) throw notFound("Certificazione non trovata");
  await recordAudit(db, actorOf(user, context), {
    action: "l68.certificate_downloaded",
    entityType: "l68_certificate",
    entityId: certificateId!,
    employerId,
  });
  return response;
}
