import { z } from "zod";
import {
  ALBI,
  CEFR_LEVELS,
  CO_CONTRACT_TYPES,
  contractTypeInForce,
  DRIVING_LICENCES,
  isPartTime,
  LANGUAGES,
  LICENCE_CATEGORIES,
  LICENCE_CODE_OF_CATEGORY,
  PATENTINI,
  STUDY_LEVELS,
  WORKING_TIME_CODES,
} from "~/domain/reference";
import {
  ENGAGEMENT_LABELS,
  L68_LABELS,
  OUTCOME_CHANNELS,
  PAY_PERIOD_LABELS,
  PUBLICATION_MODE_LABELS,
  REQUIREMENT_KIND_LABELS,
} from "./codes";
import { addDays, todayInItaly } from "~/utils/dates";
import { calendarDay } from "~/utils/date-fields";
import type { VacancyRequirement } from "./requirements";

const keys = <T extends Record<string, unknown>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

export const MAX_CLOSING_DAYS = 180;

const text = (label: string, max: number, min = 1) =>
  z
    .string({ error: `Indica ${label}` })
    .trim()
    .min(min, min > 1 ? `Scrivi almeno ${min} caratteri per ${label}` : `Indica ${label}`)
    .max(max, `Al massimo ${max} caratteri`);

const optionalText = (max: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v?.trim() ? v.trim() : null))
    .pipe(z.string().max(max, `Al massimo ${max} caratteri`).nullable());

const optionalNumber = (message: string, opts: { min: number; max: number; int?: boolean }) =>
  z
    .string()
    .optional()
    .transform((v) => (v?.trim() ? v.trim().replace(",", ".") : null))
    .pipe(
      z
        .string()
        .regex(/^\d+(\.\d{1,2})?$/, message)
        .transform(Number)
        .pipe(
          opts.int
            ? z.number().int(message).min(opts.min, message).max(opts.max, message)
            : z.number().min(opts.min, message).max(opts.max, message),
        )
        .nullable(),
    );

const isoDay = calendarDay("Data non valida: usa il formato gg/mm/aaaa dal calendario");

/** "5.1.2.2.0 — Commessi…" or just the code: the occupation must be a CP2021 unit (level 5). */
export const occupationField = z
  .string({ error: "Indica la professione" })
  .trim()
  .transform((v) => v.split(/\s/)[0])
  .pipe(z.string().regex(/^\d(\.\d{1,2}){3,4}$/, "Scegli la professione dall'elenco (classificazione CP2021, es. 5.1.2.2.0)"));

const RequirementRowSchema = z.object({
  kind: z
    .enum(["", ...keys(REQUIREMENT_KIND_LABELS)], { error: "Tipo di requisito non valido" })
    .optional()
    .default(""),
  priority: z
    .enum(keys({ must: 1, nice: 1 }), { error: "Scegli se è indispensabile o preferibile" })
    .optional()
    .default("must"),
  position: z.string().optional().default(""),
  description: z.string().trim().max(300, "Al massimo 300 caratteri").optional().default(""),
  studyLevel: z
    .enum(["", ...keys(STUDY_LEVELS)], { error: "Livello di studio non valido" })
    .optional()
    .default(""),
  /** «40200000 — Diploma…» or the 8 digits: the title within the level (optional; checked on the server). */
  studyTitle: z
    .string()
    .trim()
    .optional()
    .default("")
    .transform((v) => v.split(/\s/)[0] ?? "")
    .pipe(z.string().regex(/^(\d{8})?$/, "Scegli il titolo di studio dall'elenco (codice di 8 cifre)")),
  years: z.string().trim().optional().default(""),
  languageCode: z
    .enum(["", ...keys(LANGUAGES)], { error: "Lingua non valida" })
    .optional()
    .default(""),
  cefrLevel: z
    .enum(["", ...CEFR_LEVELS], { error: "Livello non valido" })
    .optional()
    .default(""),
  nativeSpeaker: z
    .string()
    .optional()
    .transform((v) => v === "on"),
  licenceCode: z
    .enum(["", ...keys(DRIVING_LICENCES)], { error: "Patente non valida" })
    .optional()
    .default(""),
  licenceCategory: z
    .enum(["", ...LICENCE_CATEGORIES], { error: "Categoria di patente non valida" })
    .optional()
    .default(""),
  patentinoCode: z
    .enum(["", ...keys(PATENTINI)], { error: "Abilitazione non valida" })
    .optional()
    .default(""),
  alboCode: z
    .enum(["", ...keys(ALBI)], { error: "Albo non valido" })
    .optional()
    .default(""),
});

