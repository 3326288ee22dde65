import { transitionTable } from "~/domain/workflow/index";

/**
 * The internship's state table (docs/decisions/tirocini.md): one internship = one trainee under one PFI, from the
 * employer's request to the attestazione. Client-safe: pages use it to show labels and only the buttons that work.
 */
export const INTERNSHIP_STATES = [
  "requested",
  "scouting",
  "candidate_chosen",
  "drafting",
  "checks_failed",
  "ready_to_sign",
  "partially_signed",
  "awaiting_authorisation",
  "awaiting_co",
  "active",
  "suspended",
  "interrupted",
  "completed",
  "attested",
  "closed_without_attestation",
  "cancelled",
  "rejected",
] as const;

export type InternshipState = (typeof INTERNSHIP_STATES)[number];

export const INTERNSHIP_STATE_LABELS: Record<InternshipState, string> = {
  requested: "Richiesto",
  scouting: "Ricerca del tirocinante",
  candidate_chosen: "Tirocinante scelto",
  drafting: "Progetto formativo in preparazione",
  checks_failed: "Controlli non superati",
  ready_to_sign: "Pronto per la firma",
  partially_signed: "Firmato in parte",
  awaiting_authorisation: "In attesa di autorizzazione regionale",
  awaiting_co: "In attesa della comunicazione obbligatoria",
  active: "In corso",
  suspended: "Sospeso",
  interrupted: "Interrotto",
  completed: "Concluso",
  attested: "Concluso con attestazione",
  closed_without_attestation: "Chiuso senza attestazione",
  cancelled: "Annullato",
  rejected: "Respinto",
};

/** Who moves an internship: the host's users, a CPI officer (the promoter), the trainee, or a job/the checker. */
export type InternshipActorKind = "employer" | "officer" | "candidate" | "system";

export type InternshipEvent =
  | "start_scouting"
  | "choose_candidate"
  | "open_drafting"
  | "checks_passed"
  | "checks_failed"
  | "edit"
  | "sign"
  | "signatures_complete"
  | "authorise"
  | "record_co"
  | "start"
  | "suspend"
  | "resume"
  | "extend"
  | "interrupt"
  | "complete"
  | "issue_attestation"
  | "close"
  | "cancel"
  | "reject";

export const INTERNSHIP_EVENTS = [
  "start_scouting",
  "choose_candidate",
  "open_drafting",
  "checks_passed",
  "checks_failed",
  "edit",
  "sign",
  "signatures_complete",
  "authorise",
  "record_co",
  "start",
  "suspend",
  "resume",
  "extend",
  "interrupt",
  "complete",
  "issue_attestation",
  "close",
  "cancel",
  "reject",
] as const satisfies readonly InternshipEvent[];

export interface InternshipMove {
  to: InternshipState;
  by: readonly InternshipActorKind[];
  /** Only `signatures_complete`: the state when the Region requires a prior authorisation of each internship. */
  toWhenAuthorisationRequired?: InternshipState;
}

const O = ["officer"] as const;
const EO = ["employer", "officer"] as const;
const EOC = ["employer", "officer", "candidate"] as const;
/** Cancelling once a trainee is chosen: any party, or the system when the person's data are erased. */
const EOCS = ["employer", "officer", "candidate", "system"] as const;
const S = ["system"] as const;

const cancelBefore = { to: "cancelled", by: EO } as const;
const cancelWithTrainee = { to: "cancelled", by: EOCS } as const;
const reject = { to: "rejected", by: O } as const;
const checks = { checks_passed: { to: "ready_to_sign", by: S }, checks_failed: { to: "checks_failed", by: S } } as const;

/**
 * The only allowed moves and who may make them; anything else is refused. Self-loops (sign, record_co, extend, a
 * failed re-check) keep the state but still bump the version and write the timeline.
 */
