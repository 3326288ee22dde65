/** During and after an internship (docs/decisions/tirocini.md «Durante e dopo»): the pure rules, client-safe. */
export {
  attendanceRule,
  formatPercentBp,
  fromCentiHours,
  monthAttendance,
  monthOf,
  monthsOfInternship,
  plannedCentiHoursInMonth,
  plannedCentiHoursTotal,
  toCentiHours,
} from "./attendance";
export type { AttendanceRule, DayRange, MonthAttendance } from "./attendance";
export {
  SUSPENSION_REASONS,
  SUSPENSION_REASON_LABELS,
  shiftEndDate,
  suspendedDays,
  suspensionLength,
  suspensionLimits,
  suspensionProblem,
} from "./suspensions";
export type { SuspensionReason } from "./suspensions";
export { ATTESTATION_MIN_PERCENT, OUTCOME_HORIZONS, attestationAllowed, evaluateOutcome, outcomeWindow } from "./outcome";
export type { HireFact, OutcomeHorizon, OutcomeVerdict } from "./outcome";
export { ER_REFERENCE_MINUTES, REGISTER_STANDARDS, registerBounds, registerRow, registerStandardFor } from "./register";
export type { RegisterStandardCode } from "./register";
export { FIGURES_GROUPINGS, STARTED_STATES, figuresCsv, share, totalsOf } from "./figures";
export type { FiguresGrouping, FiguresRow } from "./figures";
export {
  DOSSIER_KIND_LABELS,
  INTERRUPTED_BY_LABELS,
  INTERRUPTION_REASONS_BY,
  INTERRUPTION_REASON_LABELS,
  INTERNSHIP_MODALITY_LABELS,
  OUTCOME_STATUS_LABELS,
  REQUESTED_BY_LABELS,
} from "./labels";
export type { DossierKind, InterruptionReason } from "./labels";
export {
  AttendanceSchema,
  AttestSchema,
  CloseSchema,
  CompleteSchema,
  DossierSchema,
  ExtendSchema,
  InterruptSchema,
  OutcomeSchema,
  ResumeSchema,
  ServiceTimeSchema,
  SuspendSchema,
  InternshipFiguresFilterSchema,
  UnilavFiledSchema,
} from "./schema";
