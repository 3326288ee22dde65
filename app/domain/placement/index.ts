/**
 * The client-safe public entry of the placement context (pure modules, usable by pages too). Server-only parts are in
 * index.server.ts.
 */
export { CAPACITIES, CAPACITY_KEYS, DISABILITY_CATEGORIES, orderedCapacities } from "./capacities";
export type { Capacity } from "./capacities";
export type { MatchCounts } from "./elenco-match";
export { decimalText, rankingParametersOn } from "./ranking";
export { CONTRACTS, EnrolmentFormSchema, HealthFormSchema, OutcomeFormSchema, PostFormSchema } from "./schema";
