import { z } from "zod";
import { escapeXml, xmlAttributes, xmlElement } from "~/documents/xml";
import { readPersonCodiceFiscale } from "~/utils/tax-codes";

/**
 * The UNILAV hiring communication (comunicazioni obbligatorie), one builder for every hire recorded in Rosa and for
 * internships (tipologia C.01.00). The ministerial UNILAV XSD is not public: the XML structure is RECONSTRUCTED
 * (docs/legal/national-systems.md#unilav-xml explains from what). What can be checked is checked: this zod schema holds
 * every field to the patterns of the reconstructed tree and the code tables, and the blocks whose types the regional
 * SIL-ER web service shares with UNILAV are validated against its XSD (`silErXml`, see index.server.ts).
 * Pure and client-safe.
 */

export const UNILAV_NAMESPACE = "http://servizi.lavoro.gov.it/unilav";
/** The version attribute of the stored generator the reconstruction follows. */
export const UNILAV_VERSION = "CO160201R1";
export const NEW_COMMUNICATION_CODE = "0000000000000000";

const BELFIORE = /^([A-Z]\d{3}|0000)$/;
const CAP = /^\d{5}$/;
const PERSON_CF = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;
const ANY_CF = /^([A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]|[0-9]{11})$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

const text = (label: string, max: number) =>
  z
    .string({ error: `${label}: da completare` })
    .trim()
    .min(1, `${label}: da completare`)
    .max(max, `${label}: al massimo ${max} caratteri`);
const pattern = (label: string, re: RegExp, hint: string) => z.string({ error: `${label}: da completare` }).regex(re, `${label}: ${hint}`);
const day = (label: string) => pattern(label, ISO_DAY, "data non valida");

const address = (where: string) =>
  z.object({
    comune: pattern(`${where}: comune`, BELFIORE, "codice catastale non valido"),
    cap: pattern(`${where}: CAP`, CAP, "5 cifre"),
    address: text(`${where}: indirizzo`, 100),
    email: z.string().max(80).nullable().optional(),
    phone: z.string().max(15).nullable().optional(),
  });

const UnilavBaseSchema = z.object({
  /** 16 digits; all zeros for a new communication. */
  communicationCode: pattern("Codice della comunicazione", /^\d{16}$/, "16 cifre"),
  sentAt: pattern("Data di invio", /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/, "data e ora non valide"),
  employer: z.object({
    taxCode: pattern("Codice fiscale del datore di lavoro", ANY_CF, "non valido"),
    name: text("Denominazione del datore di lavoro", 100),
    legalSeat: address("Sede legale"),
    workSeat: address("Sede di lavoro"),
    ateco2007: pattern("Settore ATECO 2007 del datore di lavoro", /^\d{2}\.\d{2}\.\d{2}$/, "formato 00.00.00"),
    publicAdministration: z.boolean(),
  }),
  worker: z.object({
    taxCode: pattern("Codice fiscale del lavoratore", PERSON_CF, "non valido"),
    lastName: text("Cognome del lavoratore", 50),
    firstName: text("Nome del lavoratore", 50),
    citizenship: pattern("Cittadinanza del lavoratore", /^\d{3}$/, "codice della tabella cittadinanze (3 cifre)"),
    sex: z.enum(["M", "F"], { error: "Sesso del lavoratore: da completare" }),
    birthComune: pattern("Comune o Stato di nascita del lavoratore", BELFIORE, "codice catastale non valido"),
    birthDate: day("Data di nascita del lavoratore"),
    domicile: address("Domicilio del lavoratore"),
    educationLevel: pattern("Livello di istruzione del lavoratore", /^\d{2}$/, "codice a 2 cifre"),
  }),
  contract: z.object({
    startDate: day("Data di inizio"),
    endDate: day("Data di fine").nullable(),
    trainingEndDate: day("Fine del periodo formativo").nullable(),
    pensionBody: pattern("Ente previdenziale", /^\d{2}$/, "codice a 2 cifre"),
    contractType: pattern("Tipologia contrattuale", /^[A-Z](\.\d{2}){2}$/, "codice CO non valido"),
    ccnl: pattern("CCNL", /^([0-9,A-Z]{3}|[A-Z]{2})$/, "codice della tabella CO non valido"),
    level: z.string().max(6, "Livello di inquadramento: al massimo 6 caratteri per la CO").nullable(),
    l68: z.object({ nullaOstaOn: day("Data del nulla osta").nullable(), actNumber: z.string().min(1).max(10).nullable() }).nullable(),
    workingTime: pattern("Tipo di orario", /^[A-Z]$/, "codice non valido"),
    weeklyHours: z.number().int("Ore settimanali medie: numero intero per la CO").min(1).max(99).nullable(),
    qualification: pattern("Qualifica professionale (CP2011)", /^([0-9]\.){5}[0-9]{1,2}$/, "codice a 6 livelli"),
    annualPay: z.number().int().min(0).max(999_999_999).nullable(),
    patInail: pattern("PAT INAIL", /^\d{8,10}$/, "da 8 a 10 cifre"),
    compulsoryHire: z.boolean(),
  }),
  /** C.01.00 only. The CSV layout behind the reconstruction lists these fields; their XML names were not observed. */
  internship: z
    .object({
      promoterTaxCode: pattern("Codice fiscale del soggetto promotore", ANY_CF, "non valido"),
      promoterName: text("Denominazione del soggetto promotore", 100),
      promoterKind: text("Tipologia del soggetto promotore", 100),
      traineeCategory: pattern("Categoria del tirocinante", /^(0[1-9]|99)$/, "codici 01–09 o 99"),
      internshipType: z.enum(["A", "B", "C", "Z"], { error: "Tipologia del tirocinio: da completare" }),
    })
    .nullable(),
});

