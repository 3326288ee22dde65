import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db/db.server";
import { pdfDownload } from "~/documents/pdf.server";
import { recordAudit } from "~/domain/audit/index.server";
import { attestationPdf } from "~/domain/internships/index.server";
import { internshipIdFrom, requireInternshipOfficer } from "~/web/internship-monitoring.server";
import { actorOf, notFound } from "~/web/session.server";

/** The attestazione finale as a PDF, for the promoter. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = await requireInternshipOfficer(request, context);
  const pdf = await attestationPdf(getDb(), internshipIdFrom(params), { kind: "officer" });
  if (!pdf) throw notFound("Attestazione non trovata");
  await recordAudit(getDb(), actorOf(user, context), {
    action: "internship.attestation_downloaded",
    entityType: "internship",
    entityId: pdf.internshipId,
  });
  return pdfDownload(pdf.bytes, pdf.filename);
}
