/**
 * Builds cp2021-cp2011.csv: for each CP2021 unità professionale (level 5), the CP2011 codes the national formats
 * (ClicLavoro `idprofessione`, UNILAV `qualificaProfessionale`) accept, with how certain the correspondence is.
 * ISTAT's official raccordo CP2011↔CP2021 is not available offline, so the mapping is derived from the job titles
 * (cp2021-job-titles.csv: each ISTAT voce professionale carries its CP2011 unit, its CP2011 6-part code and how
 * it was carried to CP2021) and the CO qualification table (national/cp2011_qualifiche_co.csv). Rules in SOURCES.md.
 *
 * Run from the project root: `node --import tsx server/reference-data/build-cp2021-cp2011.ts`.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseCsv } from "../../app/documents/csv.server";

export type Cp2011Certainty = "certa" | "incerta" | "ambigua" | "assente";

export interface JobTitleRow {
  code: string;
  cp2011Code: string;
  cp2011VoceId: string;
  mapping: string;
}

export interface MappingRow {
  cp2021: string;
  /** CP2011 unità (5 parts) the CP2021 unit's voci come from; for `assente`, those of its neighbours. */
  units: string[];
  /** The 6-part code used when the officer does not choose: `<unit>.0` (the unit's own row) when there is one unit. */
  defaultCode: string | null;
  certainty: Cp2011Certainty;
  /** The 6-part codes offered to the officer: each unit's own row, then the voci that went to this CP2021 unit. */
  candidates: string[];
  /** How the CP2011 side was found: the job titles' mapping kinds, or «vicini» (siblings in the same CP2021 category). */
  basis: string;
}

/** Kinds where the whole (or a definite part of a) CP2011 unit went to one CP2021 unit. */
const SOUND = new Set(["same", "renamed", "recoded", "split", "voce-moved"]);

const byNumber = (a: string, b: string) => {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) if ((pa[i] ?? -1) !== (pb[i] ?? -1)) return (pa[i] ?? -1) - (pb[i] ?? -1);
  return 0;
};

/**
 * The derivation, on already-read tables:
 * - one CP2011 unit, every voce carried soundly (same / renamed / recoded / split / voce-moved) → `certa`, default `<unit>.0`;
 * - one CP2011 unit but a best-guess reorganisation (`manual-uncertain`) → `incerta`, default suggested, officer confirms;
 * - voci from several CP2011 units → `ambigua`, no default: the officer chooses;
 * - no voci (units new in CP2021) → `assente`: the candidates are the CP2011 units of the other units of the same
 *   CP2021 category (level 4), or else the CP2011 units under the same 4-part (then 3-part) code; the officer chooses.
 */
export function deriveCp2011Mapping(cp2021Units: string[], titles: JobTitleRow[], cp2011Codes: Set<string>): MappingRow[] {
  const byUnit = new Map<string, JobTitleRow[]>();
  for (const t of titles) byUnit.set(t.code, [...(byUnit.get(t.code) ?? []), t]);
  const unitsOf = (code: string) => [...new Set((byUnit.get(code) ?? []).map((t) => t.cp2011Code))].sort(byNumber);
  const own = (unit: string) => (cp2011Codes.has(`${unit}.0`) ? [`${unit}.0`] : []);
  return [...cp2021Units].sort(byNumber).map((cp2021) => {
    const rows = byUnit.get(cp2021) ?? [];
    if (rows.length === 0) {
      const category = cp2021.split(".").slice(0, 4).join(".");
      let units = [
        ...new Set(
          cp2021Units.filter((u) => u !== cp2021 && u.startsWith(`${category}.`)).flatMap((u) => unitsOf(u)),
        ),
      ].sort(byNumber);
      // No sibling with voci: the CP2011 units under the same 4-part code, else under the same 3-part class.
      for (const prefix of [category, category.split(".").slice(0, 3).join(".")]) {
        if (units.length) break;
        units = [...cp2011Codes].filter((c) => c.startsWith(`${prefix}.`) && c.endsWith(".0") && c.split(".").length === 6).map((c) => c.slice(0, -2));
        units = [...new Set(units)].sort(byNumber);
      }
      return { cp2021, units, defaultCode: null, certainty: "assente", candidates: units.flatMap(own), basis: "vicini" };
    }
    const units = unitsOf(cp2021);
    const kinds = [...new Set(rows.map((r) => r.mapping))].sort();
    const voci = rows.map((r) => r.cp2011VoceId).filter((c) => cp2011Codes.has(c)).sort(byNumber);
    const candidates = [...new Set([...units.flatMap(own), ...voci])];
    const certainty: Cp2011Certainty = units.length > 1 ? "ambigua" : kinds.every((k) => SOUND.has(k)) ? "certa" : "incerta";
    const defaultCode = units.length === 1 ? (own(units[0]!)[0] ?? null) : null;
    return { cp2021, units, defaultCode, certainty, candidates, basis: kinds.join(";") };
  });
}

const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function toCsv(rows: MappingRow[]) {
  const lines = ["cp2021_code,cp2011_units,cp2011_default,certainty,candidates,basis"];
  for (const r of rows) lines.push([r.cp2021, r.units.join(";"), r.defaultCode ?? "", r.certainty, r.candidates.join(";"), r.basis].map(quote).join(","));
  return `${lines.join("\n")}\n`;
}

function table(path: string) {
  const [header, ...rows] = parseCsv(readFileSync(new URL(path, import.meta.url), "utf8"), path);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ""])));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const units = table("./cp2021.csv")
    .filter((r) => r.level === "5")
    .map((r) => r.code!);
  const titles = table("./cp2021-job-titles.csv").map((r) => ({
    code: r.code!,
    cp2011Code: r.cp2011_code!,
    cp2011VoceId: r.cp2011_voce_id!,
    mapping: r.mapping!,
  }));
  const codes = new Set(table("./national/cp2011_qualifiche_co.csv").map((r) => r.code!));
  const rows = deriveCp2011Mapping(units, titles, codes);
  writeFileSync(new URL("./cp2021-cp2011.csv", import.meta.url), toCsv(rows));
  const count = (c: Cp2011Certainty) => rows.filter((r) => r.certainty === c).length;
  console.log(
    `cp2021-cp2011.csv: ${rows.length} units; certa ${count("certa")}, incerta ${count("incerta")}, ambigua ${count("ambigua")}, assente ${count("assente")}`,
  );
}
