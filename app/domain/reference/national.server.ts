import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseCsv } from "~/documents/csv.server";
import { todayInItaly } from "~/utils/dates";

/**
 * Every national code list the portal uses (comunicazioni obbligatorie/UNILAV, ClicLavoro, SAP, ISTAT classifications),
 * vendored unchanged in server/reference-data/national/ (provenance and licences in SOURCES.md there; the decisions on
 * how Rosa uses them in docs/legal/national-systems.md). Each file is read once per process, on first use.
 *
 * Validity: `validFrom`/`validTo` come from the source; forms offer only the entries in force today ({@link currentCodes}),
 * stored records keep showing the label of an ended code ({@link codeEntry}).
 */
export interface CodeEntry {
  code: string;
  label: string;
  validFrom: string | null;
  validTo: string | null;
  /** CCNL: sector; CP2011 qualifica: unità professionale; titles of study: ministerial level (0–12). */
  group?: string;
  /** Hierarchical lists (ATECO, CP2011 levels, CP2021 classi, titles of study): the parent code. */
  parent?: string;
  /** Hierarchical lists: the level or depth as the source gives it. */
  level?: string;
  /** Other columns of the source row, unchanged (e.g. `cliclavoro_idtitolostudio`, `flag_ue`). */
  extra?: Record<string, string>;
}

type Row = Record<string, string>;
const dates = (r: Row) => ({ validFrom: r.valid_from || null, validTo: r.valid_to || null });
const plain = (r: Row): CodeEntry => ({ code: r.code, label: r.label, ...dates(r) });
/** The classifications (CP2011 levels, CP2021 classi, ATECO 2007): `code,title,level,parent_code`, no validity. */
const hierarchy = (r: Row): CodeEntry => ({
  code: r.code,
  label: r.title,
  validFrom: null,
  validTo: null,
  level: r.level,
  parent: r.parent_code || undefined,
});

