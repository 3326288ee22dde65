/** Form schemas of targeted placement (client-safe: no server imports). */
import { z } from "zod";
import { personTaxCodeField } from "~/domain/candidates";
import { occupationField } from "~/domain/vacancies";
import { calendarDay } from "~/utils/date-fields";
import { CAPACITY_KEYS, DISABILITY_CATEGORIES, type Capacity } from "./capacities";

const keys = <T extends Record<string, unknown>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on" || v === "true");

const yesNo = (label: string) => z.enum(["si", "no"], { error: `Indica se ${label}` }).transform((v) => v === "si");

/** `cap.<key>=on` checkboxes → the list of capacities, in the list's order; unknown keys refused. */
const capacitiesField = z
  .record(z.string(), z.string())
  .optional()
  .transform((r, ctx) => {
    const chosen = Object.entries(r ?? {})
      .filter(([, v]) => v === "on" || v === "true")
      .map(([k]) => k);
    const unknown = chosen.filter((k) => !(CAPACITY_KEYS as string[]).includes(k));
    if (unknown.length) ctx.addIssue({ code: "custom", message: "Capacità non prevista dall'elenco" });
    return CAPACITY_KEYS.filter((k) => chosen.includes(k)) as Capacity[];
  });

const isoDay = calendarDay("Data non valida: usa il formato gg/mm/aaaa dal calendario");

const text = (label: string, max: number) =>
  z
    .string({ error: `Indica ${label}` })
    .trim()
    .min(1, `Indica ${label}`)
    .max(max, `Al massimo ${max} caratteri`);

export const PostFormSchema = z.object({
  task: text("la mansione", 200),
  occupation: occupationField,
  posts: z
    .string({ error: "Indica il numero di posti" })
    .trim()
    .regex(/^\d{1,3}$/, "Numero di posti non valido: da 1 a 999")
    .transform(Number)
    .pipe(z.number().int().min(1, "Numero di posti non valido: da 1 a 999")),
  cap: capacitiesField,
  architecturalBarriers: yesNo("ci sono barriere architettoniche"),
  nightShifts: yesNo("sono previsti turni notturni"),
  comune: text("il comune della sede di lavoro", 100),
  publicTransport: yesNo("la sede è raggiungibile con i mezzi pubblici"),
});
export type PostForm = z.output<typeof PostFormSchema>;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Al massimo ${max} caratteri`)
    .optional()
    .transform((v) => (v ? v : null));

export const EnrolmentFormSchema = z.object({
  taxCode: personTaxCodeField,
  firstName: optionalText(100),
  lastName: optionalText(100),
  birthDate: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .pipe(isoDay.nullable()),
  phone: optionalText(40),
  email: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .pipe(z.email("Indirizzo email non valido").nullable()),
  comune: optionalText(100),
  enrolledOn: isoDay,
  familyDependants: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || "0")
    .pipe(
      z
        .string()
        .regex(/^\d{1,2}$/, "Persone a carico: indica un numero da 0 a 20")
        .transform(Number)
        .pipe(z.number().max(20, "Persone a carico: indica un numero da 0 a 20")),
    ),
  isee: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v.replace(/\./g, "").replace(",", ".") : ""))
    .pipe(
      z.union([
        z.literal("").transform(() => null),
        z
          .string()
          .regex(/^\d{1,7}(\.\d{1,2})?$/, "ISEE non valido: scrivi l'importo in euro, ad esempio 8.500,00")
          .transform((v) => {
            const [int, frac = ""] = v.split(".");
            return Number(int) * 100 + Number(frac.padEnd(2, "0"));
          }),
      ]),
    ),
  disabilityCategory: z.enum(keys(DISABILITY_CATEGORIES), { error: "Scegli la categoria di disabilità" }),
  disabilityPercent: z
    .string({ error: "Indica la percentuale di invalidità" })
    .trim()
    .transform((v) => v.replace(",", "."))
    .pipe(
      z
        .string()
        .regex(/^\d{1,3}(\.\d{1,2})?$/, "Percentuale non valida: da 0 a 100")
        .refine((v) => Number(v) <= 100, "Percentuale non valida: da 0 a 100"),
    ),
  functionalDiagnosis: text("la diagnosi funzionale", 4000),
  cap: capacitiesField,
  nightShiftsOk: checkbox,
  needsBarrierFree: checkbox,
  needsPublicTransport: checkbox,
});
export type EnrolmentForm = z.output<typeof EnrolmentFormSchema>;

/** Correcting the health data after the enrolment (a new assessment): the same fields, with the version read. */
export const HealthFormSchema = EnrolmentFormSchema.pick({
  disabilityCategory: true,
  disabilityPercent: true,
  functionalDiagnosis: true,
  cap: true,
  nightShiftsOk: true,
  needsBarrierFree: true,
  needsPublicTransport: true,
}).extend({ version: z.coerce.number({ error: "Versione non valida" }).int() });
export type HealthForm = z.output<typeof HealthFormSchema>;

export const CONTRACTS = { indeterminato: "Tempo indeterminato", determinato: "Tempo determinato" } as const;

export const OutcomeFormSchema = z.discriminatedUnion(
  "outcome",
  [
    z.object({
      outcome: z.literal("hired"),
      version: z.coerce.number().int(),
      hiredOn: isoDay,
      contract: z.enum(keys(CONTRACTS), { error: "Scegli il contratto" }),
      months: z
        .string()
        .trim()
        .optional()
        .transform((v) => (v ? Number(v.replace(",", ".")) : null))
        .pipe(z.number({ error: "Durata non valida" }).min(1, "Durata non valida: almeno 1 mese").max(120, "Durata non valida").nullable()),
      note: optionalText(500),
    }),
    z.object({
      outcome: z.enum(["refused_by_worker", "not_suitable", "refused_by_employer"]),
      version: z.coerce.number().int(),
      note: text("il motivo", 500),
    }),
  ],
  { error: "Scegli l'esito" },
);
export type OutcomeForm = z.output<typeof OutcomeFormSchema>;
