import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db/db.server";
import { pdfDownload } from "~/documents/pdf.server";
import { recordAudit } from "~/domain/audit/index.server";
import { attestationPdf } from "~/domain/internships/index.server";
import { internshipIdFrom, requireInternshipTrainee } from "~/web/internship-monitoring.server";
import { actorOf, notFound } from "~/web/session.server";

/** The trainee downloads their own attestazione finale. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, candidateId } = await requireInternshipTrainee(request, context);
  const pdf = await attestationPdf(getDb(), internshipIdFrom(params), { kind: "candidate", candidateId });
  if (!pdf) throw notFound("Attestazione non trovata");
  await recordAudit(getDb(), actorOf(user, context), {
    action: "internship.attestation_downloaded",
    entityType: "internship",
    entityId: pdf.internshipId,
  });
  return pdfDownload(pdf.bytes, pdf.filename);
}
