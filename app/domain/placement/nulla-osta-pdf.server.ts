/**
 * The nulla osta of a nominative referral (art. 7 L. 68/1999) as a one-page A4 PDF in a Unicode
 * font (any name prints). It carries what the hire needs — employer, post, person — and no health data.
 */
import type { Db } from "~/db/db.server";
import { pdfDownload, PdfWriter } from "~/documents/pdf.server";
import { formatDate } from "~/utils/format";

export interface NullaOstaData {
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

/** The nulla osta as a one-page A4 PDF. */
export async function renderNullaOstaPdf(d: NullaOstaData): Promise<Uint8Array> {
  const pdf = await PdfWriter.create({ title: `Nulla osta ${d.number}`, author: "Centro per l'Impiego — Collocamento mirato" });
  pdf.text(`Centro per l'Impiego — Servizio di collocamento mirato (${d.province})`, { size: 10, gap: 6 });
  pdf.heading("NULLA OSTA ALL'ASSUNZIONE NOMINATIVA", 1);
  pdf.text("art. 7 della Legge 12 marzo 1999, n. 68", { size: 12, gap: 18 });
  pdf.text(`N. ${d.number} del ${formatDate(d.issuedOn)}`, { bold: true, gap: 14 });
  pdf.text(
    `Si rilascia al datore di lavoro ${d.employer}, codice fiscale ${d.employerTaxCode}, il nulla osta all'assunzione di ` +
      `${d.person}, codice fiscale ${d.personTaxCode}, iscritta nell'elenco del collocamento mirato (art. 8 L. 68/1999), ` +
      `per il posto «${d.task}» (qualifica ${d.occupation}), sede di lavoro ${d.comune}.`,
    { gap: 14 },
  );
  pdf.text(
    "Il datore di lavoro comunica l'esito al servizio di collocamento mirato. Il documento non contiene dati relativi alla salute.",
    { size: 9 },
  );
  return pdf.save();
}

/** The PDF of a nulla osta, scoped by the caller: the officer's province or the employer's own referrals. Null otherwise. */
export async function nullaOstaResponse(
  db: Db,
  scope: { province: string } | { employerId: string },
  referralId: string,
): Promise<Response | null> {
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
  q =
    "province" in scope
      ? q.where("e.province_code", "=", scope.province)
      : q.where("r.employer_id", "=", scope.employerId).where("r.status", "not in", ["proposed", "cancelled"]);
  const r = await q.executeTakeFirst();
  if (!r || !r.nulla_osta_number || !r.nulla_osta_on) return null;
  const bytes = await renderNullaOstaPdf({
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
  return pdfDownload(bytes, `nulla-osta-${r.nulla_osta_number}.pdf`);
}
