import { codeEntry, readReferenceCsv, sentenceCase } from "./national.server";

/**
 * CP2021 → CP2011 for the national formats (ClicLavoro `idprofessione`, UNILAV `qualificaProfessionale` want the
 * CP2011 6-part code of the CO qualification table). The table server/reference-data/cp2021-cp2011.csv is derived
 * from the ISTAT job titles (rules and counts in server/reference-data/SOURCES.md; rebuilt by
 * server/reference-data/build-cp2021-cp2011.ts). Read once per process.
 */
export type Cp2011Certainty = "certa" | "incerta" | "ambigua" | "assente";

export interface Cp2011Mapping {
  cp2021: string;
  certainty: Cp2011Certainty;
  /** The code to use without a choice: only when `certainty` is «certa». */
  automatic: string | null;
  /** A suggestion for the officer (the single CP2011 unit's own code), also when not certain. */
  suggested: string | null;
  /** 6-part codes the officer may choose, with their label («5.1.2.2.0.1 — Addetto alla applicazione dei prezzi»). */
  candidates: { code: string; label: string; unit: string }[];
}

export const CP2011_CERTAINTY_LABELS: Record<Cp2011Certainty, string> = {
  certa: "corrispondenza certa",
  incerta: "corrispondenza incerta (riorganizzazione delle professioni)",
  ambigua: "la professione CP2021 riunisce più professioni CP2011",
  assente: "professione nuova nella CP2021, senza corrispondenza diretta",
};

let table: Map<string, { units: string[]; defaultCode: string | null; certainty: Cp2011Certainty; candidates: string[] }> | null = null;

function load() {
  if (!table) {
    table = new Map(
      readReferenceCsv("cp2021-cp2011.csv").map((r) => [
        r.cp2021_code,
        {
          units: r.cp2011_units.split(";").filter(Boolean),
          defaultCode: r.cp2011_default || null,
          certainty: r.certainty as Cp2011Certainty,
          candidates: r.candidates.split(";").filter(Boolean),
        },
      ]),
    );
  }
  return table;
}

/** The CP2011 side of a CP2021 unit; null when the code is not a CP2021 unit. */
export function cp2011For(cp2021: string): Cp2011Mapping | null {
  const row = load().get(cp2021);
  if (!row) return null;
  return {
    cp2021,
    certainty: row.certainty,
    automatic: row.certainty === "certa" ? row.defaultCode : null,
    suggested: row.defaultCode,
    candidates: row.candidates.map((code) => ({
      code,
      unit: code.split(".").slice(0, 5).join("."),
      label: `${code} — ${sentenceCase(codeEntry("qualifications", code)?.label ?? "")}`,
    })),
  };
}

/**
 * The CP2011 code a vacancy exports: the officer's choice when it is one of the candidates of the vacancy's current
 * profession (a choice made for another profession no longer counts), else the certain one; null = the officer must choose.
 */
export function resolveCp2011(cp2021: string, chosen: string | null): string | null {
  const mapping = cp2011For(cp2021);
  if (!mapping) return null;
  if (chosen && mapping.candidates.some((c) => c.code === chosen)) return chosen;
  return mapping.automatic;
}
