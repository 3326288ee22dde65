/**
 * The contract of the internship rules checker (docs/legal/tirocini.md#contratto): what the caller supplies, what the
 * checker answers. Client-safe: types and constants only.
 */

/** `IT` = national baseline only (Accordo Stato-Regioni 25/5/2017); the others are the Region/PA of the host's unit. */
export const INTERNSHIP_REGIONS = [
  "IT",
  "abruzzo",
  "basilicata",
  "bolzano",
  "calabria",
  "campania",
  "emilia-romagna",
  "friuli-venezia-giulia",
  "lazio",
  "liguria",
  "lombardia",
  "marche",
  "molise",
  "piemonte",
  "puglia",
  "sardegna",
  "sicilia",
  "toscana",
  "trento",
  "umbria",
  "valle-d-aosta",
  "veneto",
] as const;
export type InternshipRegion = (typeof INTERNSHIP_REGIONS)[number];

export const isInternshipRegion = (value: unknown): value is InternshipRegion =>
  typeof value === "string" && (INTERNSHIP_REGIONS as readonly string[]).includes(value);

/** The violation codes, in the order the output lists them (ascending code order). */
export const VIOLATION_CODES = [
  "CIG_SAME_TASKS",
  "DISMISSALS_LAST_12_MONTHS",
  "DURATION_TOO_LONG",
  "DURATION_TOO_SHORT",
  "HOST_LIMIT_EXCEEDED",
  "HOST_TUTOR_CAPACITY_EXCEEDED",
  "INDEMNITY_ABOVE_MAXIMUM",
  "INDEMNITY_BELOW_MINIMUM",
  "PRIOR_EMPLOYMENT_WITH_HOST",
  "REPEAT_TRAINEESHIP_SAME_HOST",
] as const;
export type ViolationCode = (typeof VIOLATION_CODES)[number];

/** Parameters that may be reported as not verified for a Region on a date. */
export type CheckedParameter = "maxSimultaneousTrainees" | "maxDurationMonths" | "minMonthlyIndemnity" | "maxMonthlyIndemnity";
/** `REGIONAL_PARAMETER_UNVERIFIED:<parameter>`: the officer must confirm that value by hand. */
export type WarningCode = `REGIONAL_PARAMETER_UNVERIFIED:${CheckedParameter}`;

/** The input after validation and defaults (see `parseInternshipInput`). */
export interface InternshipInput {
  /** Planned start date, `YYYY-MM-DD`: selects the parameter set in force on that day. */
  date: string;
  region: InternshipRegion;
  host: {
    /** Permanent employees of the unit, apprentices excluded. */
    employeesPermanent: number;
    /** Fixed-term (Campania: also agency) employees whose contract covers the whole internship. */
    employeesFixedTermCounting: number;
    /** Internships already running in the unit that count against the limit (exempt trainees excluded). */
    activeTrainees: number;
    /** Informative only: the premialità is not evaluated. */
    hiresFromPastTrainees: number;
    qualifyingDismissalsLast12Months: boolean;
    cigSameTasksSameUnit: boolean;
    isPublicAdministration: boolean;
  };
  trainee: {
    disabled: boolean;
    disadvantaged: boolean;
    priorEmploymentWithHostLast24Months: boolean;
    previousTraineeshipWithHost: boolean;
  };
  /** Total planned months including extensions, suspensions excluded. */
  plannedMonths: number;
  seasonalHost: boolean;
  weeklyHours: number;
  dailyHours: number;
  /** CCNL full time of the host (default 40). */
  fullTimeWeeklyHours: number;
  mealVouchers: boolean;
  /** Planned gross monthly indemnity in euro. */
  monthlyIndemnity: number;
  /** Trainees the host tutor already follows, this one excluded. */
  hostTutorTrainees: number;
  /** Lowest EQF level of the PFI competences, or null. */
  eqfLevel: number | null;
}

/** One Italian explanation: of a violation (with the rule it applies) or of a warning. */
export interface CheckMessage {
  code: ViolationCode | WarningCode;
  kind: "violation" | "warning";
  /** Italian sentence for the user. */
  message: string;
  /** The rule applied, with its act (Italian). */
  rule: string;
}

export interface InternshipCheck {
  maxSimultaneousTrainees: number;
  allowed: boolean;
  /** Violation codes in ascending code order. */
  violations: ViolationCode[];
  /** Euro with two decimals, e.g. "500.00". */
  minMonthlyIndemnity: string;
  maxDurationMonths: number;
  /** `REGIONAL_PARAMETER_UNVERIFIED:<parameter>` for each value that is a fallback or not confirmed. */
  warnings: WarningCode[];
  /** One Italian explanation per violation, then per warning. */
  messages: CheckMessage[];
}

export type RejectionError = "INVALID_INPUT" | "UNKNOWN_REGION";

/** The answer to bad input: exactly this shape (CLI stdout, API 400 body). */
export interface InternshipRejection {
  rejected: true;
  error: RejectionError;
}

/** One problem of a rejected input, for people: the field (dotted path) and an Italian message. */
export interface InputProblem {
  field: string;
  message: string;
}
