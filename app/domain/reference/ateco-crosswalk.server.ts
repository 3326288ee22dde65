import { readNationalCsv } from "./national.server";

/**
 * ATECO 2025 (what Rosa stores) → the ATECO 2007 (update 2022) subcategory `dd.dd.dd` the CO and ClicLavoro formats
 * take, through ISTAT's 2022↔2025 correspondence (server/reference-data/national/ateco2022_ateco2025_raccordo.csv).
 * Read once per process.
 */
let bySubcategory2025: Map<string, { code2022: string; whole: boolean }[]> | null = null;

function load() {
  if (!bySubcategory2025) {
    bySubcategory2025 = new Map();
    for (const r of readNationalCsv("ateco2022_ateco2025_raccordo.csv")) {
      if (r.level !== "6") continue;
      const list = bySubcategory2025.get(r.code_2025) ?? [];
      list.push({ code2022: r.code_2022, whole: r.coverage_2022 === "TOTALE" });
      bySubcategory2025.set(r.code_2025, list);
    }
  }
  return bySubcategory2025;
}

/**
 * The subcategory for a 2025 code at any depth: a code above subcategory level counts only when it has a single
 * subcategory under it. Among the 2022 codes of that subcategory: the same code, else the only one that falls wholly
 * into it, else the lowest. Null when the 2025 code is too general (several subcategories) or unknown.
 */
export function ateco2022Subcategory(code2025: string | null | undefined): string | null {
  if (!code2025) return null;
  const table = load();
  // ATECO codes nest by text: every subcategory under «10.7» (group) starts with «10.7», under «10.71.1» with «10.71.1».
  const subs = table.has(code2025) ? [code2025] : [...table.keys()].filter((k) => k.startsWith(code2025));
  if (subs.length !== 1) return null;
  const sub = subs[0]!;
  const rows = table.get(sub)!;
  if (rows.some((r) => r.code2022 === sub)) return sub;
  const whole = rows.filter((r) => r.whole);
  if (whole.length === 1) return whole[0]!.code2022;
  return rows.map((r) => r.code2022).sort()[0] ?? null;
}