/** The checks across fields, on a draft too (so that everything missing is listed at once). */
function crossChecks(r: UnilavDraft): { path: string[]; message: string }[] {
  const out: { path: string[]; message: string }[] = [];
  const c = (r.contract ?? {}) as Partial<UnilavRecord["contract"]>;
  const e = (r.employer ?? {}) as Partial<UnilavRecord["employer"]>;
  const t = r.internship as UnilavRecord["internship"] | undefined;
  if (c.endDate && c.startDate && c.endDate < c.startDate)
    out.push({ path: ["contract", "endDate"], message: "La data di fine precede l'inizio" });
  if (c.workingTime && c.workingTime !== "F" && (c.weeklyHours === null || c.weeklyHours === undefined))
    out.push({ path: ["contract", "weeklyHours"], message: "Ore settimanali medie: da completare per il tempo parziale" });
  if (c.contractType && isApprenticeship(c.contractType) && !c.trainingEndDate)
    out.push({ path: ["contract", "trainingEndDate"], message: "Fine del periodo formativo: da completare (apprendistato)" });
  if (c.contractType === "C.01.00" && !t) out.push({ path: ["internship"], message: "Dati del tirocinio: da completare" });
  if (t && t.promoterTaxCode && t.promoterTaxCode === e.taxCode)
    out.push({ path: ["internship", "promoterTaxCode"], message: "Il promotore deve essere diverso dal datore di lavoro" });
  return out;
}

export const UnilavRecordSchema = UnilavBaseSchema.superRefine((r, ctx) => {
  for (const issue of crossChecks(r)) ctx.addIssue({ code: "custom", ...issue });
});
export type UnilavRecord = z.infer<typeof UnilavRecordSchema>;

/** The current apprenticeships (A.03.08–A.03.10) and the older A.03.xx ones: they carry the end of the training period. */
export const isApprenticeship = (contractType: string) => /^A\.03\./.test(contractType);

/** A draft: what Rosa knows, with nulls where it does not (the builder lists them «da completare»). */
export type UnilavDraft = { [K in keyof UnilavRecord]: unknown };

export type UnilavCheck = { complete: true; record: UnilavRecord; missing: [] } | { complete: false; record: null; missing: string[] };

/** Checks a draft against the schema: the record when complete, otherwise every missing or wrong field in Italian (each once). */
export function checkUnilav(draft: UnilavDraft): UnilavCheck {
  const parsed = UnilavBaseSchema.safeParse(draft);
  const cross = crossChecks(draft).map((i) => i.message);
  if (parsed.success && !cross.length) return { complete: true, record: parsed.data, missing: [] };
  const issues = parsed.success ? [] : parsed.error.issues;
  const messages = [
    ...issues.map((i) => (i.message.includes(":") || i.code === "custom" ? i.message : `${i.path.join(".")}: ${i.message}`)),
    ...cross,
  ];
  return { complete: false, record: null, missing: [...new Set(messages)] };
}

