/**
 * The states of a cohort member and the only moves between them (client-safe, pure). The table and the reasons for
 * each move are in docs/decisions/outplacement.md («Coorte e dati personali»). Writing a move is `transitionMember`
 * (members.server.ts): row lock, version check, state history, audit and search sync in one transaction.
 */
import { addDays, daysBetween } from "~/utils/dates";

export const MEMBER_STATES = [
  "imported",
  "contacted",
  "informed",
  "unreachable",
  "in_intake",
  "plan_draft",
  "active",
  "in_training",
  "suspended",
  "placed",
  "exited_sanction",
  "exited_retired",
  "transferred",
  "withdrawn",
  "closed",
] as const;
export type MemberState = (typeof MEMBER_STATES)[number];

export const MEMBER_STATE_LABELS: Record<MemberState, string> = {
  imported: "Importato",
  contacted: "Contattato",
  informed: "Informato",
  unreachable: "Non raggiungibile",
  in_intake: "In accoglienza",
  plan_draft: "Progetto in bozza",
  active: "In percorso",
  in_training: "In formazione",
  suspended: "Sospeso",
  placed: "Ricollocato",
  exited_sanction: "Uscito per sanzione",
  exited_retired: "Uscito per pensionamento",
  transferred: "Trasferito ad altro CPI",
  withdrawn: "Ritirato",
  closed: "Chiuso",
};

/** Who moves a member: a CPI officer, the accredited provider's operator assigned to the member, or the system (plans, outcomes). */
export type MemberActorKind = "officer" | "provider" | "system";

export const MEMBER_EVENTS = [
  "notify",
  "inform",
  "mark_unreachable",
  "reach",
  "start_intake",
  "draft_plan",
  "sign_plan",
  "start_training",
  "end_training",
  "place",
  "lose_job",
  "suspend",
  "resume",
  "sanction",
  "retire",
  "transfer",
  "withdraw",
  "close",
  "rehire",
] as const;
export type MemberEvent = (typeof MEMBER_EVENTS)[number];

interface Move {
  to: MemberState;
  by: readonly MemberActorKind[];
}

const O = ["officer", "system"] as const;
const OP = ["officer", "provider", "system"] as const;
const EXITS: readonly MemberState[] = ["exited_sanction", "exited_retired", "withdrawn"];
/** Closing and re-hiring by the dismissing employer apply from every state but these. */
const FINAL: readonly MemberState[] = ["closed", "transferred"];

const ongoing = (extra: Partial<Record<MemberEvent, Move>> = {}): Partial<Record<MemberEvent, Move>> => ({
  place: { to: "placed", by: OP },
  suspend: { to: "suspended", by: O },
  sanction: { to: "exited_sanction", by: O },
  retire: { to: "exited_retired", by: O },
  transfer: { to: "transferred", by: O },
  withdraw: { to: "withdrawn", by: O },
  ...extra,
});

/**
 * The moves of the state table. A member in training is still in the path (a sub-state of «In percorso»): every
 * move out of the path applies to it too. Re-hiring by the dismissing employer (precedence) is added to every state
 * but the final ones below.
 */
const BASE: Record<MemberState, Partial<Record<MemberEvent, Move>>> = {
  imported: { notify: { to: "contacted", by: O }, inform: { to: "informed", by: OP } },
  contacted: { inform: { to: "informed", by: OP }, mark_unreachable: { to: "unreachable", by: O } },
  unreachable: { reach: { to: "contacted", by: O }, inform: { to: "informed", by: OP } },
  informed: { start_intake: { to: "in_intake", by: OP } },
  in_intake: { draft_plan: { to: "plan_draft", by: OP } },
  plan_draft: { sign_plan: { to: "active", by: OP } },
  active: ongoing({ start_training: { to: "in_training", by: OP } }),
  in_training: ongoing({ end_training: { to: "active", by: OP } }),
  suspended: { resume: { to: "active", by: O } },
  placed: { lose_job: { to: "active", by: OP }, close: { to: "closed", by: O } },
  exited_sanction: { close: { to: "closed", by: O } },
  exited_retired: { close: { to: "closed", by: O } },
  withdrawn: { close: { to: "closed", by: O } },
  transferred: {},
  closed: {},
};

