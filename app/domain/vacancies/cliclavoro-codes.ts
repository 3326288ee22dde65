/**
 * Rosa's stored vacancy codes → the ClicLavoro code lists (ricerca_personale_rev064.xsd). Pure and client-safe.
 * Each function accepts the codes Rosa stores today (the CO contract types, the ministerial languages and titles of
 * study, the patenti list) and the older local ones (ISO languages, «B», «upper_secondary»…) still in old rows.
 * Decisions on each mapping: docs/legal/national-systems.md#cliclavoro-codes.
 */

/** CO tipologia contrattuale (A.01.00…) → ClicLavoro idtipologiacontratto (A00–A06). Null: no ClicLavoro type. */
export function cliclavoroContractType(code: string | null, engagement?: string | null): string | null {
  // Self-employment has no CO type; an agency (somministrazione) vacancy takes the CO type of the assignment when given.
  if (engagement === "self_employed") return "A05";
  if (!code) return engagement === "agency" ? "A01" : null;
  const legacy: Record<string, string> = { SOMM: "A01", AUTONOMO: "A05" };
  if (legacy[code]) return legacy[code];
  const m = /^([A-Z])\.(\d{2})\.(\d{2})$/.exec(code);
  if (!m) return null;
  const [, letter, group, sub] = m;
  if (letter === "A") {
    if (group === "01") return "A00";
    if (group === "02") return "A01";
    // A.03.04 contratto di formazione lavoro and A.03.07 inserimento are fixed-term by law; the rest are apprenticeships.
    if (group === "03") return sub === "04" || sub === "07" ? "A01" : "A02";
    // Domestic, intermittent, shared, home and agency work: «…00» without a term or indeterminate, «…01» fixed-term.
    if (["04", "05", "06", "07", "08"].includes(group!)) return sub === "01" ? "A01" : "A00";
  }
  if (letter === "B") return group === "02" ? "A04" : "A06";
  if (letter === "C") return group === "03" ? "A01" : "A03";
  if (letter === "F" || letter === "I") return group === "01" ? "A00" : "A01";
  if (letter === "G") return group === "01" ? "A00" : group === "02" ? "A01" : "A05";
  if (letter === "H" || letter === "N") return "A01";
  if (letter === "L" || letter === "M") return "A05";
  return null;
}

/** Working time (Rosa's full_time/part_time or the CO tipo orario F/P/V/M) → idmodalitalavoro FT/PT. */
export function cliclavoroWorkingTime(code: string): "FT" | "PT" | null {
  if (code === "full_time" || code === "F") return "FT";
  if (code === "part_time" || code === "P" || code === "V" || code === "M") return "PT";
  return null;
}

/** ISO 639-1 codes of the older vacancy form → the ministerial lingue.csv codes. */
const ISO_LANGUAGES: Record<string, string> = {
  en: "001",
  de: "002",
  it: "003",
  ja: "004",
  fr: "005",
  es: "SPA",
  pt: "POR",
  ro: "RUM",
  ar: "ARA",
  zh: "CIN",
  ru: "RUS",
};

/** A language → idlingua (`[0-9]{3}|[A-Z]{3}|WU`). */
export function cliclavoroLanguage(code: string | null): string | null {
  if (!code) return null;
  if (/^([0-9]{3}|[A-Z]{3}|WU)$/.test(code)) return code;
  return ISO_LANGUAGES[code.toLowerCase()] ?? null;
}

/** A CEFR level → idlivello{letto,scritto,parlato} (A1–C2); the 2011 levels 01–04 are not accepted. */
export const cliclavoroLanguageLevel = (level: string | null) => (level && /^[A-C][1-2]$/.test(level) ? level : null);

/** Driving licence categories of the older form → patenti.csv (01 A … 06 F); CQC and forklift are not driving licences. */
const LICENCE_CATEGORIES: Record<string, string> = {
  AM: "01",
  A1: "01",
  A2: "01",
  A: "01",
  B: "02",
  B1: "02",
  BE: "02",
  C1: "03",
  C1E: "03",
  C: "03",
  CE: "03",
  D1: "04",
  D1E: "04",
  D: "04",
  DE: "04",
  E: "05",
  F: "06",
};
const PATENTI = new Set(["01", "02", "03", "04", "05", "06", "12", "13"]);
const PATENTINI = new Set(["07", "08", "09", "10", "20", "21"]);

/** A licence requirement → idpatenteguida or idpatentino; null: no national code (it goes in the free text). */
export function cliclavoroLicence(code: string | null): { element: "idpatenteguida" | "idpatentino"; code: string } | null {
  if (!code) return null;
  if (PATENTI.has(code)) return { element: "idpatenteguida", code };
  if (PATENTINI.has(code)) return { element: "idpatentino", code };
  const mapped = LICENCE_CATEGORIES[code.toUpperCase()];
  return mapped ? { element: "idpatenteguida", code: mapped } : null;
}

