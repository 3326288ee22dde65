/** Pure helpers of the officers' figures: rates, CSV. */
import { toCsv } from "~/utils/csv";
import { decimalComma } from "~/utils/format";

export interface FigureLike {
  label: string;
  shortlists: number;
  presented: number;
  hired: number;
  withFeedback: number;
  /** Average days from validation to the first presented rosa; null when none. */
  daysToPresent: number | null;
  /** Average days from presentation to the employer's first feedback. */
  feedbackDelayDays: number | null;
}

export const rate = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);

/** Semicolon-separated with a BOM (Italian Excel, see toCsv), decimal comma. */
export function figuresCsv(rows: FigureLike[], groupLabel: string): string {
  const num = (v: number | null) => (v === null ? null : decimalComma(v));
  const header = [
    groupLabel,
    "rose",
    "candidati presentati",
    "assunti",
    "% assunti sui presentati",
    "% riscontri dell'azienda",
    "giorni medi dalla convalida alla rosa",
    "giorni medi di attesa del riscontro",
  ];
  return toCsv(
    header,
    rows.map((r) => [
      r.label,
      r.shortlists,
      r.presented,
      r.hired,
      num(rate(r.hired, r.presented)),
      num(rate(r.withFeedback, r.presented)),
      num(r.daysToPresent),
      num(r.feedbackDelayDays),
    ]),
  );
}
