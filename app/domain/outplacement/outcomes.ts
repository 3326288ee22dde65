/**
 * Client-safe rules of a cohort member's outcomes: the types and their groups, the outcome state table,
 * the reference date t0 and the outcome a hire made through a rosa closes with
 * (docs/decisions/outplacement.md#esiti-indicatori-e-vista-aggregata).
 */
import { addMonths } from "~/utils/dates";

export const OUTCOME_TYPES = [
  "EMPLOYED_OPEN_ENDED",
  "EMPLOYED_FIXED_GE6M",
  "EMPLOYED_FIXED_LT6M",
  "REHIRED_SAME_EMPLOYER",
  "SELF_EMPLOYED",
  "IN_TRAINING",
  "RETIRED",
  "OTHER_INACTIVE",
  "MOVED_AWAY",
  "DECEASED",
  "EXITED_SANCTION",
  "WITHDRAWN",
  "STILL_SEARCHING",
] as const;
export type OutcomeType = (typeof OUTCOME_TYPES)[number];

export const OUTCOME_TYPE_LABELS: Record<OutcomeType, string> = {
  EMPLOYED_OPEN_ENDED: "Assunto a tempo indeterminato (anche apprendistato)",
  EMPLOYED_FIXED_GE6M: "Assunto a termine per 6 mesi o più",
  EMPLOYED_FIXED_LT6M: "Assunto a termine per meno di 6 mesi (anche somministrazione)",
  REHIRED_SAME_EMPLOYER: "Riassunto dall'azienda di provenienza (precedenza)",
  SELF_EMPLOYED: "Lavoro autonomo o impresa",
  IN_TRAINING: "In formazione",
  RETIRED: "Pensione (anche anticipata)",
  OTHER_INACTIVE: "Inattivo per salute o cura",
  MOVED_AWAY: "Trasferito fuori territorio",
  DECEASED: "Deceduto",
  EXITED_SANCTION: "Uscito per sanzione",
  WITHDRAWN: "Ritirato dai servizi",
  STILL_SEARCHING: "Ancora in cerca",
};

/** Types that are a job (employment or self-employment): they count for re-employment. */
export const EMPLOYMENT_TYPES: readonly OutcomeType[] = [
  "EMPLOYED_OPEN_ENDED",
  "EMPLOYED_FIXED_GE6M",
  "EMPLOYED_FIXED_LT6M",
  "REHIRED_SAME_EMPLOYER",
  "SELF_EMPLOYED",
];
/** Types that leave the labour market for reasons outside the service: out of the adjusted denominator, shown apart. */
export const EXCLUDED_TYPES: readonly OutcomeType[] = ["DECEASED", "RETIRED", "OTHER_INACTIVE", "MOVED_AWAY"];

export const isEmployment = (t: OutcomeType) => EMPLOYMENT_TYPES.includes(t);
export const isExcluded = (t: OutcomeType) => EXCLUDED_TYPES.includes(t);

export const OUTCOME_SOURCES = ["SELF_DECLARED", "PROVIDER", "EMPLOYER", "CO_VERIFIED"] as const;
export type OutcomeSource = (typeof OUTCOME_SOURCES)[number];
export const OUTCOME_SOURCE_LABELS: Record<OutcomeSource, string> = {
  SELF_DECLARED: "Dichiarato dal lavoratore",
  PROVIDER: "Dichiarato dall'ente accreditato",
  EMPLOYER: "Dichiarato dall'azienda che assume",
  CO_VERIFIED: "Verificato sulla comunicazione obbligatoria",
};

// Outcome states: DECLARED → VERIFIED (CO match) | REJECTED (no CO) ; VERIFIED → ENDED (CO termination).
export const OUTCOME_STATES = ["DECLARED", "VERIFIED", "REJECTED", "ENDED"] as const;
export type OutcomeState = (typeof OUTCOME_STATES)[number];
export const OUTCOME_STATE_LABELS: Record<OutcomeState, string> = {
  DECLARED: "Dichiarato",
  VERIFIED: "Verificato (CO)",
  REJECTED: "Non confermato",
  ENDED: "Concluso",
};
export type OutcomeEvent = "verify" | "reject" | "end";
export const OUTCOME_EVENT_LABELS: Record<OutcomeEvent, string> = {
  verify: "Verificato sulla CO",
  reject: "Non confermato",
  end: "Rapporto concluso",
};

export const OUTCOME_TRANSITIONS: Record<OutcomeState, Partial<Record<OutcomeEvent, OutcomeState>>> = {
  DECLARED: { verify: "VERIFIED", reject: "REJECTED", end: "ENDED" },
  VERIFIED: { end: "ENDED" },
  REJECTED: {},
  ENDED: {},
};

