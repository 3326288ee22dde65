import { allCodes, codeEntry, type CodeEntry } from "./national.server";
import { foldAccents } from "~/utils/text";

/**
 * The CNEL archive code of a CCNL («codice alfanumerico unico», 4 letters or digits, `ccnl_cnel.csv`) as a second,
 * optional CCNL field beside the CO code (`ccnl_co.csv`). No crosswalk between the two tables exists; the only
 * correspondence Rosa derives is by sector name (docs/legal/national-systems.md, «CCNL: codice CO e codice CNEL»):
 * a CNEL macro-sector corresponds to a CO sector when its name is the CO sector's name, or lists it as one of its parts
 * («CREDITO E ASSICURAZIONI» for «Credito» and «Assicurazioni»). Those contracts are suggested first; every row of the
 * table stays a valid choice.
 */

export const CNEL_CODE_PATTERN = /^[A-Z0-9]{4}$/;

/** «SANITA'» and «Sanità» alike: upper case, no accents or apostrophes, single spaces. */
const norm = (s: string) => foldAccents(s).replace(/'/g, "").toUpperCase().replace(/\s+/g, " ").trim();

/** The names a CNEL sector answers to: itself, its comma-separated parts, and the parts of those joined by «E». */
export function sectorNames(cnelSector: string): string[] {
  const whole = norm(cnelSector);
  if (!whole) return [];
  const parts = whole.split(",").map((p) => p.trim());
  return [...new Set([whole, ...parts, ...parts.flatMap((p) => p.split(" E ").map((w) => w.trim()))])].filter(Boolean);
}

let bySectorName: Map<string, string[]> | null = null;

/** CNEL sectors by each name they answer to. */
function sectorIndex() {
  if (!bySectorName) {
    bySectorName = new Map();
    for (const sector of new Set(allCodes("ccnlCnel").map((e) => e.group ?? ""))) {
      for (const name of sectorNames(sector)) {
        const list = bySectorName.get(name) ?? [];
        if (!list.includes(sector)) bySectorName.set(name, [...list, sector]);
      }
    }
  }
  return bySectorName;
}

/** The CNEL sectors whose name matches the sector of a CO CCNL code; empty when none (or the code is unknown). */
export function cnelSectorsForCo(coCode: string | null | undefined): string[] {
  const co = codeEntry("ccnl", coCode?.trim().toUpperCase());
  if (!co?.group) return [];
  return sectorIndex().get(norm(co.group)) ?? [];
}

const shorten = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** «E015 — CCNL Area Alimentazione-Panificazione»: the code and the title (for pages and the form's value). */
export function cnelLabel(code: string | null | undefined): string | null {
  const e = codeEntry("ccnlCnel", code);
  return e ? `${e.code} — ${shorten(e.label, 110)}` : (code ?? null);
}

/** The lookup's option: code, title and the employers' signatories (many titles repeat: the signatories tell them apart). */
export function cnelOptionLabel(e: CodeEntry) {
  const signatories = (e.extra?.employer_signatories ?? "").trim();
  return `${e.code} — ${shorten(e.label, 90)}${signatories ? ` (${shorten(signatories, 50)})` : ""}`;
}

export interface CnelOption {
  code: string;
  label: string;
  /** In a CNEL sector of the same name as the chosen CO CCNL's sector. */
  suggested: boolean;
}

let searchable: { e: CodeEntry; hay: string }[] | null = null;

/** Each CNEL row with its normalised text, computed once (the lookup runs on every keystroke). */
function searchableRows() {
  searchable ??= allCodes("ccnlCnel").map((e) => ({
    e,
    hay: norm(`${e.code} ${e.label} ${e.group ?? ""} ${e.extra?.employer_signatories ?? ""}`),
  }));
  return searchable;
}

/**
 * Text lookup over the CNEL table (code prefix, or every word in the code, title, sector or signatories). With the CO
 * code chosen beside it, the contracts of the corresponding sector come first; the others follow.
 */
export function lookupCnel(q: string, coCode?: string | null, limit = 10): CnelOption[] {
  const text = norm(q);
  if (text.length < 2) return [];
  const words = text.split(" ");
  const sectors = new Set(cnelSectorsForCo(coCode));
  const suggested: CnelOption[] = [];
  const others: CnelOption[] = [];
  for (const { e, hay } of searchableRows()) {
    if (!(e.code.startsWith(text) || words.every((w) => hay.includes(w)))) continue;
    const inSector = sectors.has(e.group ?? "");
    (inSector ? suggested : others).push({ code: e.code, label: cnelOptionLabel(e), suggested: inSector });
    if (suggested.length >= limit) break;
  }
  return [...suggested, ...others].slice(0, limit);
}

/**
 * Why a CNEL code cannot be stored (an Italian message), or null. `coCode` is the CO code chosen beside it: «ND» (no
 * contract applied) and a CNEL contract contradict each other.
 */
export function cnelProblem(code: string, coCode?: string | null): string | null {
  if (!CNEL_CODE_PATTERN.test(code)) return "Codice CNEL non valido: 4 lettere o cifre (es. E015); sceglilo dall'elenco";
  if (!codeEntry("ccnlCnel", code))
    return "Codice CNEL sconosciuto: scrivi il codice o parte del nome del contratto e sceglilo dall'elenco dell'archivio CNEL";
  if (coCode?.trim().toUpperCase() === "ND")
    return "Hai indicato che non si applica alcun contratto (ND): togli il codice CNEL o scegli il CCNL applicato";
  return null;
}
