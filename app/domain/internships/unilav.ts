import { pluralWord } from "~/utils/plural";
/**
 * The data of the UNILAV mandatory communication for an extracurricular internship, contract type C.01.00
 * (docs/decisions/tirocini.md#dati-per-la-co-unilav-c0100). Rosa prepares the data; the host (or its delegate) files
 * it on the regional CO system before the start and records the protocol here. Pure and client-safe: the printable
 * page, the CSV and the tests use the same fields.
 *
 * The checks are those the regional CO systems enforce (COMONL, Regione Piemonte): the promoter's tax code is
 * mandatory, valid and different from the host's; the trainee category and the internship type are coherent; CCNL
 * `ND`; annual pay may be 0. A duration beyond the CO clients' warning for the category is a warning, not an error.
 */

export const UNILAV_CONTRACT_TYPE = "C.01.00";
export const UNILAV_CCNL_FOR_INTERNSHIPS = "ND";

/** Trainee categories of the CO (codes only: their descriptions are in the Ministry's «Modelli e regole» tables). */
export const TRAINEE_CATEGORIES = ["01", "02", "03", "04", "05", "06", "07", "08", "09", "99"] as const;
export type TraineeCategory = (typeof TRAINEE_CATEGORIES)[number];

/** Internship types of the CO; `Z` is legacy (category 99 only). */
export const INTERNSHIP_TYPES = ["A", "B", "C", "Z"] as const;
export type InternshipType = (typeof INTERNSHIP_TYPES)[number];

/** Which categories each type admits (COMONL coherence rule). */
export const CATEGORIES_BY_TYPE: Record<InternshipType, readonly TraineeCategory[]> = {
  A: ["01", "02", "04", "05", "06", "07"],
  B: ["01", "02", "03", "08"],
  C: ["09"],
  Z: ["99"],
};

/** Months beyond which a regional CO client warns, by category. */
export function coDurationWarningMonths(category: TraineeCategory): number | null {
  if (["04", "05", "06", "07"].includes(category)) return 6;
  if (["01", "03", "08"].includes(category)) return 12;
  if (["02", "09"].includes(category)) return 24;
  return null;
}

/** The kind of UNILAV: the start (instaurazione), an extension (proroga) or an early end (cessazione). */
export type UnilavKind = "instaurazione" | "proroga" | "cessazione";

export const UNILAV_KIND_LABELS: Record<UnilavKind, string> = {
  instaurazione: "Instaurazione del rapporto (avvio del tirocinio)",
  proroga: "Proroga",
  cessazione: "Cessazione anticipata",
};

export interface UnilavInput {
  kind: UnilavKind;
  host: {
    taxCode: string;
    name: string;
    atecoCode: string | null;
    /** The unit where the trainee works. */
    siteAddress: string | null;
    siteComuneCode: string;
    siteComuneName: string | null;
  };
  promoter: { taxCode: string | null; name: string | null; kind: string | null };
  trainee: { taxCode: string; firstName: string; lastName: string; birthDate: string };
  internship: {
    startDate: string | null;
    endDate: string | null;
    occupationCode: string;
    occupationTitle: string | null;
    weeklyHours: number;
    fullTimeWeeklyHours: number;
    monthlyIndemnityCents: number;
    plannedMonths: number;
    traineeCategory: string | null;
    internshipType: string | null;
  };
  /** Proroga: the new end date; cessazione: the last day and the reason. */
  newEndDate?: string | null;
  endedOn?: string | null;
  endReason?: string | null;
}

export interface UnilavField {
  section: "Datore di lavoro" | "Lavoratore" | "Rapporto di lavoro" | "Dati del tirocinio" | "Proroga" | "Cessazione";
  /** A stable key (CSV column). */
  key: string;
  label: string;
  value: string;
}

export interface UnilavData {
  kind: UnilavKind;
  fields: UnilavField[];
  /** Errors a CO system would refuse: the data cannot be filed until they are fixed. */
  problems: string[];
  /** Not refused, but the CO system warns (the officer checks them). */
  warnings: string[];
}