const yesNo = (b: boolean) => (b ? "SI" : "NO");

function addressXml(name: string, a: UnilavRecord["employer"]["legalSeat"], indent: string) {
  const i = `${indent}  `;
  return `${indent}<${name}>\n${xmlElement("Comune", a.comune, i)}${xmlElement("cap", a.cap, i)}${xmlElement("Indirizzo", a.address, i)}${xmlElement("e-mail", a.email || null, i)}${xmlElement("telefono", a.phone || null, i)}${indent}</${name}>\n`;
}

function contractAttrs(r: UnilavRecord, withCompulsory: boolean) {
  const c = r.contract;
  return xmlAttributes({
    dataInizio: c.startDate,
    dataFine: c.endDate,
    dataFinePeriodoFormativo: c.trainingEndDate,
    entePrevidenziale: c.pensionBody,
    TipologiaContrattuale: c.contractType,
    socioLavoratore: "NO",
    lavInMobilita: "NO",
    lavoroStagionale: "NO",
    lavoroInAgricoltura: "NO",
    ...(withCompulsory ? { assunzioneObbligatoria: yesNo(c.compulsoryHire) } : {}),
  });
}

function contractBody(r: UnilavRecord, indent: string) {
  const c = r.contract;
  const i = indent;
  return (
    xmlElement("ccnl", c.ccnl, i) +
    xmlElement("livelloInquadramento", c.level || null, i) +
    (c.l68 ? `${i}<legge68${xmlAttributes({ dataNullaOsta: c.l68.nullaOstaOn, numeroAtto: c.l68.actNumber })}/>\n` : "") +
    `${i}<tipoOrario${xmlAttributes({ codice: c.workingTime, oreSettimanaliMedie: c.weeklyHours === null ? null : String(c.weeklyHours) })}/>\n` +
    xmlElement("qualificaProfessionale", c.qualification, i) +
    xmlElement("RetribuzioneCompenso", c.annualPay === null ? null : String(c.annualPay), i) +
    xmlElement("PatINAIL", c.patInail, i)
  );
}

function employerBody(r: UnilavRecord, indent: string) {
  const e = r.employer;
  return (
    addressXml("SedeLegale", e.legalSeat, indent) +
    addressXml("SedeLavoro", e.workSeat, indent) +
    xmlElement("Settore", e.ateco2007, indent) +
    xmlElement("PubblicaAmministrazione", yesNo(e.publicAdministration), indent)
  );
}

/**
 * The reconstructed UNILAV document (root `UniLav`, namespace http://servizi.lavoro.gov.it/unilav, movement
 * «InizioRapporto»). For C.01.00 the internship's block is written as `Tirocinio` (name not observed, see the docs).
 */
export function unilavXml(r: UnilavRecord): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${unilavElement(r, "")}`;
}

function unilavElement(r: UnilavRecord, indent: string) {
  const w = r.worker;
  const i1 = `${indent}  `;
  const i2 = `${indent}    `;
  const i3 = `${indent}      `;
  const t = r.internship;
  return (
    `${indent}<!-- Struttura UNILAV ricostruita (nessun XSD ministeriale pubblico): verificare con i «Modelli e Regole» CO prima dell'invio. -->\n` +
    `${indent}<UniLav xmlns="${UNILAV_NAMESPACE}"${xmlAttributes({ codiceComunicazione: r.communicationCode, dataInvio: r.sentAt, assunzioneForzaMaggiore: "NO", versione: UNILAV_VERSION })}>\n` +
    `${i1}<DatoreLavoro${xmlAttributes({ codiceFiscale: r.employer.taxCode, denominazione: r.employer.name })}>\n${employerBody(r, i2)}${i1}</DatoreLavoro>\n` +
    `${i1}<Lavoratore>\n${i2}<AnagraficaCompleta>\n` +
    xmlElement("cognome", w.lastName, i3) +
    xmlElement("nome", w.firstName, i3) +
    xmlElement("codice-fiscale", w.taxCode, i3) +
    xmlElement("cittadinanza", w.citizenship, i3) +
    xmlElement("sesso", w.sex, i3) +
    `${i3}<nascita>\n${xmlElement("comune", w.birthComune, `${i3}  `)}${xmlElement("data", w.birthDate, `${i3}  `)}${i3}</nascita>\n` +
    `${i2}</AnagraficaCompleta>\n` +
    addressXml("IndirizzoLavoratore", w.domicile, i2) +
    xmlElement("LivelloIstruzione", w.educationLevel, i2) +
    `${i1}</Lavoratore>\n` +
    `${i1}<InizioRapporto${contractAttrs(r, true)}>\n${contractBody(r, i2)}` +
    (t
      ? `${i2}<Tirocinio${xmlAttributes({ codiceFiscalePromotore: t.promoterTaxCode, denominazionePromotore: t.promoterName, tipologiaPromotore: t.promoterKind, categoriaTirocinante: t.traineeCategory, tipologiaTirocinio: t.internshipType })}/>\n`
      : "") +
    `${i1}</InizioRapporto>\n` +
    `${i1}<TipoComunicazione/>\n` +
    `${indent}</UniLav>\n`
  );
}

