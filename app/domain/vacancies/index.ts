/**
 * The client-safe public entry of the vacancies context (pure modules, usable by pages too): what other contexts use.
 * Server-only parts are in index.server.ts.
 */
export { contractLabel, ENGAGEMENT_LABELS, WORKING_TIME_LABELS } from "./codes";
export { requirementLabel } from "./requirement-label";
export { REQUIREMENT_COLUMNS, requirementFromRow, requirementToRow, type RequirementKind, type VacancyRequirement } from "./requirements";
export { occupationField } from "./schema";
export { EXPIRING_DAYS } from "./states";
