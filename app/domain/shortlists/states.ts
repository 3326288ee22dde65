import type { ShortlistActorKind, ShortlistCandidateState, ShortlistStatus } from "~/db/tables/shortlists";
import { DomainError } from "~/domain/errors";

/** The window over which the officer sees how often a person was already presented (client-safe: pages print it). */
export const EXPOSURE_DAYS = 90;

export const CANDIDATE_STATE_LABELS: Record<ShortlistCandidateState, string> = {
  proposed: "Proposto",
  contacting: "In contatto",
  available: "Disponibile",
  not_available: "Non disponibile",
  unreachable: "Non raggiungibile",
  not_interested: "Non interessato",
  presented: "Presentato all'azienda",
  // Not «fissato»: the employer may have asked the CPI to arrange it (see feedback-view.ts for the details).
  interview: "Colloquio richiesto",
  selected: "Selezionato",
  hired: "Assunto",
  not_selected: "Non selezionato",
  withdrew: "Ritirato",
};

export type ShortlistEvent =
  | "start_contact"
  | "mark_available"
  | "mark_not_available"
  | "mark_unreachable"
  | "mark_not_interested"
  | "candidate_confirm"
  | "candidate_decline"
  | "deadline_expired"
  | "retry_contact"
  | "present"
  | "schedule_interview"
  | "select"
  | "hire"
  | "reject"
  | "withdraw";

interface Move {
  to: ShortlistCandidateState;
  by: readonly ShortlistActorKind[];
}

const O = ["officer"] as const;
const C = ["candidate"] as const;
const S = ["system"] as const;
const EO = ["employer", "officer"] as const;
const EOS = ["employer", "officer", "system"] as const;
const OC = ["officer", "candidate"] as const;

const CONTACT_OUTCOMES = {
  mark_available: { to: "available", by: O },
  mark_not_available: { to: "not_available", by: O },
  mark_unreachable: { to: "unreachable", by: O },
  mark_not_interested: { to: "not_interested", by: O },
} as const;

const EMPLOYER_DECISIONS = {
  select: { to: "selected", by: EO },
  hire: { to: "hired", by: EO },
  reject: { to: "not_selected", by: EOS },
  withdraw: { to: "withdrew", by: OC },
} as const;

/**
 * The only allowed moves and who may make them. Only an available person
 * (who confirmed) can be presented; no answer by the deadline counts as not
 * available; an employer decides only on people presented to it.
 */
export const SHORTLIST_TRANSITIONS: Record<ShortlistCandidateState, Partial<Record<ShortlistEvent, Move>>> = {
  proposed: { start_contact: { to: "contacting", by: O }, withdraw: { to: "withdrew", by: OC }, reject: { to: "not_selected", by: S } },
  contacting: {
    ...CONTACT_OUTCOMES,
    candidate_confirm: { to: "available", by: C },
    candidate_decline: { to: "not_available", by: C },
    deadline_expired: { to: "not_available", by: S },
    withdraw: { to: "withdrew", by: OC },
    reject: { to: "not_selected", by: S },
  },
  available: { present: { to: "presented", by: O }, withdraw: { to: "withdrew", by: OC }, reject: { to: "not_selected", by: S } },
  not_available: { retry_contact: { to: "contacting", by: O } },
  unreachable: { retry_contact: { to: "contacting", by: O } },
  not_interested: { retry_contact: { to: "contacting", by: O } },
  presented: { schedule_interview: { to: "interview", by: EO }, ...EMPLOYER_DECISIONS },
  interview: EMPLOYER_DECISIONS,
  selected: { hire: { to: "hired", by: EO }, reject: { to: "not_selected", by: EOS }, withdraw: { to: "withdrew", by: OC } },
  hired: {},
  not_selected: {},
  withdrew: {},
};

export function nextCandidateState(
  from: ShortlistCandidateState,
  event: ShortlistEvent,
  by: ShortlistActorKind,
): ShortlistCandidateState | null {
  const move = SHORTLIST_TRANSITIONS[from][event];
  return move && move.by.includes(by) ? move.to : null;
}

/** The state after this move, or a conflict with the Italian message when the table does not allow it (to this actor). */
export function candidateMove(from: ShortlistCandidateState, event: ShortlistEvent, by: ShortlistActorKind): ShortlistCandidateState {
  const to = nextCandidateState(from, event, by);
  if (to) return to;
  throw new DomainError(
    event === "present"
      ? "Si possono presentare solo i candidati che hanno confermato la disponibilità."
      : `Operazione «${EVENT_LABELS[event]}» non consentita: il candidato è «${CANDIDATE_STATE_LABELS[from]}».`,
    "_form",
    "conflict",
  );
}

