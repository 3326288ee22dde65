import { pdfDownload, PdfWriter } from "~/documents/pdf.server";
import { formatDate, formatNumber } from "~/utils/format";

export interface NeedsPdfData {
  employerName: string;
  employerTaxCode: string;
  officerName: string;
  assessedOn: string;
  skillGaps: string;
  trainingNeeds: string;
  actionsAgreed: string;
  figures: { occupationCode: string; occupationTitle: string; quantity: number; neededBy: string | null; notes: string }[];
}

/** The 4B output for the employer: figures sought, skill gaps, training needs and agreed actions (A4, multi-page). */
export async function renderNeedsPdf(d: NeedsPdfData): Promise<Uint8Array> {
  const pdf = await PdfWriter.create({
    title: `Rilevazione dei fabbisogni — ${d.employerName}`,
    author: "Centro per l'Impiego — Servizi alle imprese",
  });
  pdf.text("Centro per l'Impiego — Servizi alle imprese", { size: 10, bold: true });
  pdf.text("Consulenza per la rilevazione dei fabbisogni occupazionali e formativi (standard 4B)", { size: 9, gap: 10 });
  pdf.heading(`Rilevazione dei fabbisogni di ${d.employerName}`, 1);
  pdf.text(`Codice fiscale ${d.employerTaxCode} · colloquio del ${formatDate(d.assessedOn)} · operatore ${d.officerName}`, {
    size: 10,
    gap: 6,
  });
  pdf.heading("Figure professionali ricercate");
  if (!d.figures.length) pdf.text("Nessuna figura indicata.");
  else
    pdf.table(
      [
        { header: "Figura professionale", width: 0.34 },
        { header: "CP2021", width: 0.14 },
        { header: "Quantità", width: 0.12 },
        { header: "Entro il", width: 0.14 },
        { header: "Note", width: 0.26 },
      ],
      d.figures.map((f) => [
        f.occupationTitle,
        f.occupationCode,
        formatNumber(f.quantity),
        f.neededBy ? formatDate(f.neededBy) : "—",
        f.notes || "—",
      ]),
    );
  for (const [title, text] of [
    ["Gap di competenze", d.skillGaps],
    ["Fabbisogni formativi", d.trainingNeeds],
    ["Azioni concordate", d.actionsAgreed],
  ] as const) {
    pdf.space(6).heading(title);
    pdf.text(text.trim() || "—");
  }
  pdf
    .space(12)
    .text("Documento generato da Rosa. Per le offerte di lavoro e la ricerca dei candidati rivolgiti al tuo Centro per l'Impiego.", {
      size: 8.5,
    });
  return pdf.save();
}

/** The PDF as a download response, from an assessment as read by getNeedsAssessment. */
export async function needsPdfResponse(a: {
  employer_name: string;
  employer_tax_code: string;
  officer_name: string;
  assessed_on: string;
  skill_gaps: string;
  training_needs: string;
  actions_agreed: string;
  figures: { occupation_code: string; occupation_title: string; quantity: number; needed_by: string | null; notes: string }[];
}): Promise<Response> {
  const bytes = await renderNeedsPdf({
    employerName: a.employer_name,
    employerTaxCode: a.employer_tax_code,
    officerName: a.officer_name,
    assessedOn: a.assessed_on,
    skillGaps: a.skill_gaps,
    trainingNeeds: a.training_needs,
    actionsAgreed: a.actions_agreed,
    figures: a.figures.map((f) => ({
      occupationCode: f.occupation_code,
      occupationTitle: f.occupation_title,
      quantity: f.quantity,
      neededBy: f.needed_by,
      notes: f.notes,
    })),
  });
  return pdfDownload(bytes, `fabbisogni-${a.assessed_on}.pdf`);
}
