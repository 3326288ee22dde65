import { z } from "zod";
import { calendarDay } from "~/utils/date-fields";
import { AGREEMENT_TYPES, EVENT_STATES, EVENT_TYPES, type EventMove } from "./events";

// Client-safe forms of the redundancy event (conform + zod, Italian messages).

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const day = calendarDay("Data non valida: usa il calendario (gg/mm/aaaa)");
const optionalDay = z.preprocess(blank, day.optional()).transform((v) => v ?? null);
const optionalText = (max: number) =>
  z.preprocess(
    blank,
    z
      .string()
      .trim()
      .max(max, `Al massimo ${max.toLocaleString("it-IT")} caratteri`)
      .optional()
      .transform((v) => v || null),
  );
const optionalCount = (what: string) =>
  z.preprocess(
    blank,
    z.coerce
      .number({ error: `Indica ${what} con un numero` })
      .int(`Indica ${what} con un numero intero`)
      .min(0, `${what[0].toUpperCase()}${what.slice(1)} non può essere negativo`)
      .max(1_000_000, "Numero troppo grande")
      .optional()
      .transform((v) => v ?? null),
  );
const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on");

/** «12.500,00», «12500», «12500.5» → cents; anything else is an error. */
export function euroToCents(v: string): number | null {
  const t = v.trim().replace(/\s|€/g, "");
  if (!/^\d{1,3}(\.\d{3})*(,\d{1,2})?$|^\d+([,.]\d{1,2})?$/.test(t)) return null;
  const normal = /,/.test(t) ? t.replace(/\./g, "").replace(",", ".") : /^\d{1,3}(\.\d{3})+$/.test(t) ? t.replace(/\./g, "") : t;
  const n = Math.round(Number(normal) * 100);
  return Number.isFinite(n) ? n : null;
}

export const SiteSchema = z.object({
  label: optionalText(100),
  address: optionalText(200),
  comune: z
    .string({ error: "Indica il comune della sede" })
    .trim()
    .min(2, "Indica il comune della sede")
    .max(100, "Al massimo 100 caratteri"),
});

const eventFields = {
  type: z.enum(EVENT_TYPES, { error: "Scegli il tipo di procedura" }),
  title: z
    .string({ error: "Indica un titolo" })
    .trim()
    .min(3, "Indica un titolo di almeno 3 caratteri")
    .max(200, "Al massimo 200 caratteri"),
  sites: z.array(SiteSchema, { error: "Indica almeno una sede" }).min(1, "Indica almeno una sede").max(20, "Al massimo 20 sedi"),
  headcountTotal: optionalCount("il numero di dipendenti"),
  surplusAnnounced: optionalCount("il numero di esuberi dichiarati"),
  surplusFinal: optionalCount("il numero di esuberi definitivi"),
  communicationOn: optionalDay,
  unionRequestOn: optionalDay,
  unionPhaseEndOn: optionalDay,
  planReceivedOn: optionalDay,
  firstDismissalOn: optionalDay,
  procedureEndOn: optionalDay,
  agreementOn: optionalDay,
  cigsFrom: optionalDay,
  cigsTo: optionalDay,
  agreementType: z
    .preprocess(blank, z.enum(AGREEMENT_TYPES, { error: "Scegli il tipo di accordo" }).optional())
    .transform((v) => v ?? null),
  agreementDocumentRef: optionalText(200),
  agreementOutplacementClauses: optionalText(4000),
  employerFunded: checkbox,
  employerFundedProvider: optionalText(200),
  employerFundedBudget: optionalText(20),
  notes: optionalText(4000),
};

type EventShape = z.infer<z.ZodObject<typeof eventFields>>;

function refineEvent(v: EventShape, ctx: z.RefinementCtx) {
  const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  if (v.surplusAnnounced !== null && v.headcountTotal !== null && v.surplusAnnounced > v.headcountTotal)
    issue("surplusAnnounced", "Gli esuberi non possono superare i dipendenti");
  if (v.surplusFinal !== null && v.headcountTotal !== null && v.surplusFinal > v.headcountTotal)
    issue("surplusFinal", "Gli esuberi non possono superare i dipendenti");
  if (v.cigsFrom && v.cigsTo && v.cigsTo < v.cigsFrom) issue("cigsTo", "La fine della CIGS non può precedere l'inizio");
  const before = (later: keyof EventShape, earlier: keyof EventShape, message: string) => {
    const a = v[later] as string | null;
    const b = v[earlier] as string | null;
    if (a && b && a < b) issue(later, message);
  };
  before("unionRequestOn", "communicationOn", "La richiesta di esame congiunto non può precedere la comunicazione di avvio");
  before("unionPhaseEndOn", "communicationOn", "La fine della fase sindacale non può precedere la comunicazione di avvio");
  before("planReceivedOn", "communicationOn", "Il piano non può precedere la comunicazione");
  before("agreementOn", "communicationOn", "L'accordo non può precedere la comunicazione di avvio");
  before("procedureEndOn", "communicationOn", "La fine della procedura non può precedere la comunicazione di avvio");
  if (v.employerFunded) {
    if (!v.employerFundedProvider) issue("employerFundedProvider", "Indica l'ente che svolge la ricollocazione pagata dall'azienda");
    if (v.employerFundedBudget && euroToCents(v.employerFundedBudget) === null)
      issue("employerFundedBudget", "Indica il budget in euro, ad esempio 120.000,00");
  } else if (v.employerFundedProvider || v.employerFundedBudget) {
    issue("employerFunded", "Spunta «Ricollocazione pagata dall'azienda» oppure togli ente e budget");
  }
}