export const INTERNSHIP_TRANSITIONS: Record<InternshipState, Partial<Record<InternshipEvent, InternshipMove>>> = {
  requested: {
    start_scouting: { to: "scouting", by: O },
    // The employer or the officer may name the trainee already in the request: no scouting then.
    choose_candidate: { to: "candidate_chosen", by: EO },
    cancel: cancelBefore,
    reject,
  },
  scouting: { choose_candidate: { to: "candidate_chosen", by: EO }, cancel: cancelBefore, reject },
  candidate_chosen: {
    open_drafting: { to: "drafting", by: O },
    // The chosen person withdrew: back to the search.
    start_scouting: { to: "scouting", by: O },
    cancel: cancelWithTrainee,
    reject,
  },
  drafting: { ...checks, cancel: cancelWithTrainee, reject },
  checks_failed: { ...checks, cancel: cancelWithTrainee, reject },
  ready_to_sign: {
    sign: { to: "partially_signed", by: EOC },
    edit: { to: "drafting", by: EO },
    cancel: cancelWithTrainee,
    reject,
  },
  partially_signed: {
    sign: { to: "partially_signed", by: EOC },
    signatures_complete: { to: "awaiting_co", by: S, toWhenAuthorisationRequired: "awaiting_authorisation" },
    edit: { to: "drafting", by: EO },
    cancel: cancelWithTrainee,
  },
  awaiting_authorisation: {
    authorise: { to: "awaiting_co", by: O },
    // The Region refused the authorisation.
    reject,
    cancel: cancelWithTrainee,
  },
  awaiting_co: {
    record_co: { to: "awaiting_co", by: EO },
    start: { to: "active", by: S },
    cancel: cancelWithTrainee,
  },
  active: {
    suspend: { to: "suspended", by: O },
    // The officer records an extension, or the system applies it when the addendum's third signature is recorded.
    extend: { to: "active", by: ["officer", "system"] },
    interrupt: { to: "interrupted", by: EOC },
    // The daily job concludes it the day after the end date; the officer may record it at once (only past the end date).
    complete: { to: "completed", by: ["system", "officer"] },
  },
  suspended: { resume: { to: "active", by: O }, interrupt: { to: "interrupted", by: EOC } },
  completed: { issue_attestation: { to: "attested", by: O }, close: { to: "closed_without_attestation", by: O } },
  interrupted: { issue_attestation: { to: "attested", by: O }, close: { to: "closed_without_attestation", by: O } },
  attested: {},
  closed_without_attestation: {},
  cancelled: {},
  rejected: {},
};

const TABLE = transitionTable(INTERNSHIP_TRANSITIONS);

/** States where the internship is over: nothing moves it any more. */
export const FINAL_INTERNSHIP_STATES: readonly InternshipState[] = ["attested", "closed_without_attestation", "cancelled", "rejected"];

/** States where the trainee is in the host's unit: they count against the unit's limit of simultaneous trainees. */
export const RUNNING_INTERNSHIP_STATES: readonly InternshipState[] = ["active", "suspended"];

/** States where the PFI may still be changed (drafting form). */
export const PFI_EDITABLE_STATES: readonly InternshipState[] = ["requested", "scouting", "candidate_chosen", "drafting", "checks_failed"];

export function isInternshipState(value: unknown): value is InternshipState {
  return typeof value === "string" && (INTERNSHIP_STATES as readonly string[]).includes(value);
}

export function isInternshipEvent(value: unknown): value is InternshipEvent {
  return typeof value === "string" && (INTERNSHIP_EVENTS as readonly string[]).includes(value);
}

/** The state after `event`, or null when this actor may not fire it now. */
export function nextInternshipState(
  from: InternshipState,
  event: InternshipEvent,
  by: InternshipActorKind,
  options: { authorisationRequired?: boolean } = {},
): InternshipState | null {
  const move = TABLE.move(from, event, by);
  if (!move) return null;
  return options.authorisationRequired && move.toWhenAuthorisationRequired ? move.toWhenAuthorisationRequired : move.to;
}

/** The events this actor may fire now, for showing only the buttons that work. */
export function availableInternshipEvents(from: InternshipState, by: InternshipActorKind): InternshipEvent[] {
  return TABLE.available(from, by);
}

export const INTERNSHIP_EVENT_LABELS: Record<InternshipEvent, string> = {
  start_scouting: "Avvia la ricerca del tirocinante",
  choose_candidate: "Scegli il tirocinante",
  open_drafting: "Avvia il progetto formativo",
  checks_passed: "Controlli superati",
  checks_failed: "Controlli non superati",
  edit: "Modifica il progetto formativo",
  sign: "Firma",
  signatures_complete: "Firme complete",
  authorise: "Registra l'autorizzazione regionale",
  record_co: "Registra la comunicazione obbligatoria",
  start: "Avvio del tirocinio",
  suspend: "Sospendi",
  resume: "Riprendi",
  extend: "Proroga",
  interrupt: "Interrompi",
  complete: "Conclusione alla data di fine",
  issue_attestation: "Rilascia l'attestazione",
  close: "Chiudi senza attestazione",
  cancel: "Annulla il tirocinio",
  reject: "Respingi la richiesta",
};
