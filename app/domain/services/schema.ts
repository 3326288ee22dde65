import { z } from "zod";
import { occupationField } from "~/domain/vacancies";
import { SCREENING_QUESTIONS } from "./screening";
import { ISO_DAY, NONEXISTENT_DAY, calendarDay, isCalendarDay, isDayInRange } from "~/utils/date-fields";
import { INFO_CATEGORY_LABELS } from "./labels";

const isoDay = calendarDay("Data non valida: usa il calendario (gg/mm/aaaa)");
const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on");

export const ScreeningSchema = z
  .object({
    ...Object.fromEntries(SCREENING_QUESTIONS.map((q) => [q.id, checkbox])),
    note: z.string().trim().max(1000, "Al massimo 1000 caratteri").optional().default(""),
  } as { [K in (typeof SCREENING_QUESTIONS)[number]["id"]]: typeof checkbox } & { note: z.ZodDefault<z.ZodOptional<z.ZodString>> })
  .refine((v) => SCREENING_QUESTIONS.some((q) => v[q.id]), { path: ["_form"], message: "Scegli almeno un servizio che ti interessa" });

export { INFO_CATEGORY_LABELS };

export const ArticleSchema = z.object({
  slug: z
    .string({ error: "Indica l'indirizzo della pagina" })
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Solo lettere minuscole, cifre e trattini, es. «incentivi-assunzioni»")
    .max(80, "Al massimo 80 caratteri"),
  category: z.enum(Object.keys(INFO_CATEGORY_LABELS) as [keyof typeof INFO_CATEGORY_LABELS], { error: "Scegli la sezione" }),
  title: z.string({ error: "Indica il titolo" }).trim().min(3, "Indica il titolo").max(150, "Al massimo 150 caratteri"),
  summary: z
    .string({ error: "Indica il sommario" })
    .trim()
    .min(10, "Scrivi un sommario di almeno 10 caratteri")
    .max(300, "Al massimo 300 caratteri"),
  body: z
    .string({ error: "Scrivi il testo" })
    .trim()
    .min(30, "Scrivi un testo di almeno 30 caratteri")
    .max(20_000, "Al massimo 20.000 caratteri"),
  serviceCodes: z
    .string()
    .optional()
    .default("")
    .transform((v) =>
      v
        .split(/[\s,]+/)
        .filter(Boolean)
        .map((c) => c.toUpperCase()),
    ),
  sortOrder: z.coerce.number({ error: "Indica un numero" }).int("Indica un numero intero").min(0).max(10_000).default(100),
  published: checkbox,
  version: z.coerce.number().int().min(1).optional(),
});
export type ArticleInput = z.infer<typeof ArticleSchema>;

/** The address of a published information page (`/informazioni/:slug`). */
export const ArticleSlugSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  .max(80);

export const ArticleSearchSchema = z.object({ q: z.string().trim().max(100, "Al massimo 100 caratteri").optional().default("") });

export const RequestMoveSchema = z.object({
  requestId: z.uuid({ error: "Richiesta non valida" }),
  move: z.enum(["take", "done", "cancel"], { error: "Operazione non valida" }),
  version: z.coerce.number({ error: "Versione mancante" }).int().min(1),
});

export const MODALITY_LABELS = { office: "Presso il Centro per l'Impiego", company: "In azienda", remote: "A distanza" } as const;

/**
 * The officer's actual time and modality for a service Rosa records by itself (4B with a needs consultation, 4C
 * when a rosa is presented): the form is prefilled from the standard and the officer corrects it.
 */
export const SpentTimeFields = {
  minutes: z.coerce
    .number({ error: "Indica la durata in minuti" })
    .int("Indica un numero intero di minuti")
    .min(1, "La durata è almeno 1 minuto")
    .max(6000, "Al massimo 6000 minuti (100 ore)"),
  modality: z.enum(Object.keys(MODALITY_LABELS) as [keyof typeof MODALITY_LABELS], { error: "Scegli la modalità" }),
  justification: z
    .string()
    .optional()
    .transform((v) => (v?.trim() ? v.trim() : null))
    .pipe(z.string().max(1000, "Al massimo 1000 caratteri").nullable()),
};

/** The officer corrects the time of a row Rosa recorded by itself (4B, 4C, 4D). */
export const DeliveryTimeSchema = z.object({
  ...SpentTimeFields,
  version: z.coerce.number({ error: "Versione mancante" }).int().min(1),
});
export type DeliveryTimeInput = z.infer<typeof DeliveryTimeSchema>;