export function availableCandidateEvents(from: ShortlistCandidateState, by: ShortlistActorKind): ShortlistEvent[] {
  return (Object.entries(SHORTLIST_TRANSITIONS[from]) as [ShortlistEvent, Move][]).filter(([, m]) => m.by.includes(by)).map(([e]) => e);
}

/** States the employer can see: only people presented to it. */
export const EMPLOYER_VISIBLE_STATES: readonly ShortlistCandidateState[] = ["presented", "interview", "selected", "hired", "not_selected"];

/** Still in the running: told "not selected" when the positions are filled. */
export const OPEN_STATES: readonly ShortlistCandidateState[] = [
  "proposed",
  "contacting",
  "available",
  "presented",
  "interview",
  "selected",
];

export const EVENT_LABELS: Record<ShortlistEvent, string> = {
  start_contact: "Avvia il contatto",
  mark_available: "Disponibile",
  mark_not_available: "Non disponibile",
  mark_unreachable: "Non raggiungibile",
  mark_not_interested: "Non interessato",
  candidate_confirm: "Confermo la disponibilità",
  candidate_decline: "Non sono disponibile",
  deadline_expired: "Nessuna risposta entro la scadenza",
  retry_contact: "Ricontatta",
  present: "Presenta all'azienda",
  schedule_interview: "Colloquio",
  select: "Selezionato",
  hire: "Assunto",
  reject: "Non selezionato",
  withdraw: "Ritira dalla rosa",
};

/** What the officer sees after moving a candidate of a rosa: what happened and what comes next. */
export const EVENT_DONE_MESSAGES: Record<ShortlistEvent, string> = {
  start_contact:
    "Contatto avviato: se ha un indirizzo e-mail il candidato riceve la richiesta di conferma della disponibilità. Registra qui gli esiti delle telefonate.",
  mark_available: "Candidato disponibile: potrai presentarlo all'azienda con la rosa.",
  mark_not_available: "Candidato non disponibile: non sarà presentato all'azienda.",
  mark_unreachable: "Candidato non raggiungibile: puoi ricontattarlo più tardi.",
  mark_not_interested: "Candidato non interessato: non sarà presentato all'azienda.",
  candidate_confirm: "Disponibilità confermata: il candidato potrà essere presentato all'azienda.",
  candidate_decline: "Il candidato ha comunicato che non è disponibile.",
  deadline_expired: "Scadenza registrata: il candidato risulta non disponibile.",
  retry_contact: "Nuovo contatto avviato: registra l'esito quando raggiungi il candidato.",
  present: "Candidato presentato all'azienda: ora attendi il suo riscontro.",
  schedule_interview: "Richiesta di colloquio registrata: accordati con l'azienda e il candidato su data e ora.",
  select: "Candidato selezionato: registra l'assunzione quando avviene.",
  hire: "Assunzione registrata: quando tutte le posizioni sono coperte, chiudi l'offerta con l'esito.",
  reject: "Candidato segnato come non selezionato.",
  withdraw: "Candidato ritirato dalla rosa: non è più proposto per questa offerta.",
};

export const SHORTLIST_STATUS_LABELS: Record<ShortlistStatus, string> = {
  open: "In preparazione",
  presented: "Presentata",
  closed: "Chiusa",
};

/** What happens to a rosa as a whole (the people in it move along SHORTLIST_TRANSITIONS). */
export type ShortlistStatusEvent = "present" | "close";

/**
 * The only allowed moves of a rosa: presented (again, when more people confirmed) until it is
 * closed, which happens when the vacancy's positions are all filled; closed is final.
 */
export const SHORTLIST_STATUS_TRANSITIONS: Record<ShortlistStatus, Partial<Record<ShortlistStatusEvent, ShortlistStatus>>> = {
  open: { present: "presented", close: "closed" },
  presented: { present: "presented", close: "closed" },
  closed: {},
};

export const SHORTLIST_CLOSED = "La rosa è chiusa";

export function nextShortlistStatus(from: ShortlistStatus, event: ShortlistStatusEvent): ShortlistStatus | null {
  return SHORTLIST_STATUS_TRANSITIONS[from][event] ?? null;
}

/** The status after this move, or a conflict with the Italian message when the table does not allow it. */
export function shortlistMove(from: ShortlistStatus, event: ShortlistStatusEvent): ShortlistStatus {
  const to = nextShortlistStatus(from, event);
  if (to) return to;
  throw new DomainError(
    from === "closed" ? SHORTLIST_CLOSED : `Operazione non consentita: la rosa è nello stato «${SHORTLIST_STATUS_LABELS[from]}».`,
    "_form",
    "conflict",
  );
}