const FILES = {
  /** CO/UNILAV tipologie contrattuali (A.01.00…), with validity: A.03.00 is the ended apprenticeship of L. 196/97. */
  contractTypes: { file: "co_tipologie_contrattuali.csv", map: plain },
  // N has no official label: it cannot be chosen by a person.
  /** CO tipo orario: F tempo pieno, P/V/M tempo parziale orizzontale/verticale/misto. */
  workingTimes: {
    file: "co_tipo_orario.csv",
    map: (r: Row): CodeEntry | null => (r.label ? plain(r) : null),
  },
  /** CCNL of the CO and ClicLavoro (3 characters or 2 letters). */
  ccnl: { file: "ccnl_co.csv", map: (r: Row): CodeEntry => ({ ...plain(r), group: r.sector }) },
  /** CNEL archive codes (4 characters): a second, optional CCNL field (ccnl-cnel.server.ts); not accepted by the CO/ClicLavoro schemas. */
  ccnlCnel: {
    file: "ccnl_cnel.csv",
    map: (r: Row): CodeEntry => ({
      code: r.code,
      label: r.title,
      validFrom: r.first_filing || null,
      validTo: null,
      group: r.sector,
      extra: { sector_type: r.sector_type, expiry: r.expiry, employer_signatories: r.employer_signatories },
    }),
  },
  /** CP2011 qualifiche of the CO and ClicLavoro (6 parts). */
  qualifications: { file: "cp2011_qualifiche_co.csv", map: (r: Row): CodeEntry => ({ ...plain(r), group: r.unita_professionale_cp2011 }) },
  /** CP2011 levels 1–5 (grande gruppo … unità professionale). */
  cp2011Levels: { file: "cp2011_livelli_1_5.csv", map: hierarchy },
  /** CP2021 classi (level 3) titles: fill the titles the professions table lacks. */
  cp2021Level3: { file: "cp2021_titoli_livello3.csv", map: hierarchy },
  /** Ministerial languages (`001` inglese … `SPA` spagnolo): not ISO 639. */
  languages: { file: "lingue.csv", map: plain },
  /** Language levels: CEFR A1–C2 in force; 01–04 ended in 2011. */
  languageLevels: { file: "lingue_grado.csv", map: (r: Row): CodeEntry => ({ ...plain(r), extra: { cef_descriptor: r.cef_descriptor } }) },
  /** Ministerial titles of study (8 digits, depth 1–4), grouped by level of study (0–12). */
  studyTitles: {
    file: "titoli_studio.csv",
    map: (r: Row): CodeEntry => ({
      ...plain(r),
      group: r.livello_studio,
      level: r.depth,
      parent: r.parent_code || undefined,
      extra: { cliclavoro: r.cliclavoro_idtitolostudio, sigma: r.cod_sigma },
    }),
  },
  /** Ministerial levels of study 0–12 with their 8-digit top title. */
  studyLevels: { file: "titoli_studio_livelli.csv", map: (r: Row): CodeEntry => ({ ...plain(r), extra: { top_code: r.top_code_8 } }) },
  /** Driving licences of ClicLavoro/SAP (01 A, 02 B…): coarser than the EU categories. */
  drivingLicences: { file: "patenti.csv", map: plain },
  /** Patentini and abilitazioni (not driving licences). */
  patentini: { file: "patentini.csv", map: plain },
  /** Professional registers (albi). */
  albi: { file: "albi.csv", map: plain },
  /** Citizenships of the CO and UNILAV (`000` Italia). */
  citizenships: {
    file: "cittadinanze.csv",
    map: (r: Row): CodeEntry => ({ ...plain(r), extra: { belfiore: r.belfiore_stato, eu: r.flag_ue } }),
  },
  /** ClicLavoro company size bands (source codes 1–5). */
  companySizes: { file: "ampiezza_azienda.csv", map: plain },
  /** ClicLavoro contract level (1 digit). */
  contractLevels: { file: "livello_contrattuale.csv", map: plain },
  /** ClicLavoro contract types A00–A06 (not the CO ones). */
  clicLavoroContractTypes: { file: "cliclavoro_tipologia_contratto.csv", map: plain },
  /** ClicLavoro working modes FT, PT, LT… */
  clicLavoroWorkingModes: { file: "cliclavoro_modalita_lavoro.csv", map: plain },
  /** ATECO 2007 (all levels; CO and ClicLavoro take the 6-digit `dd.dd.dd` subcategories). */
  ateco2007: { file: "ateco2007.csv", map: hierarchy },
  /** SAP section 4 tipo rapporto (CO codes plus SAP-only ones). */
  sapContractTypes: { file: "sap_esperienze_tipo_rapporto.csv", map: plain },
  /** SAP politica attiva: last event codes 01–15. */
  sapEvents: {
    file: "sap_eventi_politica_attiva.csv",
    map: (r: Row): CodeEntry => ({ ...plain(r), extra: { note: r.note, date: r.date_that_must_equal_data_evento } }),
  },
  /** SAP: the sender codes that open an `identificativo_politica`. */
  sapSenders: { file: "sap_soggetti_abilitati_politica.csv", map: plain },
  /** SAP tipo attività (partial list: only the codes the sources label). */
  sapActivities: { file: "sap_tipo_attivita_parziale.csv", map: plain },
} satisfies Record<string, { file: string; map: (r: Row) => CodeEntry | null }>;

/**
 * Lists derived from another list's entries (its file is read once): the UNILAV hire fields take the 2-digit level of
 * education (the depth-1 titles that carry one) and only the ATECO 2007 subcategories (dd.dd.dd).
 */
const VIEWS = {
  unilavEducationLevels: {
    of: "studyTitles",
    map: (e: CodeEntry): CodeEntry | null =>
      e.level === "1" && e.extra?.cliclavoro
        ? { code: e.extra.cliclavoro, label: e.label, validFrom: e.validFrom, validTo: e.validTo }
        : null,
  },
  unilavAteco2007: { of: "ateco2007", map: (e: CodeEntry): CodeEntry | null => (e.level === "subcategory" ? e : null) },
} satisfies Record<string, { of: keyof typeof FILES; map: (e: CodeEntry) => CodeEntry | null }>;

