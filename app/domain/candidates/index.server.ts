/**
 * The public entry of the candidates context for server code: what other contexts use (app/domain/<context>/x imports
 * another context only from here or from its client-safe index.ts; .dependency-cruiser.cjs enforces it).
 */
export { candidatesIndex } from "./search-index.server";
export { refreshExperienceYears } from "./experience-years.server";
export { candidateByTaxCode, checkWorkerCv, createWorkerCandidate, type WorkerCv } from "./from-cohort.server";
export { CANDIDATES_INDEX } from "./commands.server";
export { outplacementPriorityCandidates, type PriorityHit } from "./outplacement-priority.server";
