/**
 * The public entry of the reference context for server code: what other contexts use (app/domain/<context>/x imports
 * another context only from here or from its client-safe index.ts; .dependency-cruiser.cjs enforces it).
 */
export {
  allCodes,
  codeEntry,
  codeFromLookup,
  codeLabel,
  codeOptionLabel,
  codeProblem,
  currentCodes,
  isCurrent,
  lookupCodes,
  readReferenceCsv,
  sentenceCase,
  type CodeEntry,
  type ListName,
} from "./national.server";
export { comunePoints, comuniWithin } from "./places.server";
export { comuneLabelByCode, findAteco, findOccupation, resolveComune } from "./queries.server";
export { CP2011_CERTAINTY_LABELS, cp2011For, resolveCp2011, type Cp2011Certainty, type Cp2011Mapping } from "./cp2011.server";
export { ateco2022Subcategory } from "./ateco-crosswalk.server";
export { CNEL_CODE_PATTERN, cnelLabel, cnelProblem, cnelSectorsForCo, lookupCnel, type CnelOption } from "./ccnl-cnel.server";