export const DeliverySchema = z.object({
  employerId: z.uuid({ error: "Scegli l'azienda" }),
  standardCode: z.string({ error: "Scegli il servizio" }).trim().min(1, "Scegli il servizio").max(20),
  deliveredOn: z.string({ error: "Indica la data" }).trim().pipe(isoDay),
  minutes: z.coerce
    .number({ error: "Indica la durata in minuti" })
    .int("Indica un numero intero di minuti")
    .min(1, "La durata è almeno 1 minuto")
    .max(6000, "Al massimo 6000 minuti (100 ore)"),
  modality: z.enum(Object.keys(MODALITY_LABELS) as [keyof typeof MODALITY_LABELS], { error: "Scegli la modalità" }),
  output: z
    .string({ error: "Descrivi il risultato" })
    .trim()
    .min(5, "Descrivi il risultato del servizio")
    .max(2000, "Al massimo 2000 caratteri"),
  justification: z
    .string()
    .optional()
    .transform((v) => (v?.trim() ? v.trim() : null))
    .pipe(z.string().max(1000, "Al massimo 1000 caratteri").nullable()),
  serviceRequestId: z
    .string()
    .optional()
    .transform((v) => (v?.trim() ? v.trim() : null))
    .pipe(z.uuid({ error: "Richiesta non valida" }).nullable()),
});
export type DeliveryInput = z.infer<typeof DeliverySchema>;

export const DeliveryFilterSchema = z
  .object({
    dal: z
      .union([z.literal(""), isoDay])
      .optional()
      .default(""),
    al: z
      .union([z.literal(""), isoDay])
      .optional()
      .default(""),
    servizio: z.string().trim().max(20).optional().default(""),
    operatore: z
      .union([z.literal(""), z.uuid({ error: "Operatore non valido" })])
      .optional()
      .default(""),
    azienda: z
      .union([z.literal(""), z.uuid({ error: "Azienda non valida" })])
      .optional()
      .default(""),
  })
  .refine((v) => !v.dal || !v.al || v.dal <= v.al, { path: ["al"], message: "La data finale non può precedere quella iniziale" });
export type DeliveryFilter = z.infer<typeof DeliveryFilterSchema>;

const FigureRowSchema = z
  .object({
    occupation: z.string().optional().default(""),
    quantity: z.string().optional().default(""),
    neededBy: z.string().optional().default(""),
    notes: z.string().trim().max(500, "Al massimo 500 caratteri").optional().default(""),
  })
  .optional();

export const NeedsSchema = z.object({
  employerId: z.uuid({ error: "Scegli l'azienda" }),
  ...SpentTimeFields,
  assessedOn: z.string({ error: "Indica la data del colloquio" }).trim().pipe(isoDay),
  skillGaps: z.string().trim().max(3000, "Al massimo 3000 caratteri").optional().default(""),
  trainingNeeds: z.string().trim().max(3000, "Al massimo 3000 caratteri").optional().default(""),
  actionsAgreed: z.string().trim().max(3000, "Al massimo 3000 caratteri").optional().default(""),
  figures: z
    .array(FigureRowSchema)
    .max(20, "Al massimo 20 figure")
    .optional()
    .default([])
    .transform((rows, ctx) => {
      const out: { occupation: string; quantity: number; neededBy: string | null; notes: string }[] = [];
      rows.forEach((r, i) => {
        if (!r || (!r.occupation.trim() && !r.quantity.trim())) return;
        const occ = occupationField.safeParse(r.occupation);
        if (!occ.success) ctx.addIssue({ code: "custom", path: [i, "occupation"], message: occ.error.issues[0].message });
        const q = /^\d{1,2}$/.test(r.quantity.trim()) ? Number(r.quantity) : NaN;
        if (!(q >= 1 && q <= 99)) ctx.addIssue({ code: "custom", path: [i, "quantity"], message: "Indica quante persone (da 1 a 99)" });
        const by = r.neededBy.trim();
        if (by && !(isCalendarDay(by) && isDayInRange(by)))
          ctx.addIssue({ code: "custom", path: [i, "neededBy"], message: ISO_DAY.test(by) ? NONEXISTENT_DAY : "Data non valida" });
        out.push({ occupation: occ.success ? occ.data : "", quantity: q, neededBy: by || null, notes: r.notes });
      });
      return out;
    }),
});
export type NeedsInput = z.infer<typeof NeedsSchema>;
