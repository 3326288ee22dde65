/**
 * The nulla osta of a nominative referral (art. 7 L. 68/1999) as a one-page A4 PDF in a Unicode
 * font (any name prints). It carries what the hire needs — employer, post, person — and no health data.
 */
import { PDFDocument, rgb } from "pdf-lib";
import type { Db } from "~/db/db.server";
import { formatDate } from "~/domain/l68/explain";
import { drawable, embedUnicodeFonts } from "~/utils/pdf-fonts.server";

interface NullaOstaData {
  number: string;
  issuedOn: string;
  province: string;
  employer: string;
  employerTaxCode: string;
  task: string;
  occupation: string;
  comune: string;
  person: string;
  personTaxCode: string;
}

async function render(d: NullaOstaData): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Nulla osta ${d.number}`);
  pdf.setLanguage("it-IT");
  pdf.setAuthor("Centro per l'Impiego — Collocamento mirato");
  const page = pdf.addPage([595.28, 841.89]);
  const { regular, bold } = await embedUnicodeFonts(pdf);
  let y = 780;
  const write = (text: string, opts: { size?: number; bold?: boolean; gap?: number } = {}) => {
    const size = opts.size ?? 11;
    const font = opts.bold ? bold : regular;
    let line = "";
    const lines: string[] = [];
    for (const word of drawable(font, text).split(" ")) {
      const next = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(next, size) > 495 && line) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    if (line) lines.push(line);
    for (const l of lines) {
      page.drawText(l, { x: 50, y, size, font, color: rgb(0.1, 0.1, 0.1) });
      y -= size + 5;
    }
    y -= opts.gap ?? 6;
  };
  write(`Centro per l'Impiego — Servizio di collocamento mirato (${d.province})`, { size: 10 });
  write("NULLA OSTA ALL'ASSUNZIONE NOMINATIVA", { size: 18, bold: true, gap: 2 });
  write("art. 7 della Legge 12 marzo 1999, n. 68", { size: 12, gap: 18 });
  write(`N. ${d.number} del ${formatDate(d.issuedOn)}`, { bold: true, gap: 14 });
  write(
    `Si rilascia al datore di lavoro ${d.employer}, codice fiscale ${d.employerTaxCode}, il nulla osta all'assunzione di ` +
      `${d.person}, codice fiscale ${d.personTaxCode}, iscritta nell'elenco del collocamento mirato (art. 8 L. 68/1999), ` +
      `per il posto «${d.task}» (qualifica ${d.occupation}), sede di lavoro ${d.comune}.`,
    { gap: 14 },
  );
  write("Il datore di lavoro comunica l'esito al servizio di collocamento mirato. Il documento non contiene dati relativi alla salute.", { size: 9 });
  return pdf.save();
}

/** The PDF of a nulla osta, scoped by the caller: the officer's province or the employer's own referrals. Null otherwise. */
export async function nullaOstaResponse(db: Db, scope: { province: string } | { employerId: string }, referralId: string): Promise<Response | null> {
  let q = db
    .selectFrom("l68_referrals as r")
    .innerJoin("l68_enrolments as e", "e.id", "r.enrolment_id")
    .innerJoin("employers as em", "em.id", "r.employer_id")
    .innerJoin("l68_available_posts as p", "p.id", "r.post_id")
    .innerJoin("comuni as c", "c.istat_code", "p.comune_code")
    .select([
      "r.nulla_osta_number",
      "r.nulla_osta_on",
      "e.province_code",
      "e.first_name",
      "e.last_name",
      "e.tax_code",
      "em.legal_name",
      "em.tax_code as employer_tax_code",
      "p.task",
      "p.occupation_code",
      "c.name as comune_name",
      "c.province_code as comune_province",
    ])
    .where("r.id", "=", referralId)
    .where("r.nulla_osta_number", "is not", null);
  q = "province" in scope ? q.where("e.province_code", "=", scope.province) : q.where("r.employer_id", "=", scope.employerId).where("r.status", "not in", ["proposed", "cancelled"]);
  const r = await q.executeTakeFirst();
  if (!r || !r.nulla_osta_number || !r.nulla_osta_on) return null;
  const bytes = await render({
    number: r.nulla_osta_number,
    issuedOn: r.nulla_osta_on,
    province: r.province_code,
    employer: r.legal_name,
    employerTaxCode: r.employer_tax_code,
    task: r.task,
    occupation: r.occupation_code,
    comune: `${r.comune_name} (${r.comune_province})`,
    person: `${r.first_name} ${r.last_name}`,
    personTaxCode: r.tax_code,
  });
  return new Response(Buffer.from(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="nulla-osta-${r.nulla_osta_number}.pdf"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
