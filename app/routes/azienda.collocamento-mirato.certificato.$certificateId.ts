import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { getDb } from "~/db/db.server";
import { renderCertificatePdf } from "~/domain/l68/certificate-pdf.server";
import { getIssuedCertificate, type SnapshotResult } from "~/domain/l68/queries.server";
import { forbidden, notFound, requirePermission } from "~/utils/session.server";

const ParamsSchema = z.object({ certificateId: z.uuid() });

/** The PDF of an issued certificate; only the employer's own (404 otherwise). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "l68:own");
  if (!user.employerId) throw forbidden();
  const parsed = ParamsSchema.safeParse(params);
  if (!parsed.success) throw notFound("Certificazione non trovata");
  const c = await getIssuedCertificate(getDb(), user.employerId, parsed.data.certificateId);
  if (!c || !c.number || !c.valid_until) throw notFound("Certificazione non trovata");
  const r = c.result as SnapshotResult;
  const pdf = await renderCertificatePdf({
    number: c.number,
    issuedOn: c.issued_on,
    validUntil: c.valid_until,
    legalName: c.legal_name,
    taxCode: c.tax_code,
    legalSeat: `${c.legal_address}, ${c.comune_name} (${c.province_code})`,
    baseComputo: r.baseComputo,
    quotaDisabili: r.quotaDisabili,
    coveredDisabili: r.coveredDisabili,
    quotaArt18: r.quotaArt18,
    coveredArt18: r.coveredArt18,
  });
  return new Response(Buffer.from(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="certificazione-${c.number}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
