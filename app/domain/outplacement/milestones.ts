import type { OutplacementEventType, OutplacementRuleId } from "~/db/tables/outplacement";
import { nationalHolidays } from "~/domain/l68";
import { addDays, addMonths, daysBetween } from "~/utils/dates";

/**
 * The legal calendar of a redundancy event (docs/decisions/outplacement.md#evento): pure, computed from the event's dates.
 * Every term here is a warning for the coordinator, never a move of the event (the union and administrative terms are
 * «ordinatori»); the only peremptory one (the list 7 days after the first dismissal) is the employer's.
 */

/** What the computation needs of an event (a row, or the form being edited). */
export interface MilestoneInput {
  type: OutplacementEventType;
  surplusAnnounced: number | null;
  surplusFinal: number | null;
  communicationOn: string | null;
  unionRequestOn: string | null;
  unionPhaseEndOn: string | null;
  planReceivedOn: string | null;
  firstDismissalOn: string | null;
  procedureEndOn: string | null;
  agreementOn: string | null;
  cigsFrom: string | null;
  cigsTo: string | null;
  /** The dismissal dates known (the workers' ones, distinct); the first dismissal counts even without workers. */
  dismissalDates?: readonly string[];
}

/**
 * One deadline: `item` tells apart several deadlines of one rule. `kind` «due» is a deadline to meet, «window» a period that
 * ends on `dueOn` (from `startsOn`), «not_before» a date before which something may not happen.
 */
export interface ComputedMilestone {
  ruleId: OutplacementRuleId;
  item: string;
  kind: "due" | "window" | "not_before";
  label: string;
  basis: string;
  startsOn: string | null;
  dueOn: string;
  /** Done as shown by the event's own dates (e.g. the union phase ended, the plan received). */
  doneOn: string | null;
}

export type MilestoneStatus = "done" | "overdue" | "due_soon" | "upcoming" | "running" | "ended";

/** Days before a deadline when it is «in scadenza» and the first reminder goes out (the second one the day before). */
export const DUE_SOON_DAYS = 7;
export const REMINDER_OFFSETS = [7, 1] as const;

/** Fewer than 10 workers involved: the union and administrative terms are halved (rounded up, in the parties' favour). */
export const SMALL_PROCEDURE_WORKERS = 10;

export const RULE_LABELS: Record<OutplacementRuleId, string> = {
  "L223-UNION": "Fase sindacale (L. 223/1991)",
  "L223-ADMIN": "Fase amministrativa (L. 223/1991)",
  "L223-LIST": "Elenco dei lavoratori licenziati",
  "L223-WINDOW": "Finestra per i licenziamenti (120 giorni)",
  "L223-PRECEDENCE": "Diritto di precedenza nella riassunzione",
  "L68-SUSP": "Sospensione degli obblighi L. 68/1999",
  "L234-PLAN": "Chiusura di sede (L. 234/2021)",
  "ADR-24BIS": "Assegno di ricollocazione anticipato (24-bis)",
  "NASPI-CONTACT": "Contatto dopo la domanda NASpI",
  INFO: "Informativa e incontro informativo",
  INTAKE: "Colloquio di accoglienza",
  PLAN: "Progetto di reinserimento firmato",
  BILANCIO: "Bilancio di competenze",
  REVIEW: "Verifica del progetto",
  "TRAINING-ABS": "Assenze dalla formazione",
  DEVIATION: "Segnalazione dell'ente",
  FOLLOWUP: "Verifica degli esiti",
  "FINAL-REPORT": "Relazione finale",
};

/** The workers involved for the halving: the final surplus when known, else the announced one. */
export function workersInvolved(e: Pick<MilestoneInput, "surplusAnnounced" | "surplusFinal">): number | null {
  return e.surplusFinal ?? e.surplusAnnounced ?? null;
}

/** 45 → 23 and 30 → 15 days under 10 workers (half, rounded up). */
export function phaseDays(full: number, workers: number | null): number {
  return workers !== null && workers < SMALL_PROCEDURE_WORKERS ? Math.ceil(full / 2) : full;
}

const earliest = (...dates: (string | null | undefined)[]): string | null => dates.filter((d): d is string => !!d).sort()[0] ?? null;

/** The legal end of the union phase: the recorded end, or the communication + 45 (23) days. */
export function unionPhaseEnd(e: MilestoneInput): string | null {
  if (e.unionPhaseEndOn) return e.unionPhaseEndOn;
  return e.communicationOn ? addDays(e.communicationOn, phaseDays(45, workersInvolved(e))) : null;
}

/**
 * The end of the procedure: recorded, or the agreement, or (L. 223) the end of the administrative phase after a union
 * phase without agreement. The 120-day window and the L. 68 suspension run from it.
 */
export function procedureEnd(e: MilestoneInput): string | null {
  if (e.procedureEndOn) return e.procedureEndOn;
  if (e.agreementOn) return e.agreementOn;
  if (e.type === "collective_dismissal_l223" && e.unionPhaseEndOn) return addDays(e.unionPhaseEndOn, phaseDays(30, workersInvolved(e)));
  return null;
}