/** Several communications in one file (Rosa's container `UniLavElenco`: the ministry receives them one by one). */
export function unilavBatchXml(records: UnilavRecord[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<UniLavElenco xmlns="${UNILAV_NAMESPACE}" numero="${records.length}">\n${records.map((r) => unilavElement(r, "  ")).join("")}</UniLavElenco>\n`;
}

/**
 * The same data as SIL-ER's `inputUniLav` (its XSD reuses UNILAV's types: addresses, Belfiore, ATECO, citizenship,
 * CCNL, CP2011, PAT INAIL, contract attributes): validating this copy checks every shared type of the export.
 */
export function silErXml(r: UnilavRecord, provinceNumber: number): string {
  const w = r.worker;
  return `<?xml version="1.0" encoding="UTF-8"?>
<co:inputUniLav xmlns:co="${UNILAV_NAMESPACE}" xmlns="${UNILAV_NAMESPACE}">
  <CodiceFiscale>${escapeXml(r.employer.taxCode)}</CodiceFiscale>
  <IdProvincia>${provinceNumber}</IdProvincia>
  <DataRichiesta>${r.sentAt}</DataRichiesta>
  <codTipoMovimento>AVV</codTipoMovimento>
  <UniLav>
    <DatoreLavoro${xmlAttributes({ codiceFiscale: r.employer.taxCode, denominazione: r.employer.name })}>
${employerBody(r, "      ")}    </DatoreLavoro>
    <Lavoratore>
      <AnagraficaCompleta>
${xmlElement("cognome", w.lastName, "        ")}${xmlElement("nome", w.firstName, "        ")}${xmlElement("cittadinanza", w.citizenship, "        ")}${xmlElement("sesso", w.sex, "        ")}        <nascita>
${xmlElement("comune", w.birthComune, "          ")}${xmlElement("data", w.birthDate, "          ")}        </nascita>
      </AnagraficaCompleta>
${addressXml("IndirizzoLavoratore", { ...w.domicile, email: null, phone: null }, "      ")}    </Lavoratore>
    <InizioRapporto${contractAttrs(r, false)}>
${contractBody(r, "      ")}    </InizioRapporto>
  </UniLav>
</co:inputUniLav>
`;
}

/**
 * What a person's codice fiscale says: sex, birth date and the Belfiore code of the comune (or foreign State, Zxxx) of
 * birth, read as `readPersonCodiceFiscale` does (omocodia undone, control letter not checked). The century is the one
 * that puts the birth in the past relative to `today`, unless the person's recorded birth date says otherwise. Null for
 * a company or malformed code.
 */
export function decodeTaxCode(
  cf: string,
  knownBirthDate?: string | null,
): { sex: "M" | "F"; birthDate: string; birthComune: string } | null {
  const read = readPersonCodiceFiscale(cf.trim().toUpperCase());
  if (!read) return null;
  const yy = String(read.yearTwoDigits).padStart(2, "0");
  const mmdd = `${String(read.month).padStart(2, "0")}-${String(read.day).padStart(2, "0")}`;
  let birthDate: string;
  if (knownBirthDate && knownBirthDate.slice(2, 4) === yy && knownBirthDate.slice(5) === mmdd) birthDate = knownBirthDate;
  else {
    const thisYear = new Date().getUTCFullYear() % 100;
    birthDate = `${read.yearTwoDigits <= thisYear ? 20 : 19}${yy}-${mmdd}`;
  }
  return { sex: read.sex, birthDate, birthComune: read.birthPlace };
}
