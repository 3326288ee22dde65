/**
 * The forms of conventions, PFI drafting, signatures, regional authorisation and the mandatory communication: one zod
 * schema each, run in the browser (conform) and in the action. Client-safe.
 */
import { z } from "zod";
import { calendarDay } from "~/utils/date-fields";
import { isValidCodiceFiscale, normalizeTaxCode } from "~/utils/tax-codes";
import { CO_FILED_BY_LABELS } from "./co-labels";
import { SIGNATURE_PARTY_LABELS } from "./convention-states";
import { INTERNSHIP_TYPES, TRAINEE_CATEGORIES } from "./unilav";

const keys = <T extends Record<string, unknown>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
const isoDay = calendarDay("Data non valida: usa il calendario (gg/mm/aaaa)");
const text = (max: number) =>
  z
    .string()
    .optional()
    .transform((v) => v?.trim() ?? "")
    .pipe(z.string().max(max, `Al massimo ${max} caratteri`));
const optionalText = (max: number) => text(max).transform((v) => v || null);
const required = (what: string, max: number) =>
  z
    .string({ error: `Indica ${what}` })
    .trim()
    .min(1, `Indica ${what}`)
    .max(max, `Al massimo ${max} caratteri`);
const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on");
const version = z.coerce.number({ error: "Versione mancante: ricarica la pagina" }).int().min(0);

/** A decimal typed with comma or point («37,5»), within bounds. */
const decimalField = (what: string, min: number, max: number, step = 0.01) =>
  z
    .string({ error: `Indica ${what}` })
    .trim()
    .min(1, `Indica ${what}`)
    .transform((v, ctx) => {
      const n = Number(v.replace(",", "."));
      if (!/^\d+([.,]\d{1,2})?$/.test(v) || !Number.isFinite(n)) {
        ctx.addIssue({ code: "custom", message: `Indica ${what} con un numero, es. 20 o 37,5` });
        return z.NEVER;
      }
      if (n < min || n > max) {
        ctx.addIssue({ code: "custom", message: `${what[0]!.toUpperCase()}${what.slice(1)}: da ${min} a ${max}`.replace(".", ",") });
        return z.NEVER;
      }
      return Math.round(n / step) * step;
    });

const optionalInt = (min: number, max: number, what: string) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      const t = v?.trim() ?? "";
      if (!t) return null;
      const n = Number(t);
      if (!/^\d+$/.test(t) || n < min || n > max) {
        ctx.addIssue({ code: "custom", message: `Indica ${what} con un numero intero da ${min} a ${max}` });
        return z.NEVER;
      }
      return n;
    });
const count = (what: string) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      const t = v?.trim() ?? "";
      if (!t) return 0;
      if (!/^\d{1,6}$/.test(t)) {
        ctx.addIssue({ code: "custom", message: `Indica ${what} con un numero intero (0 se nessuno)` });
        return z.NEVER;
      }
      return Number(t);
    });

/** Euro typed as «600» or «600,50»: cents. */
const euroCents = (what: string) =>
  z
    .string({ error: `Indica ${what}` })
    .trim()
    .min(1, `Indica ${what}`)
    .transform((v, ctx) => {
      const m = /^(\d{1,6})(?:[.,](\d{1,2}))?$/.exec(v.replace(/\s|€/g, ""));
      if (!m) {
        ctx.addIssue({ code: "custom", message: `Indica ${what} in euro, es. 600 o 600,50` });
        return z.NEVER;
      }
      return Number(m[1]) * 100 + Number((m[2] ?? "0").padEnd(2, "0"));
    });

const taxCodeField = (what: string) =>
  z
    .string({ error: `Indica ${what}` })
    .transform((v) => normalizeTaxCode(v))
    .pipe(
      z
        .string()
        .min(1, `Indica ${what}`)
        .refine((v) => isValidCodiceFiscale(v), `${what[0]!.toUpperCase()}${what.slice(1)} non valido: 11 cifre o 16 caratteri`),
    );

export const ConventionSchema = z
  .object({
    employerId: z.uuid({ error: "Scegli l'azienda ospitante" }),
    validFrom: isoDay,
    validTo: isoDay,
    promoterName: required("la denominazione del soggetto promotore", 200),
    promoterTaxCode: taxCodeField("il codice fiscale del soggetto promotore"),
    promoterKind: required("la tipologia dell'ente promotore", 100),
    promoterOffice: optionalText(200),
    hostRepresentative: required("il legale rappresentante dell'azienda", 200),
    inailPosition: optionalText(100),
    rcPolicy: optionalText(200),
    maxInternships: optionalInt(1, 1000, "il numero massimo di tirocini"),
    version,
  })
  .refine((v) => v.validTo >= v.validFrom, { message: "La fine della validità non può precedere l'inizio", path: ["validTo"] });
