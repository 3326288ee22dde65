import { CsvReadError, readCsv, type CsvLine } from "~/documents/csv.server";
import { toCsv } from "~/utils/csv";
import { eqfOfCvStudy, studyOfEqf } from "./education";
import { certificateFromCsv, cvLanguageCode, cvLicenceFromCsv } from "./cv-codes";
import { CandidateSchema, MAX_PREFERENCES, type CandidateInput } from "./schema";

/**
 * Bulk CSV import of candidates (client-safe, pure; the reading itself is `readCsv`, server only:
 * in the browser bundle it is an empty module and no page calls it). The columns are documented
 * on the import page (/operatore/candidati/importa) and shown by its sample file (csv-sample.ts).
 * Separator ";" (what Excel writes with Italian settings) or ",", detected from
 * the header; lists inside one cell are separated by "|".
 */
export const CSV_COLUMNS = [
  "codice_fiscale",
  "nome",
  "cognome",
  "data_nascita",
  "comune_domicilio",
  "indirizzo",
  "telefono",
  "email",
  "titolo_studio",
  "livello_studio",
  "codice_titolo_studio",
  "livello_eqf",
  "istituto",
  "anno_titolo",
  ...[1, 2, 3].flatMap((n) => [
    `propensione_${n}_professione`,
    `propensione_${n}_ateco`,
    `propensione_${n}_fonte`,
    `propensione_${n}_anni`,
    `propensione_${n}_ultimo_anno`,
    `propensione_${n}_note`,
  ]),
  "madrelingua",
  "lingue",
  "patenti",
  "certificati",
  "competenze_informatiche",
  "orario",
  "turni",
  "weekend",
  "mezzo_proprio",
  "disponibile_trasferimento",
  "km_max",
  "disponibile_dal",
  "consenso_visibilita",
] as const;

export const REQUIRED_COLUMNS = [
  "codice_fiscale",
  "nome",
  "cognome",
  "data_nascita",
  "comune_domicilio",
  "titolo_studio",
  "propensione_1_professione",
  "propensione_1_fonte",
];

export const MAX_IMPORT_ROWS = 5000;

export class CsvFormatError extends Error {}

/** The cells of every non-blank record (`readCsv`, server only); a file that cannot be read throws CsvFormatError. */
export function parseCsv(text: string): string[][] {
  return readLines(text).map((r) => r.cells);
}

function readLines(text: string): CsvLine[] {
  try {
    return readCsv(text);
  } catch (e) {
    throw e instanceof CsvReadError ? new CsvFormatError(e.message) : e;
  }
}

export interface CsvRecord {
  line: number;
  values: Record<string, string>;
}

/** Header check and records keyed by column name; throws CsvFormatError for a file that cannot be read at all. */
export function csvRecords(text: string): CsvRecord[] {
  const table = readLines(text);
  if (table.length === 0) throw new CsvFormatError("Il file è vuoto");
  const header = table[0].cells.map((h) => h.trim().toLowerCase());
  const missing = [...REQUIRED_COLUMNS.filter((c) => !header.includes(c)), ...missingStudyLevelColumn(header)];
  if (missing.length) throw new CsvFormatError(`Mancano le colonne obbligatorie: ${missing.join(", ")}`);
  const unknown = header.filter((h) => h && !(CSV_COLUMNS as readonly string[]).includes(h));
  if (unknown.length) throw new CsvFormatError(`Colonne sconosciute: ${unknown.join(", ")} (vedi il modello)`);
  if (table.length === 1) throw new CsvFormatError("Il file non contiene righe di candidati");
  if (table.length - 1 > MAX_IMPORT_ROWS)
    throw new CsvFormatError(`Al massimo ${MAX_IMPORT_ROWS} candidati per file: dividilo in più file`);
  return table.slice(1).map(({ line, cells }) => ({
    line,
    values: Object.assign(
      Object.create(null) as Record<string, string>,
      Object.fromEntries(header.map((h, j) => [h, (cells[j] ?? "").trim()])),
    ),
  }));
}

const YES = /^(si|sì|sí|s|yes|y|true|vero|1|x)$/i;
const NO = /^(no|n|false|falso|0)$/i;
/** A yes/no cell: «sì» → on, «no» or empty → off. Anything else («forse») is not «no»: yesNoErrors reports it. */
const yes = (v: string | undefined) => (YES.test((v ?? "").trim()) ? "on" : "");
export const YES_NO_COLUMNS = ["turni", "weekend", "mezzo_proprio", "disponibile_trasferimento", "consenso_visibilita"] as const;

/** Every yes/no cell that is neither yes, no nor empty, with its column. */
export function yesNoErrors(values: Record<string, string>): { column: string; message: string }[] {
  return YES_NO_COLUMNS.flatMap((column) => {
    const v = (values[column] ?? "").trim();
    return v === "" || YES.test(v) || NO.test(v)
      ? []
      : [{ column, message: `Valore «${v}» non valido: scrivi «sì» oppure «no» (vuoto vale «no»)` }];
  });
}