export type ListName = keyof typeof FILES | keyof typeof VIEWS;
export const LIST_NAMES = [...Object.keys(FILES), ...Object.keys(VIEWS)] as ListName[];

/**
 * A CSV vendored in server/reference-data (`path` relative to it) as records (header → value). Read from the project
 * root (where `npm start`, the tests and the CLIs run): the server bundle lives in build/, so a path relative to this
 * module would not survive bundling.
 */
export function readReferenceCsv(path: string): Row[] {
  const [header, ...rows] = parseCsv(readFileSync(resolve(process.cwd(), "server/reference-data", path), "utf8"), path);
  return rows.filter((r) => r.length === header.length).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ""])));
}

/** A CSV of server/reference-data/national as records (header → value). */
export const readNationalCsv = (file: string) => readReferenceCsv(`national/${file}`);

const cache = new Map<ListName, { all: CodeEntry[]; byCode: Map<string, CodeEntry> }>();

function entries(name: ListName): (CodeEntry | null)[] {
  if (name in VIEWS) {
    const view = VIEWS[name as keyof typeof VIEWS];
    return load(view.of).all.map(view.map);
  }
  const source = FILES[name as keyof typeof FILES];
  return readNationalCsv(source.file).map(source.map as (r: Row) => CodeEntry | null);
}

function load(name: ListName) {
  let list = cache.get(name);
  if (!list) {
    const all = entries(name).filter((e): e is CodeEntry => e !== null);
    list = { all, byCode: new Map(all.map((e) => [e.code, e])) };
    cache.set(name, list);
  }
  return list;
}

/** In force on the given day (ISO): a code that ended (valid_to) the day before or earlier is not offered. */
export const isCurrent = (e: CodeEntry, day = todayInItaly()) => (!e.validFrom || e.validFrom <= day) && (!e.validTo || e.validTo > day);

/** Every entry (also ended ones: old records still show their label). */
export const codeEntry = (name: ListName, code: string | null | undefined) => (code ? (load(name).byCode.get(code) ?? null) : null);

/** Every entry of a list, ended ones included, in the source's order. */
export const allCodes = (name: ListName) => load(name).all;

/** The entries that can be chosen today. */
export const currentCodes = (name: ListName, day = todayInItaly()) => load(name).all.filter((e) => isCurrent(e, day));

/** Why a code cannot be chosen today: null when it can, else "unknown" or "ended". */
export function codeProblem(name: ListName, code: string, day = todayInItaly()): "unknown" | "ended" | null {
  const e = codeEntry(name, code);
  if (!e) return "unknown";
  return isCurrent(e, day) ? null : "ended";
}

/** Sentence case for the ministry's upper-case labels («LAVORO A TEMPO DETERMINATO» → «Lavoro a tempo determinato»). */
export const sentenceCase = (s: string) => (s === s.toUpperCase() ? s.charAt(0) + s.slice(1).toLowerCase() : s);

/** «Label (code)» of a stored code, ended ones too; the bare code when the list does not know it. */
export function codeLabel(name: ListName, code: string | null | undefined): string | null {
  if (!code) return null;
  const e = codeEntry(name, code);
  return e ? sentenceCase(e.label) : code;
}

/** Text lookup over a list (code prefix or words of the label), for the form's suggestions. */
export function lookupCodes(name: ListName, q: string, limit = 10, accept?: (e: CodeEntry) => boolean): { code: string; label: string }[] {
  const text = q.trim().toLowerCase();
  if (text.length < 2) return [];
  const words = text.split(/\s+/).filter(Boolean);
  const out: { code: string; label: string }[] = [];
  for (const e of currentCodes(name)) {
    if (accept && !accept(e)) continue;
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
