/**
 * The L. 68 records (exemptions, 60 per mille self-certifications, suspensions, conventions,
 * referral requests) as a CSV for the placement officer and the employer: one row per record,
 * with the figures that matter for the quota in their own columns and the rest as text.
 * Pure: the rows come from `listRecordsForExport`. Records carry no health data.
 */
import type { L68RecordKind, L68RecordStatus } from "~/db/tables/l68";
import { toCsv } from "~/utils/csv";
import { SUSPENSION_TYPE_LABELS } from "./record-schema";
import { RECORD_KIND_LABELS, RECORD_STATUS_LABELS } from "./states";
import { pluralWord } from "~/utils/plural";
import { decimalComma } from "~/utils/format";

export interface RecordCsvRow {
  legal_name: string;
  tax_code: string;
  kind: L68RecordKind;
  status: L68RecordStatus;
  province_code: string;
  starts_on: string;
  ends_on: string | null;
  details: Record<string, unknown>;
  decision_note: string | null;
  documents: number;
  filed_on: string;
  decided_on: string | null;
}

export const RECORDS_CSV_HEADER = [
  "Azienda",
  "Codice fiscale",
  "Pratica",
  "Stato",
  "Provincia",
  "Inizio",
  "Fine",
  "Percentuale",
  "Unità",
  "Contributo stimato (€)",
  "Programma di assunzioni",
  "Dettagli",
  "Nota del collocamento mirato",
  "Documenti",
  "Presentata il",
  "Decisa il",
];

const text = (v: unknown) => (v === undefined || v === null ? "" : String(v));
/** "79674.72" → "79674,72": Excel it-IT reads the comma as the decimal separator (the file uses ";"). */
const euro = (amount: unknown) => (typeof amount === "string" && amount ? decimalComma(amount) : "");
const percent = (v: unknown) => (v === undefined || v === null || v === "" ? "" : decimalComma(String(v)));
// Commas, not ";", inside a cell: the cell stays unquoted and readable in a text editor too.
const joinParts = (parts: (string | false | null | undefined)[]) => parts.filter(Boolean).join(", ");

interface Contribution {
  periods?: { exemptedUnits?: number }[];
  totalAmount?: string;
}

/** The kind-specific columns: percentage, units, contribution, schedule and a readable summary. */
function facts(kind: L68RecordKind, d: Record<string, unknown>) {
  const contribution = d.contribution as Contribution | undefined;
  const out = { percent: "", units: "", contribution: euro(contribution?.totalAmount), schedule: "", summary: "" };
  switch (kind) {
    case "esonero":
      out.percent = percent(d.percent);
      // Units exempted at most in any calendar year of the period (the quota may differ between years).
      out.units = text(contribution?.periods?.reduce((n, p) => Math.max(n, Number(p.exemptedUnits ?? 0)), 0));
      out.summary = joinParts([
        d.requestedPercent !== undefined && `percentuale richiesta ${percent(d.requestedPercent)}%`,
        d.weekDays !== undefined && `settimana di ${text(d.weekDays)} giorni`,
        d.reason !== undefined && `condizioni dell'attività: ${text(d.reason)}`,
      ]);
      break;
    case "autocertificazione_60":
      out.units = text(d.positions);
      out.summary = joinParts([
        `${text(d.workers60)} ${pluralWord(Number(d.workers60), "lavoratore", "lavoratori")} con tasso INAIL ${percent(d.inailRate)} per mille`,
        d.weekDays !== undefined && `settimana di ${text(d.weekDays)} giorni`,
      ]);
      break;
    case "sospensione":
      out.percent = d.suspensionType === "licenziamento_collettivo" ? "100" : percent(d.suspendedPercent);
      out.summary = joinParts([
        SUSPENSION_TYPE_LABELS[d.suspensionType as keyof typeof SUSPENSION_TYPE_LABELS],
        d.dismissals !== undefined && `licenziamenti al termine della procedura: ${text(d.dismissals)}`,
      ]);
      break;
    case "convenzione_art11": {
      const schedule = (d.schedule as { date: string; units: number }[] | undefined) ?? [];
      out.units = text(schedule.reduce((n, s) => n + Number(s.units), 0));
      out.schedule = schedule.map((s) => `${s.date}: ${s.units}`).join(", ");
      break;
    }
    case "convenzione_art12bis":
      out.units = text(d.workers);
      out.summary = d.destinationBody ? `soggetto ospitante: ${text(d.destinationBody)}` : "";
      break;
    case "richiesta_nominativa":
    case "richiesta_numerica":
      out.units = text(d.units);
      out.summary = joinParts([
        d.qualification !== undefined && `qualifica: ${text(d.qualification)}`,
        d.candidateName !== undefined && `persona indicata: ${text(d.candidateName)}`,
      ]);
      break;
  }
  if (d.notes) out.summary = joinParts([out.summary, `note: ${text(d.notes)}`]);
  return out;
}

/** One CSV row per record (UTF-8 with BOM, ";" separated, formula injection neutralised by `toCsv`). */
export function recordsCsv(rows: readonly RecordCsvRow[]): string {
  return toCsv(
    RECORDS_CSV_HEADER,
    rows.map((r) => {
      const f = facts(r.kind, r.details);
      return [
        r.legal_name,
        r.tax_code,
        RECORD_KIND_LABELS[r.kind],
        RECORD_STATUS_LABELS[r.status],
        r.province_code,
        r.starts_on,
        r.ends_on ?? "",
        f.percent,
        f.units,
        f.contribution,
        f.schedule,
        f.summary,
        r.decision_note ?? "",
        r.documents,
        r.filed_on,
        r.decided_on ?? "",
      ];
    }),
  );
}
