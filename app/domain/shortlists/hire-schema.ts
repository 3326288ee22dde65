import { z } from "zod";
import { calendarDay } from "~/utils/date-fields";

/**
 * The hire form's schema (client-safe: the employer's and the officer's rosa pages check it in the
 * browser, the actions on the server with the national code lists, see hire.server.ts).
 */
const keys = <T extends Record<string, unknown>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
const version = z.coerce.number({ error: "Versione mancante: ricarica la pagina" }).int().min(1, "Versione non valida");
const uuid = (what: string) => z.uuid({ error: `${what} non valido` });
const isoDay = (label: string) =>
  z
    .string({ error: `Indica ${label}` })
    .trim()
    .pipe(calendarDay(`Indica ${label} (gg/mm/aaaa)`));

export const WORKING_TIME_LABELS = {
  F: "Tempo pieno",
  P: "Tempo parziale orizzontale",
  V: "Tempo parziale verticale",
  M: "Tempo parziale misto",
} as const;
export const HIRE_CHANNEL_LABELS = { telefono: "Telefono", email_pec: "E-mail o PEC", sportello: "Allo sportello" } as const;
export const RECORDED_AS_LABELS = { employer: "dall'azienda", officer: "dal Centro per l'Impiego per conto dell'azienda" } as const;

/**
 * Checks of the national code lists; each returns an Italian message or null. The server has them all
 * (ServerHireSchema in hire.server.ts: the lists are files); the page knows only which contract types
 * are fixed-term (hireSchemaFor), so that it asks for the end date before sending the form.
 */
export interface HireCodeChecks {
  contractType?: (code: string) => string | null;
  ccnl?: (code: string) => string | null;
  qualification?: (code: string) => string | null;
  isFixedTerm?: (code: string) => boolean;
  citizenship?: (code: string) => string | null;
  educationLevel?: (code: string) => string | null;
  ateco2007?: (code: string) => string | null;
  /** The CNEL archive code of the CCNL (ccnl_cnel.csv). */
  ccnlCnel?: (code: string) => string | null;
}

const optional = <T extends z.ZodType<string | null, string | null>>(inner: T) =>
  z
    .string()
    .optional()
    .transform((v) => (v?.trim() ? v.trim() : null))
    .pipe(inner);
const optionalMatching = (re: RegExp, message: string) => optional(z.string().regex(re, message).nullable());

/**
 * The UNILAV fields Rosa does not know from the person's record or the employer's registration (all optional: what is
 * left empty is shown «da completare» on the hire and the UNILAV export waits for it).
 */
export const UNILAV_FIELDS = {
  /** «E015 — CCNL …» or the code: the CNEL archive code of the CCNL, beside the CO code (not a UNILAV element). */
  ccnlCnel: optional(
    z
      .string()
      .transform((v) => v.split(" — ")[0]!.trim().toUpperCase())
      .pipe(z.string().regex(/^[A-Z0-9]{4}$/, "Codice CNEL non valido: 4 lettere o cifre (es. E015); sceglilo dall'elenco"))
      .nullable(),
  ),
  workerCitizenship: optionalMatching(/^\d{3}$/, "Cittadinanza: scegli dall'elenco"),
  workerAddress: optional(
    z.string().min(2, "Indirizzo del domicilio troppo corto").max(100, "Indirizzo: al massimo 100 caratteri").nullable(),
  ),
  workerCap: optionalMatching(/^\d{5}$/, "CAP del domicilio: 5 cifre"),
  workerEducationLevel: optionalMatching(/^\d{2}$/, "Titolo di studio: scegli dall'elenco"),
  employerAteco2007: optionalMatching(/^\d{2}\.\d{2}\.\d{2}$/, "ATECO 2007: 6 cifre nel formato 00.00.00 (es. 10.71.10)"),
  employerLegalCap: optionalMatching(/^\d{5}$/, "CAP della sede legale: 5 cifre"),
  workAddress: optional(
    z.string().min(2, "Indirizzo della sede di lavoro troppo corto").max(100, "Indirizzo: al massimo 100 caratteri").nullable(),
  ),
  workCap: optionalMatching(/^\d{5}$/, "CAP della sede di lavoro: 5 cifre"),
  patInail: optionalMatching(/^\d{8,10}$/, "PAT INAIL: da 8 a 10 cifre, senza barre né spazi"),
  pensionBodyCode: optionalMatching(/^\d{2}$/, "Ente previdenziale: codice CO di 2 cifre"),
  trainingEndDate: optional(calendarDay("Fine del periodo formativo non valida (gg/mm/aaaa)").nullable()),
  l68NullaOstaOn: optional(calendarDay("Data del nulla osta non valida (gg/mm/aaaa)").nullable()),
  l68ActNumber: optional(z.string().max(10, "Numero dell'atto: al massimo 10 caratteri").nullable()),
};

