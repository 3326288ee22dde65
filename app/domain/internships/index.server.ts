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
export {
  HOST_SIGNER_ROLES,
  partySigningStatus,
  signAsParty,
  type PartyDocumentToSign,
  type PartySignInput,
  type PartySigningStatus,
  type SigningParty,
} from "./party-signing.server";
export * from "./monitoring/index.server";
export {
  CHOOSABLE_ROW_STATES,
  INTERNSHIP_CONTRACT_TYPE,
  PLAIN_EVENTS,
  chooseInternshipTrainee,
  createInternshipRequest,
  findNamedTrainee,
  minimumIndemnityCents,
  moveInternship,
  openInternshipFromGapProposal,
  startInternshipScouting,
  traineeEligibility,
  type TraineeEligibility,
} from "./requests.server";
export {
  QUEUE_SLA_DAYS,
  QUEUE_STATES,
  getEmployerInternship,
  getInternshipCase,
  getTraineeInternship,
  listEmployerInternships,
  listInternshipQueue,
  listTraineeInternships,
  unitCapacity,
  type EmployerInternshipRow,
  type QueueRow,
  type RosaChoice,
  type TimelineEntry,
  type TraineeInternshipRow,
  type UnitCapacity,
} from "./queries.server";
export { releaseErasedTrainee } from "./erasure.server";
export { internshipUnilavExport } from "./unilav-xml.server";
export { internshipOfVacancy } from "./vacancy-link.server";
export {
  ADDENDUM_STATES,
  REQUEST_EDITABLE_STATES,
  openInternshipServiceRequest,
  requestEditBlock,
  requestEditView,
  requestFormValues,
  requestPrefill,
  updateInternshipRequest,
} from "./request-edit.server";
export {
  addendumForPdf,
  listAddenda,
  proposeChange,
  proposeExtension,
  signAddendum,
  withdrawAddendum,
  type AddendumView,
} from "./addenda.server";
export {
  REMINDER_KINDS,
  REMINDER_LABELS,
  internshipReminders,
  reminderCounts,
  sendInternshipReminders,
  type Reminder,
  type ReminderKind,
} from "./reminders.server";
export { caseEssentials, type CaseEssentials } from "./case-panels.server";