export type ConventionInput = z.infer<typeof ConventionSchema>;

export const RevokeSchema = z.object({
  reason: required("il motivo della revoca", 2000),
  version,
});

/** Every PFI field of the drafting form (rules §3.2) and the checker's inputs the host declares. */
export const PfiSchema = z
  .object({
    conventionId: z
      .string()
      .optional()
      .transform((v) => v || null)
      .pipe(z.uuid({ error: "Convenzione non valida" }).nullable()),
    title: required("il titolo del progetto", 200).pipe(z.string().min(3, "Il titolo: almeno 3 caratteri")),
    occupationCode: required("la professione (CP2021)", 20),
    eqfLevel: optionalInt(1, 8, "il livello EQF"),
    atecoCode: optionalText(10),
    activities: required("le attività", 8000),
    objectives: required("gli obiettivi formativi", 8000),
    competences: required("le competenze da acquisire", 8000),
    weeklyHours: decimalField("le ore settimanali", 1, 48),
    dailyHours: decimalField("le ore giornaliere", 1, 12),
    fullTimeWeeklyHours: decimalField("l'orario pieno del CCNL", 1, 48),
    plannedMonths: decimalField("la durata in mesi", 0.5, 24, 0.1),
    startDate: isoDay,
    endDate: isoDay,
    monthlyIndemnity: euroCents("l'indennità mensile"),
    mealVouchers: checkbox,
    seasonalHost: checkbox,
    employeesPermanent: count("i dipendenti a tempo indeterminato"),
    employeesFixedTermCounting: count("i dipendenti a termine"),
    otherActiveTrainees: count("i tirocinanti di altri promotori"),
    hiresFromPastTrainees: count("le assunzioni di ex tirocinanti"),
    dismissalsLast12Months: checkbox,
    cigSameTasks: checkbox,
    isPublicAdministration: checkbox,
    hostTutorName: required("il tutor aziendale", 200),
    hostTutorRole: optionalText(200),
    hostTutorEmail: z
      .string()
      .optional()
      .transform((v) => v?.trim() || null)
      .pipe(z.email({ error: "Indirizzo e-mail non valido" }).max(254).nullable()),
    hostTutorTrainees: count("i tirocinanti già seguiti dal tutor"),
    inailPosition: optionalText(100),
    rcPolicy: optionalText(200),
    traineeCategory: z
      .string()
      .optional()
      .transform((v) => v || null)
      .pipe(z.enum(TRAINEE_CATEGORIES, { error: "Scegli la categoria del tirocinante" }).nullable()),
    internshipType: z
      .string()
      .optional()
      .transform((v) => v || null)
      .pipe(z.enum(INTERNSHIP_TYPES, { error: "Scegli la tipologia del tirocinio" }).nullable()),
    version,
  })
  .refine((v) => v.endDate >= v.startDate, { message: "La fine non può precedere l'inizio", path: ["endDate"] })
  .refine((v) => v.dailyHours <= v.weeklyHours, { message: "Le ore giornaliere superano quelle settimanali", path: ["dailyHours"] });
export type PfiInput = z.infer<typeof PfiSchema>;

export const SignSchema = z.object({
  party: z.enum(keys(SIGNATURE_PARTY_LABELS), { error: "Scegli chi ha firmato" }),
  signerName: required("il nome di chi ha firmato", 200).pipe(z.string().min(2, "Il nome: almeno 2 caratteri")),
  documentHash: z.string().regex(/^[0-9a-f]{64}$/, "Impronta del documento mancante: ricarica la pagina"),
  version,
});
export type SignInput = z.infer<typeof SignSchema>;

/** A party signing its own copy (host or trainee): which document; the party is the signer's own. */
export const PartySignSchema = z.object({
  document: z.enum(["convention", "pfi"], { error: "Documento da firmare non valido: ricarica la pagina" }),
  signerName: required("il nome di chi firma", 200).pipe(z.string().min(2, "Il nome: almeno 2 caratteri")),
  documentHash: z.string().regex(/^[0-9a-f]{64}$/, "Impronta del documento mancante: ricarica la pagina"),
  version,
});

export const AuthoriseSchema = z.object({ authorisationRef: required("gli estremi dell'autorizzazione regionale", 100), version });

export const CoSchema = z.object({
  protocol: required("il numero di protocollo della comunicazione", 60).pipe(z.string().min(3, "Il protocollo: almeno 3 caratteri")),
  filedOn: isoDay,
  filedBy: z.enum(keys(CO_FILED_BY_LABELS), { error: "Indica chi ha inviato la comunicazione" }),
  filerName: optionalText(200),
  version,
});
export type CoInput = z.infer<typeof CoSchema>;
