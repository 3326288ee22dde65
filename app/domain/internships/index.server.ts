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
export {
  conventionData,
  createConvention,
  getConvention,
  listConventions,
  refreshConventionStates,
  revokeConvention,
  signConvention,
  signedCopy,
  updateConvention,
  usableConventions,
  type ConventionScope,
} from "./conventions.server";
export { documentHash, readDocumentHash, renderDocumentPdf } from "./documents-pdf.server";
export {
  PFI_PARTIES,
  authoriseInternship,
  currentPfiHash,
  getInternshipDocuments,
  pfiData,
  recordCo,
  savePfi,
  signPfi,
  startDueInternships,
  unilavForInternship,
  type InternshipDocuments,
} from "./pfi.server";
export { MAX_SIGNED_PDF_BYTES, listSignatures, type SignatureInput } from "./signatures.server";
export * from "./monitoring/index.server";
