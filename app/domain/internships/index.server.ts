/**
 * The server entry of the internships context: what other contexts and the routes use. Client-safe parts (checker,
 * state table) are in index.ts and re-exported here.
 */
export * from "./index";
export {
  COMMITTED_INTERNSHIP_STATES,
  countUnitTrainees,
  internshipCheckInput,
  lockInternship,
  runInternshipChecks,
  transitionInternship,
  type InternshipActor,
  type InternshipCheckRecord,
  type InternshipPatch,
  type InternshipRow,
  type TransitionInternshipInput,
} from "./transition.server";
export * from "./monitoring/index.server";