export type RequirementRow = z.infer<typeof RequirementRowSchema>;

export type RequirementInput = VacancyRequirement;

/** Checks each used row for the value its kind needs and sorts the rows by the order the employer gave. */
const RequirementsSchema = z
  .array(RequirementRowSchema.optional())
  .max(20, "Al massimo 20 requisiti")
  .optional()
  .default([])
  .transform((rows, ctx): RequirementInput[] => {
    const used: (RequirementInput & { index: number })[] = [];
    rows.forEach((row, i) => {
      if (!row || !row.kind) return;
      const issue = (field: string, message: string) => ctx.addIssue({ code: "custom", path: [i, field], message });
      let years: number | null = null;
      if (row.kind === "education" && !row.studyLevel) issue("studyLevel", "Scegli il livello del titolo di studio");
      if (row.kind === "experience") {
        years = /^\d{1,2}$/.test(row.years) ? Number(row.years) : NaN;
        if (Number.isNaN(years) || years < 0 || years > 50) issue("years", "Indica gli anni di esperienza (da 0 a 50)");
      }
      if (row.kind === "language" && !row.languageCode) issue("languageCode", "Scegli la lingua");
      if (row.kind === "language" && !row.cefrLevel && !row.nativeSpeaker)
        issue("cefrLevel", "Scegli il livello (da A1 a C2) o indica che serve la madrelingua");
      if (row.kind === "licence" && !row.licenceCode) issue("licenceCode", "Scegli la patente");
      if (
        row.kind === "licence" &&
        row.licenceCode &&
        row.licenceCategory &&
        LICENCE_CODE_OF_CATEGORY[row.licenceCategory] !== row.licenceCode
      )
        issue("licenceCategory", `La categoria ${row.licenceCategory} non è della ${DRIVING_LICENCES[row.licenceCode]}`);
      if (row.kind === "certificate" && row.patentinoCode && row.alboCode)
        issue("alboCode", "Scegli l'abilitazione oppure l'albo, non entrambi");
      if ((row.kind === "skill" || (row.kind === "certificate" && !row.patentinoCode && !row.alboCode)) && row.description.length < 3)
        issue("description", "Descrivi il requisito");
      const position = row.position.trim() ? Number(row.position) : i + 1;
      if (!Number.isInteger(position) || position < 1 || position > 99) issue("position", "L'ordine è un numero da 1 a 99");
      used.push({
        index: i,
        position,
        kind: row.kind,
        priority: row.priority,
        description: row.description,
        studyLevel: row.kind === "education" && row.studyLevel ? Number(row.studyLevel) : null,
        studyTitle: row.kind === "education" ? row.studyTitle || null : null,
        years: row.kind === "experience" ? years : null,
        languageCode: row.kind === "language" ? row.languageCode || null : null,
        cefrLevel: row.kind === "language" ? row.cefrLevel || null : null,
        nativeSpeaker: row.kind === "language" && row.nativeSpeaker,
        licenceCode: row.kind === "licence" ? row.licenceCode || null : null,
        licenceCategory: row.kind === "licence" ? row.licenceCategory || null : null,
        patentinoCode: row.kind === "certificate" ? row.patentinoCode || null : null,
        alboCode: row.kind === "certificate" && !row.patentinoCode ? row.alboCode || null : null,
      });
    });
    // Stable: equal order numbers keep the form's order; stored positions become 1..n.
    return used
      .sort((a, b) => a.position - b.position || a.index - b.index)
      .map(({ index: _index, ...r }, n) => ({ ...r, position: n + 1 }));
  });

