/**
 * The client-safe public entry of the l68 context (pure modules, usable by pages too): what other contexts, the web
 * tier, the routes and the server use. Server-only parts: index.server.ts (for other contexts) and the sub-folders'
 * index.server.ts (file/, records/, alerts/). The calculator has its own entry, ./calculator/index.ts.
 */
export {
  PROVINCE_NAMES,
  ZERO,
  add,
  addDays,
  addMonths,
  cmp,
  computeQuota,
  floor,
  formatCents,
  formatEuro,
  formatIsoDay,
  isProvinceCode,
  mul,
  nationalHolidays,
  parseQuotaInput,
  patronSaintOf,
  rational,
  sub,
  toDecimal,
} from "./calculator";
export type { ContributionPeriod, FieldError, ProvinceAllocation, Rational } from "./calculator";
export { pendingSentence } from "./file/certificate-text";
export {
  CONTRACT_LABELS,
  EMPLOYER_TYPE_LABELS,
  EXCLUSION_LABELS,
  EmployerTypeFormSchema,
  INVALIDITY_CATEGORY_LABELS,
  PROTECTED_CATEGORY_LABELS,
  ProspettoFormSchema,
  ProtectedWorkerFormSchema,
  RemoveGroupFormSchema,
  WorkerLeftFormSchema,
  WorkforceGroupFormSchema,
  WorkspaceFilterSchema,
  versionField,
} from "./file/file-schema";
export type { ProtectedWorkerForm, WorkforceGroupForm } from "./file/file-schema";
export { describeProspettoDue } from "./file/prospetto-due";
export { OBLIGATION_CAUSE_LABELS, OBLIGATION_RESOLUTION_LABELS, OBLIGATION_STATUS_LABELS } from "./file/states";
export {
  RECORD_FORM_SCHEMAS,
  RECORD_KINDS,
  RecordEventSchema,
  RecordKindSchema,
  RecordListFilterSchema,
  SCHEDULE_ROWS,
  SUSPENSION_TYPE_LABELS,
  WEEK_DAYS_LABELS,
} from "./records/record-schema";
export { recordsCsv } from "./records/records-csv";
export { EVENT_LABELS, OPEN_STATUSES, RECORD_KIND_LABELS, RECORD_STATUS_LABELS, availableEvents } from "./records/states";
export type { RecordEvent, RecordSide } from "./records/states";
