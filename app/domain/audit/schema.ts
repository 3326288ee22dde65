import { z } from "zod";
import { calendarDay } from "~/utils/date-fields";

const optionalText = z
  .string()
  .trim()
  .max(100, "Al massimo 100 caratteri")
  .optional()
  .transform((v) => v || undefined);

const optionalDate = z
  .string()
  .optional()
  .transform((v) => v || undefined)
  .pipe(calendarDay("Data non valida (usa il formato gg/mm/aaaa)").optional());

export const AuditFilterSchema = z
  .object({
    actor: optionalText,
    action: optionalText,
    entityType: optionalText,
    entityId: optionalText,
    entity: optionalText,
    from: optionalDate,
    to: optionalDate,
    page: z.coerce.number({ error: "Pagina non valida" }).int().min(1, "Pagina non valida").max(100_000).default(1),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ["to"], message: "La data finale precede quella iniziale" });

export type AuditFilter = z.infer<typeof AuditFilterSchema>;
