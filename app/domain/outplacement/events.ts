import type { OutplacementAgreementType, OutplacementEventState, OutplacementEventType } from "~/db/tables/outplacement";
import { transitionTable } from "~/domain/workflow/index";

// Client-safe vocabulary and state table of the redundancy event (docs/decisions/outplacement.md#evento).

/** The keys of a label table, in its order, as the non-empty list zod's enum takes. */
const keysOf = <K extends string>(table: Record<K, unknown>) => Object.keys(table) as [K, ...K[]];

/** One text of each entry of a table, under the same keys (the labels of a table of labels and short labels…). */
const textsOf = <K extends string, F extends string>(table: Record<K, Record<F, string>>, field: F) =>
  Object.fromEntries(keysOf(table).map((k) => [k, table[k][field]])) as Record<K, string>;

/** Each procedure type with its label and its short label (tables and badges). */
const EVENT_TYPE_NAMES: Record<OutplacementEventType, { label: string; short: string }> = {
  collective_dismissal_l223: { label: "Licenziamento collettivo (L. 223/1991)", short: "L. 223" },
  cigs_transition_22ter: {
    label: "CIGS con accordo di transizione occupazionale (art. 22-ter D.Lgs. 148/2015)",
    short: "CIGS 22-ter",
  },
  cigs_relocation_24bis: { label: "CIGS con accordo di ricollocazione (art. 24-bis D.Lgs. 148/2015)", short: "CIGS 24-bis" },
  site_closure_l234: { label: "Chiusura di sede (L. 234/2021)", short: "L. 234" },
  cigs_other: { label: "Altra CIGS", short: "CIGS" },
  multi_employer_gol_p5: { label: "Gruppo di più aziende (GOL percorso 5)", short: "GOL P5" },
};

export const EVENT_TYPES = keysOf(EVENT_TYPE_NAMES);

export const EVENT_TYPE_LABELS = textsOf(EVENT_TYPE_NAMES, "label");

/** Short labels for tables and badges. */
export const EVENT_TYPE_SHORT = textsOf(EVENT_TYPE_NAMES, "short");

export const EVENT_STATE_LABELS: Record<OutplacementEventState, string> = {
  draft: "Bozza",
  announced: "Comunicato",
  union_phase: "Fase sindacale",
  admin_phase: "Fase amministrativa",
  plan_exam: "Esame del piano",
  agreement_signed: "Accordo firmato",
  closed_no_agreement: "Chiuso senza accordo",
  cohort_active: "Lavoratori in carico",
  monitoring: "Monitoraggio esiti",
  closed: "Chiuso",
  cancelled: "Annullato",
};

export const EVENT_STATES = keysOf(EVENT_STATE_LABELS);

export const AGREEMENT_TYPE_LABELS: Record<OutplacementAgreementType, string> = {
  esame_congiunto: "Esame congiunto in sede sindacale",
  sede_amministrativa: "Accordo in sede amministrativa",
  accordo_22ter: "Accordo di transizione occupazionale (22-ter)",
  accordo_24bis: "Accordo di ricollocazione (24-bis)",
  piano_l234: "Piano per la chiusura (L. 234/2021)",
  altro: "Altro accordo",
};

export const AGREEMENT_TYPES = keysOf(AGREEMENT_TYPE_LABELS);

/** The regular moves of §4.1; `set_state` is the officer's manual override (any state, with a note). */
export type EventMove =
  | "announce"
  | "open_union_phase"
  | "open_admin_phase"
  | "receive_plan"
  | "sign_agreement"
  | "close_no_agreement"
  | "activate_cohort"
  | "start_monitoring"
  | "close"
  | "cancel";

interface Move {
  to: OutplacementEventState;
  /** The event types the move applies to (absent = every type). */
  types?: readonly OutplacementEventType[];
}

const L223 = ["collective_dismissal_l223"] as const;
const L234 = ["site_closure_l234"] as const;
/** Procedures without a union/administrative phase in Rosa: the agreement follows the announcement. */
const DIRECT_AGREEMENT = ["cigs_transition_22ter", "cigs_relocation_24bis", "cigs_other", "multi_employer_gol_p5"] as const;
const CANCEL: Move = { to: "cancelled" };

/**
 * The only regular moves (officers only; the employer proposes a draft but never moves it). Timers never move an event:
 * the legal terms of the union and administrative phases are warnings (milestones), the officer decides.
 */
export const EVENT_TRANSITIONS: Record<OutplacementEventState, Partial<Record<EventMove, Move>>> = {
  draft: { announce: { to: "announced" }, cancel: CANCEL },
  announced: {
    open_union_phase: { to: "union_phase", types: L223 },
    receive_plan: { to: "plan_exam", types: L234 },
    sign_agreement: { to: "agreement_signed", types: DIRECT_AGREEMENT },
    cancel: CANCEL,
  },
  union_phase: {
    sign_agreement: { to: "agreement_signed" },
    open_admin_phase: { to: "admin_phase" },
    cancel: CANCEL,
  },
  admin_phase: {
    sign_agreement: { to: "agreement_signed" },
    close_no_agreement: { to: "closed_no_agreement" },
    cancel: CANCEL,
  },
  plan_exam: {
    sign_agreement: { to: "agreement_signed" },
    close_no_agreement: { to: "closed_no_agreement" },
    cancel: CANCEL,
  },
  agreement_signed: { activate_cohort: { to: "cohort_active" }, cancel: CANCEL },
  closed_no_agreement: { activate_cohort: { to: "cohort_active" }, cancel: CANCEL },
  cohort_active: { start_monitoring: { to: "monitoring" } },
  monitoring: { close: { to: "closed" } },
  closed: {},
  cancelled: {},
};

