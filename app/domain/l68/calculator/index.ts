/**
 * The L. 68/1999 quota calculator: pure and client-safe (no database, no server code), exact arithmetic
 * (docs/decisions/0002-exact-arithmetic-for-l68.md), legal parameters by validity date (docs/legal/l68.md).
 * What the rest of the l68 context (file/, records/, alerts/), the API, the CLI and the pages use.
 */
export { computeQuota, bandOf, computeBase, quotaArt18For, quotaDisabiliFor } from "./quota";
export {
  CONTRACT_TYPES,
  EXCLUSION_TYPES,
  PROTECTED_TYPES,
  MIN_REFERENCE_DATE,
  CalendarSchema,
  QuotaInputSchema,
  WorkforceGroupSchema,
  parseQuotaInput,
  toFieldErrors,
} from "./schema";
export type {
  Band,
  Calendar,
  ContractType,
  ExclusionType,
  FieldError,
  ParseResult,
  ProtectedType,
  QuotaInput,
  QuotaInputRaw,
  QuotaResult,
  WorkforceGroup,
} from "./schema";
export { EXEMPTION_CAP_LIMIT_PERCENT, EXEMPTION_MAX_PERCENT, formatCents, prospettoLateSanctionCents } from "./amounts";
export { exemptionContribution, selfCertificationContribution, selfCertifiedPositions } from "./contribution";
export type { Contribution, ContributionPeriod } from "./contribution";
export { OBLIGATION_DAYS, addDays, addMonths, daysBetween, prospettoDeadline } from "./dates";
export { formatDecimal, formatEuro, formatInt, formatIsoDay } from "./explain";
export { PATRON_SAINTS, patronSaintOf } from "./patron-saints";
export type { PatronSaint } from "./patron-saints";
export { PROVINCE_NAMES, isProvinceCode } from "~/utils/province-codes";
export { allocateProvinces, suspendedUnitsOf } from "./provinces";
export type { CategoryAllocation, ProvinceAllocation, ProvinceSuspensions } from "./provinces";
export { HALF, ONE, ZERO, add, cmp, div, floor, fromNumber, mul, rational, roundHalfUp, roundQuota, sub, sum, toDecimal } from "./rational";
export type { Rational } from "./rational";
export { nationalHolidays, splitByYear, workingDays } from "./working-days";
export type { WeekDays } from "./working-days";
