import { z } from "zod";
import { calendarDateTime, calendarDay } from "~/utils/date-fields";
import { SpentTimeFields } from "~/domain/services";

const keys = <T extends Record<string, unknown>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
const version = z.coerce.number({ error: "Versione mancante: ricarica la pagina" }).int().min(1, "Versione non valida");
const uuid = (what: string) => z.uuid({ error: `${what} non valido` });
const optionalText = (max: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v?.trim() ? v.trim() : null))
    .pipe(z.string().max(max, `Al massimo ${max} caratteri`).nullable());

export const CHANNEL_LABELS = {
  phone: "Telefono",
  email: "E-mail",
  sms: "SMS",
  in_person: "Di persona",
  portal: "Area personale Rosa",
} as const;
export const CONTACT_OUTCOME_LABELS = {
  available: "Disponibile",
  not_available: "Non disponibile",
  not_interested: "Non interessato",
  no_answer: "Nessuna risposta",
  wrong_contact: "Recapito errato",
} as const;
export const DECISION_LABELS = {
  interview: "Colloquio",
  selected: "Selezionato",
  hired: "Assunto",
  not_selected: "Non selezionato",
} as const;
/** Refusal reasons (after les-emplois' taxonomy): mandatory when the decision is "not selected". */
export const REASON_LABELS = {
  not_reachable: "Non raggiungibile",
  no_show: "Non si è presentato al colloquio",
  skills_lacking: "Competenze mancanti",
  experience_insufficient: "Esperienza insufficiente",
  found_other_job: "Ha trovato un altro lavoro",
  not_interested: "Non interessato",
  position_filled: "Posizione già coperta",
  other: "Altro motivo",
} as const;
export const GAP_KIND_LABELS = { training: "Formazione", internship: "Tirocinio", relax_requirement: "Rivedere un requisito" } as const;
export const GAP_OUTCOME_LABELS = { proposed: "Proposta", accepted: "Accettata", declined: "Rifiutata", done: "Realizzata" } as const;

export const STEP_KIND_LABELS = {
  cv_check: "Verifica del CV",
  technical_test: "Prova tecnica",
  interview: "Colloquio",
  reference_check: "Verifica delle referenze",
  practical_trial: "Prova pratica",
} as const;
export const STEP_DECISION_LABELS = { passed: "Superata", failed: "Non superata", on_hold: "In sospeso" } as const;

export const CreateShortlistSchema = z.object({
  title: z
    .string({ error: "Indica un nome per la rosa" })
    .trim()
    .min(3, "Scrivi almeno 3 caratteri per il nome della rosa")
    .max(120, "Al massimo 120 caratteri"),
  candidateIds: z
    .union([z.string(), z.array(z.string())], { error: "Scegli almeno un candidato" })
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .pipe(z.array(uuid("Candidato")).min(1, "Scegli almeno un candidato").max(50, "Al massimo 50 candidati per rosa")),
  relaxed: z.string().optional().default(""),
});

const flag = z
  .enum(["", "1"], { error: "Valore non valido" })
  .optional()
  .default("")
  .transform((v) => v === "1");

/** The officer's choices on the matching page (URL parameters, also repeated in the form that creates the rosa). */
export const MatchParamsSchema = z.object({
  rilassa: z
    .string()
    .optional()
    .default("")
    .transform((v) => v.split(",").filter(Boolean))
    .pipe(z.array(uuid("Requisito")).max(20, "Troppi requisiti rilassati")),
  pagina: z.coerce
    .number({ error: "Pagina non valida" })
    .int("Pagina non valida")
    .min(1, "Pagina non valida")
    .max(20, "Al massimo 20 pagine: rilassa meno requisiti o riduci il raggio")
    .optional()
    .default(1),
  raggio: z
    .union([
      z.literal(""),
      z.coerce.number({ error: "Raggio non valido" }).int("Raggio non valido").min(1, "Raggio non valido").max(200, "Al massimo 200 km"),
    ])
    .optional()
    .transform((v) => (v === "" ? undefined : v)),
  obsoleti: flag,
  menopresentati: flag,
  ricollocazione: flag,
});
export type MatchParams = z.infer<typeof MatchParamsSchema>;

