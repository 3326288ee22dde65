/** The forms of intake, plan, sessions and conditionality: one zod schema each, run in the browser and in the action. */
import { z } from "zod";
import { calendarDay } from "~/utils/date-fields";
import { ACTION_LOCATION_LABELS, ACTION_MODE_LABELS, GROUP_SERVICE_CODES, SERVICE_CODES } from "./actions-states";
import { parseHours } from "./hours";
import { GOAL_TYPE_LABELS } from "./plans-states";
import { ATTENDANCE_LABELS } from "./sessions-labels";
import { CONDITIONALITY_DECISION_LABELS } from "./conditionality-labels";

const keys = <T extends Record<string, unknown>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
const isoDay = calendarDay("Data non valida: usa il calendario (gg/mm/aaaa)");
const optionalDay = z
  .union([z.literal(""), isoDay])
  .optional()
  .transform((v) => v || null);
const text = (max: number) =>
  z
    .string()
    .optional()
    .transform((v) => v?.trim() ?? "")
    .pipe(z.string().max(max, `Al massimo ${max} caratteri`));
const optionalInt = (min: number, max: number, what: string) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      const t = v?.trim() ?? "";
      if (!t) return null;
      const n = Number(t);
      const cap = `${what[0].toUpperCase()}${what.slice(1)}`;
      if (!/^\d+$/.test(t)) ctx.addIssue({ code: "custom", message: `Indica ${what} con un numero intero` });
      else if (n < min) ctx.addIssue({ code: "custom", message: `${cap}: almeno ${min}` });
      else if (n > max) ctx.addIssue({ code: "custom", message: `${cap}: al massimo ${max}` });
      else return n;
      return z.NEVER;
    });
const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on");

/** Hours typed as «1,5» become minutes; `min`/`max` in minutes. */
export const hoursField = (what: string, min: number, max: number) =>
  z
    .string({ error: `Indica ${what}` })
    .trim()
    .min(1, `Indica ${what}`)
    .transform((v, ctx) => {
      const minutes = parseHours(v);
      if (minutes === null) {
        ctx.addIssue({ code: "custom", message: `Indica ${what} in ore, es. 1,5` });
        return z.NEVER;
      }
      return minutes;
    })
    .pipe(
      z
        .number()
        .min(min, `${what[0].toUpperCase()}${what.slice(1)}: almeno ${min / 60} ore`.replace(".", ","))
        .max(max, `${what[0].toUpperCase()}${what.slice(1)}: al massimo ${max / 60} ore`),
    );

const version = z.coerce.number({ error: "Versione mancante" }).int().min(1);

export const IntakeSchema = z
  .object({
    competences: text(4000),
    motivations: text(4000),
    mobilityKm: optionalInt(0, 500, "la distanza massima in km"),
    mobilityMinutes: optionalInt(0, 600, "il tempo massimo di viaggio in minuti"),
    weeklyHours: optionalInt(1, 60, "le ore settimanali disponibili"),
    careConstraints: text(2000),
    selfEmploymentInterest: checkbox,
    assessmentStartedOn: optionalDay,
    assessmentEndedOn: optionalDay,
    assessmentNotes: text(4000),
    version: z.coerce.number().int().min(0).optional().default(0),
  })
  .superRefine((v, ctx) => {
    if (v.assessmentEndedOn && !v.assessmentStartedOn)
      ctx.addIssue({ code: "custom", path: ["assessmentStartedOn"], message: "Indica anche l'inizio del bilancio di competenze" });
    if (v.assessmentEndedOn && v.assessmentStartedOn && v.assessmentEndedOn < v.assessmentStartedOn)
      ctx.addIssue({ code: "custom", path: ["assessmentEndedOn"], message: "La fine del bilancio non può precedere l'inizio" });
  });
export type IntakeInput = z.infer<typeof IntakeSchema>;

const cp2021 = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? v.trim().split(/\s/)[0] : null))
  .pipe(
    z
      .string()
      .regex(/^\d(\.\d{1,2}){3,4}$/, "Scegli la professione dall'elenco (classificazione CP2021, es. 7.2.1.1.0)")
      .nullable(),
  );

export const ActionRowSchema = z
  .object({
    serviceCode: z.enum(SERVICE_CODES, { error: "Scegli il servizio" }),
    mode: z.enum(keys(ACTION_MODE_LABELS), { error: "Scegli se è individuale o di gruppo" }),
    location: z.enum(keys(ACTION_LOCATION_LABELS), { error: "Scegli dove si svolge" }),
    plannedHours: hoursField("le ore previste", 30, 24000),
    startsOn: optionalDay,
    endsOn: optionalDay,
    courseTitle: text(200),
    courseTotalHours: z
      .string()
      .optional()
      .transform((v, ctx) => {
        if (!v?.trim()) return null;
        const m = parseHours(v);
        if (m === null || m < 60) {
          ctx.addIssue({ code: "custom", message: "Indica la durata del corso in ore, es. 120" });
          return z.NEVER;
        }
        return m;
      }),
    notes: text(1000),
  })
  .superRefine((a, ctx) => {
    if (a.endsOn && a.startsOn && a.endsOn < a.startsOn)
      ctx.addIssue({ code: "custom", path: ["endsOn"], message: "La fine non può precedere l'inizio" });
    if (a.serviceCode === "FORM" && !a.courseTitle)
      ctx.addIssue({ code: "custom", path: ["courseTitle"], message: "Indica il corso di formazione" });
    if (a.mode === "group" && !(GROUP_SERVICE_CODES as readonly string[]).includes(a.serviceCode))
      ctx.addIssue({ code: "custom", path: ["mode"], message: "Questo servizio si svolge solo con colloqui individuali" });
  });
