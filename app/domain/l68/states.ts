import type { L68ObligationCause, L68ObligationStatus, L68RecordKind, L68RecordStatus } from "~/db/tables/l68";

export const OBLIGATION_CAUSE_LABELS: Record<L68ObligationCause, string> = {
  threshold: "Aumento della quota o delle scoperture",
  worker_left: "Cessazione di un lavoratore protetto",
  suspension_end: "Fine di una sospensione",
};

export const OBLIGATION_STATUS_LABELS: Record<L68ObligationStatus, string> = {
  open: "In corso",
  request_filed: "Richiesta di avviamento presentata",
  met: "Adempiuto",
  overdue: "Scaduto",
};

export const RECORD_KIND_LABELS: Record<L68RecordKind, string> = {
  esonero: "Esonero parziale (art. 5 c. 3)",
  autocertificazione_60: "Autocertificazione 60 per mille (art. 5 c. 3-bis)",
  sospensione: "Sospensione degli obblighi (art. 3 c. 5)",
  convenzione_art11: "Convenzione art. 11",
  convenzione_art12bis: "Convenzione art. 12-bis",
  richiesta_nominativa: "Richiesta di avviamento nominativo",
  richiesta_numerica: "Richiesta di avviamento numerico",
};

export const RECORD_STATUS_LABELS: Record<L68RecordStatus, string> = {
  submitted: "Presentata",
  approved: "Accolta",
  rejected: "Respinta",
  withdrawn: "Ritirata",
  closed: "Conclusa",
};

export type RecordEvent = "approve" | "reject" | "withdraw" | "close";

/** Who moves a record where: officers decide, the employer may withdraw what is not yet decided. */
export const RECORD_TRANSITIONS: Record<L68RecordStatus, Partial<Record<RecordEvent, L68RecordStatus>>> = {
  submitted: { approve: "approved", reject: "rejected", withdraw: "withdrawn" },
  approved: { close: "closed" },
  rejected: {},
  withdrawn: {},
  closed: {},
};

export const OFFICER_EVENTS: readonly RecordEvent[] = ["approve", "reject", "close"];

export function nextRecordStatus(from: L68RecordStatus, event: RecordEvent): L68RecordStatus | null {
  return RECORD_TRANSITIONS[from][event] ?? null;
}