export const CandidateEventSchema = z.object({
  intent: z.literal("event"),
  rowId: uuid("Candidato"),
  event: z.enum(["start_contact", "mark_unreachable", "retry_contact", "present", "withdraw"], { error: "Operazione non valida" }),
  version,
});

export const ContactAttemptSchema = z.object({
  intent: z.literal("contact"),
  rowId: uuid("Candidato"),
  version,
  channel: z.enum(keys(CHANNEL_LABELS), { error: "Scegli il canale" }),
  attemptedAt: z.string({ error: "Indica data e ora" }).trim().pipe(calendarDateTime("Indica data e ora del contatto")),
  outcome: z.enum(keys(CONTACT_OUTCOME_LABELS), { error: "Scegli l'esito del contatto" }),
  shareContacts: z.literal("on").optional(),
  note: optionalText(500),
});

export const PresentSchema = z.object({ intent: z.literal("present"), version, ...SpentTimeFields });

/** «Avvia il contatto» for the chosen people at once (docs/decisions/0010-signed-availability-links.md). */
export const ContactManySchema = z.object({
  intent: z.literal("contact_all"),
  rowIds: z
    .union([z.string(), z.array(z.string())], { error: "Scegli almeno un candidato da contattare" })
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .pipe(z.array(uuid("Candidato")).min(1, "Scegli almeno un candidato da contattare").max(50, "Al massimo 50 candidati alla volta")),
});

/** «Contattati 3 candidati: 2 per e-mail, 1 per SMS…», with correct singulars. */
export function contactManySummary(s: { contacted: number; skipped: number; email: number; sms: number; none: number }) {
  const n = (k: number, one: string, many: string) => (k === 1 ? one : many.replace("#", String(k)));
  const parts = [
    s.email ? `${s.email} per e-mail` : "",
    s.sms ? `${s.sms} per SMS` : "",
    s.none ? n(s.none, "1 senza e-mail né telefono: contattalo tu", "# senza e-mail né telefono: contattali tu") : "",
  ].filter(Boolean);
  const head = s.contacted === 0 ? "Nessun nuovo candidato contattato" : n(s.contacted, "Contattato 1 candidato", "Contattati # candidati");
  const skipped = s.skipped
    ? ` ${n(s.skipped, "1 era già in contatto o non contattabile: invariato.", "# erano già in contatto o non contattabili: invariati.")}`
    : "";
  return `${head}${parts.length ? ` (${parts.join(", ")})` : ""}.${skipped}`;
}

export const GapProposalSchema = z.object({
  intent: z.literal("gap"),
  rowId: z
    .union([z.literal(""), uuid("Candidato")])
    .optional()
    .default(""),
  gap: z
    .string({ error: "Descrivi la carenza" })
    .trim()
    .min(3, "Descrivi la carenza (almeno 3 caratteri)")
    .max(500, "Al massimo 500 caratteri"),
  kind: z.enum(keys(GAP_KIND_LABELS), { error: "Scegli il tipo di proposta" }),
  description: z
    .string({ error: "Descrivi la proposta" })
    .trim()
    .min(3, "Descrivi la proposta (almeno 3 caratteri)")
    .max(2000, "Al massimo 2000 caratteri"),
});

export const GapOutcomeSchema = z.object({
  intent: z.literal("gap_outcome"),
  proposalId: uuid("Proposta"),
  outcome: z.enum(keys(GAP_OUTCOME_LABELS), { error: "Esito non valido" }),
});

export const AssessmentStepSchema = z.object({
  intent: z.literal("step"),
  kind: z.enum(["cv_check", "technical_test", "interview", "reference_check", "practical_trial"], { error: "Scegli il tipo di verifica" }),
  description: z.string().trim().max(500, "Al massimo 500 caratteri").optional().default(""),
  representative: optionalText(120),
  sessionDate: z
    .string()
    .optional()
    .transform((v) => (v?.trim() ? v.trim() : null))
    .pipe(calendarDay("Data non valida").nullable()),
});

export const AssessmentResultSchema = z.object({
  intent: z.literal("result"),
  stepId: uuid("Passo"),
  rowId: uuid("Candidato"),
  decision: z.enum(["passed", "failed", "on_hold"], { error: "Scegli l'esito" }),
  justification: z
    .string({ error: "Motiva l'esito" })
    .trim()
    .min(3, "Motiva l'esito (almeno 3 caratteri)")
    .max(1000, "Al massimo 1000 caratteri"),
});

