/**
 * Forms of the L. 68 records (docs/architecture.md#service-s): exemptions, 60 per mille self-certifications,
 * suspensions, conventions and referral requests. Client-safe: zod only, Italian messages.
 * Each kind has its own schema; all of them give `{ common fields, details }`, where `details`
 * is what the calculator reads back (`workforce.server.ts`, `recordsInForce`).
 */
import { z } from "zod";
import type { L68RecordKind } from "~/db/tables/l68";
import { EXEMPTION_MAX_PERCENT } from "../calculator/amounts";
import { blankToUndefined, decimal, isoDateField, province } from "../file/file-schema";

export const RECORD_KINDS = [
  "esonero",
  "autocertificazione_60",
  "sospensione",
  "convenzione_art11",
  "convenzione_art12bis",
  "richiesta_nominativa",
  "richiesta_numerica",
] as const satisfies readonly L68RecordKind[];

export const SUSPENSION_TYPE_LABELS = {
  cigs: "CIGS per crisi, riorganizzazione o ristrutturazione (anche in deroga)",
  solidarieta: "Contratto di solidarietà difensivo",
  licenziamento_collettivo: "Procedura di licenziamento collettivo (artt. 4 e 24 L. 223/1991)",
} as const;
export type SuspensionType = keyof typeof SUSPENSION_TYPE_LABELS;

export const WEEK_DAYS_LABELS = { "5": "5 giorni (lunedì–venerdì)", "6": "6 giorni (lunedì–sabato)" } as const;

/** Rows of the art. 11 hiring schedule offered by the form. */
export const SCHEDULE_ROWS = 6;

const MAX_UNITS = 10_000;

const numberField = (label: string, min: number, max: number, int: boolean) => {
  let n = z.number({ error: `Indica ${label}` }).refine(Number.isFinite, `Indica ${label}`);
  if (int) n = n.refine(Number.isInteger, `${label.charAt(0).toUpperCase()}${label.slice(1)}: serve un numero intero`);
  return z.preprocess(
    (v) => decimal(blankToUndefined(v)),
    n.refine((x) => x >= min && x <= max, `${label.charAt(0).toUpperCase()}${label.slice(1)}: da ${min} a ${max}`),
  );
};
const unitsField = (label: string) => numberField(label, 1, MAX_UNITS, true);
const text = (label: string, min: number, max: number) =>
  z
    .string({ error: `Indica ${label}` })
    .trim()
    .min(min, min <= 1 ? `Indica ${label}` : `Indica ${label} (almeno ${min} caratteri)`)
    .max(max, `Al massimo ${max} caratteri`);
const optionalDate = (label: string) => z.preprocess(blankToUndefined, isoDateField(label).optional());

const common = {
  provinceCode: province,
  startsOn: isoDateField("la data di inizio"),
  endsOn: optionalDate("la data di fine"),
  notes: z.string().trim().max(2000, "Al massimo 2.000 caratteri").default(""),
};
const weekDays = z.enum(["5", "6"], { error: "Scegli la settimana lavorativa" }).transform(Number) as z.ZodType<5 | 6>;

type Ctx = z.RefinementCtx;
const issue = (ctx: Ctx, path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });

function checkPeriod(r: { startsOn: string; endsOn?: string }, ctx: Ctx, endRequired: boolean) {
  if (endRequired && !r.endsOn) issue(ctx, "endsOn", "Indica la data di fine del periodo");
  if (r.endsOn && r.endsOn < r.startsOn) issue(ctx, "endsOn", "La data di fine non può precedere quella di inizio");
}

const split = <T extends { provinceCode: string; startsOn: string; endsOn?: string; notes: string }>(kind: L68RecordKind, r: T) => {
  const { provinceCode, startsOn, endsOn, notes, ...details } = r;
  return { kind, provinceCode, startsOn, endsOn: endsOn ?? null, notes, details };
};

const EsoneroSchema = z
  .object({
    ...common,
    percent: numberField("la percentuale di esonero", 0.01, Number(EXEMPTION_MAX_PERCENT), false),
    weekDays,
    reason: text("le condizioni dell'attività che impediscono di coprire la quota (DM 357/2000)", 10, 2000),
  })
  .superRefine((r, ctx) => checkPeriod(r, ctx, true))
  .transform((r) => split("esonero", r));

const AutocertificazioneSchema = z
  .object({
    ...common,
    workers60: unitsField("il numero di lavoratori con tasso INAIL pari o superiore al 60 per mille"),
    inailRate: numberField("il tasso di premio INAIL (per mille), pari o superiore a 60", 60, 1000, false),
    weekDays,
  })
  .superRefine((r, ctx) => checkPeriod(r, ctx, true))
  .transform((r) => split("autocertificazione_60", r));

const SospensioneSchema = z
  .object({
    ...common,
    suspensionType: z.enum(Object.keys(SUSPENSION_TYPE_LABELS) as [SuspensionType, ...SuspensionType[]], {
      error: "Scegli la causa della sospensione",
    }),
    suspendedPercent: z.preprocess(
      (v) => decimal(blankToUndefined(v)),
      z.number({ error: "La percentuale deve essere un numero" }).optional(),
    ),
  })
  .superRefine((r, ctx) => {
    if (r.suspensionType === "licenziamento_collettivo") return checkPeriod(r, ctx, false);
    // CIGS and solidarity: the programme has an end, and the share suspended is what reduces the quota.
    checkPeriod(r, ctx, true);
    const p = r.suspendedPercent;
    if (p === undefined || !Number.isFinite(p)) issue(ctx, "suspendedPercent", "Indica la percentuale di attività sospesa nella provincia");
    else if (p <= 0 || p > 100)
      issue(ctx, "suspendedPercent", "La percentuale di attività sospesa deve essere maggiore di 0 e al massimo 100");
  })
  .transform((r) => split("sospensione", r));