/**
 * The example rows of the downloadable template (csv-sample.ts) carry these codici fiscali: a file that still
 * contains them was not cleaned, and importing them would create two fictitious people.
 */
export const SAMPLE_TAX_CODES: ReadonlySet<string> = new Set(["MRTFNC01S41F205N", "BRBTMS75R20D969A"]);
export const SAMPLE_ROW_MESSAGE = "Riga di esempio del modello: cancellala e scrivi al suo posto i dati dei tuoi candidati";
const list = (v: string | undefined) =>
  (v ?? "")
    .split("|")
    .map((s) => s.trim())
    .filter(Boolean);
/** "31/12/1990" or "1990-12-31" → "1990-12-31"; anything else is left for the validator to refuse. */
export function csvDate(v: string | undefined): string {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec((v ?? "").trim());
  return m ? `${m[3]}-${m[2].padStart(2, "0")}-${m[1].padStart(2, "0")}` : (v ?? "").trim();
}
// Cell text is user input: looked up as own keys only, so "constructor" or "toString" in a cell
// is an unknown value for the validator, never a function from Object.prototype.
const table = (entries: Record<string, string>) => new Map(Object.entries(entries));
const SOURCES = table({ lavoro: "work", istruzione: "education", formazione: "training" });
const WORK_TIME = table({
  pieno: "full_time",
  "tempo pieno": "full_time",
  parziale: "part_time",
  "part time": "part_time",
  "part-time": "part_time",
  indifferente: "any",
  "": "any",
});
const IT_LEVEL = table({ base: "basic", intermedio: "intermediate", avanzato: "advanced" });

/** One CSV record in the shape of the CV form, so the very same schema validates both. */
export function csvRecordToForm(v: Record<string, string>): Record<string, unknown> {
  const licences = list(v.patenti).map(cvLicenceFromCsv);
  return {
    taxCode: v.codice_fiscale,
    firstName: v.nome,
    lastName: v.cognome,
    birthDate: csvDate(v.data_nascita),
    comune: v.comune_domicilio,
    address: v.indirizzo,
    phone: v.telefono,
    email: v.email,
    education: [{ title: v.titolo_studio, ...csvStudy(v), institution: v.istituto, year: v.anno_titolo }],
    preferences: Array.from({ length: MAX_PREFERENCES }, (_, i) => {
      const p = (k: string) => v[`propensione_${i + 1}_${k}`] ?? "";
      return {
        occupation: p("professione"),
        ateco: p("ateco"),
        source: SOURCES.get(p("fonte").toLowerCase()) ?? p("fonte"),
        years: p("anni"),
        lastJobYear: p("ultimo_anno"),
        notes: p("note"),
      };
    }),
    motherTongues: list(v.madrelingua).map((code) => ({ code: cvLanguageCode(code) })),
    languages: list(v.lingue).map((l) => {
      const [code, level] = l.split(":").map((s) => s.trim());
      return { code: cvLanguageCode(code ?? ""), level: (level ?? "").toUpperCase() };
    }),
    licences: licences.flatMap((l) => ("code" in l ? [l] : [])),
    // CQC and CAP of older files are certificates since the national codes.
    certificates: [
      ...list(v.certificati).map(certificateFromCsv),
      ...licences.flatMap((l) => ("certificate" in l ? [{ name: l.certificate }] : [])),
    ],
    itSkills: list(v.competenze_informatiche).map((s) => {
      const [skill, level] = s.split(":").map((x) => x.trim());
      return { skill: skill ?? "", level: IT_LEVEL.get((level ?? "base").toLowerCase()) ?? level };
    }),
    workTime: WORK_TIME.get((v.orario ?? "").toLowerCase()) ?? v.orario,
    shifts: yes(v.turni),
    weekends: yes(v.weekend),
    ownVehicle: yes(v.mezzo_proprio),
    willingToRelocate: yes(v.disponibile_trasferimento),
    maxCommuteKm: v.km_max,
    availableFrom: csvDate(v.disponibile_dal),
    consent: yes(v.consenso_visibilita),
  };
}

/**
 * The level of study: the ministerial `livello_studio` (0–12) with the optional 8-digit `codice_titolo_studio`; files
 * written for the older template give `livello_eqf` (1–8) instead, converted as the stored CVs were (`studyOfEqf`,
 * docs/legal/national-systems.md). When both are given, `livello_studio` counts and the EQF must agree with it.
 */
export function csvStudy(v: Record<string, string>): { studyLevel: string; studyTitle: string } {
  const level = (v.livello_studio ?? "").trim();
  if (level || !(v.livello_eqf ?? "").trim()) return { studyLevel: level, studyTitle: v.codice_titolo_studio ?? "" };
  const converted = /^[1-8]$/.test(v.livello_eqf.trim()) ? studyOfEqf(Number(v.livello_eqf.trim()), v.titolo_studio ?? "") : null;
  return {
    studyLevel: converted ? String(converted.studyLevel) : "",
    studyTitle: (v.codice_titolo_studio ?? "").trim() || (converted?.studyTitleCode ?? ""),
  };
}