/** Officers make every move: what restricts one is the type of the event. */
const TABLE = transitionTable<OutplacementEventState, EventMove, OutplacementEventType, Move>(EVENT_TRANSITIONS, {
  to: (m) => m.to,
  allows: (m, type) => !m.types || m.types.includes(type),
});

export function nextEventState(from: OutplacementEventState, move: EventMove, type: OutplacementEventType): OutplacementEventState | null {
  return TABLE.next(from, move, type);
}

/** The regular moves available now, for showing only the buttons that work. */
export function availableEventMoves(from: OutplacementEventState, type: OutplacementEventType): EventMove[] {
  return TABLE.available(from, type);
}

/** What each regular move is called on its button, and what the officer reads once it is done. */
const MOVE_TEXTS: Record<EventMove, { label: string; done: string }> = {
  announce: {
    label: "Registra la comunicazione di avvio",
    done: "Comunicazione di avvio registrata: le scadenze di legge sono nel calendario dell'evento.",
  },
  open_union_phase: {
    label: "Apri la fase sindacale",
    done: "Fase sindacale aperta: il calendario mostra la fine dei 45 giorni (dimezzati sotto i 10 lavoratori).",
  },
  open_admin_phase: {
    label: "Passa alla fase amministrativa",
    done: "Fase amministrativa aperta: il calendario mostra la fine dei 30 giorni (dimezzati sotto i 10 lavoratori).",
  },
  receive_plan: { label: "Registra il piano ricevuto", done: "Piano registrato: è in esame." },
  sign_agreement: { label: "Registra l'accordo firmato", done: "Accordo registrato: ora puoi caricare l'elenco dei lavoratori." },
  close_no_agreement: {
    label: "Chiudi senza accordo",
    done: "Evento chiuso senza accordo: i lavoratori licenziati possono comunque essere presi in carico.",
  },
  activate_cohort: { label: "Prendi in carico i lavoratori", done: "Lavoratori presi in carico: l'evento è attivo." },
  start_monitoring: { label: "Passa al monitoraggio degli esiti", done: "Evento in monitoraggio: si seguono gli esiti a 3, 6 e 12 mesi." },
  close: { label: "Chiudi l'evento", done: "Evento chiuso." },
  cancel: { label: "Annulla la procedura", done: "Procedura annullata." },
};

export const EVENT_MOVE_LABELS = textsOf(MOVE_TEXTS, "label");

export const EVENT_MOVE_DONE = {
  ...textsOf(MOVE_TEXTS, "done"),
  set_state: "Stato cambiato manualmente: la nota è nello storico dell'evento.",
} satisfies Record<EventMove | "set_state", string>;

/** States in which the event may still be edited (dates, agreement, sites). Closed and cancelled events are read-only. */
export const EDITABLE_EVENT_STATES: readonly OutplacementEventState[] = EVENT_STATES.filter((s) => s !== "closed" && s !== "cancelled");

/** States of events still in the legal procedure (before the cohort is taken in charge). */
export const PROCEDURE_STATES: readonly OutplacementEventState[] = [
  "draft",
  "announced",
  "union_phase",
  "admin_phase",
  "plan_exam",
  "agreement_signed",
  "closed_no_agreement",
];

/** What the thresholds of the chosen type say about the figures given (F-01): warnings, never a refusal. */
export function eventWarnings(e: {
  type: OutplacementEventType;
  headcountTotal: number | null;
  surplusAnnounced: number | null;
  surplusFinal: number | null;
}): string[] {
  const out: string[] = [];
  const surplus = e.surplusFinal ?? e.surplusAnnounced;
  if (e.type === "collective_dismissal_l223") {
    if (e.headcountTotal !== null && e.headcountTotal <= 15)
      out.push("La L. 223/1991 si applica alle aziende con più di 15 dipendenti: controlla il tipo di procedura.");
    if (surplus !== null && surplus < 5)
      out.push(
        "Con meno di 5 licenziamenti in 120 giorni nella provincia di solito non c'è licenziamento collettivo (salvo dopo la CIGS).",
      );
  }
  if (e.type === "site_closure_l234") {
    if (e.headcountTotal !== null && e.headcountTotal < 250)
      out.push("La L. 234/2021 riguarda le aziende con almeno 250 dipendenti in media nell'anno precedente.");
    if (surplus !== null && surplus < 50) out.push("La L. 234/2021 riguarda le chiusure con almeno 50 licenziamenti.");
  }
  if (e.type === "cigs_transition_22ter" && e.headcountTotal !== null && e.headcountTotal <= 15)
    out.push("L'accordo di transizione occupazionale (22-ter) riguarda le aziende con più di 15 dipendenti.");
  return out;
}

/**
 * The tabs of an event's officer page: each part of the service adds its own (path under /operatore/ricollocazione/:eventId,
 * "" for the summary). The page links them in this order.
 */
export const EVENT_TABS: readonly { path: string; label: string }[] = [
  { path: "", label: "Riepilogo" },
  { path: "lavoratori", label: "Lavoratori" },
  { path: "sessioni", label: "Incontri e ore" },
  { path: "cruscotto", label: "Cruscotto" },
  { path: "comitato", label: "Comitato" },
];
