/** Client-safe follow-up checkpoints: 3, 6 and 12 months after t0 (docs/decisions/outplacement.md#esiti-indicatori-e-vista-aggregata). */
import { addMonths, daysBetween } from "~/utils/dates";

export const FOLLOWUP_MONTHS = [3, 6, 12] as const;
export type FollowupMonths = (typeof FOLLOWUP_MONTHS)[number];

/** How many days ahead a checkpoint already appears in the due list. */
export const FOLLOWUP_LEAD_DAYS = 14;

export type FollowupStatus = "done" | "overdue" | "due" | "future";
/** Each reads after «la verifica» (feminine). */
export const FOLLOWUP_STATUS_LABELS: Record<FollowupStatus, string> = {
  done: "Fatta",
  overdue: "Scaduta",
  due: "Da fare",
  future: "Non ancora",
};

export interface Checkpoint {
  months: FollowupMonths;
  dueOn: string;
  status: FollowupStatus;
  doneOn: string | null;
}

/** The three checkpoints of a member from t0, with what is done (months → date done). */
export function followupCheckpoints(t0: string | null, done: Partial<Record<number, string>>, today: string): Checkpoint[] {
  if (!t0) return [];
  return FOLLOWUP_MONTHS.map((months) => {
    const dueOn = addMonths(t0, months);
    const doneOn = done[months] ?? null;
    const left = daysBetween(today, dueOn);
    const status: FollowupStatus = doneOn ? "done" : left < 0 ? "overdue" : left <= FOLLOWUP_LEAD_DAYS ? "due" : "future";
    return { months, dueOn, status, doneOn };
  });
}

/** The due list: checkpoints overdue or due within the lead days, oldest first. */
export function dueFollowups<M extends { id: string; t0: string | null; done: Partial<Record<number, string>> }>(
  members: M[],
  today: string,
) {
  return members
    .flatMap((m) =>
      followupCheckpoints(m.t0, m.done, today)
        .filter((c) => c.status === "overdue" || c.status === "due")
        .map((c) => ({ member: m, ...c })),
    )
    .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
}
