/**
 * The officer's internship figures (docs/decisions/tirocini.md «Cifre»). Every figure counts the internships that
 * STARTED in the period (a cohort), so that the shares compare like with like:
 * - activated: started (reached «in corso»), whatever happened next;
 * - attested: of those, concluded with the attestazione;
 * - interrupted: of those, ended early (by anyone), attested or not;
 * - hired within 6 months: of those, with a hire (Rosa's hires, or declared) from the start to 6 months after the end;
 *   «by the host» when the hire is with the same employer.
 * Client-safe.
 */
import { toCsv } from "~/utils/csv";

export const FIGURES_GROUPINGS = { provincia: "Provincia", professione: "Professione" } as const;
export type FiguresGrouping = keyof typeof FIGURES_GROUPINGS;

/** States an internship reaches only after it started. */
export const STARTED_STATES = ["active", "suspended", "interrupted", "completed", "attested", "closed_without_attestation"] as const;

export interface FiguresRow {
  key: string;
  label: string;
  activated: number;
  attested: number;
  interrupted: number;
  hired6: number;
  hired6ByHost: number;
}

/** Whole percentage of `part` in `whole`, rounded half up; null when there is nothing to divide. */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? Math.floor((part * 100 * 2 + whole) / (whole * 2)) : null;
}

export function totalsOf(rows: readonly FiguresRow[]): FiguresRow {
  const t: FiguresRow = { key: "totale", label: "Totale", activated: 0, attested: 0, interrupted: 0, hired6: 0, hired6ByHost: 0 };
  for (const r of rows) {
    t.activated += r.activated;
    t.attested += r.attested;
    t.interrupted += r.interrupted;
    t.hired6 += r.hired6;
    t.hired6ByHost += r.hired6ByHost;
  }
  return t;
}

/** The figures as CSV, one row per group plus the total: counts first, then the shares of the activated. */
export function figuresCsv(rows: readonly FiguresRow[], by: FiguresGrouping): string {
  const all = [...rows, totalsOf(rows)];
  return toCsv(
    [
      FIGURES_GROUPINGS[by],
      "Codice",
      "Avviati",
      "Con attestazione",
      "Interrotti",
      "Assunti entro 6 mesi",
      "Di cui dall'azienda ospitante",
      "Quota con attestazione (%)",
      "Quota interrotti (%)",
      "Quota assunti entro 6 mesi (%)",
    ],
    all.map((r) => [
      r.label,
      r.key,
      r.activated,
      r.attested,
      r.interrupted,
      r.hired6,
      r.hired6ByHost,
      share(r.attested, r.activated),
      share(r.interrupted, r.activated),
      share(r.hired6, r.activated),
    ]),
  );
}
