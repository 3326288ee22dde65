/**
 * The internship request form (employer, or officer on the employer's behalf): the profile, the unit, hours, indemnity,
 * the unit's head-counts the rules checker needs and the host tutor. Client-safe (zod only): the browser validates with
 * it before sending. Whether the request is allowed is the checker's answer, shown after saving, not a form error.
 */
import { z } from "zod";
import { calendarDay } from "~/utils/date-fields";
import { normalizeTaxCode, isValidPersonCodiceFiscale } from "~/utils/tax-codes";
import { occupationField } from "~/domain/vacancies";

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

/** A decimal typed the Italian way («7,5») or not; `decimals` digits after the separator at most. */
const decimal = (label: string, opts: { min: number; max: number; decimals: number; positive?: boolean }) => {
  const message = `${label}: scrivi un numero${opts.decimals ? ` (al massimo ${opts.decimals} decimali)` : " intero"} da ${opts.positive ? "più di " : ""}${String(opts.min).replace(".", ",")} a ${String(opts.max).replace(".", ",")}`;
  const pattern = opts.decimals ? new RegExp(`^\\d+(\\.\\d{1,${opts.decimals}})?$`) : /^\d+$/;
  return z
    .string({ error: `Indica ${label.toLowerCase()}` })
    .trim()
    .min(1, `Indica ${label.toLowerCase()}`)
    .transform((v) => v.replace(",", "."))
    .pipe(
      z
        .string()
        .regex(pattern, message)
        .transform(Number)
        .pipe(z.number().refine((n) => (opts.positive ? n > opts.min : n >= opts.min) && n <= opts.max, message)),
    );
};

const count = (label: string) =>
  z
    .string()
    .optional()
    .transform((v) => (v?.trim() ? v.trim() : "0"))
    .pipe(
      z
        .string()
        .regex(/^\d{1,6}$/, `${label}: scrivi un numero intero, 0 se nessuno`)
        .transform(Number),
    );

const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on" || v === "true");

const optionalTaxCode = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? normalizeTaxCode(v) : null))
  .pipe(
    z
      .string()
      .regex(/^[A-Z0-9]{16}$/, "Il codice fiscale di una persona ha 16 caratteri")
      .refine(isValidPersonCodiceFiscale, "Codice fiscale non valido: il carattere di controllo non corrisponde")
      .nullable(),
  );

export const InternshipRequestSchema = z
  .object({
    title: text("il titolo del tirocinio", 200, 3),
    occupation: occupationField,
    comune: text("il comune della sede del tirocinio", 100),
    activities: text("le attività del tirocinante", 8000, 20),
    objectives: optionalText(8000),
    weeklyHours: decimal("Ore settimanali", { min: 0, max: 168, decimals: 2, positive: true }),
    dailyHours: decimal("Ore giornaliere", { min: 0, max: 24, decimals: 2, positive: true }),
    plannedMonths: decimal("Durata in mesi", { min: 0, max: 36, decimals: 1, positive: true }),
    startDate: z
      .string()
      .optional()
      .transform((v) => (v?.trim() ? v.trim() : null))
      .pipe(calendarDay("Data di avvio non valida: usa il formato gg/mm/aaaa dal calendario").nullable()),
    monthlyIndemnity: decimal("Indennità mensile lorda in euro", { min: 0, max: 10000, decimals: 2 }),
    mealVouchers: checkbox,
    employeesPermanent: count("Dipendenti a tempo indeterminato"),
    employeesFixedTermCounting: count("Dipendenti a tempo determinato"),
    otherActiveTrainees: count("Tirocinanti già presenti con altri promotori"),
    dismissalsLast12Months: checkbox,
    cigSameTasks: checkbox,
    hostTutorName: optionalText(200),
    hostTutorEmail: z
      .string()
      .optional()
      .transform((v) => (v?.trim() ? v.trim().toLowerCase() : null))
      .pipe(z.email("Indirizzo email del tutor non valido").max(254, "Al massimo 254 caratteri").nullable()),
    hostTutorRole: optionalText(200),
    hostTutorTrainees: count("Tirocinanti già seguiti dal tutor"),
    traineeTaxCode: optionalTaxCode,
    traineeLastName: optionalText(100),
    serviceRequestId: z
      .string()
      .optional()
      .transform((v) => (v?.trim() ? v.trim() : null))
      .pipe(z.uuid("Richiesta di servizio non valida").nullable()),
  })
  .superRefine((v, ctx) => {
    if (v.dailyHours > v.weeklyHours)
      ctx.addIssue({ code: "custom", path: ["dailyHours"], message: "Le ore giornaliere non possono superare quelle settimanali" });
    if (v.traineeTaxCode && !v.traineeLastName)
      ctx.addIssue({ code: "custom", path: ["traineeLastName"], message: "Indica anche il cognome della persona che vuoi ospitare" });
    if (v.traineeLastName && !v.traineeTaxCode)
      ctx.addIssue({ code: "custom", path: ["traineeTaxCode"], message: "Indica anche il codice fiscale della persona che vuoi ospitare" });
  });

export type InternshipRequestInput = z.output<typeof InternshipRequestSchema>;

/** An officer's or employer's move on the case page: the event and an optional note (required for reject). */
export const InternshipMoveSchema = z
  .object({
    intent: z.string({ error: "Operazione mancante" }),
    version: z.coerce.number({ error: "Versione mancante" }).int(),
    note: optionalText(2000),
  })
  .superRefine((v, ctx) => {
    if (v.intent === "reject" && !v.note)
      ctx.addIssue({ code: "custom", path: ["note"], message: "Indica il motivo per cui respingi la richiesta" });
  });

/** Choosing the trainee: a row of the rosa, or a person named by tax code and surname. */
export const ChooseTraineeSchema = z
  .object({
    version: z.coerce.number({ error: "Versione mancante" }).int(),
    shortlistCandidateId: z
      .string()
      .optional()
      .transform((v) => (v?.trim() ? v.trim() : null))
      .pipe(z.uuid("Scegli una persona della rosa").nullable()),
    traineeTaxCode: optionalTaxCode,
    traineeLastName: optionalText(100),
  })
  .superRefine((v, ctx) => {
    if (!v.shortlistCandidateId && !v.traineeTaxCode)
      ctx.addIssue({ code: "custom", path: ["traineeTaxCode"], message: "Scegli una persona della rosa o indica il codice fiscale" });
    if (v.traineeTaxCode && !v.traineeLastName)
      ctx.addIssue({ code: "custom", path: ["traineeLastName"], message: "Indica anche il cognome della persona" });
  });
