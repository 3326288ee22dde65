/**
 * Hours against the standard (docs/decisions/outplacement.md «Piano e ore»). Pure: the ranges come from the register's
 * standards table (configuration), the actions and sessions from the plan. Times are minutes.
 */
import { registerCode, type ActionMode, type ServiceCode } from "./actions-states";
import type { Attendance } from "./sessions-labels";
import { trainingBand, type TrainingBand } from "./training-bands";

export interface MinuteRange {
  min_minutes: number | null;
  max_minutes: number | null;
}

export type RangeStatus = "below" | "within" | "above" | "none";

export const RANGE_STATUS_LABELS: Record<RangeStatus, string> = {
  below: "Sotto lo standard",
  within: "Nello standard",
  above: "Sopra lo standard",
  none: "Senza standard",
};

/** Where some minutes fall in a range (no bounds: «none»). */
export function rangeStatus(minutes: number, range: MinuteRange | null | undefined): RangeStatus {
  if (!range || (range.min_minutes === null && range.max_minutes === null)) return "none";
  if (range.min_minutes !== null && minutes < range.min_minutes) return "below";
  if (range.max_minutes !== null && minutes > range.max_minutes) return "above";
  return "within";
}

export interface HoursAction {
  serviceCode: ServiceCode;
  mode: ActionMode;
  plannedMinutes: number;
  /** The action belongs to the member's current signed version (its planned minutes count). */
  current: boolean;
  courseTotalMinutes?: number | null;
  courseTitle?: string | null;
  sessions: { minutes: number; attendance: Attendance }[];
}

export interface HoursLine {
  code: string;
  serviceCode: ServiceCode;
  mode: ActionMode;
  plannedMinutes: number;
  deliveredMinutes: number;
  range: MinuteRange | null;
  status: RangeStatus;
}

export interface TrainingLine {
  title: string;
  totalMinutes: number | null;
  attendedMinutes: number;
  unjustifiedMinutes: number;
  /** Share attended of the course's total, 0–100 (null when the total is not known). */
  attendancePct: number | null;
  /** Unjustified absence as a share of the total, for the 25/50/80 % bands of CIGS workers. */
  unjustifiedPct: number | null;
  /** The absence band reached (training-bands.ts), null below 25 % or when the total is not known. */
  band: TrainingBand | null;
}

export interface HoursSummary {
  lines: HoursLine[];
  /** 4E alone and 4E plus the services it activates (training excluded in both). */
  fourEMinutes: number;
  activatedMinutes: number;
  fourE: { individual: HoursLine | null; group: HoursLine | null };
  training: TrainingLine[];
}

const pct = (part: number, total: number | null | undefined) => (total ? Math.round((part / total) * 1000) / 10 : null);

/** Planned (current version) and delivered (sessions attended) minutes per service and mode, each with its range status. */
export function hoursSummary(actions: HoursAction[], ranges: Record<string, MinuteRange>): HoursSummary {
  const byKey = new Map<string, HoursLine>();
  const training: TrainingLine[] = [];
  for (const a of actions) {
    const attended = a.sessions.filter((s) => s.attendance === "present").reduce((n, s) => n + s.minutes, 0);
    if (a.serviceCode === "FORM") {
      if (!a.current && attended === 0) continue;
      const unjustified = a.sessions.filter((s) => s.attendance === "absent_unjustified").reduce((n, s) => n + s.minutes, 0);
      training.push({
        title: a.courseTitle || "Corso di formazione",
        totalMinutes: a.courseTotalMinutes ?? null,
        attendedMinutes: attended,
        unjustifiedMinutes: unjustified,
        attendancePct: pct(attended, a.courseTotalMinutes),
        unjustifiedPct: pct(unjustified, a.courseTotalMinutes),
        band: trainingBand(unjustified, a.courseTotalMinutes),
      });
      continue;
    }
    const code = registerCode(a.serviceCode, a.mode) ?? a.serviceCode;
    const line = byKey.get(code) ?? {
      code,
      serviceCode: a.serviceCode,
      mode: a.mode,
      plannedMinutes: 0,
      deliveredMinutes: 0,
      range: ranges[code] ?? null,
      status: "none" as RangeStatus,
    };
    if (a.current) line.plannedMinutes += a.plannedMinutes;
    line.deliveredMinutes += attended;
    byKey.set(code, line);
  }
  const lines = [...byKey.values()].map((l) => ({ ...l, status: rangeStatus(l.deliveredMinutes, l.range) }));
  lines.sort((a, b) => a.code.localeCompare(b.code));
  const fourE = lines.filter((l) => l.serviceCode === "4E");
  return {
    lines,
    fourEMinutes: fourE.reduce((n, l) => n + l.deliveredMinutes, 0),
    activatedMinutes: lines.reduce((n, l) => n + l.deliveredMinutes, 0),
    fourE: { individual: fourE.find((l) => l.mode === "individual") ?? null, group: fourE.find((l) => l.mode === "group") ?? null },
    training,
  };
}

/** How many members of a cohort are below, within or above the 4E range (members without a 4E action are not counted). */
export function cohortRangeCounts(summaries: HoursSummary[]): Record<"individual" | "group", Record<"below" | "within" | "above", number>> {
  const zero = () => ({ below: 0, within: 0, above: 0 });
  const out = { individual: zero(), group: zero() };
  for (const s of summaries)
    for (const mode of ["individual", "group"] as const) {
      const line = s.fourE[mode];
      if (line && line.status !== "none") out[mode][line.status]++;
    }
  return out;
}

/** Minutes as Italian hours: 90 → «1,5 h», 60 → «1 h». */
export function formatHours(minutes: number): string {
  const h = Math.round((minutes / 60) * 10) / 10;
  return `${h.toLocaleString("it-IT", { maximumFractionDigits: 1 })} h`;
}

/** Hours typed by a person («1,5», «2») as minutes, or null when it is not a number of hours. */
export function parseHours(text: string): number | null {
  const t = text.trim().replace(",", ".");
  if (!/^\d{1,4}(\.\d{1,2})?$/.test(t)) return null;
  return Math.round(Number(t) * 60);
}
