/**
 * The public entry of the shortlists context for server code: what other contexts use (app/domain/<context>/x imports
 * another context only from here or from its client-safe index.ts; .dependency-cruiser.cjs enforces it).
 */
export { countOfficerShortlists, listEmployerShortlists } from "./queries.server";
export { coReconciliation, hiresUnilav, hiresUnilavMissing, hireUnilav, workerEducationLevelOf, type CoStatus } from "./hire-unilav.server";
export { completeHireUnilav, recordFiledCo, coStatusOf } from "./hire-unilav.server";
export { hireLabels, ServerHireUnilavSchema, unilavFieldOptions } from "./hire.server";
