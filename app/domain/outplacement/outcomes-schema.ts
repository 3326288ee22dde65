/** Client-safe forms of outcomes and follow-ups (conform + zod, Italian messages). */
import { z } from "zod";
import { CO_CONTRACT_TYPE_PATTERN, CO_CONTRACT_TYPES, contractTypeInForce, ENGAGEMENT_LABELS } from "~/domain/reference";
import { calendarDay } from "~/utils/date-fields";
import { OUTCOME_SOURCES, OUTCOME_TYPES, type OutcomeType } from "./outcomes";
import { FOLLOWUP_MONTHS } from "./followups";

const isoDay = calendarDay("Data non valida: usa il calendario (gg/mm/aaaa)");
const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .optional()
    .transform((v) => v || null);

/** Types that carry a contract: the CO data are asked for them. */
export const CONTRACT_OUTCOMES: readonly OutcomeType[] = [
  "EMPLOYED_OPEN_ENDED",
  "EMPLOYED_FIXED_GE6M",
  "EMPLOYED_FIXED_LT6M",
  "REHIRED_SAME_EMPLOYER",
];

export const RecordOutcomeSchema = z
  .object({
    type: z.enum(OUTCOME_TYPES, { error: "Scegli l'esito" }),
    startOn: isoDay,
    endOn: isoDay.optional(),
    /** Only CO tipologie in force (docs/legal/national-systems.md#assunzioni-ed-esiti); agency work and self-employment go in engagement. */
    contractType: z
      .string()
      .trim()
      .toUpperCase()
      .superRefine((c, ctx) => {
        const e = CO_CONTRACT_TYPES.get(c);
        const message = !CO_CONTRACT_TYPE_PATTERN.test(c)
          ? "Tipologia contrattuale non valida: scegli un codice della CO dall'elenco, es. «A.01.00»"
          : !e
            ? "Tipologia contrattuale sconosciuta: scegline una dall'elenco"
            : !contractTypeInForce(e)
              ? "Questa tipologia contrattuale non è più in vigore: scegline una dall'elenco"
              : null;
        if (message) ctx.addIssue({ code: "custom", message });
      })
      .optional(),
    engagement: z
      .enum(Object.keys(ENGAGEMENT_LABELS) as [keyof typeof ENGAGEMENT_LABELS], { error: "Scegli la forma di impiego" })
      .optional()
      .default("direct"),
    coCode: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9/-]{4,40}$/, "Codice della comunicazione obbligatoria non valido (4–40 lettere, cifre, / o -)")
      .optional(),
    weeklyHours: z.coerce
      .number({ error: "Indica le ore settimanali con un numero" })
      .min(0.5, "Almeno mezz'ora a settimana")
      .max(60, "Al massimo 60 ore a settimana")
      .optional(),
    cpCode: z
      .string()
      .trim()
      .regex(/^\d[\d.]{0,19}$/, "Codice CP2021 non valido, es. «7.2.7.1.0»")
      .optional(),
    employerName: optionalText(200, "Al massimo 200 caratteri"),
    employerTaxCode: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^(\d{11}|[A-Z0-9]{16})$/, "Codice fiscale dell'azienda non valido (11 cifre o 16 caratteri)")
      .optional(),
    source: z.enum(OUTCOME_SOURCES, { error: "Scegli da dove viene l'esito" }),
  })
  .superRefine((v, ctx) => {
    if (v.endOn && v.endOn < v.startOn) ctx.addIssue({ code: "custom", path: ["endOn"], message: "La fine non può precedere l'inizio" });
    if (v.engagement === "self_employed" && v.contractType)
      ctx.addIssue({
        code: "custom",
        path: ["contractType"],
        message: "Il lavoro autonomo non ha una tipologia contrattuale della CO: lasciala vuota",
      });
    if (v.engagement === "self_employed" && CONTRACT_OUTCOMES.includes(v.type))
      ctx.addIssue({ code: "custom", path: ["engagement"], message: "Per il lavoro autonomo scegli l'esito «Lavoro autonomo o impresa»" });
    // Through an agency the CO is the agency's (UniSomm): its tipologia is asked when known, not required.
    if (CONTRACT_OUTCOMES.includes(v.type) && v.engagement === "direct" && !v.contractType)
      ctx.addIssue({ code: "custom", path: ["contractType"], message: "Per un'assunzione indica la tipologia contrattuale della CO" });
    if (v.type === "EMPLOYED_FIXED_GE6M" || v.type === "EMPLOYED_FIXED_LT6M") {
      if (!v.endOn) ctx.addIssue({ code: "custom", path: ["endOn"], message: "Per un contratto a termine indica la data di fine" });
    }
    if (v.source === "CO_VERIFIED" && !v.coCode)
      ctx.addIssue({ code: "custom", path: ["coCode"], message: "Un esito verificato sulla CO ne riporta il codice" });
  });
export type RecordOutcomeInput = z.infer<typeof RecordOutcomeSchema>;

export const OutcomeMoveSchema = z.object({
  outcomeId: z.uuid({ error: "Esito non valido" }),
  event: z.enum(["verify", "reject", "end"], { error: "Operazione non valida" }),
  on: isoDay,
  coCode: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9/-]{4,40}$/, "Codice della comunicazione obbligatoria non valido (4–40 lettere, cifre, / o -)")
    .optional(),
  version: z.coerce.number({ error: "Versione non valida" }).int().min(1),
});
export type OutcomeMoveInput = z.infer<typeof OutcomeMoveSchema>;

export const FOLLOWUP_CHANNEL_LABELS = {
  co: "Controllo delle comunicazioni obbligatorie",
  phone: "Telefonata",
  email: "E-mail",
  meeting: "Colloquio",
} as const;

export const FollowupSchema = z.object({
  months: z.coerce
    .number({ error: "Scegli la verifica" })
    .refine((n) => (FOLLOWUP_MONTHS as readonly number[]).includes(n), "Scegli la verifica a 3, 6 o 12 mesi"),
  doneOn: isoDay,
  channel: z.enum(["co", "phone", "email", "meeting"], { error: "Scegli come è stata fatta la verifica" }),
  employed: z.enum(["yes", "no"], { error: "Indica se lavora" }).transform((v) => v === "yes"),
  satisfaction: z.coerce
    .number({ error: "Soddisfazione da 1 a 5" })
    .int("Soddisfazione da 1 a 5")
    .min(1, "Soddisfazione da 1 a 5")
    .max(5, "Soddisfazione da 1 a 5")
    .optional(),
});
export type FollowupInput = z.infer<typeof FollowupSchema>;