/** The officer's form: the employer from the register, the coordinator. */
export const OfficerEventSchema = z
  .object({
    ...eventFields,
    employerId: z.uuid({ error: "Scegli l'azienda dall'elenco" }),
    coordinatorUserId: z.preprocess(blank, z.uuid({ error: "Scegli il coordinatore dall'elenco" }).optional()).transform((v) => v ?? null),
    version: z.preprocess(blank, z.coerce.number().int().min(1).optional()),
  })
  .superRefine(refineEvent);
export type OfficerEventInput = z.output<typeof OfficerEventSchema>;

/** The employer's proposal: its own company, no coordinator (an officer validates it). */
export const ProposalSchema = z.object(eventFields).superRefine(refineEvent);
export type ProposalInput = z.output<typeof ProposalSchema>;

export type EventInput = ProposalInput & { employerId?: string; coordinatorUserId?: string | null };

/** The moves that record a date with them, and which. */
export const MOVE_DATE_FIELD: Partial<
  Record<EventMove, { field: "communicationOn" | "unionPhaseEndOn" | "planReceivedOn" | "agreementOn" | "procedureEndOn"; label: string }>
> = {
  announce: { field: "communicationOn", label: "Data della comunicazione di avvio" },
  open_admin_phase: { field: "unionPhaseEndOn", label: "Data di fine della fase sindacale" },
  receive_plan: { field: "planReceivedOn", label: "Data di ricevimento del piano" },
  sign_agreement: { field: "agreementOn", label: "Data di firma dell'accordo" },
  close_no_agreement: { field: "procedureEndOn", label: "Data di fine della procedura" },
};

export const TransitionSchema = z
  .object({
    move: z.enum(
      [
        "announce",
        "open_union_phase",
        "open_admin_phase",
        "receive_plan",
        "sign_agreement",
        "close_no_agreement",
        "activate_cohort",
        "start_monitoring",
        "close",
        "cancel",
        "set_state",
      ],
      { error: "Operazione non valida" },
    ),
    to: z.preprocess(blank, z.enum(EVENT_STATES, { error: "Scegli il nuovo stato" }).optional()),
    date: optionalDay,
    agreementType: z
      .preprocess(blank, z.enum(AGREEMENT_TYPES, { error: "Scegli il tipo di accordo" }).optional())
      .transform((v) => v ?? null),
    note: optionalText(2000),
    version: z.coerce.number({ error: "Versione mancante: ricarica la pagina" }).int().min(1),
  })
  .superRefine((v, ctx) => {
    if (v.move === "set_state" && !v.to) ctx.addIssue({ code: "custom", path: ["to"], message: "Scegli il nuovo stato" });
    if ((v.move === "set_state" || v.move === "cancel") && (!v.note || v.note.length < 5))
      ctx.addIssue({ code: "custom", path: ["note"], message: "Scrivi una nota di almeno 5 caratteri: resta nello storico dell'evento" });
  });
export type TransitionInput = z.output<typeof TransitionSchema>;

export const MilestoneEditSchema = z
  .object({
    milestoneId: z.uuid({ error: "Scadenza non valida" }),
    dueOn: day,
    doneOn: optionalDay,
    note: optionalText(2000),
  })
  .superRefine((v, ctx) => {
    if (v.doneOn && v.doneOn > "2999-12-31") ctx.addIssue({ code: "custom", path: ["doneOn"], message: "Data non valida" });
  });
export type MilestoneEditInput = z.output<typeof MilestoneEditSchema>;

export const EventListFilterSchema = z.object({
  stato: z.preprocess(blank, z.enum(EVENT_STATES).optional()).catch(undefined),
  tipo: z.preprocess(blank, z.enum(EVENT_TYPES).optional()).catch(undefined),
  provincia: z
    .preprocess(
      blank,
      z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z]{2}$/)
        .optional(),
    )
    .catch(undefined),
  q: z.preprocess(blank, z.string().trim().max(100).optional()).catch(undefined),
  proposte: z.preprocess(blank, z.literal("1").optional()).catch(undefined),
  pagina: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type EventListFilter = z.output<typeof EventListFilterSchema>;
