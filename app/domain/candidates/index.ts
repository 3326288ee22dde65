/**
 * The client-safe public entry of the candidates context (pure modules, usable by pages too): what other contexts use.
 * Server-only parts are in index.server.ts.
 */
export { isCvObsolete, obsoleteCutoff, obsoleteCutoffSeconds } from "./freshness";
export { cvStudyOf, highestEqf, highestStudy, studyLine, unilavEducationLevelOf, type CvStudy } from "./education";
export { LANGUAGE_LABELS, personTaxCodeField } from "./schema";
export { certificateText, cvLicenceLabel } from "./cv-codes";
export { COUNT_FACET, exactTotal, freshnessFilter } from "./search-query";
export { OUTPLACEMENT_PRIORITY_SORT, inOutplacementPriority, outplacementPriorityFilter } from "./outplacement-priority";
export type { CandidateInput } from "./schema";