const VacancyFields = z.object({
  title: text("il titolo dell'offerta", 120, 3),
  occupation: occupationField,
  atecoCode: z
    .string()
    .optional()
    .transform((v) => (v?.trim() ? v.trim().split(/\s/)[0] : null))
    .pipe(
      z
        .string()
        .regex(/^[0-9]{2}(\.[0-9]{1,2}){0,3}$/, "Scegli il codice ATECO dall'elenco")
        .nullable(),
    ),
  description: text("la descrizione dell'offerta", 5000, 30),
  tasks: optionalText(3000),
  comune: text("il comune della sede di lavoro", 100),
  radiusKm: z.coerce
    .number({ error: "Indica la distanza in chilometri" })
    .int("Indica un numero intero di chilometri")
    .min(0, "La distanza non può essere negativa")
    .max(200, "Al massimo 200 km")
    .default(20),
  engagement: z
    .enum(keys(ENGAGEMENT_LABELS), { error: "Indica se assumi direttamente, tramite agenzia o per lavoro autonomo" })
    .default("direct"),
  /** CO tipologia contrattuale in force (A.03.00 and other ended codes are refused). */
  contractType: z
    .string()
    .trim()
    .optional()
    .default("")
    .refine((v) => !v || CO_CONTRACT_TYPES.has(v), "Tipo di contratto sconosciuto: sceglilo dall'elenco")
    .refine(
      (v) => !CO_CONTRACT_TYPES.has(v) || contractTypeInForce(CO_CONTRACT_TYPES.get(v)!),
      "Questo tipo di contratto non è più in vigore: scegline uno dall'elenco",
    ),
  /** «042 — C.c.n.l. …» or the code (CO table; checked on the server). */
  ccnl: z
    .string()
    .trim()
    .optional()
    .default("")
    .transform((v) => v.split(" — ")[0]!.trim().toUpperCase())
    .pipe(z.string().regex(/^(|[0-9A-Z]{3}|[A-Z]{2})$/, "Scegli il CCNL dall'elenco (codice di 3 caratteri, ND se nessuno)")),
  ccnlNote: optionalText(120),
  /** «E015 — CCNL …» or the code: the CNEL archive code, optional (checked against the table on the server). */
  ccnlCnel: z
    .string()
    .trim()
    .optional()
    .default("")
    .transform((v) => v.split(" — ")[0]!.trim().toUpperCase())
    .pipe(z.string().regex(/^(|[A-Z0-9]{4})$/, "Codice CNEL non valido: 4 lettere o cifre (es. E015); sceglilo dall'elenco")),
  workingTime: z.enum(keys(WORKING_TIME_CODES), { error: "Scegli il tipo di orario" }),
  weeklyHours: optionalNumber("Indica le ore settimanali (da 1 a 48)", { min: 1, max: 48 }),
  shifts: optionalText(300),
  payMin: optionalNumber("Indica un importo valido in euro (es. 1500 o 9,50)", { min: 0, max: 1_000_000 }),
  payMax: optionalNumber("Indica un importo valido in euro (es. 1800 o 11,00)", { min: 0, max: 1_000_000 }),
  payPeriod: z
    .enum(["", ...keys(PAY_PERIOD_LABELS)], { error: "Periodo di retribuzione non valido" })
    .optional()
    .default(""),
  positions: z.coerce
    .number({ error: "Indica quante persone cerchi" })
    .int("Indica un numero intero")
    .min(1, "Cerca almeno una persona")
    .max(99, "Al massimo 99 posizioni per offerta"),
  startDate: z
    .string()
    .optional()
    .transform((v) => (v?.trim() ? v.trim() : null))
    .pipe(isoDay.nullable()),
  closingDate: z.string({ error: "Indica la data di scadenza" }).trim().min(1, "Indica la data di scadenza").pipe(isoDay),
  l68Reserved: z.enum(keys(L68_LABELS), { error: "Indica se l'offerta è riservata al collocamento mirato" }).default("no"),
  publicationMode: z.enum(keys(PUBLICATION_MODE_LABELS), { error: "Scegli come pubblicare l'offerta" }),
  requirements: RequirementsSchema,
});

function checkVacancyRules(v: z.infer<typeof VacancyFields>, ctx: z.RefinementCtx) {
  const today = todayInItaly();
  if (v.closingDate <= today) ctx.addIssue({ code: "custom", path: ["closingDate"], message: "La data di scadenza deve essere futura" });
  else if (v.closingDate > addDays(today, MAX_CLOSING_DAYS))
    ctx.addIssue({ code: "custom", path: ["closingDate"], message: `La scadenza può essere al massimo tra ${MAX_CLOSING_DAYS} giorni` });
  if (v.startDate && v.startDate < today)
    ctx.addIssue({ code: "custom", path: ["startDate"], message: "La data di inizio non può essere passata" });
  if (v.payMin !== null && v.payMax !== null && v.payMin > v.payMax)
    ctx.addIssue({ code: "custom", path: ["payMax"], message: "La retribuzione massima non può essere inferiore alla minima" });
  if ((v.payMin !== null || v.payMax !== null) && !v.payPeriod)
    ctx.addIssue({ code: "custom", path: ["payPeriod"], message: "Indica se l'importo è orario, mensile o annuo" });
  if (isPartTime(v.workingTime) && v.weeklyHours === null)
    ctx.addIssue({ code: "custom", path: ["weeklyHours"], message: "Per il tempo parziale indica le ore settimanali" });
  if (v.engagement === "direct" && !v.contractType)
    ctx.addIssue({ code: "custom", path: ["contractType"], message: "Scegli il tipo di contratto" });
  if (v.engagement === "self_employed" && v.contractType)
    ctx.addIssue({
      code: "custom",
      path: ["contractType"],
      message: "Il lavoro autonomo non ha un tipo di contratto della comunicazione obbligatoria: lascialo vuoto",
    });
}

