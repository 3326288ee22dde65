import { PdfWriter } from "~/documents/pdf.server";
import { formatDate, formatDateTime } from "~/utils/format";
import {
  ACTION_LOCATION_LABELS,
  ACTION_MODE_LABELS,
  SERVICE_CODE_LABELS,
  type ActionLocation,
  type ActionMode,
  type ServiceCode,
} from "./actions-states";
import { formatHours } from "./hours";
import { GOAL_TYPE_LABELS, PLAN_STATE_LABELS, type GoalType, type PlanState } from "./plans-states";
import type { getPlanForPdf } from "./plans-queries.server";
import { plural } from "~/utils/plural";

type PlanPdfData = NonNullable<Awaited<ReturnType<typeof getPlanForPdf>>>;

export const CONDITIONALITY_NOTICE =
  "Chi riceve la NASpI o la cassa integrazione straordinaria deve partecipare alle attività di questo piano. Un'assenza " +
  "senza giustificato motivo viene registrata e valutata dal Centro per l'Impiego, che può proporre le riduzioni o la " +
  "decadenza previste dalla legge (art. 21 D.Lgs. 150/2015; art. 25-ter D.Lgs. 148/2015). Le assenze si giustificano " +
  "con un documento entro i termini comunicati dall'operatore.";

/** The reinsertion plan (one version) the worker signs: goals, actions with codes and hours, commitments, signatures. */
export async function renderPlanPdf(d: PlanPdfData): Promise<Uint8Array> {
  const { member, plan } = d;
  const name = `${member.first_name} ${member.last_name}`;
  const pdf = await PdfWriter.create({
    title: `Progetto di reinserimento — ${name} — versione ${plan.plan_version}`,
    author: "Centro per l'Impiego",
  });
  pdf.text("Centro per l'Impiego — Ricollocazione dei lavoratori (servizio 4E)", { size: 10, bold: true });
  pdf.text(`Evento: ${member.event_title} — ${member.employer_name}`, { size: 9, gap: 10 });
  pdf.heading(`Progetto di reinserimento di ${name}`, 1);
  pdf.keyValue([
    ["Codice fiscale", member.codice_fiscale],
    ["Qualifica di provenienza", member.qualification ?? "—"],
    ["Versione", `${plan.plan_version} (${PLAN_STATE_LABELS[plan.state as PlanState].toLowerCase()})`],
    ["Ente accreditato", d.provider ? [d.provider.full_name, d.provider.organisation].filter(Boolean).join(", ") : "—"],
    ["Revisione prevista", plan.review_on ? formatDate(plan.review_on) : "—"],
  ]);
  pdf.space(6).heading("Obiettivo principale");
  pdf.text(
    `${GOAL_TYPE_LABELS[plan.main_goal_type as GoalType]}${plan.main_goal_cp2021 ? ` — ${plan.main_goal_cp2021} ${plan.main_goal_title ?? ""}` : ""}`,
    { bold: true },
  );
  pdf.text(plan.main_goal_description);
  if (plan.alt_goal_type) {
    pdf.space(4).heading("Obiettivo alternativo");
    pdf.text(
      `${GOAL_TYPE_LABELS[plan.alt_goal_type as GoalType]}${plan.alt_goal_cp2021 ? ` — ${plan.alt_goal_cp2021} ${plan.alt_goal_title ?? ""}` : ""}`,
      { bold: true },
    );
    pdf.text(plan.alt_goal_description || "—");
  }
  pdf.space(6).heading("Azioni");
  pdf.table(
    [
      { header: "Servizio", width: 0.32 },
      { header: "Modalità", width: 0.14 },
      { header: "Luogo", width: 0.22 },
      { header: "Ore previste", width: 0.12 },
      { header: "Periodo", width: 0.2 },
    ],
    plan.actions.map((a) => [
      SERVICE_CODE_LABELS[a.service_code as ServiceCode] + (a.course_title ? ` — ${a.course_title}` : ""),
      ACTION_MODE_LABELS[a.mode as ActionMode],
      ACTION_LOCATION_LABELS[a.location as ActionLocation],
      formatHours(a.planned_minutes),
      a.starts_on ? `${formatDate(a.starts_on)}${a.ends_on ? ` – ${formatDate(a.ends_on)}` : ""}` : "Da definire",
    ]),
  );
  if (d.intake && (d.intake.mobility_km !== null || d.intake.weekly_hours !== null || d.intake.care_constraints)) {
    pdf.space(6).heading("Vincoli concordati");
    pdf.keyValue([
      ["Distanza massima", d.intake.mobility_km !== null ? `${d.intake.mobility_km} km` : "—"],
      ["Tempo di viaggio massimo", d.intake.mobility_minutes !== null ? plural(d.intake.mobility_minutes, "minuto", "minuti") : "—"],
      ["Ore settimanali disponibili", d.intake.weekly_hours !== null ? String(d.intake.weekly_hours) : "—"],
      ["Cura familiare", d.intake.care_constraints || "—"],
    ]);
  }
  pdf.space(6).heading("Impegni reciproci");
  pdf.text(plan.commitments || "—");
  pdf.space(6).heading("Condizionalità");
  pdf.text(CONDITIONALITY_NOTICE, { size: 9.5 });
  pdf.space(10).heading("Firme");
  if (plan.worker_signed_on)
    pdf.keyValue([
      ["Firma del lavoratore", `il ${formatDate(plan.worker_signed_on)}`],
      [
        "Firma dell'operatore",
        `${plan.operator_name ?? "—"}${plan.operator_signed_at ? `, il ${formatDateTime(plan.operator_signed_at)}` : ""}`,
      ],
    ]);
  else {
    pdf.text("Il lavoratore ____________________________________   Data ______________", { gap: 14 });
    pdf.text("L'operatore ______________________________________   Data ______________");
  }
  pdf.space(12).text(`Documento generato da Rosa. Versione ${plan.plan_version} del progetto di reinserimento.`, { size: 8.5 });
  return pdf.save();
}