/** The dismissals made or known: the workers' dates and the first dismissal, distinct and sorted. */
export function dismissalDatesOf(e: MilestoneInput): string[] {
  return [...new Set([...(e.dismissalDates ?? []), ...(e.firstDismissalOn ? [e.firstDismissalOn] : [])])].sort();
}

// A term falling on a national holiday (the calendar of the L. 68 working-day count, San Francesco included from 2026)
// or on a Sunday moves to the next day.
export function isHolidayOrSunday(iso: string): boolean {
  const weekday = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return weekday === 0 || nationalHolidays(Number(iso.slice(0, 4))).has(iso);
}

export function nextWorkingDayFrom(iso: string): string {
  let d = iso;
  while (isHolidayOrSunday(d)) d = addDays(d, 1);
  return d;
}

/**
 * The event's deadlines of the rule table, in date order. Member-level rules (NASpI contact, intake, plan …) are computed
 * where the members are.
 */
export function computeMilestones(e: MilestoneInput, today: string): (ComputedMilestone & { status: MilestoneStatus })[] {
  const out: ComputedMilestone[] = [];
  const workers = workersInvolved(e);
  const halved = workers !== null && workers < SMALL_PROCEDURE_WORKERS;
  const dismissals = dismissalDatesOf(e);
  const end = procedureEnd(e);

  if (e.type === "collective_dismissal_l223" && e.communicationOn) {
    out.push({
      ruleId: "L223-UNION",
      item: "union_request",
      kind: "due",
      label: "Richiesta di esame congiunto da parte dei sindacati (7 giorni dalla comunicazione)",
      basis: "L. 223/1991 art. 4 c. 5",
      startsOn: e.communicationOn,
      dueOn: addDays(e.communicationOn, 7),
      doneOn: e.unionRequestOn,
    });
    const unionEnd = addDays(e.communicationOn, phaseDays(45, workers));
    out.push({
      ruleId: "L223-UNION",
      item: "union_end",
      kind: "due",
      label: halved
        ? "Fine della fase sindacale (23 giorni: meno di 10 lavoratori, termine dimezzato)"
        : "Fine della fase sindacale (45 giorni dalla comunicazione)",
      basis: "L. 223/1991 art. 4 c. 6 e c. 8",
      startsOn: e.communicationOn,
      dueOn: unionEnd,
      doneOn: earliest(e.unionPhaseEndOn, e.agreementOn),
    });
    // The administrative phase opens only when the union phase ended without an agreement.
    const agreedInUnionPhase = !!e.agreementOn && (!e.unionPhaseEndOn || e.agreementOn <= e.unionPhaseEndOn);
    if (!agreedInUnionPhase && e.unionPhaseEndOn) {
      out.push({
        ruleId: "L223-ADMIN",
        item: "admin_end",
        kind: "due",
        label: halved
          ? "Fine della fase amministrativa (15 giorni: meno di 10 lavoratori, termine dimezzato)"
          : "Fine della fase amministrativa (30 giorni)",
        basis: "L. 223/1991 art. 4 c. 7 e c. 8",
        startsOn: e.unionPhaseEndOn,
        dueOn: addDays(e.unionPhaseEndOn, phaseDays(30, workers)),
        doneOn: earliest(e.agreementOn, e.procedureEndOn),
      });
    }
  }

  if (e.type === "collective_dismissal_l223" && e.firstDismissalOn) {
    out.push({
      ruleId: "L223-LIST",
      item: "list",
      kind: "due",
      label: "Elenco dei lavoratori licenziati dall'azienda (7 giorni dal primo licenziamento, termine perentorio)",
      basis: "L. 223/1991 art. 4 c. 9",
      startsOn: e.firstDismissalOn,
      dueOn: addDays(e.firstDismissalOn, 7),
      doneOn: null,
    });
  }

  if (e.type === "collective_dismissal_l223" && end) {
    out.push({
      ruleId: "L223-WINDOW",
      item: "window",
      kind: "window",
      label: "Finestra per intimare i licenziamenti (120 giorni dalla fine della procedura)",
      basis: "D.L. 148/1993 art. 8 c. 4",
      startsOn: end,
      dueOn: addDays(end, 120),
      doneOn: null,
    });
  }

  if (e.type === "collective_dismissal_l223" || e.type === "site_closure_l234") {
    for (const d of dismissals) {
      out.push({
        ruleId: "L223-PRECEDENCE",
        item: d,
        kind: "window",
        label: "Precedenza nella riassunzione presso la stessa azienda (6 mesi dal licenziamento)",
        basis: "L. 264/1949 art. 15 c. 6; L. 223/1991 art. 8 c. 1",
        startsOn: d,
        dueOn: addMonths(d, 6),
        doneOn: null,
      });
    }
  }

  // L. 68/1999: suspended during the procedure, and for the 6-month precedence period if it ends with ≥ 5 dismissals;
  // during CIGS for its duration.
  if (e.type === "collective_dismissal_l223" && e.communicationOn) {
    const dismissedCount = Math.max(dismissals.length, e.surplusFinal ?? 0);
    const to = end ? (dismissedCount >= 5 ? addMonths(end, 6) : end) : null;
    if (to)
      out.push({
        ruleId: "L68-SUSP",
        item: "suspension",
        kind: "window",
        label:
          dismissedCount >= 5
            ? "Sospensione degli obblighi di assunzione L. 68/1999 (procedura + 6 mesi: almeno 5 licenziamenti)"
            : "Sospensione degli obblighi di assunzione L. 68/1999 (durata della procedura)",
        basis: "L. 68/1999 art. 3 c. 5; L. 223/1991 art. 4",
        startsOn: e.communicationOn,
        dueOn: to,
        doneOn: null,
      });
  }
  if ((e.type === "cigs_transition_22ter" || e.type === "cigs_relocation_24bis" || e.type === "cigs_other") && e.cigsFrom && e.cigsTo) {
    out.push({
      ruleId: "L68-SUSP",
      item: "suspension",
      kind: "window",
      label: "Sospensione degli obblighi di assunzione L. 68/1999 (durata della CIGS)",
      basis: "L. 68/1999 art. 3 c. 5",
      startsOn: e.cigsFrom,
      dueOn: e.cigsTo,
      doneOn: null,
    });
  }

  if (e.type === "site_closure_l234" && e.communicationOn) {
    out.push({
      ruleId: "L234-PLAN",
      item: "plan",
      kind: "due",
      label: "Presentazione del piano per limitare le ricadute occupazionali (60 giorni dalla comunicazione)",
      basis: "L. 234/2021 art. 1 c. 228",
      startsOn: e.communicationOn,
      dueOn: addDays(e.communicationOn, 60),
      doneOn: e.planReceivedOn,
    });
    if (e.planReceivedOn)
      out.push({
        ruleId: "L234-PLAN",
        item: "exam_end",
        kind: "due",
        label: "Fine dell'esame del piano (120 giorni dalla presentazione)",
        basis: "L. 234/2021 art. 1 c. 231 (D.L. 144/2022)",
        startsOn: e.planReceivedOn,
        dueOn: addDays(e.planReceivedOn, 120),
        doneOn: earliest(e.agreementOn, e.procedureEndOn),
      });
    out.push({
      ruleId: "L234-PLAN",
      item: "notice_180",
      kind: "not_before",
      label: "Nessun licenziamento prima di 180 giorni dalla comunicazione",
      basis: "L. 234/2021 art. 1 c. 227 (D.L. 144/2022)",
      startsOn: e.communicationOn,
      dueOn: addDays(e.communicationOn, 180),
      doneOn: null,
    });
  }

  if (e.type === "cigs_relocation_24bis" && e.agreementOn) {
    out.push({
      ruleId: "ADR-24BIS",
      item: "adr_request",
      kind: "due",
      label: "Richiesta anticipata dell'assegno di ricollocazione da parte dei lavoratori (30 giorni dall'accordo)",
      basis: "D.Lgs. 148/2015 art. 24-bis c. 2",
      startsOn: e.agreementOn,
      dueOn: nextWorkingDayFrom(addDays(e.agreementOn, 30)),
      doneOn: null,
    });
  }

  return out
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.ruleId.localeCompare(b.ruleId))
    .map((m) => ({ ...m, status: milestoneStatus(m, today) }));
}

