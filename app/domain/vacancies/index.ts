/**
 * The client-safe public entry of the vacancies context (pure modules, usable by pages too): what other contexts use.
 * Server-only parts are in index.server.ts.
 */
export { CONTRACT_TYPES, WORKING_TIME_LABELS } from "./codes";
export { requirementLabel } from "./requirement-label";
export { requirementFromRow, requirementToRow, type RequirementKind, type VacancyRequirement } from "./requirements";
export { occupationField } from "./schema";
export { EXPIRING_DAYS } from "./states";
