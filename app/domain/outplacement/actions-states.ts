/** The actions of a reinsertion plan: Trento service codes, modes, places and the action's states. */
export const SERVICE_CODES = ["4E", "2Ba", "2Bb", "2Ca", "2Cc", "2Cd", "2Ce", "2D", "FORM"] as const;
export type ServiceCode = (typeof SERVICE_CODES)[number];

export const SERVICE_CODE_LABELS: Record<ServiceCode, string> = {
  "4E": "4E — Ricollocazione professionale",
  "2Ba": "2Ba — Consulenza professionale",
  "2Bb": "2Bb — Bilancio di competenze",
  "2Ca": "2Ca — Coaching",
  "2Cc": "2Cc — Tirocinio",
  "2Cd": "2Cd — Laboratorio",
  "2Ce": "2Ce — Inserimento lavorativo",
  "2D": "2D — Consulenza per il lavoro autonomo",
  FORM: "Formazione e riqualificazione",
};

/** The codes a group session can deliver (the standard has a group mode for these). */
export const GROUP_SERVICE_CODES = ["4E", "2Ba", "2D", "FORM"] as const satisfies readonly ServiceCode[];

export const ACTION_MODES = ["individual", "group"] as const;
export type ActionMode = (typeof ACTION_MODES)[number];
export const ACTION_MODE_LABELS: Record<ActionMode, string> = { individual: "Individuale", group: "Di gruppo" };

export const ACTION_LOCATIONS = ["employer_premises", "provider", "cpi", "remote"] as const;
export type ActionLocation = (typeof ACTION_LOCATIONS)[number];
export const ACTION_LOCATION_LABELS: Record<ActionLocation, string> = {
  employer_premises: "Presso l'azienda di provenienza",
  provider: "Presso l'ente accreditato",
  cpi: "Presso il Centro per l'Impiego",
  remote: "A distanza",
};

/** The register's modality for a place. */
export const LOCATION_TO_MODALITY: Record<ActionLocation, "office" | "company" | "remote"> = {
  employer_premises: "company",
  provider: "office",
  cpi: "office",
  remote: "remote",
};

export const ACTION_STATES = ["planned", "scheduled", "in_progress", "completed", "cancelled", "interrupted"] as const;
export type ActionState = (typeof ACTION_STATES)[number];
export const ACTION_STATE_LABELS: Record<ActionState, string> = {
  planned: "Prevista",
  scheduled: "Calendarizzata",
  in_progress: "In corso",
  completed: "Conclusa",
  cancelled: "Annullata",
  interrupted: "Interrotta",
};

export type ActionEvent = "schedule" | "start" | "complete" | "cancel" | "interrupt";

/** start: the first attended session (Rosa moves it); cancel and interrupt need a reason. */
export const ACTION_TRANSITIONS: Record<ActionState, Partial<Record<ActionEvent, ActionState>>> = {
  planned: { schedule: "scheduled", start: "in_progress", cancel: "cancelled" },
  scheduled: { start: "in_progress", cancel: "cancelled" },
  in_progress: { complete: "completed", interrupt: "interrupted" },
  completed: {},
  cancelled: {},
  interrupted: {},
};

export function nextActionState(from: ActionState, event: ActionEvent): ActionState | null {
  return ACTION_TRANSITIONS[from][event] ?? null;
}

/** Sessions can be logged on an action that is still open. */
export const ACTION_OPEN: readonly ActionState[] = ["planned", "scheduled", "in_progress"];

/** The register's standard code for an action's service and mode (null: training, not a service of the register). */
export function registerCode(code: ServiceCode, mode: ActionMode): string | null {
  switch (code) {
    case "4E":
      return mode === "group" ? "4E-GRUPPO" : "4E-IND";
    case "2Ba":
      return mode === "group" ? "2Ba-GRUPPO" : "2Ba-IND";
    case "2D":
      return mode === "group" ? "2D-GRUPPO" : "2D-IND";
    case "FORM":
      return null;
    default:
      return code;
  }
}

/** The routing rule of the 4E standard: an employee goal activates coaching (2Ca), a self-employed one 2D. */
export function suggestedActivation(goal: "employee" | "self_employed"): ServiceCode {
  return goal === "employee" ? "2Ca" : "2D";
}