export const VacancySchema = VacancyFields.superRefine(checkVacancyRules);

export type VacancyInput = z.infer<typeof VacancySchema>;

const version = z.coerce.number({ error: "Versione mancante" }).int().min(1);

export const SaveVacancySchema = VacancyFields.extend({
  intent: z.enum(["save", "submit"], { error: "Operazione non valida" }).default("save"),
  version: version.optional(),
}).superRefine(checkVacancyRules);

export const TransitionSchema = z
  .object({
    event: z.enum(["submit", "return", "validate", "publish", "start_preselection", "close", "cancel"], { error: "Operazione non valida" }),
    version,
    reason: z.string().trim().max(1000, "Al massimo 1000 caratteri").optional().default(""),
    outcome: z.enum(["", "filled", "partly_filled", "not_filled"], { error: "Esito non valido" }).optional().default(""),
    channel: z
      .enum(["", ...keys(OUTCOME_CHANNELS)], { error: "Canale non valido" })
      .optional()
      .default(""),
  })
  .superRefine((v, ctx) => {
    if (v.event === "return" && v.reason.length < 10)
      ctx.addIssue({ code: "custom", path: ["reason"], message: "Spiega all'azienda cosa correggere (almeno 10 caratteri)" });
    if (v.event === "close" && !v.outcome) ctx.addIssue({ code: "custom", path: ["outcome"], message: "Indica l'esito della ricerca" });
    if (v.event === "close" && v.outcome && v.outcome !== "not_filled" && !v.channel)
      ctx.addIssue({ code: "custom", path: ["channel"], message: "Indica con quale canale hai coperto le posizioni" });
  });

export type TransitionInput = z.infer<typeof TransitionSchema>;

export const OfficerQueueFilterSchema = z.object({
  status: z
    .enum(["", "submitted", "returned", "validated", "published", "in_preselection", "closed"], { error: "Stato non valido" })
    .optional()
    .default("submitted"),
  page: z.coerce.number({ error: "Pagina non valida" }).int().min(1, "Pagina non valida").max(10_000).default(1),
  azienda: z.preprocess((v) => (v === "" ? undefined : v), z.uuid({ error: "Azienda non valida" }).optional()),
});

export const ApplySchema = z.object({
  message: z
    .string()
    .optional()
    .transform((v) => (v?.trim() ? v.trim() : null))
    .pipe(z.string().max(1000, "Al massimo 1000 caratteri").nullable()),
});

const tick = z
  .string()
  .optional()
  .transform((v) => v === "on");

export const DecideApplicationSchema = z
  .object({
    intent: z.literal("application"),
    applicationId: z.uuid({ error: "Candidatura non valida" }),
    version,
    decision: z.enum(["accept", "decline"], { error: "Scegli se accettare o rifiutare" }),
    reason: z.string().trim().max(1000, "Al massimo 1000 caratteri").optional().default(""),
    checkRequirements: tick,
    checkCvCurrent: tick,
    checkConsent: tick,
  })
  .refine((v) => v.decision !== "decline" || v.reason.length >= 10, {
    path: ["reason"],
    message: "Spiega alla persona perché la candidatura non è accettata (almeno 10 caratteri)",
  });

/** The officer's CP2011 qualification for the ClicLavoro export (one of the candidates of the vacancy's profession). */
export const ChooseCp2011Schema = z.object({
  intent: z.literal("cp2011"),
  cp2011: z
    .string({ error: "Scegli la qualifica CP2011" })
    .trim()
    .regex(/^([0-9]\.){5}[0-9]{1,2}$/, "Scegli la qualifica CP2011 dall'elenco"),
});
