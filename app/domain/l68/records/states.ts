/** The L. 68 records (exemptions, self-certifications, suspensions, conventions, referral requests): kinds, statuses and the transition table. */
import type { L68RecordKind, L68RecordStatus } from "~/db/tables/l68";

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
export type RecordSide = "employer" | "officer";

type Table = Partial<Record<L68RecordStatus, Partial<Record<RecordEvent, L68RecordStatus>>>>;

/** Ask, then the office decides; the employer may withdraw until then; an accepted record is closed by the office. */
const DECIDED_BY_OFFICE: Table = {
  submitted: { approve: "approved", reject: "rejected", withdraw: "withdrawn" },
  approved: { close: "closed" },
};

/**
 * One explicit table per kind. The 60 per mille self-certification (art. 5 c. 3-bis) takes effect when
 * filed — it is not authorised — so the office can only contest it (reject) or close it; the employer
 * may withdraw it. Every other record waits for the office's decision.
 */
export const RECORD_TRANSITIONS: Record<L68RecordKind, Table> = {
  esonero: DECIDED_BY_OFFICE,
  autocertificazione_60: { submitted: { reject: "rejected", withdraw: "withdrawn", close: "closed" } },
  sospensione: DECIDED_BY_OFFICE,
  convenzione_art11: DECIDED_BY_OFFICE,
  convenzione_art12bis: DECIDED_BY_OFFICE,
  richiesta_nominativa: DECIDED_BY_OFFICE,
  richiesta_numerica: DECIDED_BY_OFFICE,
};

/** Who may fire each event: the office decides and closes, the employer only withdraws. */
export const EVENT_SIDE: Record<RecordEvent, RecordSide> = {
  approve: "officer",
  reject: "officer",
  close: "officer",
  withdraw: "employer",
};

export function nextRecordStatus(kind: L68RecordKind, from: L68RecordStatus, event: RecordEvent): L68RecordStatus | null {
  return RECORD_TRANSITIONS[kind][from]?.[event] ?? null;
}

/** The events `side` may fire on a record now (drives the buttons shown). */
export function availableEvents(kind: L68RecordKind, status: L68RecordStatus, side: RecordSide): RecordEvent[] {
  return (Object.keys(RECORD_TRANSITIONS[kind][status] ?? {}) as RecordEvent[]).filter((e) => EVENT_SIDE[e] === side);
}

/** A record in one of these states still takes documents (supporting papers, integrations). */
export const OPEN_STATUSES: readonly L68RecordStatus[] = ["submitted", "approved"];

/** Records in force for the calculator: accepted ones, and self-certifications from filing. */
export function isInForce(kind: L68RecordKind, status: L68RecordStatus): boolean {
  return status === "approved" || (kind === "autocertificazione_60" && status === "submitted");
}

export const EVENT_LABELS: Record<RecordEvent, string> = {
  approve: "Accogli",
  reject: "Respingi",
  withdraw: "Ritira la pratica",
  close: "Chiudi la pratica",
};
