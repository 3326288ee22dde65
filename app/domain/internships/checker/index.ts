/** The internship rules checker (docs/legal/tirocini.md#contratto): pure and client-safe. */
export { checkInternship, contractOutput, evaluateInternship } from "./check";
export { InternshipInputSchema, parseInternshipInput } from "./schema";
export type { ParsedInternshipInput } from "./schema";
export { INTERNSHIP_REGIONS, VIOLATION_CODES, isInternshipRegion } from "./types";
export type {
  CheckMessage,
  CheckedParameter,
  InputProblem,
  InternshipCheck,
  InternshipInput,
  InternshipRegion,
  InternshipRejection,
  RejectionError,
  ViolationCode,
  WarningCode,
} from "./types";
