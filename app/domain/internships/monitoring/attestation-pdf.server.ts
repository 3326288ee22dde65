/**
 * The attestazione finale (Linee guida 2017, Allegato 3) as a PDF, rebuilt from the stored attestazione: parties,
 * period, hours planned and attended, activities from the dossier, competences acquired, signatures of promoter and
 * host. Its document hash is the one stored when it was issued.
 */
import type { Db } from "~/db/db.server";
import { internshipPdf, printFingerprint } from "../documents-pdf.server";
import { formatDate } from "~/utils/format";
import { formatPercentBp, toCentiHours } from "./attendance";
import { hoursLabel, type MonitoringScope } from "./queries.server";

/** The attestazione's PDF, or null when the internship has none or is not visible in this scope. */
export async function attestationPdf(db: Db, internshipId: string, scope: MonitoringScope) {
  let query = db
    .selectFrom("internship_attestations as a")
    .innerJoin("internships as i", "i.id", "a.internship_id")
    .innerJoin("employers as e", "e.id", "i.employer_id")
    .leftJoin("candidates as c", "c.id", "i.candidate_id")
    .leftJoin("comuni as co", "co.istat_code", "i.comune_code")
    .leftJoin("occupations as oc", "oc.code", "i.occupation_code")
    .leftJoin("users as u", "u.id", "a.issued_by")
    .select([
      "a.issued_on",
      "a.planned_hours",
      "a.attended_hours",
      "a.competences",
      "a.host_signer_name",
      "a.document_hash",
      "i.id",
      "i.number",
      "i.title",
      "i.occupation_code",
      "i.eqf_level",
      "i.start_date",
      "i.end_date",
      "i.actual_end_date",
      "i.objectives",
      "i.host_tutor_name",
      "e.legal_name",
      "e.tax_code as employer_tax_code",
      "c.first_name",
      "c.last_name",
      "c.tax_code",
      "c.birth_date",
      "co.name as comune",
      "oc.title as occupation",
      "u.full_name as officer",
    ])
    .where("a.internship_id", "=", internshipId);
  if (scope.kind === "employer") query = query.where("i.employer_id", "=", scope.employerId);
  if (scope.kind === "candidate") query = query.where("i.candidate_id", "=", scope.candidateId);
  const a = await query.executeTakeFirst();
  if (!a) return null;
  const activities = await db
    .selectFrom("internship_dossier_items")
    .select(["occurred_on", "title", "competences"])
    .where("internship_id", "=", internshipId)
    .where("kind", "in", ["activity", "evidence"])
    .orderBy("occurred_on")
    .execute();
  const planned = toCentiHours(a.planned_hours);
  const attended = toCentiHours(a.attended_hours);
  const trainee = a.first_name ? `${a.first_name} ${a.last_name}` : "Tirocinante";
  const pdf = await internshipPdf(`Attestazione finale di tirocinio — ${trainee}`, "Centro per l'Impiego (soggetto promotore)");
  pdf.text("Centro per l'Impiego — soggetto promotore", { size: 10, bold: true });
  pdf.text("Tirocinio extracurricolare (LEP R, Linee guida del 25/5/2017, Allegato 3)", { size: 9, gap: 10 });
  pdf.heading("Attestazione finale di tirocinio", 1);
  pdf.keyValue([
    ["Tirocinante", trainee],
    ["Codice fiscale", a.tax_code ?? "—"],
    ["Data di nascita", a.birth_date ? formatDate(a.birth_date) : "—"],
    ["Soggetto ospitante", `${a.legal_name} (codice fiscale ${a.employer_tax_code})`],
    ["Sede del tirocinio", a.comune ?? "—"],
    ["Tirocinio", `n. ${a.number} — ${a.title}`],
    ["Profilo professionale (CP2021)", `${a.occupation ?? ""} (${a.occupation_code})`],
    ["Livello EQF", a.eqf_level ? String(a.eqf_level) : "—"],
    ["Periodo", `dal ${formatDate(a.start_date!)} al ${formatDate(a.actual_end_date ?? a.end_date!)}`],
    ["Ore previste dal progetto", hoursLabel(planned)],
    ["Ore di presenza", `${hoursLabel(attended)} (${formatPercentBp(Math.floor((attended * 10_000) / planned))})`],
    ["Tutor aziendale", a.host_tutor_name ?? "—"],
  ]);
  pdf.space(6).heading("Obiettivi del progetto formativo");
  pdf.text(a.objectives.trim() || "—");
  pdf.space(6).heading("Attività svolte (dal dossier individuale)");
  if (!activities.length) pdf.text("—");
  else
    pdf.table(
      [
        { header: "Data", width: 0.16 },
        { header: "Attività", width: 0.5 },
        { header: "Competenze", width: 0.34 },
      ],
      activities.map((d) => [formatDate(d.occurred_on), d.title, d.competences || "—"]),
    );
  pdf.space(6).heading("Competenze acquisite");
  pdf.text(a.competences);
  pdf.space(14);
  pdf.text(`Rilasciata il ${formatDate(a.issued_on)}.`, { gap: 10 });
  pdf.text(`Per il soggetto promotore: ${a.officer ?? "l'operatore del Centro per l'Impiego"}`, { gap: 4 });
  pdf.text(`Per il soggetto ospitante: ${a.host_signer_name}`, { gap: 12 });
  printFingerprint(pdf, a.document_hash);
  return { bytes: await pdf.save(), filename: `attestazione-tirocinio-${a.number}.pdf`, internshipId: a.id };
}