/** Where a deadline stands today (dates as «YYYY-MM-DD»). */
export function milestoneStatus(
  m: { kind: ComputedMilestone["kind"]; startsOn: string | null; dueOn: string; doneOn: string | null },
  today: string,
): MilestoneStatus {
  if (m.doneOn) return "done";
  if (m.kind === "window" || m.kind === "not_before") {
    if (today > m.dueOn) return "ended";
    return m.startsOn && today < m.startsOn ? "upcoming" : "running";
  }
  const left = daysBetween(today, m.dueOn);
  if (left < 0) return "overdue";
  return left <= DUE_SOON_DAYS ? "due_soon" : "upcoming";
}

export const MILESTONE_STATUS_LABELS: Record<MilestoneStatus, string> = {
  done: "Fatto",
  overdue: "Scaduto",
  due_soon: "In scadenza",
  upcoming: "Da fare",
  running: "In corso",
  ended: "Concluso",
};

/** The reminder (7 or 1 days before) due today for a deadline not done, if any. */
export function reminderDue(m: { kind: ComputedMilestone["kind"]; dueOn: string; doneOn: string | null }, today: string): 7 | 1 | null {
  if (m.doneOn || m.kind === "not_before") return null;
  const left = daysBetween(today, m.dueOn);
  if (left >= 0 && left <= 1) return 1;
  if (left >= 2 && left <= 7) return 7;
  return null;
}

/** The rules whose deadline is a window (a period) rather than something to do. */
export const WINDOW_RULES: readonly OutplacementRuleId[] = ["L223-WINDOW", "L223-PRECEDENCE", "L68-SUSP"];

/** The kind of a stored deadline, from its rule and item. */
export function milestoneKind(ruleId: OutplacementRuleId, item: string): ComputedMilestone["kind"] {
  if (ruleId === "L234-PLAN" && item === "notice_180") return "not_before";
  return WINDOW_RULES.includes(ruleId) ? "window" : "due";
}
