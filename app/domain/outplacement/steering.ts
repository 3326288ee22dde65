/**
 * The steering committee of a redundancy event (F-25, docs/decisions/outplacement.md «Firma, contatti mensili, assenze,
 * comitato»): meetings with date, participants by role, minutes and decisions. The union representatives read them in
 * their aggregated area, so the minutes must carry no personal data of the workers: `personalDataFound` refuses a
 * codice fiscale, an e-mail address, a phone number or the name of a worker of the cohort. Client-safe and pure.
 */
import { z } from "zod";
import { calendarDay } from "~/utils/date-fields";
import { foldAccents } from "~/utils/text";

export const STEERING_ROLES = {
  agency: "Agenzia del Lavoro e Centri per l'Impiego",
  employer: "Azienda",
  unions: "Organizzazioni sindacali",
  providers: "Enti accreditati",
  institutions: "Provincia, Regione e altre istituzioni",
} as const;
export type SteeringRole = keyof typeof STEERING_ROLES;
export const STEERING_ROLE_KEYS = Object.keys(STEERING_ROLES) as SteeringRole[];

/** Participants by role: the organisations and functions present (free text per role, e.g. «CPI di Monza, coordinatrice»). */
export type SteeringParticipants = Partial<Record<SteeringRole, string>>;

export const STEERING_PRIVACY_NOTICE =
  "Il verbale e le decisioni sono visibili ai rappresentanti sindacali: non scrivere nomi, codici fiscali o altri dati dei singoli lavoratori, solo numeri e decisioni sull'insieme.";

const CF = /\b[A-Z]{6}\d{2}[A-EHLMPRST]\d{2}[A-Z]\d{3}[A-Z]\b/i;
const EMAIL = /[^\s@]+@[^\s@]+\.[a-z]{2,}/i;
const PHONE = /(?:\+39\s?)?\b3\d{2}[\s.-]?\d{6,7}\b|\b0\d{1,3}[\s.-]?\d{5,8}\b/;

const norm = (s: string) =>
  foldAccents(s)
    .toLowerCase()
    .replace(/[^a-z]+/g, " ")
    .trim();

/**
 * What in the text looks like personal data of a worker (empty when nothing): a codice fiscale, an e-mail address, a
 * phone number, or a worker's name and surname together (in either order) from `names`.
 */
export function personalDataFound(text: string, names: readonly { first: string; last: string }[]): string[] {
  const found: string[] = [];
  if (CF.test(text)) found.push("un codice fiscale");
  if (EMAIL.test(text)) found.push("un indirizzo e-mail");
  if (PHONE.test(text)) found.push("un numero di telefono");
  const t = ` ${norm(text)} `;
  const hits = names.filter((n) => {
    const first = norm(n.first);
    const last = norm(n.last);
    return first && last && (t.includes(` ${first} ${last} `) || t.includes(` ${last} ${first} `));
  });
  if (hits.length) found.push(hits.length === 1 ? "il nome di un lavoratore" : "i nomi di alcuni lavoratori");
  return found;
}

const isoDay = calendarDay("Data non valida: usa il calendario (gg/mm/aaaa)");
const roleText = z
  .string()
  .optional()
  .transform((v) => v?.trim() ?? "")
  .pipe(z.string().max(500, "Al massimo 500 caratteri"));

export const SteeringMeetingSchema = z
  .object({
    heldOn: isoDay,
    ...(Object.fromEntries(STEERING_ROLE_KEYS.map((r) => [r, roleText])) as Record<SteeringRole, typeof roleText>),
    minutes: z
      .string({ error: "Scrivi il verbale della riunione" })
      .trim()
      .min(10, "Scrivi il verbale della riunione (almeno 10 caratteri)")
      .max(20000, "Al massimo 20000 caratteri"),
    decisions: z
      .string()
      .optional()
      .transform((v) => v?.trim() ?? "")
      .pipe(z.string().max(5000, "Al massimo 5000 caratteri")),
  })
  .superRefine((v, ctx) => {
    if (!STEERING_ROLE_KEYS.some((r) => v[r]))
      ctx.addIssue({ code: "custom", path: ["agency"], message: "Indica chi ha partecipato, almeno per un ruolo" });
  });
export type SteeringMeetingInput = z.infer<typeof SteeringMeetingSchema>;

export const participantsOf = (input: SteeringMeetingInput): SteeringParticipants =>
  Object.fromEntries(STEERING_ROLE_KEYS.filter((r) => input[r]).map((r) => [r, input[r]]));
