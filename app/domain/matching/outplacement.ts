/**
 * The «ricollocazione» note on the matching page (pure, client-safe): why a worker of a redundancy cohort is shown
 * first, and whether a legal precedence applies. Being in a cohort gives no precedence with other employers; the
 * dismissed worker's precedence in re-hiring lasts 6 months and binds only the employer that dismissed them
 * (docs/legal/outplacement-rehiring-precedence.md).
 */
import { addMonths } from "~/utils/dates";
import { formatDate } from "~/utils/format";

/** Months of the re-hiring precedence after a dismissal. */
export const REHIRE_PRECEDENCE_MONTHS = 6;

export interface CohortMembership {
  eventId: string;
  eventTitle: string;
  /** The employer of the redundancy event (the dismissing employer). */
  employerId: string;
  /** YYYY-MM-DD, null when the worker is not (yet) dismissed (notice period, CIGS). */
  dismissalOn: string | null;
}

/** The last day of the re-hiring precedence with `vacancyEmployerId`, or null when it does not apply on `today`. */
export function rehirePrecedenceUntil(m: CohortMembership, vacancyEmployerId: string, today: string): string | null {
  if (m.employerId !== vacancyEmployerId || !m.dismissalOn || m.dismissalOn > today) return null;
  const until = addMonths(m.dismissalOn, REHIRE_PRECEDENCE_MONTHS);
  return today <= until ? until : null;
}

export interface OutplacementNote {
  /** The precedence in re-hiring applies to this vacancy (its employer dismissed the worker less than 6 months ago). */
  rehire: boolean;
  text: string;
}

/** The Italian explanation for one worker, from their cohort memberships; null when there is none. */
export function outplacementNote(memberships: CohortMembership[], vacancyEmployerId: string, today: string): OutplacementNote | null {
  if (!memberships.length) return null;
  const events = memberships.map((m) => `«${m.eventTitle}»`).join(", ");
  const prefix = `In ricollocazione (${memberships.length > 1 ? "eventi" : "evento"} ${events})`;
  for (const m of memberships) {
    const until = rehirePrecedenceUntil(m, vacancyEmployerId, today);
    if (until)
      return {
        rehire: true,
        text:
          `${prefix}: l'azienda dell'offerta è quella che ha licenziato il lavoratore il ${formatDate(m.dismissalOn!)}; ` +
          `si applica la precedenza nella riassunzione presso la stessa azienda (6 mesi, fino al ${formatDate(until)}).`,
      };
  }
  return {
    rehire: false,
    text: `${prefix}: nessuna precedenza di legge presso altri datori di lavoro; la precedenza di 6 mesi vale solo per la riassunzione presso l'azienda che ha licenziato.`,
  };
}
