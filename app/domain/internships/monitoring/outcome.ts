/**
 * The attestazione rule and the outcome window (docs/decisions/tirocini.md «Attestazione» and «Esito»). Client-safe.
 */
import { addMonths } from "~/utils/dates";

/** The attestazione needs at least this share of the hours planned in the PFI (Linee guida 2017, Allegato 3; S8). */
export const ATTESTATION_MIN_PERCENT = 70;

/** Whether `attended` hours reach 70 % of `planned` (both in hundredths of an hour): exact, no rounding. */
export function attestationAllowed(planned: number, attended: number): boolean {
  return planned > 0 && attended * 100 >= ATTESTATION_MIN_PERCENT * planned;
}

/** ANPAL's monitoring measures employment 6 months after the end; Rosa tracks 12 months too. */
export const OUTCOME_HORIZONS = [6, 12] as const;
export type OutcomeHorizon = (typeof OUTCOME_HORIZONS)[number];

/**
 * The hires that count for the outcome at `months`: starting from the internship's first day (a hire during the
 * internship ends it with a job) to `months` after its last day, inclusive.
 */
export function outcomeWindow(startDate: string, lastDay: string, months: OutcomeHorizon): { from: string; to: string } {
  return { from: startDate, to: addMonths(lastDay, months) };
}

export interface HireFact {
  id: string;
  employerId: string;
  startDate: string;
}

export interface OutcomeVerdict {
  status: "pending" | "hired" | "not_hired";
  hire: HireFact | null;
  hiredByHost: boolean | null;
}

/**
 * The outcome at a horizon from Rosa's hires of the trainee: the earliest hire in the window (the host's first on
 * the same day); without one, pending until the window has passed, then not hired.
 */
export function evaluateOutcome(
  window: { from: string; to: string },
  hostEmployerId: string,
  hires: readonly HireFact[],
  today: string,
): OutcomeVerdict {
  const inWindow = hires
    .filter((h) => h.startDate >= window.from && h.startDate <= window.to)
    .sort(
      (a, b) => a.startDate.localeCompare(b.startDate) || Number(b.employerId === hostEmployerId) - Number(a.employerId === hostEmployerId),
    );
  const hire = inWindow[0] ?? null;
  if (hire) return { status: "hired", hire, hiredByHost: hire.employerId === hostEmployerId };
  return { status: today > window.to ? "not_hired" : "pending", hire: null, hiredByHost: null };
}
