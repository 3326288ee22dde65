import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db/db.server";
import { pdfDownload } from "~/documents/pdf.server";
import { recordAudit } from "~/domain/audit/commands.server";
import { shortlistPdf } from "~/domain/shortlists/pdf.server";
import { getEmployerShortlist } from "~/domain/shortlists/queries.server";
import { actorOf, notFound } from "~/web/session.server";
import { requireShortlistEmployer, shortlistIdFrom } from "~/web/guards.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, employerId } = await requireShortlistEmployer(request);
  const shortlistId = shortlistIdFrom(params);
  const data = await getEmployerShortlist(getDb(), employerId, shortlistId);
  if (!data) throw notFound("Rosa non trovata");
  const bytes = await shortlistPdf({ ...data, shortlist: { ...data.shortlist } });
  await recordAudit(getDb(), actorOf(user, context), {
    action: "shortlist.export_pdf",
    entityType: "shortlist",
    entityId: shortlistId,
    employerId,
    details: { candidates: data.rows.map((r) => r.candidateId) },
  });
  return pdfDownload(bytes, `rosa-${Number(data.shortlist.vacancy_number)}.pdf`);
}
