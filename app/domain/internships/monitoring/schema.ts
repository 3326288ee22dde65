/**
 * The forms of the during-and-after pages (one schema per form, told apart by `intent`): validated in the browser and
 * again in the action. Client-safe.
 */
import { z } from "zod";
import { calendarDay } from "~/utils/date-fields";
import {
  DOSSIER_KIND_LABELS,
  INTERRUPTED_BY_LABELS,
  INTERRUPTION_REASON_LABELS,
  INTERNSHIP_MODALITY_LABELS,
  REQUESTED_BY_LABELS,
} from "./labels";
import { SUSPENSION_REASONS } from "./suspensions";

const day = (what: string) => calendarDay(`Indica ${what} (gg/mm/aaaa)`);
const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const version = z.preprocess(blank, z.coerce.number().int().min(1).optional());

/** "12,5" or "12.5" hours, up to two decimals. */
const hours = (message: string, max: number) =>
  z
    .string({ error: message })
    .trim()
    .transform((v) => v.replace(",", "."))
    .pipe(z.string().regex(/^\d{1,3}(\.\d{1,2})?$/, message))
    .transform(Number)
    .refine((n) => n <= max, `Al massimo ${max} ore`);

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Al massimo ${max} caratteri`)
    .optional()
    .transform((v) => v ?? "");

export const AttendanceSchema = z.object({
  intent: z.literal("attendance"),
  month: z.string({ error: "Indica il mese" }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Indica il mese (aaaa-mm)"),
  plannedHours: z.preprocess(blank, hours("Ore previste non valide: es. 160 o 152,5", 744).optional()),
  attendedHours: hours("Indica le ore di presenza: es. 128 o 127,5", 744),
  absencesNote: optionalText(1000),
  indemnityPaid: z.preprocess(
    blank,
    z
      .string()
      .trim()
      .transform((v) => v.replace(/\./g, "").replace(",", "."))
      .pipe(z.string().regex(/^\d{1,5}(\.\d{1,2})?$/, "Importo non valido: es. 500 o 487,50"))
      .transform((v) => Math.round(Number(v) * 100))
      .optional(),
  ),
  version,
});

export const SuspendSchema = z.object({
  intent: z.literal("suspend"),
  reason: z.enum(SUSPENSION_REASONS, { error: "Scegli il motivo della sospensione" }),
  requestedBy: z.enum(Object.keys(REQUESTED_BY_LABELS) as ["host", "trainee"], { error: "Indica chi chiede la sospensione" }),
  startDate: day("il primo giorno di sospensione"),
  expectedEndDate: day("l'ultimo giorno previsto di sospensione"),
  note: optionalText(2000),
  version,
});

export const ResumeSchema = z.object({ intent: z.literal("resume"), resumedOn: day("il giorno del rientro"), version });

export const ExtendSchema = z.object({
  intent: z.literal("extend"),
  months: z.coerce
    .number({ error: "Indica i mesi di proroga" })
    .int("Indica un numero intero di mesi")
    .min(1, "Almeno 1 mese")
    .max(24, "Al massimo 24 mesi"),
  reason: z
    .string({ error: "Scrivi il motivo della proroga" })
    .trim()
    .min(5, "Scrivi il motivo della proroga (almeno 5 caratteri)")
    .max(2000),
  version,
});

export const InterruptSchema = z.object({
  intent: z.literal("interrupt"),
  by: z.enum(Object.keys(INTERRUPTED_BY_LABELS) as ["trainee", "host", "promoter"], { error: "Indica chi interrompe il tirocinio" }),
  reason: z.enum(Object.keys(INTERRUPTION_REASON_LABELS) as [keyof typeof INTERRUPTION_REASON_LABELS], { error: "Scegli il motivo" }),
  note: z.string({ error: "Scrivi la motivazione" }).trim().min(5, "Scrivi la motivazione (almeno 5 caratteri)").max(2000),
  lastDay: day("l'ultimo giorno di tirocinio"),
  version,
});

export const DossierSchema = z.object({
  intent: z.literal("dossier"),
  kind: z.enum(Object.keys(DOSSIER_KIND_LABELS) as [keyof typeof DOSSIER_KIND_LABELS], { error: "Scegli il tipo di voce" }),
  occurredOn: day("la data"),
  title: z
    .string({ error: "Scrivi il titolo" })
    .trim()
    .min(3, "Scrivi il titolo (almeno 3 caratteri)")
    .max(200, "Al massimo 200 caratteri"),
  description: optionalText(4000),
  competences: optionalText(2000),
});

export const AttestSchema = z.object({
  intent: z.literal("attest"),
  competences: z.string({ error: "Scrivi le competenze acquisite" }).trim().min(3, "Scrivi le competenze acquisite").max(4000),
  hostSignerName: z
    .string({ error: "Indica chi firma per l'azienda ospitante" })
    .trim()
    .min(2, "Indica chi firma per l'azienda ospitante")
    .max(200, "Al massimo 200 caratteri"),
  version,
});

export const CompleteSchema = z.object({ intent: z.literal("complete"), version });

export const CloseSchema = z.object({ intent: z.literal("close"), note: optionalText(1500), version });

export const ServiceTimeSchema = z.object({
  intent: z.literal("time"),
  deliveredOn: day("la data"),
  minutes: z.coerce
    .number({ error: "Indica i minuti" })
    .int("Indica un numero intero di minuti")
    .min(1, "Almeno 1 minuto")
    .max(600, "Al massimo 600 minuti per volta"),
  modality: z.enum(Object.keys(INTERNSHIP_MODALITY_LABELS) as ["office", "company", "remote"], { error: "Scegli la modalità" }),
  activity: z.string({ error: "Descrivi l'attività" }).trim().min(3, "Descrivi l'attività (almeno 3 caratteri)").max(300),
  justification: optionalText(2000),
});

export const OutcomeSchema = z.object({
  intent: z.literal("outcome"),
  horizonMonths: z.enum(["6", "12"], { error: "Scegli a quanti mesi" }).transform((v) => Number(v) as 6 | 12),
  hired: z.enum(["yes", "no"], { error: "Indica se è stato assunto" }),
  hiredOn: z.preprocess(blank, day("la data di assunzione").optional()),
  byHost: z
    .string()
    .optional()
    .transform((v) => v === "on"),
  note: optionalText(1000),
});

export const UnilavFiledSchema = z.object({
  intent: z.literal("unilav"),
  changeId: z.uuid({ error: "Comunicazione non valida" }),
  protocol: z.string({ error: "Indica il protocollo" }).trim().min(4, "Indica il protocollo").max(50),
  filedOn: day("la data di invio"),
});

const optionalDay = z.preprocess(blank, day("una data valida").optional());

/** The figures page's filter: grouping and the period of the start dates. */
export const InternshipFiguresFilterSchema = z
  .object({
    per: z.enum(["provincia", "professione"], { error: "Raggruppamento non valido" }).optional().default("provincia"),
    dal: optionalDay,
    al: optionalDay,
  })
  .refine((v) => !v.dal || !v.al || v.dal <= v.al, { path: ["al"], message: "La data finale non può precedere quella iniziale" });