/** Checks of the UNILAV fields against the national tables (server side: the lists are files). */
function checkUnilavFields(v: Record<string, unknown>, ctx: z.RefinementCtx, codes?: HireCodeChecks) {
  const run = (field: string, check?: (c: string) => string | null) => {
    const value = v[field];
    if (typeof value !== "string" || !check) return;
    const message = check(value);
    if (message) ctx.addIssue({ code: "custom", path: [field], message });
  };
  run("workerCitizenship", codes?.citizenship);
  run("workerEducationLevel", codes?.educationLevel);
  run("employerAteco2007", codes?.ateco2007);
  run("ccnlCnel", codes?.ccnlCnel);
}

/** «1.500,00» or «1500.5» → number; anything else NaN. */
export function parseEuro(text: string): number {
  const t = text.replace(/[€\s]/g, "");
  if (!/^\d{1,3}(\.\d{3})*(,\d{1,2})?$|^\d+([.,]\d{1,2})?$/.test(t)) return Number.NaN;
  return Number(/,/.test(t) || /^\d{1,3}(\.\d{3})+$/.test(t) ? t.replace(/\./g, "").replace(",", ".") : t);
}

/** A CNEL contract beside «ND» (no contract applied) contradicts it. */
export const ND_WITH_CNEL = "Hai indicato che non si applica alcun contratto (ND): togli il codice CNEL o scegli il CCNL applicato";

const CO_CODE = /^[A-Z]\.\d{2}\.\d{2}$/;

const lookupCode = (message: string) =>
  z
    .string({ error: message })
    .transform((v) => v.split(" — ")[0]!.trim().toUpperCase())
    .pipe(z.string().min(1, message).max(20, message));

/**
 * The hire with the UNILAV fields (docs/decisions/0019-hire-with-unilav-fields.md). The employer records it; an officer may record it on
 * the employer's behalf (an employer who phones the CPI), saying through which channel.
 */
export function makeHireSchema(codes?: HireCodeChecks) {
  const code = (message: string, check?: (c: string) => string | null) =>
    check
      ? lookupCode(message).superRefine((c, ctx) => {
          const m = check(c);
          if (m) ctx.addIssue({ code: "custom", message: m });
        })
      : lookupCode(message);
  return z
    .object({
      intent: z.literal("hire"),
      rowId: uuid("Candidato"),
      version,
      // Only CO tipologie (docs/legal/national-systems.md#assunzioni-ed-esiti): a hire is the employer's own CO.
      contractType: lookupCode("Scegli il tipo di contratto").superRefine((c, ctx) => {
        const m = !CO_CODE.test(c) ? "Tipologia contrattuale: scegli un codice CO dall'elenco (es. A.01.00)" : codes?.contractType?.(c);
        if (m) ctx.addIssue({ code: "custom", message: m });
      }),
      startDate: isoDay("la data di inizio"),
      endDate: z
        .string()
        .optional()
        .transform((v) => (v?.trim() ? v.trim() : null))
        .pipe(calendarDay("Data di fine non valida (gg/mm/aaaa)").nullable()),
      workingTime: z.enum(keys(WORKING_TIME_LABELS), { error: "Scegli il tipo di orario" }),
      weeklyHours: z
        .string()
        .optional()
        .transform((v) => (v?.trim() ? Number(v.trim().replace(",", ".")) : null))
        .pipe(
          z
            .number({ error: "Ore settimanali non valide" })
            .min(1, "Ore settimanali: almeno 1")
            .max(48, "Ore settimanali: al massimo 48")
            .nullable(),
        ),
      ccnl: code("Indica il CCNL applicato (ND se nessuno)", codes?.ccnl),
      contractLevel: z
        .string({ error: "Indica il livello di inquadramento" })
        .trim()
        .min(1, "Indica il livello di inquadramento")
        .max(30, "Livello: al massimo 30 caratteri"),
      qualification: code("Indica la qualifica professionale (CP2011)", codes?.qualification),
      grossPay: z
        .string()
        .optional()
        .transform((v) => (v?.trim() ? parseEuro(v) : null))
        .pipe(
          z
            .number({ error: "Retribuzione non valida (es. 24.000,00)" })
            .positive("La retribuzione deve essere maggiore di zero")
            .max(9_999_999, "Retribuzione troppo alta")
            .nullable(),
        ),
      workComune: z
        .string({ error: "Indica il comune della sede di lavoro" })
        .trim()
        .min(2, "Indica il comune della sede di lavoro")
        .max(80, "Comune non valido"),
      l68Reserved: z.literal("on").optional(),
      requestChannel: z
        .enum(["", ...keys(HIRE_CHANNEL_LABELS)], { error: "Canale non valido" })
        .optional()
        .default(""),
      ...UNILAV_FIELDS,
    })
    .superRefine((v, ctx) => {
      checkUnilavFields(v, ctx, codes);
      if (v.ccnl === "ND" && v.ccnlCnel) ctx.addIssue({ code: "custom", path: ["ccnlCnel"], message: ND_WITH_CNEL });
      if (v.trainingEndDate && v.trainingEndDate < v.startDate)
        ctx.addIssue({ code: "custom", path: ["trainingEndDate"], message: "La fine del periodo formativo non può precedere l'inizio" });
      if (v.endDate && v.endDate < v.startDate)
        ctx.addIssue({ code: "custom", path: ["endDate"], message: "La data di fine non può precedere l'inizio" });
      if (codes?.isFixedTerm?.(v.contractType) && !v.endDate)
        ctx.addIssue({ code: "custom", path: ["endDate"], message: "Per questo contratto a termine indica la data di fine" });
      if (v.workingTime !== "F") {
        if (v.weeklyHours === null)
          ctx.addIssue({ code: "custom", path: ["weeklyHours"], message: "Per il tempo parziale indica le ore settimanali (da 1 a 39)" });
        else if (v.weeklyHours > 39)
          ctx.addIssue({ code: "custom", path: ["weeklyHours"], message: "Tempo parziale: al massimo 39 ore settimanali" });
      }
    });
}

