import { PdfWriter } from "~/documents/pdf.server";
import { formatDate } from "~/utils/format";
import type { getEmployerShortlist } from "./queries.server";
import { CANDIDATE_STATE_LABELS } from "./states";

type Data = NonNullable<Awaited<ReturnType<typeof getEmployerShortlist>>>;

/** The rosa for the employer: only presented people, contacts only where they agreed. */
export async function shortlistPdf(data: Data, now = new Date()): Promise<Uint8Array> {
  const pdf = await PdfWriter.create({ title: `Rosa di candidati — ${data.shortlist.title}`, author: data.cpi.name });
  // Header: who sends the rosa (the CPI), to whom (the employer), when.
  pdf.text(data.cpi.name, { size: 12, bold: true });
  if (data.cpi.officerName) pdf.text(`Operatore: ${data.cpi.officerName}${data.cpi.officerEmail ? ` · ${data.cpi.officerEmail}` : ""}`);
  pdf.text(`Azienda: ${data.shortlist.employer_name} (codice fiscale ${data.shortlist.employer_tax_code})`, { gap: 2 });
  pdf.text(
    `Presentata il ${data.shortlist.presented_at ? formatDate(data.shortlist.presented_at) : "—"} · documento generato il ${formatDate(now)}`,
    { gap: 10 },
  );
  pdf.heading(`Rosa di candidati: ${data.shortlist.title}`, 1, 4);
  pdf.text(`Offerta n. ${data.shortlist.vacancy_number} «${data.shortlist.vacancy_title}»`, { gap: 10 });
  for (const r of data.rows) {
    pdf.heading(`${r.name} — ${CANDIDATE_STATE_LABELS[r.state]}`, 3, 0);
    pdf.keyValue([
      ["Recapiti", r.contacts ? `${r.contacts.phone ?? "—"} · ${r.contacts.email ?? "—"}` : "tramite il Centro per l'Impiego"],
      ["Propensioni", r.preferences.join("; ")],
      [
        "Esperienze di lavoro",
        `${
          r.experiences.length
            ? r.experiences
                .map((e) => `${e.title ?? "—"} (dal ${formatDate(e.from)}${e.to ? ` al ${formatDate(e.to)}` : " a oggi"})`)
                .join("; ")
            : "nessuna"
        }.`,
      ],
    ]);
    pdf.text(
      `Titoli di studio: ${r.education.join("; ") || "—"}. Lingue: ${r.languages.join(", ") || "—"}. Patenti: ${r.licences.join(", ") || "—"}.`,
    );
    if (r.certificates.length) pdf.keyValue([["Certificazioni", `${r.certificates.join("; ")}.`]]);
    pdf.text(`Punteggio ${r.explanation.score} = ${r.explanation.parts.map((p) => `${p.points} (${p.label})`).join(" + ") || "0"}`);
    pdf.text(
      r.explanation.requirements
        .map((q) => `${q.label}: ${q.status === "met" ? "sì" : q.status === "missing" ? "no" : "da verificare"}`)
        .join("; "),
      { gap: 10 },
    );
  }
  pdf.text("Documento riservato: i dati personali servono solo alla selezione per questa offerta (Reg. UE 2016/679).", { size: 8 });
  return pdf.save();
}
