/**
 * The workers' list of a redundancy event (CSV): its columns, the columns we refuse to keep, and the check of one row
 * (client-safe, pure; the reading, the database checks and the insert are in import.server.ts). The format is
 * described on the import page and in docs/decisions/outplacement.md («Coorte e dati personali»).
 */
import { z } from "zod";
import { decodePersonCodiceFiscale, isValidPersonCodiceFiscale, normalizeTaxCode } from "~/utils/tax-codes";
import { toCsv } from "~/utils/csv";
import { SITUATIONS, type Situation } from "./members";

export const COHORT_REQUIRED_COLUMNS = [
  "codice_fiscale",
  "cognome",
  "nome",
  "comune_residenza",
  "qualifica",
  "livello_inquadramento",
  "situazione",
] as const;

export const COHORT_OPTIONAL_COLUMNS = [
  "data_nascita",
  "eta",
  "cp2021_code",
  "ccnl_cnel",
  "sede_lavoro_comune",
  "unita_produttiva_id",
  "data_cessazione",
  "data_cessazione_prevista",
  "cigs_dal",
  "cigs_al",
  "riduzione_orario_pct",
  "naspi",
  "titolo_studio",
  "livello_eqf",
  "telefono",
  "email",
] as const;

export const COHORT_COLUMNS = [...COHORT_REQUIRED_COLUMNS, ...COHORT_OPTIONAL_COLUMNS] as const;

/**
 * Columns the employer's legal list may carry (L. 223/1991 art. 4 c. 9 and the usual payroll exports) that the
 * outplacement services do not need: they are read past, never stored, and the import report names them.
 * Family burden and the selection scores decided who was dismissed; health, union membership, sex, nationality and
 * pay are never needed to help someone find work.
 */
export const DROPPED_COLUMNS = [
  "carichi_famiglia",
  "carichi_di_famiglia",
  "familiari_a_carico",
  "figli",
  "figli_a_carico",
  "stato_civile",
  "punteggio_criteri",
  "punteggio",
  "punteggio_totale",
  "anzianita",
  "anzianita_aziendale",
  "anzianita_servizio",
  "esigenze_tecnico_produttive",
  "sesso",
  "cittadinanza",
  "nazionalita",
  "invalidita",
  "percentuale_invalidita",
  "categoria_protetta",
  "iscrizione_sindacale",
  "sindacato",
  "retribuzione",
  "retribuzione_annua",
  "note",
] as const;

export const MAX_COHORT_ROWS = 5000;

export class CohortFileError extends Error {}

export interface CohortHeader {
  /** Lower-cased header cells, in file order ("" for an empty header cell). */
  columns: string[];
  /** The columns read past and never stored, in file order. */
  dropped: string[];
}

/** Header check: required columns present, a site column, nothing unknown. Dropped columns are accepted and listed. */
export function checkCohortHeader(cells: string[]): CohortHeader {
  const columns = cells.map((h) => h.trim().toLowerCase());
  const missing = COHORT_REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length) throw new CohortFileError(`Mancano le colonne obbligatorie: ${missing.join(", ")}`);
  if (!columns.includes("sede_lavoro_comune") && !columns.includes("unita_produttiva_id"))
    throw new CohortFileError("Manca la colonna della sede di lavoro: sede_lavoro_comune oppure unita_produttiva_id");
  const known = new Set<string>([...COHORT_COLUMNS, ...DROPPED_COLUMNS]);
  const unknown = columns.filter((h) => h && !known.has(h));
  if (unknown.length) throw new CohortFileError(`Colonne sconosciute: ${unknown.join(", ")} (vedi il modello)`);
  const repeated = columns.filter((h, i) => h && columns.indexOf(h) !== i);
  if (repeated.length) throw new CohortFileError(`Colonne ripetute: ${[...new Set(repeated)].join(", ")}`);
  return { columns, dropped: columns.filter((h) => (DROPPED_COLUMNS as readonly string[]).includes(h)) };
}

export interface CohortRecord {
  line: number;
  values: Record<string, string>;
}

/** The cells of a data row keyed by column, WITHOUT the dropped columns: they never leave this function. */
export function cohortRecord(header: CohortHeader, line: number, cells: string[]): CohortRecord {
  const values = Object.create(null) as Record<string, string>;
  header.columns.forEach((h, j) => {
    if (h && !header.dropped.includes(h)) values[h] = (cells[j] ?? "").trim();
  });
  return { line, values };
}

