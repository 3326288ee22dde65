import { z } from "zod";
import { API_SCOPE_LIST } from "~/domain/integrations";

/**
 * The open API's response bodies as zod schemas (docs/decisions/open-api.md): the OpenAPI document is generated from
 * them (app/web/openapi.server.ts) together with the input schemas of the domain, and the contract tests validate every
 * response against that document. A route that changes what it returns changes its schema here.
 */

export const ErrorBody = z.object({ error: z.string().meta({ description: "Il motivo, in italiano" }) }).meta({
  id: "Errore",
  description: "Errore con un messaggio in italiano (400, 401, 403, 404, 405, 429, 501).",
  example: { error: "Token mancante" },
});

export const FieldErrorsBody = z
  .object({
    errors: z.array(
      z.object({
        field: z.string().meta({ description: "Percorso del campo con i punti (`workforce.0.count`); `documento` per l'intero documento" }),
        message: z.string(),
      }),
    ),
  })
  .meta({ id: "ErroriDeiCampi", description: "Uno o più campi non validi, ciascuno con il suo messaggio in italiano." });

export const XsdProblemsBody = z
  .object({
    error: z.string(),
    problems: z.array(z.object({ line: z.number().int().nullable(), message: z.string() })),
  })
  .meta({
    id: "DocumentoNonValido",
    description: "Il documento non si può offrire: non rispetta lo schema XSD ufficiale o mancano dati (elencati).",
  });

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const ApiVacancySummary = z
  .object({
    id: z.uuid(),
    number: z.number().int().meta({ description: "Numero dell'offerta" }),
    title: z.string(),
    occupationTitle: z.string().meta({ description: "Professione (classificazione CP2021, fonte: Istat)" }),
    comuneName: z.string(),
    provinceCode: z.string(),
    contractType: z.string(),
    workingTime: z.string(),
    weeklyHours: z.number().nullable(),
    employerName: z.string().nullable().meta({ description: "null se l'offerta è anonima" }),
    closingDate: isoDay,
    positions: z.number().int(),
    l68Reserved: z.string().meta({ description: "Riserva L. 68/99: `no`, `disabili`, `art18`" }),
    url: z.url().meta({ description: "Pagina pubblica dell'offerta" }),
  })
  .meta({ id: "OffertaInElenco" });

export const ApiVacancyList = z
  .object({
    items: z.array(ApiVacancySummary),
    total: z.number().int().meta({ description: "Numero esatto di offerte che corrispondono ai filtri" }),
    page: z.number().int(),
    pageSize: z.number().int(),
    totalPages: z.number().int(),
  })
  .meta({ id: "ElencoOfferte" });

export const ApiVacancyDetail = z
  .object({
    id: z.uuid(),
    number: z.number().int(),
    title: z.string(),
    description: z.string(),
    tasks: z.string(),
    occupationCode: z.string().meta({ description: "Codice CP2021" }),
    occupationTitle: z.string(),
    comuneCode: z.string().meta({ description: "Codice ISTAT del comune" }),
    comuneName: z.string(),
    provinceCode: z.string(),
    contractType: z.string(),
    ccnl: z.string().nullable().meta({ description: "CCNL: codice della tabella delle comunicazioni obbligatorie (es. 176, ND)" }),
    ccnlCnel: z
      .string()
      .regex(/^[A-Z0-9]{4}$/)
      .nullable()
      .meta({ description: "CCNL: codice alfanumerico unico dell'archivio CNEL (es. E015), se indicato" }),
    workingTime: z.string(),
    weeklyHours: z.number().nullable(),
    shifts: z.string().nullable(),
    payMin: z.number().nullable(),
    payMax: z.number().nullable(),
    payPeriod: z.string().nullable(),
    positions: z.number().int(),
    startDate: isoDay.nullable(),
    closingDate: isoDay,
    publishedAt: z.string().nullable(),
    l68Reserved: z.string(),
    employerName: z.string().nullable(),
    requirements: z.array(z.object({ kind: z.string(), priority: z.enum(["must", "nice"]), label: z.string() })),
    url: z.url(),
  })
  .meta({ id: "Offerta" });

const money = z.string().regex(/^-?\d+\.\d{2}$/);

export const QuotaResultBody = z
  .object({
    baseComputo: z.number(),
    band: z.enum(["under15", "15-35", "36-50", "over50"]),
    quotaDisabili: z.number().int(),
    quotaArt18: z.number().int(),
    quotaDisabiliBeforeSuspension: z.number().int(),
    quotaArt18BeforeSuspension: z.number().int(),
    coveredDisabili: z.number(),
    coveredArt18: z.number(),
    uncoveredDisabili: z.number(),
    uncoveredArt18: z.number(),
    legacyArt18Offset: z.number().optional(),
    exemption: z
      .object({
        maxUnits: z.number(),
        exemptedUnits: z.number(),
        remainingUncovered: z.number(),
        dailyAmount: money,
        totalAmount: money,
        workingDays: z.number().int().optional(),
      })
      .optional(),
    selfCertification: z
      .object({
        positions: z.number(),
        countedPositions: z.number(),
        remainingUncovered: z.number(),
        dailyAmount: money,
        workingDays: z.number().int().optional(),
        totalAmount: money.optional(),
      })
      .optional(),
    compensation: z.object({ units: z.number(), applied: z.number() }).optional(),
    sanction: z
      .object({ dailyPerWorker: money, total: money, totalWithDiffida: money, workingDays: z.number().int().optional() })
      .optional(),
    unverified: z.array(z.string()).optional(),
    explanation: z.array(z.string()).meta({ description: "Una frase in italiano per ogni passaggio, con l'articolo applicato" }),
  })
  .meta({ id: "QuotaL68" });

export const InternshipCheckBody = z
  .object({
    maxSimultaneousTrainees: z.number().int(),
    allowed: z.boolean(),
    violations: z.array(z.string()),
    minMonthlyIndemnity: money,
    maxDurationMonths: z.number(),
    warnings: z.array(z.string()).optional(),
    messages: z
      .array(z.object({ code: z.string(), kind: z.enum(["violation", "warning"]), message: z.string(), rule: z.string() }))
      .optional()
      .meta({ description: "Solo con `?spiega=1`" }),
  })
  .meta({ id: "VerificaTirocinio" });

export const InternshipRejectionBody = z
  .object({ rejected: z.literal(true), error: z.enum(["INVALID_INPUT", "UNKNOWN_REGION"]) })
  .meta({ id: "TirocinioRespinto" });

export const ScopeEnum = z.enum(API_SCOPE_LIST as [string, ...string[]]);
