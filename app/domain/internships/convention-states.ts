import { transitionTable } from "~/domain/workflow/index";

/**
 * The convention's state table (docs/decisions/tirocini.md#convenzioni-pfi-firme-e-co): the framework agreement between
 * the CPI (promoter) and the host. Client-safe: pages use it for labels and for showing only the buttons that work.
 *
 * draft → signed (promoter + host) → active (from its first day of validity) → expired (after its last day) | revoked.
 * A PFI is signed only under an ACTIVE convention of the same host.
 */
export const CONVENTION_STATES = ["draft", "signed", "active", "expired", "revoked"] as const;
export type ConventionState = (typeof CONVENTION_STATES)[number];

export const CONVENTION_STATE_LABELS: Record<ConventionState, string> = {
  draft: "Bozza",
  signed: "Firmata",
  active: "In vigore",
  expired: "Scaduta",
  revoked: "Revocata",
};

/** Who moves a convention: the host's users, a CPI officer (the promoter), or the daily job. */
export type ConventionActorKind = "employer" | "officer" | "system";

export type ConventionEvent = "edit" | "sign" | "signatures_complete" | "activate" | "expire" | "revoke";

export interface ConventionMove {
  to: ConventionState;
  by: readonly ConventionActorKind[];
}

const O = ["officer"] as const;
const EO = ["employer", "officer"] as const;
const S = ["system"] as const;

/**
 * The only allowed moves. `sign` keeps the draft until both parties signed; `signatures_complete` then makes it
 * signed; `activate` happens on its first day of validity (at once if that day is past). An `edit` of a signed
 * convention takes it back to draft and voids both signatures.
 */
export const CONVENTION_TRANSITIONS: Record<ConventionState, Partial<Record<ConventionEvent, ConventionMove>>> = {
  draft: {
    edit: { to: "draft", by: O },
    sign: { to: "draft", by: EO },
    signatures_complete: { to: "signed", by: S },
    revoke: { to: "revoked", by: O },
  },
  signed: {
    edit: { to: "draft", by: O },
    activate: { to: "active", by: S },
    expire: { to: "expired", by: S },
    revoke: { to: "revoked", by: O },
  },
  active: { expire: { to: "expired", by: S }, revoke: { to: "revoked", by: O } },
  expired: {},
  revoked: {},
};

/** The parties that sign a convention (the trainee signs only the PFI). */
export const CONVENTION_PARTIES = ["promoter", "host"] as const;

export function isConventionState(value: unknown): value is ConventionState {
  return typeof value === "string" && (CONVENTION_STATES as readonly string[]).includes(value);
}

const TABLE = transitionTable(CONVENTION_TRANSITIONS);

export function nextConventionState(from: ConventionState, event: ConventionEvent, by: ConventionActorKind): ConventionState | null {
  return TABLE.next(from, event, by);
}

export function availableConventionEvents(from: ConventionState, by: ConventionActorKind): ConventionEvent[] {
  return TABLE.available(from, by);
}

export const CONVENTION_EVENT_LABELS: Record<ConventionEvent, string> = {
  edit: "Modifica la convenzione",
  sign: "Registra una firma",
  signatures_complete: "Firme complete",
  activate: "Entrata in vigore",
  expire: "Scadenza",
  revoke: "Revoca la convenzione",
};

/** The state a convention should be in on `today` once both parties signed (the job and the last signature use it). */
export function conventionStateOn(
  state: ConventionState,
  validFrom: string | null,
  validTo: string | null,
  today: string,
): ConventionState {
  if (state === "signed" && validFrom !== null && validFrom <= today && (validTo === null || validTo >= today)) return "active";
  if ((state === "active" || state === "signed") && validTo !== null && validTo < today) return "expired";
  return state;
}

/** Signature parties and methods, with their Italian labels. */
export const SIGNATURE_PARTY_LABELS = {
  promoter: "Soggetto promotore (CPI)",
  host: "Soggetto ospitante (azienda)",
  trainee: "Tirocinante",
} as const;
export type SignatureParty = keyof typeof SIGNATURE_PARTY_LABELS;

export const SIGNATURE_METHOD_LABELS = {
  uploaded_pdf: "PDF firmato caricato",
  in_portal: "Firma nel portale",
  qualified: "Firma elettronica qualificata",
} as const;
export type SignatureMethod = keyof typeof SIGNATURE_METHOD_LABELS;

export const SIGNED_DOCUMENT_LABELS = {
  convention: "Convenzione di tirocinio",
  pfi: "Progetto formativo individuale",
  addendum: "Integrazione al progetto formativo",
  attestation: "Attestazione finale",
} as const;
export type SignedDocument = keyof typeof SIGNED_DOCUMENT_LABELS;
