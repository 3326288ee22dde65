/** The aggregated report as PDF: the same numbers as the page (docs/decisions/outplacement.md#esiti-indicatori-e-vista-aggregata). */
import { PdfWriter } from "~/documents/pdf.server";
import { formatDate, formatMonth, formatNumber } from "~/utils/format";
import { plural } from "~/utils/plural";
import { countText, rateText, type AggregatedView, type SafeLine } from "./aggregate";

function line(pdf: PdfWriter, first: string, l: SafeLine, label: (s: string) => string = (s) => s) {
  pdf.table(
    [
      { header: first, width: 0.6 },
      { header: "Lavoratori", width: 0.2 },
      { header: "Quota", width: 0.2 },
    ],
    [
      ...l.cells.map((c) => [label(c.label), countText(c.value), c.share === null ? "—" : `${formatNumber(c.share)}%`]),
      ["Totale", countText(l.total), l.total === null ? "—" : "100%"],
    ],
  );
  pdf.space(8);
}

export async function aggregatedReportPdf(event: { title: string; legal_name: string }, view: AggregatedView): Promise<Uint8Array> {
  const pdf = await PdfWriter.create({ title: `Ricollocazione — ${event.title}`, author: "Rosa — Centro per l'Impiego" });
  pdf.heading("Rapporto aggregato sulla ricollocazione", 1);
  pdf.text(`${event.title} — ${event.legal_name}`, { bold: true, gap: 6 });
  pdf.text(
    "Dati anonimi e aggregati: nessun nome, nessuna riga per lavoratore. Le celle con meno di 5 persone sono indicate con «<5»; altre celle sono nascoste insieme a queste, perché non si possano ricavare per differenza.",
    { size: 9, gap: 10 },
  );
  if (view.kind === "too_small") {
    pdf.heading("Procedura in corso", 2);
    pdf.text(
      `La procedura riguarda meno di 10 lavoratori: non sono mostrati dati sugli esiti. Servizi erogati finora: ${plural(Math.round(view.hours), "ora", "ore")} complessive.`,
    );
    return pdf.save();
  }
  pdf.text(
    `Situazione al ${formatDate(view.asOf)}: ${plural(view.members, "lavoratore", "lavoratori")}; ${plural(Math.round(view.hours), "ora", "ore")} di servizi erogati.`,
    { gap: 8 },
  );
  pdf.heading("Situazione attuale", 2);
  line(pdf, "Situazione", view.current);
  pdf.heading("Tasso di rioccupazione", 2);
  for (const r of view.rates) {
    pdf.text(`A ${plural(r.months, "mese", "mesi")} dalla data di riferimento`, { bold: true });
    if (!r.line) {
      pdf.text(`Non ancora disponibile: i ${plural(r.months, "mese", "mesi")} sono trascorsi per meno di 10 lavoratori.`, { gap: 6 });
      continue;
    }
    pdf.text(`Tasso grezzo: ${rateText(r.rawRate)}; tasso corretto: ${rateText(r.adjustedRate)}.`);
    line(pdf, "Situazione", r.line);
  }
  pdf.text(
    `Tempo mediano alla rioccupazione: ${view.medianMonths === null ? "non ancora disponibile" : plural(view.medianMonths, "mese", "mesi")} (stima di Kaplan–Meier).`,
    { gap: 8 },
  );
  pdf.heading("Rioccupazioni per mese", 2);
  if (view.monthly.cells.length) line(pdf, "Mese", view.monthly, formatMonth);
  else pdf.text("Nessuna rioccupazione ancora.", { gap: 8 });
  pdf.heading("Per sede", 2);
  if (view.bySite)
    pdf.table(
      [
        { header: "Sede", width: 0.4 },
        { header: "Lavoratori", width: 0.2 },
        { header: "Occupati", width: 0.2 },
        { header: "Non occupati", width: 0.2 },
      ],
      view.bySite.map((s) => [s.label, formatNumber(s.members), formatNumber(s.employed), formatNumber(s.notEmployed)]),
    );
  else pdf.text("Il dettaglio per sede non è mostrato: almeno una sede avrebbe una cella con meno di 5 persone.");
  return pdf.save();
}