export const OfficerActionSchema = z.discriminatedUnion(
  "intent",
  [
    CandidateEventSchema,
    ContactAttemptSchema,
    PresentSchema,
    GapProposalSchema,
    GapOutcomeSchema,
    AssessmentStepSchema,
    AssessmentResultSchema,
  ],
  {
    error: "Operazione non valida",
  },
);

export const FeedbackSchema = z
  .object({
    intent: z.literal("feedback"),
    rowId: uuid("Candidato"),
    version,
    decision: z.enum(["interview", "selected", "not_selected"], { error: "Scegli la tua decisione" }),
    reason: z
      .enum(["", ...keys(REASON_LABELS)], { error: "Motivo non valido" })
      .optional()
      .default(""),
    missingSkills: optionalText(500),
    reasonText: optionalText(500),
    comment: optionalText(1000),
    share: z.literal("on").optional(),
    interviewArrangement: z.enum(["", "employer", "cpi"], { error: "Scegli chi fissa il colloquio" }).optional().default(""),
    interviewAt: z
      .string()
      .optional()
      .transform((v) => (v?.trim() ? v.trim() : null))
      .pipe(calendarDateTime("Indica data e ora del colloquio (gg/mm/aaaa hh:mm)").nullable()),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "interview" && !v.interviewArrangement)
      ctx.addIssue({
        code: "custom",
        path: ["interviewArrangement"],
        message: "Indica la data e l'ora del colloquio oppure chiedi al Centro per l'Impiego di fissarlo",
      });
    if (v.decision === "interview" && v.interviewArrangement === "employer" && !v.interviewAt)
      ctx.addIssue({ code: "custom", path: ["interviewAt"], message: "Indica data e ora del colloquio" });
    if (v.decision === "not_selected" && !v.reason)
      ctx.addIssue({ code: "custom", path: ["reason"], message: "Indica il motivo per cui non è stato selezionato" });
    if (v.reason === "skills_lacking" && !v.missingSkills)
      ctx.addIssue({ code: "custom", path: ["missingSkills"], message: "Indica quali competenze mancano" });
    if (v.reason === "other" && !v.reasonText) ctx.addIssue({ code: "custom", path: ["reasonText"], message: "Spiega il motivo" });
  });

export {
  HIRE_CHANNEL_LABELS,
  HireSchema,
  hireSchemaFor,
  makeHireSchema,
  parseEuro,
  RECORDED_AS_LABELS,
  WORKING_TIME_LABELS,
  type HireCodeChecks,
} from "./hire-schema";

/** The answer given through the one-click availability link (no login). */
export const LinkAnswerSchema = z.object({
  response: z.enum(["confirmed", "declined"], { error: "Scegli «Sono disponibile» o «Non sono disponibile»" }),
  shareContacts: z.literal("on").optional(),
});

export const CandidateResponseSchema = z.object({
  rowId: uuid("Richiesta"),
  response: z.enum(["confirmed", "declined"], { error: "Scegli se confermi la disponibilità" }),
  shareContacts: z.literal("on").optional(),
});

const optionalUuid = (what: string) => z.preprocess((v) => (v === "" ? undefined : v), z.uuid({ error: `${what} non valida` }).optional());

/** The officers' list of rose: the desk's links and the employer/vacancy pages narrow it. */
export const OfficerShortlistFilterSchema = z.object({
  attesa: z.enum(["", "riscontro"], { error: "Filtro non valido" }).default(""),
  scadenza: z.enum(["", "oggi"], { error: "Filtro non valido" }).default(""),
  azienda: optionalUuid("Azienda"),
  offerta: optionalUuid("Offerta"),
});

const optionalDay = z
  .union([z.literal(""), calendarDay("Data non valida: usa il calendario (gg/mm/aaaa)")])
  .optional()
  .default("");

/** The figures page and its CSV: grouping and period (rose created from/to, both days included). */
export const FiguresFilterSchema = z
  .object({
    per: z.enum(["operatore", "ufficio"], { error: "Raggruppamento non valido" }).optional().default("operatore"),
    dal: optionalDay,
    al: optionalDay,
  })
  .refine((v) => !v.dal || !v.al || v.dal <= v.al, { path: ["al"], message: "La data finale non può precedere quella iniziale" });
