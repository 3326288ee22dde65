import type { Db } from "~/db/db.server";
import { pdfDownload, PdfWriter } from "~/documents/pdf.server";
import { formatDate } from "~/utils/format";
import { getIssuedCertificate, type SnapshotResult } from "./queries.server";
import { pendingSentence } from "./certificate-text";

export interface CertificateData {
  number: string;
  issuedOn: string;
  validUntil: string;
  legalName: string;
  taxCode: string;
  legalSeat: string;
  baseComputo: number;
  quotaDisabili: number;
  coveredDisabili: number;
  quotaArt18: number;
  coveredArt18: number;
  /** Units still inside their 60-day hiring term at issue, and when that term ends. */
  pending?: { units: number; dueOn: string | null };
}

/** The art. 17 certificate as a one-page A4 PDF (any company name prints: app/documents/pdf.server.ts). */
export async function renderCertificatePdf(c: CertificateData): Promise<Uint8Array> {
  const pdf = await PdfWriter.create({
    title: `Certificazione di ottemperanza ${c.number}`,
    author: "Centro per l'Impiego — Collocamento mirato",
  });
  pdf.text("Centro per l'Impiego — Servizio di collocamento mirato", { size: 10, gap: 6 });
  pdf.heading("CERTIFICAZIONE DI OTTEMPERANZA", 1);
  pdf.text("agli obblighi della Legge 12 marzo 1999, n. 68 (art. 17)", { size: 12, gap: 18 });
  pdf.text(`N. ${c.number} — rilasciata il ${formatDate(c.issuedOn)}, valida fino al ${formatDate(c.validUntil)}`, { bold: true, gap: 14 });
  pdf.text(
    `Si certifica che il datore di lavoro ${c.legalName}, codice fiscale ${c.taxCode}, con sede legale in ${c.legalSeat}, ` +
      `risulta in regola con le norme che disciplinano il diritto al lavoro dei disabili (L. 68/1999), sulla base dei dati ` +
      `dichiarati e delle pratiche in corso alla data di rilascio.`,
    { gap: 14 },
  );
  pdf.keyValue(
    [
      ["Base di computo", c.baseComputo],
      ["Quota di riserva disabili (art. 3)", `${c.quotaDisabili} — unità coperte: ${c.coveredDisabili}`],
      ["Quota categorie protette (art. 18 c. 2)", `${c.quotaArt18} — unità coperte: ${c.coveredArt18}`],
    ],
    { gap: 18 },
  );
  if (c.pending?.units && c.pending.dueOn) pdf.text(pendingSentence(c.pending.units, c.pending.dueOn), { gap: 18 });
  pdf.text(
    "La presente certificazione è rilasciata ai fini della partecipazione a bandi per appalti pubblici e dei rapporti " +
      "convenzionali o di concessione con pubbliche amministrazioni (art. 17 L. 68/1999). Non contiene dati relativi alla " +
      "salute dei lavoratori.",
    { size: 9 },
  );
  return pdf.save();
}

/** The download of an issued certificate of `employerId` (employer's and officer's routes), or null. */
export async function certificatePdfResponse(db: Db, employerId: string, certificateId: string): Promise<Response | null> {
  const c = await getIssuedCertificate(db, employerId, certificateId);
  if (!c || !c.number || !c.valid_until) return null;
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
    pending: { units: c.pending_units, dueOn: c.pending_due_on },
  });
  return pdfDownload(pdf, `certificazione-${c.number}.pdf`);
}

/** The employer an issued certificate belongs to (the officer's route is keyed by certificate). */
export async function certificateEmployerId(db: Db, certificateId: string): Promise<string | null> {
  const row = await db.selectFrom("l68_certificates").select("employer_id").where("id", "=", certificateId).executeTakeFirst();
  return row?.employer_id ?? null;
}