/** One site of the event, as the row's site column must name it. */
export interface CohortSite {
  /** What the member stores (the site's label). */
  label: string;
  /** The comune of the site (name, case-insensitive). */
  comune: string;
  /** The employer's production unit id, when the event records one. */
  unitId?: string | null;
}

export interface CohortContext {
  sites: CohortSite[];
  /** YYYY-MM-DD: the union agreement, if signed (t0 of CIGS and notice-period members). */
  agreementOn: string | null;
  /** YYYY-MM-DD: the import day (birth year of two-digit codici fiscali, priority window). */
  today: string;
}

/** A valid row, ready for the database checks (comune, CP2021 code, existing candidate) and the insert. */
export interface CohortRowInput {
  line: number;
  taxCode: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  sex: "M" | "F";
  comune: string;
  qualification: string;
  cp2021Code: string | null;
  level: string;
  ccnl: string | null;
  site: string;
  situation: Situation;
  dismissalOn: string | null;
  cigsFrom: string | null;
  cigsTo: string | null;
  hoursReductionPct: number | null;
  naspi: boolean | null;
  t0On: string | null;
  educationTitle: string | null;
  eqfLevel: number | null;
  phone: string | null;
  email: string | null;
}

export interface CohortRowError {
  line: number;
  taxCode: string;
  column: string;
  message: string;
}

export type CohortRowResult = { ok: true; input: CohortRowInput } | { ok: false; errors: CohortRowError[] };

const ISO = /^\d{4}-\d{2}-\d{2}$/;
/** "2026-03-31" or "31/03/2026" → "2026-03-31"; null for an empty cell; undefined for a wrong one. */
export function cohortDate(v: string | undefined): string | null | undefined {
  const s = (v ?? "").trim();
  if (!s) return null;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  const iso = m ? `${m[3]}-${m[2].padStart(2, "0")}-${m[1].padStart(2, "0")}` : s;
  if (!ISO.test(iso)) return undefined;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? undefined : iso;
}

const YES = /^(si|sì|sí|s|yes|y|true|vero|1|x)$/i;
const NO = /^(no|n|false|falso|0)$/i;

const text = (what: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `Indica ${what}`)
    .max(max, `${what[0]!.toUpperCase()}${what.slice(1)}: al massimo ${max} caratteri`);
const optionalText = (what: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${what}: al massimo ${max} caratteri`)
    .transform((v) => v || null);

/** The column-level shape of a row; the cross-column rules are in validateCohortRecord. */
export const CohortRowSchema = z.object({
  codice_fiscale: z
    .string()
    .transform(normalizeTaxCode)
    .pipe(
      z
        .string()
        .min(1, "Indica il codice fiscale")
        .regex(/^[A-Z0-9]{16}$/, "Il codice fiscale di una persona ha 16 caratteri")
        .refine(isValidPersonCodiceFiscale, "Codice fiscale non valido: il carattere di controllo non corrisponde"),
    ),
  cognome: text("il cognome", 100),
  nome: text("il nome", 100),
  comune_residenza: text("il comune di residenza", 100),
  qualifica: text("la qualifica", 200),
  cp2021_code: z
    .string()
    .trim()
    .regex(/^(\d(\.\d+){4})?$/, "Codice CP2021 non valido: cinque livelli, es. 7.2.7.1.0")
    .transform((v) => v || null),
  livello_inquadramento: text("il livello di inquadramento", 50),
  ccnl_cnel: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9]{0,10}$/, "Codice CNEL del contratto non valido: lettere e cifre, al massimo 10")
    .transform((v) => v.toUpperCase() || null),
  situazione: z
    .string()
    .trim()
    .transform((v) => v.toLowerCase())
    .pipe(z.enum(SITUATIONS, { error: `Situazione non valida: scrivi una tra ${SITUATIONS.map((s) => s.toUpperCase()).join(", ")}` })),
  riduzione_orario_pct: z
    .string()
    .trim()
    .regex(/^(\d{1,2}|100)?$/, "Riduzione d'orario: un numero intero da 1 a 100")
    .transform((v) => (v ? Number(v) : null)),
  naspi: z
    .string()
    .trim()
    .refine((v) => v === "" || YES.test(v) || NO.test(v), "NASpI: scrivi «sì» oppure «no» (vuoto se non si sa)")
    .transform((v) => (v === "" ? null : YES.test(v))),
  eta: z
    .string()
    .trim()
    .regex(/^(\d{2})?$/, "Età: un numero intero di anni"),
  titolo_studio: optionalText("Titolo di studio", 200),
  livello_eqf: z
    .string()
    .trim()
    .regex(/^[1-8]?$/, "Livello EQF: un numero da 1 a 8")
    .transform((v) => (v ? Number(v) : null)),
  telefono: z
    .string()
    .trim()
    .regex(/^(\+?[\d\s/.-]{6,20})?$/, "Numero di telefono non valido")
    .transform((v) => v || null),
  email: z
    .string()
    .trim()
    .refine((v) => v === "" || z.email().safeParse(v).success, "Indirizzo e-mail non valido")
    .transform((v) => v.toLowerCase() || null),
});

/** The birth date a codice fiscale says: a two-digit year is in this century only if the person is at least 14 today. */
export function birthDateFromTaxCode(taxCode: string, today: string): { birthDate: string; sex: "M" | "F" } | null {
  const d = decodePersonCodiceFiscale(taxCode);
  if (!d) return null;
  const yy = d.yearTwoDigits;
  const century = 2000 + yy <= Number(today.slice(0, 4)) - 14 ? 2000 : 1900;
  const iso = `${century + yy}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
  return { birthDate: iso, sex: d.sex };
}

