import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseCsv } from "~/documents/csv.server";
import { todayInItaly } from "~/utils/dates";

/**
 * The national code lists of the comunicazioni obbligatorie (UNILAV) the portal uses, vendored in
 * server/reference-data/national/ (see SOURCES.md there). One small loader, read once per process;
 * a later loader of every national table can replace it without touching its callers.
 */
export interface CodeEntry {
  code: string;
  label: string;
  validFrom: string | null;
  validTo: string | null;
  /** CCNL: sector; CP2011: unità professionale. */
  group?: string;
}

type ListName =
  "contractTypes" | "workingTimes" | "ccnl" | "qualifications" | "unilavCitizenships" | "unilavEducationLevels" | "unilavAteco2007";

const FILES: Record<ListName, { file: string; map: (r: Record<string, string>) => CodeEntry | null }> = {
  contractTypes: {
    file: "co_tipologie_contrattuali.csv",
    map: (r) => ({ code: r.code, label: r.label, validFrom: r.valid_from || null, validTo: r.valid_to || null }),
  },
  // N has no official label: it cannot be chosen by a person.
  workingTimes: {
    file: "co_tipo_orario.csv",
    map: (r) => (r.label ? { code: r.code, label: r.label, validFrom: null, validTo: null } : null),
  },
  ccnl: {
    file: "ccnl_co.csv",
    map: (r) => ({ code: r.code, label: r.label, validFrom: r.valid_from || null, validTo: r.valid_to || null, group: r.sector }),
  },
  qualifications: {
    file: "cp2011_qualifiche_co.csv",
    map: (r) => ({ code: r.code, label: r.label, validFrom: r.valid_from || null, validTo: null, group: r.unita_professionale_cp2011 }),
  },
  // UNILAV (hires): citizenship (3 digits; group = S for EU citizens), the 2-digit level of education (the depth-1 titles
  // that carry one), ATECO 2007 subcategories (dd.dd.dd).
  unilavCitizenships: {
    file: "cittadinanze.csv",
    map: (r) => ({ code: r.code, label: r.label, validFrom: r.valid_from || null, validTo: r.valid_to || null, group: r.flag_ue }),
  },
  unilavEducationLevels: {
    file: "titoli_studio.csv",
    map: (r) =>
      r.depth === "1" && r.cliclavoro_idtitolostudio
        ? { code: r.cliclavoro_idtitolostudio, label: r.label, validFrom: r.valid_from || null, validTo: r.valid_to || null }
        : null,
  },
  unilavAteco2007: {
    file: "ateco2007.csv",
    map: (r) => (r.level === "subcategory" ? { code: r.code, label: r.title, validFrom: null, validTo: null } : null),
  },
};

const cache = new Map<ListName, { all: CodeEntry[]; byCode: Map<string, CodeEntry> }>();

function load(name: ListName) {
  let list = cache.get(name);
  if (!list) {
    const [header, ...rows] = parseCsv(readFileSync(resolve(process.cwd(), "server/reference-data/national", FILES[name].file), "utf8"));
    const all = rows
      .filter((r) => r.length === header.length)
      .map((r) => FILES[name].map(Object.fromEntries(header.map((h, i) => [h, r[i] ?? ""]))))
      .filter((e): e is CodeEntry => e !== null);
    list = { all, byCode: new Map(all.map((e) => [e.code, e])) };
    cache.set(name, list);
  }
  return list;
}

/** In force on the given day (ISO): a code that ended (valid_to) the day before or earlier is not offered. */
export const isCurrent = (e: CodeEntry, day = todayInItaly()) => (!e.validFrom || e.validFrom <= day) && (!e.validTo || e.validTo > day);

/** Every entry (also ended ones: old records still show their label). */
export const codeEntry = (name: ListName, code: string | null | undefined) => (code ? (load(name).byCode.get(code) ?? null) : null);

/** The entries that can be chosen today. */
export const currentCodes = (name: ListName, day = todayInItaly()) => load(name).all.filter((e) => isCurrent(e, day));

/** Sentence case for the ministry's upper-case labels («LAVORO A TEMPO DETERMINATO» → «Lavoro a tempo determinato»). */
export const sentenceCase = (s: string) => (s === s.toUpperCase() ? s.charAt(0) + s.slice(1).toLowerCase() : s);

/** Text lookup over a list (code prefix or words of the label), for the form's suggestions. */
export function lookupCodes(name: ListName, q: string, limit = 10): { code: string; label: string }[] {
  const text = q.trim().toLowerCase();
  if (text.length < 2) return [];
  const words = text.split(/\s+/).filter(Boolean);
  const out: { code: string; label: string }[] = [];
  for (const e of currentCodes(name)) {
    const hay = `${e.code} ${e.label} ${e.group ?? ""}`.toLowerCase();
    if (e.code.toLowerCase().startsWith(text) || words.every((w) => hay.includes(w))) out.push({ code: e.code, label: codeOptionLabel(e) });
    if (out.length >= limit) break;
  }
  return out;
}

/** «042 — C.c.n.l. per i dipendenti…» (long CCNL texts shortened). */
export function codeOptionLabel(e: CodeEntry) {
  const label = sentenceCase(e.label);
  return `${e.code} — ${label.length > 110 ? `${label.slice(0, 108)}…` : label}`;
}

/** The code typed or chosen in a lookup field: the text before « — », or the whole text. */
export const codeFromLookup = (text: string) => text.split(" — ")[0]!.trim().toUpperCase();
