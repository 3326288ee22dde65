/**
 * The forms of the cohort pages (client-safe: the same schema checks in the browser and in the action).
 * One form per page with an `intent`; the fields each intent needs are checked by the refinement.
 */
import { z } from "zod";
import { CONSENT_KINDS, NOTICE_CHANNELS } from "./consents";
import { MANUAL_EVENTS, type MemberEvent } from "./members";

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Al massimo ${max} caratteri`)
    .optional()
    .transform((v) => v || null);
const optionalDate = z
  .string()
  .trim()
  .optional()
  .transform((v) => v || null)
  .pipe(z.string().regex(ISO, "Data non valida: usa il calendario (gg/mm/aaaa)").nullable());
/** One checkbox ticked sends a string, several an array. */
const ids = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
  .pipe(z.array(z.uuid({ error: "Selezione non valida: ricarica la pagina" })));

export const BULK_INTENTS = ["notice", "session", "assign"] as const;

export const BulkActionSchema = z
  .object({
    intent: z.enum(BULK_INTENTS, { error: "Scegli un'azione" }),
    memberIds: ids,
    sentOn: optionalDate,
    channel: z.enum(NOTICE_CHANNELS, { error: "Scegli il canale" }).optional(),
    heldOn: optionalDate,
    place: optionalText(200),
    providerUserId: z
      .string()
      .trim()
      .optional()
      .transform((v) => v || null)
      .pipe(z.uuid({ error: "Scegli l'operatore" }).nullable()),
  })
  .superRefine((v, ctx) => {
    const need = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (!v.memberIds.length) need("memberIds", "Seleziona almeno un lavoratore nella tabella");
    if (v.intent === "notice") {
      if (!v.sentOn) need("sentOn", "Indica la data di invio dell'informativa");
      if (!v.channel) need("channel", "Scegli il canale di invio dell'informativa");
    }
    if (v.intent === "session") {
      if (!v.heldOn) need("heldOn", "Indica la data della sessione informativa");
      if (!v.place || v.place.length < 2) need("place", "Indica il luogo della sessione informativa");
    }
  });
export type BulkActionInput = z.output<typeof BulkActionSchema>;

export const MEMBER_INTENTS = ["transition", "attempt", "consent", "revoke", "notice", "priority", "link"] as const;
export const CONTACT_CHANNEL_OPTIONS = {
  telefono: "Telefono",
  email: "E-mail",
  sms: "SMS",
  pec: "PEC",
  lettera: "Lettera",
  di_persona: "Di persona",
} as const;
export const CONSENT_CHANNEL_OPTIONS = {
  modulo_cartaceo: "Modulo firmato",
  colloquio: "Dichiarato al colloquio",
  area_personale: "Area personale",
  email: "E-mail",
} as const;

export const MemberActionSchema = z
  .object({
    intent: z.enum(MEMBER_INTENTS, { error: "Azione non valida" }),
    version: z.coerce.number().int().min(1).optional(),
    event: z.enum(MANUAL_EVENTS as [MemberEvent, ...MemberEvent[]], { error: "Scegli l'operazione" }).optional(),
    note: optionalText(2000),
    attemptedOn: optionalDate,
    attemptChannel: z
      .enum(Object.keys(CONTACT_CHANNEL_OPTIONS) as [keyof typeof CONTACT_CHANNEL_OPTIONS], { error: "Scegli il canale" })
      .optional(),
    reached: z
      .enum(["si", "no"], { error: "Indica se il lavoratore è stato raggiunto" })
      .optional()
      .transform((v) => (v === undefined ? undefined : v === "si")),
    kind: z.enum(CONSENT_KINDS, { error: "Scegli il consenso" }).optional(),
    givenOn: optionalDate,
    consentChannel: z
      .enum(Object.keys(CONSENT_CHANNEL_OPTIONS) as [keyof typeof CONSENT_CHANNEL_OPTIONS], { error: "Scegli come è stato raccolto" })
      .optional(),
    textVersion: optionalText(50),
    revokedOn: optionalDate,
    sentOn: optionalDate,
    channel: z.enum(NOTICE_CHANNELS, { error: "Scegli il canale" }).optional(),
    priorityFrom: optionalDate,
    priorityTo: optionalDate,
  })
  .superRefine((v, ctx) => {
    const need = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (v.intent === "transition" && !v.event) need("event", "Scegli l'operazione");
    if (v.intent === "attempt") {
      if (!v.attemptedOn) need("attemptedOn", "Indica la data del tentativo");
      if (!v.attemptChannel) need("attemptChannel", "Scegli il canale del tentativo");
      if (v.reached === undefined) need("reached", "Indica se il lavoratore è stato raggiunto");
    }
    if (v.intent === "consent") {
      if (!v.kind) need("kind", "Scegli il consenso");
      if (!v.givenOn) need("givenOn", "Indica la data del consenso");
      if (!v.consentChannel) need("consentChannel", "Scegli come è stato raccolto il consenso");
    }
    if (v.intent === "revoke") {
      if (!v.kind) need("kind", "Scegli il consenso");
      if (!v.revokedOn) need("revokedOn", "Indica la data della revoca");
    }
    if (v.intent === "notice") {
      if (!v.sentOn) need("sentOn", "Indica la data di invio dell'informativa");
      if (!v.channel) need("channel", "Scegli il canale di invio dell'informativa");
    }
    if (v.intent === "priority") {
      if (!v.priorityFrom) need("priorityFrom", "Indica l'inizio della priorità");
      if (!v.priorityTo) need("priorityTo", "Indica la fine della priorità");
    }
    if (["transition", "priority"].includes(v.intent) && !v.version) need("version", "Ricarica la pagina e riprova");
  });
export type MemberActionInput = z.output<typeof MemberActionSchema>;