function matchSite(sites: CohortSite[], comune: string, unitId: string): CohortSite | undefined {
  const c = comune.trim().toLowerCase();
  const u = unitId.trim().toLowerCase();
  return sites.find((s) => (u && (s.unitId ?? "").toLowerCase() === u) || (c && s.comune.trim().toLowerCase() === c));
}

const later = (a: string | null, b: string | null) => (a && b ? (a > b ? a : b) : (a ?? b));

/** One row against the schema and the event (sites, dates): every problem of the row at once, each with its column. */
export function validateCohortRecord(record: CohortRecord, ctx: CohortContext): CohortRowResult {
  const v = record.values;
  const taxCode = normalizeTaxCode(v.codice_fiscale ?? "");
  const errors: CohortRowError[] = [];
  const err = (column: string, message: string) => errors.push({ line: record.line, taxCode, column, message });
  if (SAMPLE_TAX_CODES.has(taxCode)) err("codice_fiscale", SAMPLE_ROW_MESSAGE);
  const cells = Object.fromEntries(CohortRowSchema.keyof().options.map((k) => [k, v[k] ?? ""]));
  const parsed = CohortRowSchema.safeParse(cells);
  if (!parsed.success) for (const i of parsed.error.issues) err(String(i.path[0] ?? "codice_fiscale"), i.message);

  const dates: Record<string, string | null> = {};
  for (const column of ["data_nascita", "data_cessazione", "data_cessazione_prevista", "cigs_dal", "cigs_al"]) {
    const d = cohortDate(v[column]);
    if (d === undefined) err(column, `Data non valida «${v[column]}»: scrivi aaaa-mm-gg (es. 2026-03-31)`);
    dates[column] = d ?? null;
  }

  const site = matchSite(ctx.sites, v.sede_lavoro_comune ?? "", v.unita_produttiva_id ?? "");
  if (!site)
    err(
      v.unita_produttiva_id ? "unita_produttiva_id" : "sede_lavoro_comune",
      `Sede di lavoro «${v.unita_produttiva_id || v.sede_lavoro_comune || ""}» non tra le sedi dell'evento (${ctx.sites.map((s) => s.comune).join(", ") || "nessuna sede registrata"})`,
    );

  if (!parsed.success) return { ok: false, errors };
  const row = parsed.data;
  const fromCf = birthDateFromTaxCode(row.codice_fiscale, ctx.today)!;
  const birthDate = dates.data_nascita ?? fromCf.birthDate;
  if (dates.data_nascita && dates.data_nascita.slice(2) !== fromCf.birthDate.slice(2))
    err("data_nascita", "La data di nascita non corrisponde al codice fiscale: controlla entrambi");

  const situation = row.situazione;
  const dismissal = dates.data_cessazione ?? dates.data_cessazione_prevista;
  if ((situation === "dismissed" || situation === "voluntary_exit") && !dates.data_cessazione)
    err("data_cessazione", "Indica la data di cessazione del rapporto (obbligatoria per chi è già uscito dall'azienda)");
  const cigs = situation === "cigs_zero_hours" || situation === "cigs_partial";
  if (cigs && !dates.cigs_dal) err("cigs_dal", "Indica la data di inizio della CIGS (obbligatoria per chi è in CIGS)");
  if (dates.cigs_dal && dates.cigs_al && dates.cigs_al < dates.cigs_dal) err("cigs_al", "La fine della CIGS precede l'inizio");
  if (situation === "cigs_partial" && (row.riduzione_orario_pct === null || row.riduzione_orario_pct < 1))
    err("riduzione_orario_pct", "Indica la riduzione d'orario in percentuale (da 1 a 100) per la CIGS a orario ridotto");
  if ((row.titolo_studio === null) !== (row.livello_eqf === null))
    err(row.titolo_studio === null ? "titolo_studio" : "livello_eqf", "Titolo di studio e livello EQF vanno indicati insieme");
  if (errors.length || !site) return { ok: false, errors };

  const t0On =
    situation === "dismissed" || situation === "voluntary_exit"
      ? dates.data_cessazione
      : cigs
        ? later(dates.cigs_dal, ctx.agreementOn)
        : (ctx.agreementOn ?? dismissal);
  return {
    ok: true,
    input: {
      line: record.line,
      taxCode: row.codice_fiscale,
      firstName: row.nome,
      lastName: row.cognome,
      birthDate,
      sex: fromCf.sex,
      comune: row.comune_residenza,
      qualification: row.qualifica,
      cp2021Code: row.cp2021_code,
      level: row.livello_inquadramento,
      ccnl: row.ccnl_cnel,
      site: site.label,
      situation,
      dismissalOn: dismissal,
      cigsFrom: dates.cigs_dal,
      cigsTo: dates.cigs_al,
      hoursReductionPct: row.riduzione_orario_pct,
      naspi: row.naspi,
      t0On: t0On ?? null,
      educationTitle: row.titolo_studio,
      eqfLevel: row.livello_eqf,
      phone: row.telefono,
      email: row.email,
    },
  };
}

