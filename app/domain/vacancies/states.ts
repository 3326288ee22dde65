import type { VacancyOutcome, VacancyStatus } from "~/db/tables/vacancies";
import { transitionTable } from "~/domain/workflow/index";

export const VACANCY_STATUS_LABELS: Record<VacancyStatus, string> = {
  draft: "Bozza",
  submitted: "Inviata al CPI",
  returned: "Da correggere",
  validated: "Convalidata",
  published: "Pubblicata",
  in_preselection: "In preselezione",
  closed: "Chiusa",
};

export const VACANCY_OUTCOME_LABELS: Record<VacancyOutcome, string> = {
  filled: "Posizioni coperte",
  partly_filled: "Posizioni coperte in parte",
  not_filled: "Posizioni non coperte",
  cancelled: "Annullata",
};

/** Who moves a vacancy: the employer's users, a CPI officer, or the deadline job. */
export type VacancyActorKind = "employer" | "officer" | "system";

export type VacancyEvent = "submit" | "return" | "validate" | "publish" | "start_preselection" | "close" | "cancel" | "expire";

interface Move {
  to: VacancyStatus;
  by: readonly VacancyActorKind[];
}

const E = ["employer"] as const;
const O = ["officer"] as const;
const EO = ["employer", "officer"] as const;
const S = ["system"] as const;

/**
 * The only allowed moves and who may make them; anything else is refused with
 * a message. Editing is allowed only in draft and returned (see EDITABLE).
 */
export const VACANCY_TRANSITIONS: Record<VacancyStatus, Partial<Record<VacancyEvent, Move>>> = {
  draft: { submit: { to: "submitted", by: E }, cancel: { to: "closed", by: E } },
  returned: { submit: { to: "submitted", by: E }, cancel: { to: "closed", by: E } },
  submitted: {
    validate: { to: "validated", by: O },
    return: { to: "returned", by: O },
    cancel: { to: "closed", by: EO },
  },
  validated: {
    publish: { to: "published", by: EO },
    start_preselection: { to: "in_preselection", by: O },
    cancel: { to: "closed", by: EO },
    expire: { to: "closed", by: S },
  },
  published: {
    start_preselection: { to: "in_preselection", by: O },
    close: { to: "closed", by: EO },
    cancel: { to: "closed", by: EO },
    expire: { to: "closed", by: S },
  },
  in_preselection: {
    close: { to: "closed", by: EO },
    cancel: { to: "closed", by: EO },
    expire: { to: "closed", by: S },
  },
  closed: {},
};

export const EDITABLE_STATUSES: readonly VacancyStatus[] = ["draft", "returned"];

/** Open to applications and visible on the public board (unless internal). */
export const LIVE_STATUSES: readonly VacancyStatus[] = ["published", "in_preselection"];

/** Days before the closing date when the employer's desk lists a live vacancy as expiring. */
export const EXPIRING_DAYS = 7;

const TABLE = transitionTable(VACANCY_TRANSITIONS);

export function nextVacancyStatus(from: VacancyStatus, event: VacancyEvent, by: VacancyActorKind): VacancyStatus | null {
  return TABLE.next(from, event, by);
}

/** The events this actor may fire now, for showing only the buttons that work. */
export function availableEvents(from: VacancyStatus, by: VacancyActorKind): VacancyEvent[] {
  return TABLE.available(from, by);
}

export const EVENT_LABELS: Record<VacancyEvent, string> = {
  submit: "Invia al Centro per l'Impiego",
  return: "Rimanda all'azienda",
  validate: "Convalida",
  publish: "Pubblica",
  start_preselection: "Avvia la preselezione",
  close: "Chiudi con l'esito",
  cancel: "Annulla l'offerta",
  expire: "Chiusura alla scadenza",
};

/**
 * What the person sees after a transition: what happened and what comes next (not «Fatto: convalida.»).
 * By who acted: the employer's users or a CPI officer.
 */
export const EVENT_DONE_MESSAGES: Record<VacancyEvent, { employer: string; officer: string }> = {
  submit: {
    employer:
      "Offerta inviata al Centro per l'Impiego: un operatore la controlla e la convalida, oppure te la rimanda con le correzioni da fare.",
    officer: "Offerta inviata alla convalida: la trovi tra le offerte da convalidare.",
  },
  return: {
    employer: "Offerta rimandata all'azienda: correggila e inviala di nuovo.",
    officer: "Offerta rimandata all'azienda con le correzioni da fare: l'azienda riceve un avviso, la corregge e la invia di nuovo.",
  },
  validate: {
    employer: "Offerta convalidata dal Centro per l'Impiego: ora può essere pubblicata.",
    officer: "Offerta convalidata: ora puoi pubblicarla o avviare la preselezione dei candidati. L'azienda riceve un avviso.",
  },
  publish: {
    employer: "Offerta pubblicata: riceve candidature fino alla scadenza.",
    officer:
      "Offerta pubblicata: riceve candidature fino alla scadenza (se non è riservata agli operatori è anche nella bacheca pubblica). Puoi avviare la preselezione quando vuoi.",
  },
  start_preselection: {
    employer: "Preselezione avviata: il Centro per l'Impiego cerca i candidati e ti presenterà una rosa.",
    officer: "Preselezione avviata: cerca i candidati nell'incrocio e prepara la rosa da presentare all'azienda.",
  },
  close: {
    employer: "Offerta chiusa con l'esito indicato: non riceve più candidature.",
    officer: "Offerta chiusa con l'esito indicato: non riceve più candidature e la sua pagina pubblica dice che è chiusa.",
  },
  cancel: {
    employer: "Offerta annullata: non riceve più candidature. Puoi scriverne una nuova quando vuoi.",
    officer: "Offerta annullata: non riceve più candidature e l'azienda riceve un avviso.",
  },
  expire: {
    employer: "Offerta chiusa alla scadenza: non riceve più candidature.",
    officer: "Offerta chiusa alla scadenza: non riceve più candidature.",
  },
};
