import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { drawable, embedUnicodeFonts } from "~/utils/pdf-fonts.server";
import { formatDate } from "~/utils/format";

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
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Rilevazione dei fabbisogni — ${d.employerName}`);
  pdf.setLanguage("it-IT");
  pdf.setAuthor("Centro per l'Impiego — Servizi alle imprese");
  const { regular, bold } = await embedUnicodeFonts(pdf);
  const margin = 56;
  const width = 595.28 - 2 * margin;
  let page: PDFPage = pdf.addPage([595.28, 841.89]);
  let y = 841.89 - margin;

  const line = (text: string, font: PDFFont = regular, size = 10.5) => {
    for (const paragraph of drawable(font, text).split("\n")) {
      let current = "";
      const flush = () => {
        if (y < margin + size) {
          page = pdf.addPage([595.28, 841.89]);
          y = 841.89 - margin;
        }
        page.drawText(current, { x: margin, y, size, font, color: rgb(0.1, 0.1, 0.1) });
        y -= size * 1.45;
        current = "";
      };
      for (const word of paragraph.split(" ")) {
        const next = current ? `${current} ${word}` : word;
        if (font.widthOfTextAtSize(next, size) > width && current) {
          flush();
          current = word;
        } else current = next;
      }
      flush();
    }
  };
  const section = (title: string, text: string) => {
    y -= 6;
    line(title, bold, 12);
    line(text.trim() || "—");
  };

  line("Centro per l'Impiego — Servizi alle imprese", bold, 10);
  line("Consulenza per la rilevazione dei fabbisogni occupazionali e formativi (standard 4B)", regular, 9);
  y -= 10;
  line(`Rilevazione dei fabbisogni di ${d.employerName}`, bold, 16);
  line(`Codice fiscale ${d.employerTaxCode} · colloquio del ${formatDate(d.assessedOn)} · operatore ${d.officerName}`, regular, 10);
  y -= 6;
  line("Figure professionali ricercate", bold, 12);
  if (!d.figures.length) line("Nessuna figura indicata.");
  for (const f of d.figures) {
    line(`• ${f.quantity} × ${f.occupationTitle} (CP2021 ${f.occupationCode})${f.neededBy ? `, entro il ${formatDate(f.neededBy)}` : ""}${f.notes ? ` — ${f.notes}` : ""}`);
  }
  section("Gap di competenze", d.skillGaps);
  section("Fabbisogni formativi", d.trainingNeeds);
  section("Azioni concordate", d.actionsAgreed);
  y -= 12;
  line("Documento generato da Rosa. Per le offerte di lavoro e la ricerca dei candidati rivolgiti al tuo Centro per l'Impiego.", regular, 8.5);
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
    figures: a.figures.map((f) => ({ occupationCode: f.occupation_code, occupationTitle: f.occupation_title, quantity: f.quantity, neededBy: f.needed_by, notes: f.notes })),
  });
  return new Response(Buffer.from(bytes), {
    headers: { "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="fabbisogni-${a.assessed_on}.pdf"` },
  });
}
