import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { formatDate } from "~/utils/format";
import { drawable, embedUnicodeFonts } from "~/utils/pdf-fonts.server";
import type { getEmployerShortlist } from "./queries.server";
import { CANDIDATE_STATE_LABELS } from "./states";

type Data = NonNullable<Awaited<ReturnType<typeof getEmployerShortlist>>>;

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of drawable(font, text).split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) > width && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** The rosa for the employer: only presented people, contacts only where they agreed. */
export async function shortlistPdf(data: Data, now = new Date()): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`Rosa di candidati — ${data.shortlist.title}`);
  doc.setLanguage("it-IT");
  const { regular: font, bold } = await embedUnicodeFonts(doc);
  let page: PDFPage = doc.addPage(A4);
  let y = A4[1] - MARGIN;
  const write = (text: string, opts: { size?: number; f?: PDFFont; gap?: number } = {}) => {
    const size = opts.size ?? 10;
    for (const line of wrap(text, opts.f ?? font, size, A4[0] - 2 * MARGIN)) {
      if (y < MARGIN + size) {
        page = doc.addPage(A4);
        y = A4[1] - MARGIN;
      }
      page.drawText(line, { x: MARGIN, y, size, font: opts.f ?? font, color: rgb(0, 0, 0) });
      y -= size + 4;
    }
    y -= opts.gap ?? 0;
  };
  // Header: who sends the rosa (the CPI), to whom (the employer), when.
  write(data.cpi.name, { size: 12, f: bold });
  if (data.cpi.officerName) write(`Operatore: ${data.cpi.officerName}${data.cpi.officerEmail ? ` · ${data.cpi.officerEmail}` : ""}`);
  write(`Azienda: ${data.shortlist.employer_name} (codice fiscale ${data.shortlist.employer_tax_code})`, { gap: 2 });
  write(
    `Presentata il ${data.shortlist.presented_at ? formatDate(data.shortlist.presented_at) : "—"} · documento generato il ${formatDate(now)}`,
    { gap: 10 },
  );
  write(`Rosa di candidati: ${data.shortlist.title}`, { size: 16, f: bold, gap: 4 });
  write(`Offerta n. ${data.shortlist.vacancy_number} «${data.shortlist.vacancy_title}»`, { gap: 10 });
  for (const r of data.rows) {
    write(`${r.name} — ${CANDIDATE_STATE_LABELS[r.state]}`, { size: 12, f: bold });
    write(r.contacts ? `Recapiti: ${r.contacts.phone ?? "—"} · ${r.contacts.email ?? "—"}` : "Recapiti: tramite il Centro per l'Impiego");
    write(`Propensioni: ${r.preferences.join("; ")}`);
    write(
      `Esperienze di lavoro: ${
        r.experiences.length
          ? r.experiences.map((e) => `${e.title ?? "—"} (dal ${formatDate(e.from)}${e.to ? ` al ${formatDate(e.to)}` : " a oggi"})`).join("; ")
          : "nessuna"
      }.`,
    );
    write(`Titoli di studio: ${r.education.join("; ") || "—"}. Lingue: ${r.languages.join(", ") || "—"}. Patenti: ${r.licences.join(", ") || "—"}.`);
    if (r.certificates.length) write(`Certificazioni: ${r.certificates.join("; ")}.`);
    if (r.certificates.length) write(`Certificazioni: ${r.certificates.join("; ")}.`);
    write(`Punteggio ${r.explanation.score} = ${r.explanation.parts.map((p) => `${p.points} (${p.label})`).join(" + ") || "0"}`);
    write(r.explanation.requirements.map((q) => `${q.label}: ${q.status === "met" ? "sì" : q.status === "missing" ? "no" : "da verificare"}`).join("; "), { gap: 10 });
  }
  write("Documento riservato: i dati personali servono solo alla selezione per questa offerta (Reg. UE 2016/679).", { size: 8 });
  return doc.save();
}