export type ActionInput = z.infer<typeof ActionRowSchema>;

export const PlanSchema = z
  .object({
    mainGoalType: z.enum(keys(GOAL_TYPE_LABELS), { error: "Scegli il tipo di obiettivo principale" }),
    mainGoalOccupation: cp2021,
    mainGoalDescription: z
      .string({ error: "Descrivi l'obiettivo principale" })
      .trim()
      .min(10, "Descrivi l'obiettivo principale (almeno 10 caratteri)")
      .max(2000, "Al massimo 2000 caratteri"),
    altGoalType: z
      .union([z.literal(""), z.enum(keys(GOAL_TYPE_LABELS))], { error: "Tipo di obiettivo non valido" })
      .optional()
      .transform((v) => v || null),
    altGoalOccupation: cp2021,
    altGoalDescription: text(2000),
    commitments: text(4000),
    reviewOn: optionalDay,
    actions: z
      .array(ActionRowSchema, { error: "Indica almeno un'azione" })
      .min(1, "Indica almeno un'azione")
      .max(20, "Al massimo 20 azioni"),
    version: z.coerce.number().int().min(0).optional().default(0),
  })
  .superRefine((p, ctx) => {
    if (p.mainGoalType === "employee" && !p.mainGoalOccupation)
      ctx.addIssue({ code: "custom", path: ["mainGoalOccupation"], message: "Per un lavoro dipendente scegli la professione (CP2021)" });
    if (p.altGoalType === "employee" && !p.altGoalOccupation)
      ctx.addIssue({ code: "custom", path: ["altGoalOccupation"], message: "Per un lavoro dipendente scegli la professione (CP2021)" });
    if (p.altGoalType && !p.altGoalDescription)
      ctx.addIssue({ code: "custom", path: ["altGoalDescription"], message: "Descrivi l'obiettivo alternativo" });
  });
export type PlanInput = z.infer<typeof PlanSchema>;

export const SignSchema = z.object({
  intent: z.literal("sign"),
  planId: z.uuid({ error: "Piano non valido" }),
  workerSignedOn: isoDay,
  workerSignature: z.literal("on", { error: "Conferma che la persona ha firmato il piano stampato" }),
  version,
});

/**
 * The plan signed by the worker, uploaded as a PDF (the file itself is read and checked apart, `firmato`). The date of
 * the worker's signature is needed when the upload signs a draft.
 */
export const UploadSignedSchema = z.object({
  intent: z.literal("upload"),
  planId: z.uuid({ error: "Piano non valido" }),
  workerSignedOn: z.preprocess((v) => (v === "" ? undefined : v), isoDay.optional()),
  firmato: z.any().optional(),
  version,
});

export const PlanIntentSchema = z.object({
  intent: z.enum(["revise", "close"], { error: "Operazione non valida" }),
  planId: z.uuid({ error: "Piano non valido" }),
  version,
});

const attendanceFields = {
  attendance: z.enum(keys(ATTENDANCE_LABELS), { error: "Indica la presenza" }),
  absenceReason: text(300),
};
const reasonRequired = (v: { attendance: string; absenceReason: string }, ctx: z.RefinementCtx) => {
  if (v.attendance === "absent_justified" && !v.absenceReason)
    ctx.addIssue({ code: "custom", path: ["absenceReason"], message: "Indica il motivo dell'assenza giustificata" });
};

export const SessionSchema = z
  .object({
    actionId: z.uuid({ error: "Scegli l'azione del piano" }),
    heldOn: isoDay,
    hours: hoursField("la durata", 15, 600),
    ...attendanceFields,
    note: text(1000),
  })
  .superRefine(reasonRequired);
export type SessionInput = z.infer<typeof SessionSchema>;

export const GroupSessionSchema = z.object({
  heldOn: isoDay,
  hours: hoursField("la durata", 15, 600),
  serviceCode: z.enum(GROUP_SERVICE_CODES, { error: "Scegli il servizio" }),
  location: z.enum(keys(ACTION_LOCATION_LABELS), { error: "Scegli dove si svolge" }),
  topic: z.string({ error: "Indica l'argomento" }).trim().min(3, "Indica l'argomento").max(200, "Al massimo 200 caratteri"),
  attendees: z
    .array(
      z
        .object({
          memberId: z.uuid({ error: "Lavoratore non valido" }),
          selected: checkbox,
          ...attendanceFields,
        })
        .superRefine((v, ctx) => {
          if (v.selected) reasonRequired(v, ctx);
        }),
    )
    .max(500)
    .transform((rows) => rows.filter((r) => r.selected))
    .pipe(z.array(z.any()).min(1, "Scegli almeno un partecipante")),
});
export type GroupSessionInput = z.infer<typeof GroupSessionSchema>;

export const ConditionalityDecisionSchema = z
  .object({
    eventId: z.uuid({ error: "Evento non valido" }),
    justification: text(2000),
    proposedSanction: text(500),
    decision: z.enum(keys(CONDITIONALITY_DECISION_LABELS), { error: "Scegli la decisione" }),
    decisionNote: text(2000),
    version,
  })
  .superRefine((v, ctx) => {
    if (v.decision === "sanction_proposed" && !v.proposedSanction)
      ctx.addIssue({ code: "custom", path: ["proposedSanction"], message: "Indica la sanzione proposta" });
  });
export type ConditionalityDecisionInput = z.infer<typeof ConditionalityDecisionSchema>;