export const MEMBER_TRANSITIONS: Record<MemberState, Partial<Record<MemberEvent, Move>>> = Object.fromEntries(
  MEMBER_STATES.map((s) => [s, FINAL.includes(s) || s === "placed" ? BASE[s] : { ...BASE[s], rehire: { to: "placed", by: O } }]),
) as Record<MemberState, Partial<Record<MemberEvent, Move>>>;

export function nextMemberState(from: MemberState, event: MemberEvent, by: MemberActorKind): MemberState | null {
  const move = MEMBER_TRANSITIONS[from][event];
  return move && move.by.includes(by) ? move.to : null;
}

/** The events this actor may fire now, for showing only the buttons that work. */
export function availableMemberEvents(from: MemberState, by: MemberActorKind): MemberEvent[] {
  return (Object.entries(MEMBER_TRANSITIONS[from]) as [MemberEvent, Move][]).filter(([, m]) => m.by.includes(by)).map(([e]) => e);
}

/** The member is out of the path: no more services, only the last follow-up and closing. */
export const isExited = (s: MemberState) => EXITS.includes(s);

export const MEMBER_EVENT_LABELS: Record<MemberEvent, string> = {
  notify: "Segna l'informativa come inviata",
  inform: "Segna come informato",
  mark_unreachable: "Segna come non raggiungibile",
  reach: "Contatto ripreso",
  start_intake: "Avvia l'accoglienza",
  draft_plan: "Progetto di reinserimento in bozza",
  sign_plan: "Progetto firmato",
  start_training: "Inizio formazione",
  end_training: "Fine formazione",
  place: "Ricollocato",
  lose_job: "Lavoro perso: riprende il percorso",
  suspend: "Sospendi (malattia, maternità, altro giustificato)",
  resume: "Riprendi il percorso",
  sanction: "Decadenza per sanzione",
  retire: "Pensionamento",
  transfer: "Trasferito ad altro CPI",
  withdraw: "Ritiro dai servizi volontari",
  close: "Chiudi dopo l'ultimo follow-up",
  rehire: "Riassunto dall'azienda di provenienza",
};

/** The events an officer fires by hand from the member page (the others come from their own forms: notice, session, plan, outcome). */
export const MANUAL_EVENTS: readonly MemberEvent[] = [
  "mark_unreachable",
  "reach",
  "start_intake",
  "suspend",
  "resume",
  "sanction",
  "retire",
  "transfer",
  "withdraw",
  "close",
  "rehire",
];

// ── UNREACHABLE: a task for the officer ──────────────────────────────────────────────────────────

/** Failed contact attempts after which a contacted member is proposed as unreachable. */
export const UNREACHABLE_ATTEMPTS = 3;
/** Days without a reply after the notice after which a contacted member is proposed as unreachable. */
export const UNREACHABLE_DAYS = 14;

/**
 * Whether a contacted member is due to be marked unreachable (the officer decides: the list shows it as a task).
 * `noticeSentOn` and `today` are YYYY-MM-DD.
 */
export function unreachableDue(m: { state: MemberState; failedAttempts: number; noticeSentOn: string | null }, today: string): boolean {
  if (m.state !== "contacted") return false;
  if (m.failedAttempts >= UNREACHABLE_ATTEMPTS) return true;
  return m.noticeSentOn !== null && daysBetween(m.noticeSentOn, today) >= UNREACHABLE_DAYS;
}

/** Since when a member with the notice sent on `noticeSentOn` counts as «not yet reached» (for the reminder). */
export const unreachableFrom = (noticeSentOn: string) => addDays(noticeSentOn, UNREACHABLE_DAYS);

// ── Situation at import ──────────────────────────────────────────────────────────────────────────

export const SITUATIONS = ["dismissed", "notice_period", "cigs_zero_hours", "cigs_partial", "voluntary_exit"] as const;
export type Situation = (typeof SITUATIONS)[number];

export const SITUATION_LABELS: Record<Situation, string> = {
  dismissed: "Licenziato",
  notice_period: "In preavviso",
  cigs_zero_hours: "CIGS a zero ore",
  cigs_partial: "CIGS a orario ridotto",
  voluntary_exit: "Uscita volontaria incentivata",
};
