/**
 * The monthly check-in (F-15, docs/decisions/outplacement.md «Firma, contatti mensili, assenze, comitato»): once a
 * month the case manager or the provider's operator hears each worker in the path and records date, channel, outcome,
 * a short summary (the one mandatory free field) and the next step. Client-safe: labels, the form and the pure rule of
 * who is due this month.
 */
import { z } from "zod";
import { calendarDay } from "~/utils/date-fields";
import type { MemberState } from "./members";

export const CHECKIN_CHANNEL_LABELS = {
  phone: "Telefono",
  email: "E-mail",
  in_person: "Di persona",
  video: "Videochiamata",
  sms: "SMS o messaggio",
} as const;
export type CheckinChannel = keyof typeof CHECKIN_CHANNEL_LABELS;

export const CHECKIN_OUTCOME_LABELS = {
  searching: "In ricerca attiva",
  interviews: "Ha colloqui di selezione in corso",
  job_offer: "Ha ricevuto un'offerta o è stato assunto (registra l'esito)",
  obstacles: "Ha difficoltà da affrontare",
  not_reached: "Non raggiunto",
} as const;
export type CheckinOutcome = keyof typeof CHECKIN_OUTCOME_LABELS;

/** The states of a worker in the path, who must be heard every month: plan in draft, in the path, in training. */
export const CHECKIN_STATES: readonly MemberState[] = ["plan_draft", "active", "in_training"];

/** The calendar month of a day («2026-12-06» → «2026-12»). */
export const monthOf = (day: string) => day.slice(0, 7);

/** The worker is due a check-in this month: in the path and nothing recorded in the month of `today`. */
export function checkinDue(m: { state: MemberState; lastCheckinOn: string | null }, today: string): boolean {
  if (!CHECKIN_STATES.includes(m.state)) return false;
  return !m.lastCheckinOn || monthOf(m.lastCheckinOn) !== monthOf(today);
}

const isoDay = calendarDay("Data non valida: usa il calendario (gg/mm/aaaa)");
const keys = <T extends Record<string, unknown>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
const count = (what: string, max: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      const t = v?.trim() ?? "";
      if (!t) return null;
      if (!/^\d+$/.test(t)) {
        ctx.addIssue({ code: "custom", message: `Indica ${what} con un numero intero` });
        return z.NEVER;
      }
      const n = Number(t);
      if (n > max) {
        ctx.addIssue({ code: "custom", message: `${what[0].toUpperCase()}${what.slice(1)}: al massimo ${max}` });
        return z.NEVER;
      }
      return n;
    });

export const CheckinSchema = z.object({
  contactedOn: isoDay,
  channel: z.enum(keys(CHECKIN_CHANNEL_LABELS), { error: "Scegli il canale del contatto" }),
  outcome: z.enum(keys(CHECKIN_OUTCOME_LABELS), { error: "Scegli com'è andato il contatto" }),
  summary: z
    .string({ error: "Scrivi in breve com'è andato il mese" })
    .trim()
    .min(5, "Scrivi in breve com'è andato il mese (almeno 5 caratteri)")
    .max(2000, "Al massimo 2000 caratteri"),
  applicationsSent: count("le candidature inviate", 500),
  interviews: count("i colloqui sostenuti", 100),
  nextStep: z
    .string({ error: "Indica il prossimo passo" })
    .trim()
    .min(3, "Indica il prossimo passo")
    .max(1000, "Al massimo 1000 caratteri"),
  nextStepOn: z
    .union([z.literal(""), isoDay])
    .optional()
    .transform((v) => v || null),
});
export type CheckinInput = z.infer<typeof CheckinSchema>;
