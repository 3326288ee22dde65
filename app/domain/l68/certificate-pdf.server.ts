import { PDFDocument, rgb } from "pdf-lib";
import { drawable, embedUnicodeFonts } from "~/utils/pdf-fonts.server";
import type { Db } from "~/db/db.server";
import { getIssuedCertificate, type SnapshotResult } from "./queries.server";
import { pendingSentence } from "./certificate-text";
import { formatIsoDay } from "./explain";

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

/** Wraps text to the page width with the given font (pdf-lib has no layout engine). */
function wrap(text: string, width: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    const next = line ? `${line} ${word}` : word;
    if (measure(next) > width && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** The art. 17 certificate as a one-page A4 PDF, in a Unicode font: any company name prints (pdf-fonts.server.ts). */
export async function renderCertificatePdf(c: CertificateData): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Certificazione di ottemperanza ${c.number}`);
  pdf.setLanguage("it-IT");
  pdf.setAuthor("Centro per l'Impiego — Collocamento mirato");
  const page = pdf.addPage([595.28, 841.89]);
  const { regular, bold } = await embedUnicodeFonts(pdf);
  let y = 780;
  const write = (text: string, opts: { size?: number; font?: typeof regular; gap?: number } = {}) => {
    const size = opts.size ?? 11;
    const font = opts.font ?? regular;
    for (const line of wrap(drawable(font, text), 495, (s) => font.widthOfTextAtSize(s, size))) {
      page.drawText(line, { x: 50, y, size, font, color: rgb(0.1, 0.1, 0.1) });
      y -= size + 5;
    }
    y -= opts.gap ?? 6;
  };
  write("Centro per l'Impiego — Servizio di collocamento mirato", { size: 10 });
  write("CERTIFICAZIONE DI OTTEMPERANZA", { size: 18, font: bold, gap: 2 });
  write("agli obblighi della Legge 12 marzo 1999, n. 68 (art. 17)", { size: 12, gap: 18 });
  write(`N. ${c.number} — rilasciata il ${formatIsoDay(c.issuedOn)}, valida fino al ${formatIsoDay(c.validUntil)}`, { font: bold, gap: 14 });
  write(
    `Si certifica che il datore di lavoro ${c.legalName}, codice fiscale ${c.taxCode}, con sede legale in ${c.legalSeat}, ` +
      `risulta in regola con le norme che disciplinano il diritto al lavoro dei disabili (L. 68/1999), sulla base dei dati ` +
      `dichiarati e delle pratiche in corso alla data di rilascio.`,
    { gap: 14 },
  );
  write(`Base di computo: ${c.baseComputo}`);
  write(`Quota di riserva disabili (art. 3): ${c.quotaDisabili} — unità coperte: ${c.coveredDisabili}`);
  write(`Quota categorie protette (art. 18 c. 2): ${c.quotaArt18} — unità coperte: ${c.coveredArt18}`, { gap: 18 });
  if (c.pending?.units && c.pending.dueOn) write(pendingSentence(c.pending.units, c.pending.dueOn), { gap: 18 });
  write(
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
  return new Response(Buffer.from(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="certificazione-${c.number}.pdf"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}

/** The employer an issued certificate belongs to (the officer's route is keyed by certificate). */
export async function certificateEmployerId(db: Db, certificateId: string): Promise<string | null> {
  const row = await db.selectFrom("l68_certificates").select("employer_id").where("id", "=", certificateId).executeTakeFirst();
  return row?.employer_id ?? null;
}