/** Shape only; the actions use the server schema with the code-list checks. */
export const HireSchema = makeHireSchema();

const forPages = new Map<string, ReturnType<typeof makeHireSchema>>();

/**
 * The hire form's schema in the browser: the shape, and the end date a fixed-term contract type needs
 * (the codes come from the loader, `hireFormOptions().fixedTermCodes`). One schema per list of codes,
 * so that conform's constraints are computed once.
 */
export function hireSchemaFor(fixedTermCodes: readonly string[]) {
  const key = fixedTermCodes.join(",");
  let schema = forPages.get(key);
  if (!schema) {
    const fixedTerm = new Set(fixedTermCodes);
    forPages.set(key, (schema = makeHireSchema({ isFixedTerm: (code) => fixedTerm.has(code) })));
  }
  return schema;
}

/** Completing the UNILAV fields of a recorded hire (the hire page). */
export function makeHireUnilavSchema(codes?: HireCodeChecks) {
  return z
    .object({ intent: z.literal("unilav"), hireId: uuid("Assunzione"), version, ...UNILAV_FIELDS })
    .superRefine((v, ctx) => checkUnilavFields(v, ctx, codes));
}
export const HireUnilavSchema = makeHireUnilavSchema();

/** The CO actually filed for a hire (the officer reconciles it). */
export const FiledCoSchema = z
  .object({
    intent: z.literal("co"),
    hireId: uuid("Assunzione"),
    version,
    coCode: z
      .string({ error: "Indica il codice della comunicazione (16 cifre)" })
      .trim()
      .regex(/^\d{16}$/, "Codice della comunicazione: 16 cifre"),
    filedOn: isoDay("la data di invio"),
    startDate: isoDay("la data di inizio della CO"),
    endDate: z
      .string()
      .optional()
      .transform((v) => (v?.trim() ? v.trim() : null))
      .pipe(calendarDay("Data di fine non valida (gg/mm/aaaa)").nullable()),
    contractType: z
      .string({ error: "Indica la tipologia contrattuale della CO" })
      .trim()
      .toUpperCase()
      .regex(/^[A-Z](\.\d{2}){2}$/, "Tipologia contrattuale: codice CO (es. A.02.00)"),
  })
  .superRefine((v, ctx) => {
    if (v.endDate && v.endDate < v.startDate)
      ctx.addIssue({ code: "custom", path: ["endDate"], message: "La data di fine non può precedere l'inizio" });
  });
