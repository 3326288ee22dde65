/**
 * Validation of the checker's input (docs/legal/tirocini.md#contratto). Client-safe: zod only. Every problem gets an
 * Italian message naming the field; the rejection code follows the contract's order: a date that is not a real
 * calendar day → INVALID_INPUT, then a region outside the list → UNKNOWN_REGION, then any other problem → INVALID_INPUT.
 * Optional fields take the defaults below; keys the contract does not know are ignored.
 */
import { z } from "zod";
import { isCalendarDay } from "~/utils/date-fields";
import { INTERNSHIP_REGIONS, isInternshipRegion } from "./types";
import type { InputProblem, InternshipInput, RejectionError } from "./types";

const MAX_COUNT = 1_000_000;

const missingOr = (otherwise: string) => (iss: { input?: unknown }) => (iss.input === undefined ? "campo obbligatorio" : otherwise);

const count = (label: string) =>
  z
    .number({ error: missingOr(`${label} deve essere un numero intero`) })
    .int(`${label} deve essere un numero intero`)
    .min(0, `${label} non può essere negativo`)
    .max(MAX_COUNT, `${label} è troppo grande (massimo 1.000.000)`);

const positive = (label: string, max?: { value: number; message: string }) => {
  const base = z.number({ error: missingOr(`${label} deve essere un numero`) }).positive(`${label} deve essere maggiore di zero`);
  return max ? base.max(max.value, max.message) : base;
};

const flag = (label: string) => z.boolean({ error: `${label} deve essere true o false` }).default(false);

const objectOf = <T extends z.ZodRawShape>(shape: T, label: string) =>
  z.object(shape, { error: (iss) => (iss.input === undefined ? "campo obbligatorio" : `${label} deve essere un oggetto JSON`) });

export const InternshipInputSchema = objectOf(
  {
    date: z
      .string({ error: missingOr("la data deve essere un testo nel formato AAAA-MM-GG") })
      .refine(isCalendarDay, "la data di avvio deve essere un giorno esistente nel formato AAAA-MM-GG (per esempio 2026-03-01)"),
    region: z.string({ error: missingOr("la regione deve essere un testo") }),
    host: objectOf(
      {
        employeesPermanent: count("il numero di dipendenti a tempo indeterminato"),
        employeesFixedTermCounting: count("il numero di dipendenti a tempo determinato computabili").default(0),
        activeTrainees: count("il numero di tirocinanti già presenti").default(0),
        hiresFromPastTrainees: count("il numero di ex tirocinanti assunti").default(0),
        qualifyingDismissalsLast12Months: flag("l'indicazione dei licenziamenti negli ultimi 12 mesi"),
        cigSameTasksSameUnit: flag("l'indicazione della cassa integrazione per mansioni equivalenti"),
        isPublicAdministration: flag("l'indicazione di pubblica amministrazione"),
      },
      "il soggetto ospitante",
    ),
    trainee: objectOf(
      {
        disabled: flag("l'indicazione di disabilità"),
        disadvantaged: flag("l'indicazione di svantaggio"),
        priorEmploymentWithHostLast24Months: flag("l'indicazione di un rapporto di lavoro precedente con l'ospitante"),
        previousTraineeshipWithHost: flag("l'indicazione di un tirocinio precedente presso l'ospitante"),
      },
      "il tirocinante",
    ).default({ disabled: false, disadvantaged: false, priorEmploymentWithHostLast24Months: false, previousTraineeshipWithHost: false }),
    plannedMonths: positive("la durata prevista in mesi"),
    seasonalHost: flag("l'indicazione di attività stagionale"),
    weeklyHours: positive("l'orario settimanale", { value: 168, message: "l'orario settimanale non può superare 168 ore" }),
    dailyHours: positive("l'orario giornaliero", { value: 24, message: "l'orario giornaliero non può superare 24 ore" }),
    fullTimeWeeklyHours: positive("l'orario settimanale a tempo pieno", {
      value: 168,
      message: "l'orario a tempo pieno non può superare 168 ore",
    }).default(40),
    mealVouchers: flag("l'indicazione dei buoni pasto o della mensa"),
    monthlyIndemnity: z
      .number({ error: missingOr("l'indennità mensile deve essere un numero (euro lordi)") })
      .min(0, "l'indennità mensile non può essere negativa"),
    hostTutorTrainees: count("il numero di tirocinanti già seguiti dal tutor").default(0),
    eqfLevel: z
      .number({ error: "il livello EQF deve essere un numero intero da 1 a 8 oppure null" })
      .int("il livello EQF deve essere un numero intero da 1 a 8")
      .min(1, "il livello EQF va da 1 a 8")
      .max(8, "il livello EQF va da 1 a 8")
      .nullable()
      .default(null),
  },
  "il documento",
);

export type ParsedInternshipInput = { ok: true; input: InternshipInput } | { ok: false; error: RejectionError; problems: InputProblem[] };

const joinPath = (path: readonly PropertyKey[]) => path.map(String).join(".");

/** Validates untrusted input (a parsed JSON value): the typed input, or the rejection code with one problem per field. */
export function parseInternshipInput(raw: unknown): ParsedInternshipInput {
  const result = InternshipInputSchema.safeParse(raw, { error: z.locales.it().localeError });
  const problems: InputProblem[] = result.success
    ? []
    : result.error.issues.map((issue) => ({ field: joinPath(issue.path) || "documento", message: issue.message }));
  const region = raw !== null && typeof raw === "object" && !Array.isArray(raw) ? (raw as { region?: unknown }).region : undefined;
  const unknownRegion = typeof region === "string" && !isInternshipRegion(region);
  if (unknownRegion) {
    problems.push({
      field: "region",
      message: `regione sconosciuta «${region.slice(0, 60)}»: valori ammessi ${INTERNSHIP_REGIONS.join(", ")}`,
    });
  }
  if (problems.length === 0 && result.success) return { ok: true, input: result.data as InternshipInput };
  const badDate = problems.some((p) => p.field === "date" || p.field === "documento");
  const error: RejectionError = !badDate && unknownRegion ? "UNKNOWN_REGION" : "INVALID_INPUT";
  return { ok: false, error, problems };
}
