/**
 * Suspensions (docs/decisions/tirocini.md «Sospensioni»): only for the reasons of the Linee guida 2017 — maternity,
 * injury or illness lasting at least 30 days, closure of the host of at least 15 calendar days (Valle d'Aosta: closures
 * of 1 to 45 days). Suspended days do not count towards the maximum duration and move the end date forward by as many
 * days. Client-safe.
 */
import { addDays, daysBetween } from "~/utils/dates";
import type { InternshipRegion } from "../checker";
import { plural } from "~/utils/plural";

export const SUSPENSION_REASONS = ["maternity", "illness_injury", "closure"] as const;
export type SuspensionReason = (typeof SUSPENSION_REASONS)[number];

export const SUSPENSION_REASON_LABELS: Record<SuspensionReason, string> = {
  maternity: "Maternità",
  illness_injury: "Malattia o infortunio di lunga durata",
  closure: "Chiusura aziendale",
};

export interface SuspensionLimits {
  /** Minimum length in calendar days (null: none). */
  minDays: number | null;
  maxDays: number | null;
}

const NATIONAL: Record<SuspensionReason, SuspensionLimits> = {
  maternity: { minDays: null, maxDays: null },
  illness_injury: { minDays: 30, maxDays: null },
  closure: { minDays: 15, maxDays: null },
};

const REGIONAL: Partial<Record<InternshipRegion, Partial<Record<SuspensionReason, SuspensionLimits>>>> = {
  "valle-d-aosta": { closure: { minDays: 1, maxDays: 45 } },
};

export function suspensionLimits(region: InternshipRegion, reason: SuspensionReason): SuspensionLimits {
  return REGIONAL[region]?.[reason] ?? NATIONAL[reason];
}

/** Calendar days of a suspension from its first day to its last, both included. */
export const suspensionLength = (startDate: string, lastDay: string) => daysBetween(startDate, lastDay) + 1;

/**
 * Why this suspension may not be recorded (Italian), or null: the declared length must be within the Region's bounds
 * for the reason, and it must start while the internship runs.
 */
export function suspensionProblem(
  region: InternshipRegion,
  reason: SuspensionReason,
  startDate: string,
  expectedLastDay: string,
  internship: { startDate: string; endDate: string },
): { field: "startDate" | "expectedEndDate"; message: string } | null {
  if (startDate < internship.startDate || startDate > internship.endDate)
    return { field: "startDate", message: "La sospensione deve iniziare mentre il tirocinio è in corso" };
  if (expectedLastDay < startDate) return { field: "expectedEndDate", message: "La fine prevista non può precedere l'inizio" };
  const days = suspensionLength(startDate, expectedLastDay);
  const { minDays, maxDays } = suspensionLimits(region, reason);
  const label = SUSPENSION_REASON_LABELS[reason].toLowerCase();
  if (minDays !== null && days < minDays)
    return {
      field: "expectedEndDate",
      message: `Per ${label} la sospensione è ammessa solo se dura almeno ${plural(minDays, "giorno", "giorni")} di calendario (qui ${days})`,
    };
  if (maxDays !== null && days > maxDays)
    return {
      field: "expectedEndDate",
      message: `Per ${label} la sospensione può durare al massimo ${plural(maxDays, "giorno", "giorni")} (qui ${days})`,
    };
  return null;
}

/** Days suspended when the trainee comes back on `resumedOn` (the first day back): they move the end date forward. */
export function suspendedDays(startDate: string, resumedOn: string): number {
  return daysBetween(startDate, resumedOn);
}

/** The end date after a suspension of `days` days. */
export const shiftEndDate = (endDate: string, days: number) => addDays(endDate, days);