/** The error report: every cell quoted, formula injection neutralised (`toCsv`). */
export function cohortErrorReportCsv(errors: CohortRowError[]): string {
  return toCsv(
    ["riga", "codice_fiscale", "colonna", "errore"],
    errors.map((e) => [e.line, e.taxCode, e.column, e.message]),
    { quoteAll: true },
  );
}

/** Example rows of the downloadable template; their codici fiscali are refused at import (a template not cleaned). */
export const COHORT_SAMPLE_ROWS: Record<string, string>[] = [
  {
    codice_fiscale: "RSSMRA70A01F205V",
    cognome: "Rossi",
    nome: "Mario",
    comune_residenza: "Milano (MI)",
    qualifica: "Operatore macchine utensili CNC",
    cp2021_code: "7.2.1.1.0",
    livello_inquadramento: "C2",
    ccnl_cnel: "C011",
    sede_lavoro_comune: "Milano",
    situazione: "DISMISSED",
    data_cessazione: "2026-11-30",
    naspi: "sì",
    titolo_studio: "Diploma di perito meccanico",
    livello_eqf: "4",
  },
  {
    codice_fiscale: "BNCLRA85M41F205C",
    cognome: "Bianchi",
    nome: "Laura",
    comune_residenza: "015146",
    qualifica: "Impiegata amministrativa",
    cp2021_code: "4.1.1.1.0",
    livello_inquadramento: "B1",
    sede_lavoro_comune: "Milano",
    situazione: "CIGS_PARTIAL",
    cigs_dal: "2026-10-01",
    cigs_al: "2027-09-30",
    riduzione_orario_pct: "50",
  },
];

export const SAMPLE_TAX_CODES: ReadonlySet<string> = new Set(COHORT_SAMPLE_ROWS.map((r) => r.codice_fiscale!));
export const SAMPLE_ROW_MESSAGE = "Riga di esempio del modello: cancellala e scrivi al suo posto i dati dei lavoratori";

export function cohortTemplateCsv(): string {
  return toCsv(
    [...COHORT_COLUMNS],
    COHORT_SAMPLE_ROWS.map((r) => COHORT_COLUMNS.map((c) => r[c] ?? "")),
  );
}