/** Education levels of the older form → idtitolostudio (2 digits). */
const EDUCATION_LEVELS: Record<string, string | null> = {
  none: null,
  lower_secondary: "20",
  vocational: "30",
  upper_secondary: "40",
  its: "50",
  bachelor: "70",
  master: "70",
  doctorate: "90",
};

/**
 * A title of study → idtitolostudio: the ministerial 8-digit title by MyPortal's rule (first digit + «0», except the
 * first-level master «81» and the specialisation «83», which keep two digits; «00» no title gives none); older levels by table.
 */
export function cliclavoroEducation(code: string | null): string | null {
  if (!code) return null;
  if (/^\d{8}$/.test(code)) {
    if (code.startsWith("0")) return null;
    return code.startsWith("81") || code.startsWith("83") ? code.slice(0, 2) : `${code[0]}0`;
  }
  if (/^\d{2}$/.test(code)) return code === "00" ? null : code;
  return EDUCATION_LEVELS[code] ?? null;
}

/** Ministerial level of study (0–12, titoli_studio_livelli.csv) → the top 8-digit title of the level. */
const LEVEL_TOP_TITLES = [
  "00000000",
  "10000000",
  "20000000",
  "30000000",
  "40000000",
  "50000000",
  "60000000",
  "70000000",
  "80000000",
  "81000000",
  "82000000",
  "83000000",
  "90000000",
];

/** The ministerial level of study (0–12) → idtitolostudio, through its top title. */
export const cliclavoroStudyLevel = (level: number | null | undefined) =>
  level === null || level === undefined ? null : cliclavoroEducation(LEVEL_TOP_TITLES[level] ?? null);

/**
 * The employer's headcount band → ampiezza (01 «da 0 a 5», 02 «6–19», 03 «20–49», 04 «50–249», 05 «250 e oltre»).
 * Rosa's bands that straddle two ClicLavoro bands give none (the element is optional).
 */
export function cliclavoroAmpiezza(band: string): string | null {
  return ({ "10-14": "02", "51-249": "04", "250+": "05" } as Record<string, string>)[band] ?? null;
}

/** Ministerial region codes (sap_soggetti_abilitati_politica.csv), by ISTAT region name; Trentino-Alto Adige by province. */
const REGIONS: Record<string, string> = {
  abruzzo: "01",
  basilicata: "02",
  calabria: "04",
  campania: "05",
  "emilia-romagna": "06",
  "friuli-venezia giulia": "07",
  lazio: "08",
  liguria: "09",
  lombardia: "10",
  marche: "11",
  molise: "12",
  piemonte: "13",
  puglia: "14",
  sardegna: "15",
  sicilia: "16",
  toscana: "17",
  umbria: "19",
  "valle d'aosta": "20",
  veneto: "21",
};

/** The region code that opens a codiceofferta, from the comune of the workplace. */
export function ministerialRegion(regionName: string, provinceCode: string): string | null {
  if (provinceCode === "BZ") return "03";
  if (provinceCode === "TN") return "18";
  const name = regionName.toLowerCase().split("/")[0]!.replace(/[’`]/g, "'").replace(/\s+/g, " ").trim();
  return REGIONS[name] ?? REGIONS[name.replace(/-/g, " ")] ?? REGIONS[name.replace(/ /g, "-")] ?? null;
}

export type ClicLavoroMessageKind = "invio" | "aggiornamento" | "chiusura";

/**
 * codiceofferta (25 digits), MyPortal's layout: region(2) + «000» + yy(2) + «2» (sent by a regional system) + «1» (a
 * vacancy) + type(1: «1» sending or update, «2» closing) + sequence(15). Rosa's sequence is the vacancy number on 12
 * digits and the message revision on 3, so a vacancy's codes are stable and never collide with another's.
 */
export function codiceOfferta(o: { region: string; year: number; kind: ClicLavoroMessageKind; number: number; revision: number }) {
  if (!/^\d{2}$/.test(o.region)) throw new Error(`regione non valida: ${o.region}`);
  if (o.number < 0 || o.number > 999_999_999_999 || o.revision < 0 || o.revision > 999) throw new Error("numero o revisione fuori scala");
  const yy = String(o.year % 100).padStart(2, "0");
  return `${o.region}000${yy}21${o.kind === "chiusura" ? "2" : "1"}${String(o.number).padStart(12, "0")}${String(o.revision).padStart(3, "0")}`;
}

/** motivochiusura (2 characters): only «03» (ritiro dell'offerta) is documented; other closings send none. */
export const cliclavoroClosingReason = (outcome: string | null) => (outcome === "cancelled" ? "03" : null);
