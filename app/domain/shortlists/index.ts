/**
 * The client-safe public entry of the shortlists context (pure modules, usable by pages too). Server-only parts are in
 * index.server.ts. Only the rosa pages import it: the hire schema brings zod, which the public pages must not load.
 */
export { HIRE_CHANNEL_LABELS, HireSchema, hireSchemaFor, makeHireSchema, WORKING_TIME_LABELS, type HireCodeChecks } from "./hire-schema";
export { FiledCoSchema, HireUnilavSchema, UNILAV_FIELDS } from "./hire-schema";