/** The state an event leads to, or null when the move is not allowed from `from`. */
export function nextOutcomeState(from: OutcomeState, event: OutcomeEvent): OutcomeState | null {
  return OUTCOME_TRANSITIONS[from][event] ?? null;
}

/** Counts for KPIs only when the CO confirms it (verified, or verified and later ended). */
export const isCoVerified = (s: OutcomeState, verifiedOn: string | null) => s === "VERIFIED" || (s === "ENDED" && verifiedOn !== null);

/** Quality of a job for the split of §6.3. */
export type JobQuality = "open_ended" | "fixed_ge6m" | "fixed_lt6m" | "self_employed";
export const JOB_QUALITY_LABELS: Record<JobQuality, string> = {
  open_ended: "Tempo indeterminato",
  fixed_ge6m: "Termine di 6 mesi o più",
  fixed_lt6m: "Termine di meno di 6 mesi",
  self_employed: "Lavoro autonomo",
};

/** 6 months or longer: end date on or after start + 6 months (an open end counts as long). */
export const lastsSixMonths = (startOn: string, endOn: string | null) => endOn === null || endOn >= addMonths(startOn, 6);

export function jobQuality(o: { type: OutcomeType; startOn: string; endOn: string | null }): JobQuality | null {
  switch (o.type) {
    case "EMPLOYED_OPEN_ENDED":
      return "open_ended";
    case "EMPLOYED_FIXED_GE6M":
      return "fixed_ge6m";
    case "EMPLOYED_FIXED_LT6M":
      return "fixed_lt6m";
    case "SELF_EMPLOYED":
      return "self_employed";
    case "REHIRED_SAME_EMPLOYER":
      return o.endOn === null ? "open_ended" : lastsSixMonths(o.startOn, o.endOn) ? "fixed_ge6m" : "fixed_lt6m";
    default:
      return null;
  }
}

/**
 * The outcome a hire recorded through a rosa closes the member with, from the CO tipologia, the engagement and the dates;
 * null when the contract is not a job (traineeship, co.co.co.): the outcome stays open. Work through an agency
 * (somministrazione) without a known tipologia counts as fixed-term, as it did before the codes were official.
 */
export function outcomeTypeForHire(h: {
  contractType: string | null;
  engagement?: "direct" | "agency" | "self_employed";
  startOn: string;
  endOn: string | null;
  sameEmployer: boolean;
}): OutcomeType | null {
  if (h.engagement === "self_employed") return "SELF_EMPLOYED";
  const c = h.contractType ?? "";
  const openEnded = c === "A.01.00" || (c.startsWith("A.03.") && c !== "A.03.04" && c !== "A.03.07");
  const fixed = c.startsWith("A.02.") || c === "N.02.00" || c === "N.03.00" || (h.engagement === "agency" && !openEnded);
  if (!openEnded && !fixed) return null;
  if (h.sameEmployer) return "REHIRED_SAME_EMPLOYER";
  if (openEnded) return "EMPLOYED_OPEN_ENDED";
  // A fixed-term hire with no end date is taken as short until the CO says otherwise.
  return h.endOn !== null && lastsSixMonths(h.startOn, h.endOn) ? "EMPLOYED_FIXED_GE6M" : "EMPLOYED_FIXED_LT6M";
}

/** The member's situation on the list (product §1) as far as t0 is concerned. */
export type MemberSituation = "DISMISSED" | "NOTICE_PERIOD" | "CIGS_ZERO_HOURS" | "CIGS_PARTIAL" | "VOLUNTARY_EXIT";

/**
 * Reference date t0 (§6.1): the termination date for the dismissed (and voluntary exits); for CIGS the later of the
 * agreement and the member's CIGS start; in notice period (or a site closure before dismissal) the agreement date.
 * An explicit t0 set on the member wins. Null when the dates it needs are missing.
 */
export function referenceDate(m: {
  t0On?: string | null;
  situation: MemberSituation | string | null;
  dismissalOn: string | null;
  cigsFrom: string | null;
  agreementOn: string | null;
}): string | null {
  if (m.t0On) return m.t0On;
  switch (m.situation?.toUpperCase()) {
    case "DISMISSED":
    case "VOLUNTARY_EXIT":
      return m.dismissalOn ?? m.agreementOn;
    case "CIGS_ZERO_HOURS":
    case "CIGS_PARTIAL": {
      const dates = [m.agreementOn, m.cigsFrom].filter((d): d is string => !!d).sort();
      return dates.length ? dates[dates.length - 1] : null;
    }
    case "NOTICE_PERIOD":
      return m.agreementOn ?? m.dismissalOn;
    default:
      return m.dismissalOn ?? m.agreementOn;
  }
}