const TAX_CODE_PERSON = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;
const TAX_CODE_COMPANY = /^[0-9]{11}$/;

export const isValidTaxCode = (value: string) => TAX_CODE_PERSON.test(value) || TAX_CODE_COMPANY.test(value);

/** The indemnity as the CO's «retribuzione annua lorda»: the monthly gross amount × 12, in whole euro (half up). */
export function annualPayEuro(monthlyIndemnityCents: number): number {
  return Math.floor((monthlyIndemnityCents * 12 + 50) / 100);
}

const isoToItalian = (iso: string | null | undefined) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : "");

/** Hours with a decimal comma and no trailing zeros (20 → «20», 37.5 → «37,5»). */
const hours = (n: number) => String(Number(n.toFixed(2))).replace(".", ",");

const isCategory = (v: string | null): v is TraineeCategory => v !== null && (TRAINEE_CATEGORIES as readonly string[]).includes(v);
const isType = (v: string | null): v is InternshipType => v !== null && (INTERNSHIP_TYPES as readonly string[]).includes(v);

/** The C.01.00 fields, in the order of the UNILAV form, with the checks of the CO systems. */
export function buildUnilav(input: UnilavInput): UnilavData {
  const { host, promoter, trainee, internship: t } = input;
  const problems: string[] = [];
  const warnings: string[] = [];
  const hostCf = host.taxCode.trim().toUpperCase();
  const promoterCf = (promoter.taxCode ?? "").trim().toUpperCase();

  if (!promoterCf) problems.push("Manca il codice fiscale del soggetto promotore: indicalo nella convenzione.");
  else if (!isValidTaxCode(promoterCf)) problems.push(`Il codice fiscale del soggetto promotore «${promoterCf}» non è valido.`);
  else if (promoterCf === hostCf)
    problems.push("Il codice fiscale del soggetto promotore deve essere diverso da quello dell'azienda ospitante.");
  if (!promoter.name?.trim()) problems.push("Manca la denominazione del soggetto promotore.");
  if (!promoter.kind?.trim()) problems.push("Manca la tipologia dell'ente promotore.");
  if (!t.startDate) problems.push("Manca la data di inizio del tirocinio.");
  if (!t.endDate) problems.push("Manca la data di fine prevista del tirocinio.");

  const category = t.traineeCategory;
  const type = t.internshipType;
  if (!isCategory(category)) problems.push("Manca la categoria del tirocinante (codici 01–09 o 99).");
  if (!isType(type)) problems.push("Manca la tipologia del tirocinio (A, B, C o Z).");
  if (isCategory(category) && isType(type) && !CATEGORIES_BY_TYPE[type].includes(category))
    problems.push(`La categoria ${category} non è ammessa per la tipologia ${type}: ammesse ${CATEGORIES_BY_TYPE[type].join(", ")}.`);
  if (isCategory(category)) {
    const limit = coDurationWarningMonths(category);
    if (limit !== null && t.plannedMonths > limit)
      warnings.push(
        `Durata di ${hours(t.plannedMonths)} ${pluralWord(t.plannedMonths, "mese", "mesi")} oltre i ${limit} per la categoria ${category}: il sistema delle CO lo segnala.`,
      );
  }
  if (input.kind === "proroga" && !input.newEndDate) problems.push("Manca la nuova data di fine della proroga.");
  if (input.kind === "cessazione" && !input.endedOn) problems.push("Manca la data di cessazione.");

  const fields: UnilavField[] = [
    { section: "Datore di lavoro", key: "datore_codice_fiscale", label: "Codice fiscale", value: hostCf },
    { section: "Datore di lavoro", key: "datore_denominazione", label: "Denominazione", value: host.name },
    { section: "Datore di lavoro", key: "datore_settore_ateco", label: "Settore (ATECO)", value: host.atecoCode ?? "" },
    { section: "Datore di lavoro", key: "sede_lavoro_comune", label: "Sede di lavoro: comune (ISTAT)", value: host.siteComuneCode },
    {
      section: "Datore di lavoro",
      key: "sede_lavoro_indirizzo",
      label: "Sede di lavoro: indirizzo",
      value: [host.siteAddress, host.siteComuneName].filter(Boolean).join(", "),
    },
    { section: "Lavoratore", key: "lavoratore_codice_fiscale", label: "Codice fiscale", value: trainee.taxCode.toUpperCase() },
    { section: "Lavoratore", key: "lavoratore_cognome", label: "Cognome", value: trainee.lastName },
    { section: "Lavoratore", key: "lavoratore_nome", label: "Nome", value: trainee.firstName },
    { section: "Lavoratore", key: "lavoratore_data_nascita", label: "Data di nascita", value: isoToItalian(trainee.birthDate) },
    { section: "Rapporto di lavoro", key: "tipologia_contrattuale", label: "Tipologia contrattuale", value: UNILAV_CONTRACT_TYPE },
    { section: "Rapporto di lavoro", key: "data_inizio", label: "Data di inizio", value: isoToItalian(t.startDate) },
    { section: "Rapporto di lavoro", key: "data_fine", label: "Data di fine", value: isoToItalian(t.endDate) },
    {
      section: "Rapporto di lavoro",
      key: "qualifica_istat",
      label: "Qualifica professionale (CP ISTAT)",
      value: t.occupationTitle ? `${t.occupationCode} ${t.occupationTitle}` : t.occupationCode,
    },
    { section: "Rapporto di lavoro", key: "ccnl", label: "CCNL applicato", value: UNILAV_CCNL_FOR_INTERNSHIPS },
    {
      section: "Rapporto di lavoro",
      key: "retribuzione_annua_lorda",
      label: "Retribuzione annua lorda (euro): indennità mensile × 12",
      value: String(annualPayEuro(t.monthlyIndemnityCents)),
    },
    {
      section: "Rapporto di lavoro",
      key: "tipo_orario",
      label: "Orario",
      value: t.weeklyHours >= t.fullTimeWeeklyHours ? "Tempo pieno" : "Tempo parziale",
    },
    { section: "Rapporto di lavoro", key: "ore_settimanali_medie", label: "Ore settimanali medie", value: hours(t.weeklyHours) },
    { section: "Dati del tirocinio", key: "promotore_codice_fiscale", label: "Codice fiscale del soggetto promotore", value: promoterCf },
    {
      section: "Dati del tirocinio",
      key: "promotore_denominazione",
      label: "Denominazione del soggetto promotore",
      value: promoter.name ?? "",
    },
    { section: "Dati del tirocinio", key: "promotore_tipologia", label: "Tipologia ente promotore", value: promoter.kind ?? "" },
    { section: "Dati del tirocinio", key: "categoria_tirocinante", label: "Categoria del tirocinante", value: category ?? "" },
    { section: "Dati del tirocinio", key: "tipologia_tirocinio", label: "Tipologia del tirocinio", value: type ?? "" },
  ];
  if (input.kind === "proroga")
    fields.push({ section: "Proroga", key: "data_fine_proroga", label: "Nuova data di fine", value: isoToItalian(input.newEndDate) });
  if (input.kind === "cessazione") {
    fields.push({ section: "Cessazione", key: "data_cessazione", label: "Data di cessazione", value: isoToItalian(input.endedOn) });
    fields.push({ section: "Cessazione", key: "causa_cessazione", label: "Motivo", value: input.endReason ?? "" });
  }
  return { kind: input.kind, fields, problems, warnings };
}

/** The same fields as CSV rows «sezione; campo; descrizione; valore» (one communication per file). */
export function unilavRows(data: UnilavData): string[][] {
  return data.fields.map((f) => [f.section, f.key, f.label, f.value]);
}

export const UNILAV_CSV_HEADER = ["sezione", "campo", "descrizione", "valore"];
