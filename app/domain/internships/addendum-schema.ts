/**
 * The addendum forms (docs/decisions/tirocini.md#addendum): an extension (months and reason) or a change of the PFI
 * signed by the three parties (only the items typed are changed). Client-safe: the browser validates with them too.
 */
import { z } from "zod";

const version = z.coerce.number({ error: "Versione mancante: ricarica la pagina" }).int().min(0);
const reason = z
  .string({ error: "Scrivi il motivo dell'integrazione" })
  .trim()
  .min(5, "Scrivi il motivo dell'integrazione (almeno 5 caratteri)")
  .max(2000, "Al massimo 2000 caratteri");
const optionalText = (max: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v?.trim() ? v.trim() : null))
    .pipe(z.string().max(max, `Al massimo ${max} caratteri`).nullable());
const optionalDecimal = (what: string, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      const t = v?.trim() ?? "";
      if (!t) return null;
      const n = Number(t.replace(",", "."));
      if (!/^\d+([.,]\d{1,2})?$/.test(t) || n < min || n > max) {
        ctx.addIssue({ code: "custom", message: `${what}: scrivi un numero da ${min} a ${max}, es. 30 o 37,5` });
        return z.NEVER;
      }
      return n;
    });

export const AddendumExtensionSchema = z.object({
  months: z.coerce
    .number({ error: "Indica i mesi di proroga" })
    .int("Indica un numero intero di mesi")
    .min(1, "Almeno 1 mese")
    .max(24, "Al massimo 24 mesi"),
  reason,
  version,
});
export type AddendumExtensionInput = z.infer<typeof AddendumExtensionSchema>;

export const AddendumChangeSchema = z
  .object({
    activities: optionalText(8000),
    objectives: optionalText(8000),
    competences: optionalText(8000),
    weeklyHours: optionalDecimal("Ore settimanali", 1, 48),
    dailyHours: optionalDecimal("Ore giornaliere", 1, 12),
    monthlyIndemnity: optionalDecimal("Indennità mensile in euro", 0, 10000),
    hostTutorName: optionalText(200),
    hostTutorRole: optionalText(200),
    hostTutorEmail: z
      .string()
      .optional()
      .transform((v) => (v?.trim() ? v.trim().toLowerCase() : null))
      .pipe(z.email("Indirizzo email del tutor non valido").max(254, "Al massimo 254 caratteri").nullable()),
    reason,
    version,
  })
  .superRefine((v, ctx) => {
    const { reason: _r, version: _v, ...items } = v;
    if (Object.values(items).every((x) => x === null))
      ctx.addIssue({ code: "custom", path: ["activities"], message: "Indica almeno una voce del progetto da cambiare" });
  });
export type AddendumChangeInput = z.infer<typeof AddendumChangeSchema>;

/** What a change addendum may set, with the label the document and the page print. */
export const ADDENDUM_CHANGE_LABELS = {
  activities: "Attività",
  objectives: "Obiettivi formativi",
  competences: "Competenze da acquisire",
  weeklyHours: "Ore settimanali",
  dailyHours: "Ore giornaliere",
  monthlyIndemnity: "Indennità mensile",
  hostTutorName: "Tutor aziendale",
  hostTutorRole: "Ruolo del tutor aziendale",
  hostTutorEmail: "Email del tutor aziendale",
} as const;
export type AddendumChangeItem = keyof typeof ADDENDUM_CHANGE_LABELS;

export const ADDENDUM_STATE_LABELS = {
  awaiting_signatures: "In attesa delle firme",
  applied: "Firmata e applicata",
  withdrawn: "Ritirata",
} as const;
export type AddendumState = keyof typeof ADDENDUM_STATE_LABELS;

export const ADDENDUM_KIND_LABELS = { extension: "Proroga", change: "Modifica del progetto" } as const;