const scheduleFields = Object.fromEntries(
  Array.from({ length: SCHEDULE_ROWS }, (_, i) => [
    [`scheduleDate${i + 1}`, z.string().trim().default("")],
    [`scheduleUnits${i + 1}`, z.string().trim().default("")],
  ]).flat(),
) as Record<string, z.ZodDefault<z.ZodString>>;

const dateCheck = isoDateField("la data prevista");
const unitsCheck = unitsField("il numero di assunzioni previste");

const Art11Schema = z
  .object({ ...common, ...scheduleFields })
  .superRefine((r, ctx) => {
    checkPeriod(r, ctx, true);
    let rows = 0;
    for (let i = 1; i <= SCHEDULE_ROWS; i++) {
      const date = (r as Record<string, string>)[`scheduleDate${i}`];
      const units = (r as Record<string, string>)[`scheduleUnits${i}`];
      if (!date && !units) continue;
      rows++;
      const d = dateCheck.safeParse(date);
      if (!d.success) issue(ctx, `scheduleDate${i}`, d.error.issues[0].message);
      else if (d.data < r.startsOn || (r.endsOn && d.data > r.endsOn))
        issue(ctx, `scheduleDate${i}`, "La data prevista deve cadere nel periodo della convenzione");
      const u = unitsCheck.safeParse(units);
      if (!u.success) issue(ctx, `scheduleUnits${i}`, u.error.issues[0].message);
    }
    if (rows === 0) issue(ctx, "scheduleDate1", "Indica almeno una data del programma di assunzioni");
  })
  .transform((r) => {
    const row = r as Record<string, string>;
    const schedule = Array.from({ length: SCHEDULE_ROWS }, (_, i) => ({
      date: row[`scheduleDate${i + 1}`],
      units: Number(row[`scheduleUnits${i + 1}`]),
    }))
      .filter((s) => s.date)
      .sort((a, b) => a.date.localeCompare(b.date));
    return split("convenzione_art11", { provinceCode: r.provinceCode, startsOn: r.startsOn, endsOn: r.endsOn, notes: r.notes, schedule });
  });

const Art12bisSchema = z
  .object({
    ...common,
    workers: unitsField("il numero di lavoratori disabili assunti dal soggetto ospitante"),
    destinationBody: text("il soggetto ospitante (cooperativa sociale, impresa sociale, ente del Terzo settore…)", 3, 200),
  })
  .superRefine((r, ctx) => checkPeriod(r, ctx, true))
  .transform((r) => split("convenzione_art12bis", r));

const referral = {
  ...common,
  units: unitsField("il numero di lavoratori richiesti"),
  qualification: text("la qualifica o mansione", 3, 200),
};
const NominativaSchema = z
  .object({ ...referral, candidateName: text("il nome della persona iscritta che intendi assumere", 3, 120) })
  .superRefine((r, ctx) => checkPeriod(r, ctx, false))
  .transform((r) => split("richiesta_nominativa", r));
const NumericaSchema = z
  .object(referral)
  .superRefine((r, ctx) => checkPeriod(r, ctx, false))
  .transform((r) => split("richiesta_numerica", r));

export const RECORD_FORM_SCHEMAS = {
  esonero: EsoneroSchema,
  autocertificazione_60: AutocertificazioneSchema,
  sospensione: SospensioneSchema,
  convenzione_art11: Art11Schema,
  convenzione_art12bis: Art12bisSchema,
  richiesta_nominativa: NominativaSchema,
  richiesta_numerica: NumericaSchema,
} as const;

export type RecordForm = z.output<(typeof RECORD_FORM_SCHEMAS)[L68RecordKind]>;

export const RecordKindSchema = z.enum(RECORD_KINDS, { error: "Tipo di pratica non valido" });

/** The decision (office) or withdrawal (employer) on one record, with the version the user saw. */
export const RecordEventSchema = z
  .object({
    event: z.enum(["approve", "reject", "withdraw", "close"], { error: "Operazione non riconosciuta" }),
    version: z.coerce.number({ error: "Versione mancante" }).int().min(1, "Versione mancante"),
    note: z.string().trim().max(2000, "Al massimo 2.000 caratteri").default(""),
    grantedPercent: z.preprocess(
      (v) => decimal(blankToUndefined(v)),
      z.number({ error: "La percentuale deve essere un numero" }).optional(),
    ),
    endedOn: optionalDate("la data di conclusione"),
    dismissals: z.preprocess((v) => decimal(blankToUndefined(v)), z.number({ error: "Il numero deve essere intero" }).optional()),
  })
  .superRefine((r, ctx) => {
    if (r.event === "reject" && r.note.length < 5) issue(ctx, "note", "Indica il motivo del rigetto (almeno 5 caratteri)");
    const g = r.grantedPercent;
    if (g !== undefined && (!Number.isFinite(g) || g <= 0 || g > Number(EXEMPTION_MAX_PERCENT)))
      issue(ctx, "grantedPercent", `La percentuale autorizzata deve essere maggiore di 0 e al massimo ${EXEMPTION_MAX_PERCENT}`);
    const d = r.dismissals;
    if (d !== undefined && (!Number.isInteger(d) || d < 0 || d > 1_000_000))
      issue(ctx, "dismissals", "Indica un numero intero di licenziamenti, 0 o più");
  });
export type RecordEventForm = z.output<typeof RecordEventSchema>;

export const RecordListFilterSchema = z.object({
  stato: z.enum(["", "submitted", "approved", "rejected", "withdrawn", "closed"], { error: "Stato non valido" }).default("submitted"),
  azienda: z.preprocess(blankToUndefined, z.uuid("Azienda non valida").optional()),
});
