import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db/db.server";
import { pdfDownload } from "~/documents/pdf.server";
import { recordAudit } from "~/domain/audit/index.server";
import { attestationPdf } from "~/domain/internships/index.server";
import { internshipIdFrom, requireInternshipEmployer } from "~/web/internship-monitoring.server";
import { actorOf, notFound } from "~/web/session.server";

/** The attestazione finale as a PDF, for the host (its own internships only). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = await requireInternshipEmployer(request, context);
  const pdf = await attestationPdf(getDb(), internshipIdFrom(params), { kind: "employer", employerId: user.employerId });
  if (!pdf) throw notFound("Attestazione non trovata");
  await recordAudit(getDb(), actorOf(user, context), {
    action: "internship.attestation_downloaded",
    entityType: "internship",
    entityId: pdf.internshipId,
    employerId: user.employerId,
  });
  return pdfDownload(pdf.bytes, pdf.filename);
}