/** A header needs one of the two level columns. */
const missingStudyLevelColumn = (header: string[]) =>
  header.includes("livello_studio") || header.includes("livello_eqf") ? [] : ["livello_studio (o livello_eqf)"];

/** `livello_eqf` problems (the schema reports those of `livello_studio`): not 1–8, or not the EQF of `livello_studio`. */
export function studyLevelErrors(v: Record<string, string>): { column: string; message: string }[] {
  const eqf = (v.livello_eqf ?? "").trim();
  if (!eqf) return [];
  if (!/^[1-8]$/.test(eqf))
    return [{ column: "livello_eqf", message: `Livello EQF «${eqf}» non valido: da 1 a 8 (oppure usa livello_studio)` }];
  const level = (v.livello_studio ?? "").trim();
  if (!/^(\d|1[0-2])$/.test(level)) return [];
  const title = /^\d{8}/.exec((v.codice_titolo_studio ?? "").trim())?.[0] ?? null;
  const derived = eqfOfCvStudy({ studyLevel: Number(level), studyTitleCode: title });
  return derived !== null && derived !== Number(eqf) && !(Number(eqf) === 2 && derived === 1)
    ? [
        {
          column: "livello_eqf",
          message: `Il livello EQF ${eqf} non corrisponde al livello di studio ${level} (EQF ${derived}): correggi uno dei due o lascia vuoto livello_eqf`,
        },
      ]
    : [];
}

/** Form field path → the CSV column the user has to fix. */
export function csvColumnFor(path: string): string {
  const [section, index, key] = path.split(".");
  const n = Number(index) + 1;
  const direct: Record<string, string> = {
    taxCode: "codice_fiscale",
    firstName: "nome",
    lastName: "cognome",
    birthDate: "data_nascita",
    comune: "comune_domicilio",
    address: "indirizzo",
    phone: "telefono",
    email: "email",
    workTime: "orario",
    maxCommuteKm: "km_max",
    availableFrom: "disponibile_dal",
    motherTongues: "madrelingua",
    languages: "lingue",
    licences: "patenti",
    certificates: "certificati",
    itSkills: "competenze_informatiche",
  };
  if (section === "education")
    return (
      (
        {
          title: "titolo_studio",
          studyLevel: "livello_studio",
          studyTitle: "codice_titolo_studio",
          institution: "istituto",
          year: "anno_titolo",
        } as Record<string, string>
      )[key] ?? "titolo_studio"
    );
  if (section === "preferences")
    return `propensione_${n}_${({ occupation: "professione", ateco: "ateco", source: "fonte", years: "anni", lastJobYear: "ultimo_anno", notes: "note" } as Record<string, string>)[key] ?? "professione"}`;
  return direct[section] ?? section;
}

export interface RowError {
  line: number;
  taxCode: string;
  column: string;
  message: string;
}

export type RowResult = { ok: true; input: CandidateInput } | { ok: false; errors: RowError[] };

/**
 * Validates one record with the CV schema; every problem of the row is reported at once, each with its column:
 * the template's example rows, yes/no cells that are neither, and every schema issue.
 */
export function validateCsvRecord(record: CsvRecord): RowResult {
  const taxCode = record.values.codice_fiscale ?? "";
  const errors: RowError[] = [];
  if (SAMPLE_TAX_CODES.has(taxCode.trim().toUpperCase()))
    errors.push({ line: record.line, taxCode, column: "codice_fiscale", message: SAMPLE_ROW_MESSAGE });
  for (const e of yesNoErrors(record.values)) errors.push({ line: record.line, taxCode, ...e });
  for (const e of studyLevelErrors(record.values)) errors.push({ line: record.line, taxCode, ...e });
  const eqfError = errors.some((e) => e.column === "livello_eqf");
  const parsed = CandidateSchema.safeParse(csvRecordToForm(record.values));
  if (!parsed.success)
    errors.push(
      ...parsed.error.issues
        .map((i) => ({ line: record.line, taxCode, column: csvColumnFor(i.path.join(".")), message: i.message }))
        // A wrong livello_eqf leaves the level empty: one message, on the column the person wrote.
        .filter((e) => !(eqfError && e.column === "livello_studio")),
    );
  if (errors.length || !parsed.success) return { ok: false, errors };
  return { ok: true, input: parsed.data };
}

/** The error report: every cell quoted, formula injection neutralised (`toCsv`). */
export function errorReportCsv(errors: RowError[]): string {
  return toCsv(
    ["riga", "codice_fiscale", "colonna", "errore"],
    errors.map((e) => [e.line, e.taxCode, e.column, e.message]),
    { quoteAll: true },
  );
}
