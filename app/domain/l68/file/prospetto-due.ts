/**
 * Whether the prospetto informativo is owed for a year (docs/legal/l68.md#s1-6). It is owed by employers with
 * at least 15 computable workers at 31 December (art. 9 c. 6 L. 68/1999), but **not** when nothing
 * that alters the obligation or the quota computation changed since the last prospetto sent
 * (art. 40 c. 4 DL 112/2008). The figures compared are those the national form carries and the
 * obligation depends on: base, quotas, protected workers in force and the available posts.
 * Client-safe: no server imports.
 */

/** Prospetti are owed from this base (art. 9 c. 6: employers subject to the obligation, ≥ 15 computable). */
export const PROSPETTO_MIN_BASE = 15;

export interface ProspettoFigures {
  baseComputo: number;
  quotaRiservaDisabili: number;
  quotaRiservaArt18: number;
  disabiliInForza: number;
  art18InForza: number;
  /** A stable description of the available posts (see posts); "" when none are declared. */
  postiDisponibili: string;
}

export const FIGURE_LABELS: Record<keyof ProspettoFigures, string> = {
  baseComputo: "base di computo",
  quotaRiservaDisabili: "quota di riserva disabili",
  quotaRiservaArt18: "quota di riserva art. 18",
  disabiliInForza: "disabili in forza",
  art18InForza: "lavoratori art. 18 in forza",
  postiDisponibili: "posti di lavoro disponibili",
};

export interface FigureChange {
  field: keyof ProspettoFigures;
  label: string;
  from: string | number;
  to: string | number;
}

/** What differs between the last prospetto sent and the situation now; no previous prospetto = everything. */
export function prospettoChanges(previous: Partial<ProspettoFigures> | null, current: ProspettoFigures): FigureChange[] {
  if (!previous) return [];
  const norm = (v: unknown) => (typeof v === "string" ? v.trim().replace(/\s+/g, " ") : v);
  return (Object.keys(FIGURE_LABELS) as (keyof ProspettoFigures)[])
    .filter((field) => norm(previous[field] ?? (field === "postiDisponibili" ? "" : undefined)) !== norm(current[field]))
    .map((field) => ({ field, label: FIGURE_LABELS[field], from: previous[field] ?? "—", to: current[field] }));
}

export type ProspettoDueReason = "below_threshold" | "first" | "changed" | "unchanged" | "filed";

export interface ProspettoDue {
  owed: boolean;
  reason: ProspettoDueReason;
  changes: FigureChange[];
  /** The year of the last prospetto sent before this one, if any. */
  lastSentYear: number | null;
}

/**
 * The decision, given the figures at 31 December, the last prospetto sent before it (its year and
 * figures) and whether this year's has already been sent.
 */
export function decideProspettoDue(
  current: ProspettoFigures,
  last: { year: number; figures: Partial<ProspettoFigures> } | null,
  filed: boolean,
): ProspettoDue {
  const lastSentYear = last?.year ?? null;
  const changes = prospettoChanges(last?.figures ?? null, current);
  if (filed) return { owed: true, reason: "filed", changes, lastSentYear };
  if (current.baseComputo < PROSPETTO_MIN_BASE) return { owed: false, reason: "below_threshold", changes, lastSentYear };
  if (!last) return { owed: true, reason: "first", changes, lastSentYear };
  return changes.length
    ? { owed: true, reason: "changed", changes, lastSentYear }
    : { owed: false, reason: "unchanged", changes, lastSentYear };
}

/** One Italian sentence for the employer and the officer. */
export function describeProspettoDue(year: number, due: ProspettoDue): string {
  switch (due.reason) {
    case "filed":
      return `Il prospetto ${year} è stato inviato.`;
    case "below_threshold":
      return `Al 31 dicembre ${year - 1} la base di computo è inferiore a ${PROSPETTO_MIN_BASE}: il prospetto ${year} non è dovuto (art. 9 c. 6 L. 68/1999).`;
    case "first":
      return `Il prospetto ${year} è dovuto entro il 31 gennaio ${year}: non ne risulta inviato uno in precedenza (art. 9 c. 6 L. 68/1999).`;
    case "changed":
      return (
        `Il prospetto ${year} è dovuto entro il 31 gennaio ${year}: rispetto all'ultimo inviato (${due.lastSentYear}) sono cambiati ` +
        `${due.changes.map((c) => `${c.label} (${c.from} → ${c.to})`).join(", ")}.`
      );
    case "unchanged":
      return (
        `Il prospetto ${year} non è dovuto: dall'ultimo inviato (${due.lastSentYear}) non è cambiato nulla che incida sull'obbligo o sul ` +
        `calcolo della quota (art. 40 c. 4 DL 112/2008). Puoi comunque inviarlo, per esempio per aggiornare i posti disponibili.`
      );
  }
}
