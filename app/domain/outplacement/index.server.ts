/**
 * The public entry of the outplacement context for server code: what other contexts and the routes use
 * (app/domain/<context>/x imports another context only from here or from its client-safe index.ts;
 * .dependency-cruiser.cjs enforces it). Each module adds its own exports here.
 */
export * from "./index";
// Outcomes, follow-ups, KPIs and the aggregated view (docs/decisions/outplacement.md#esiti-indicatori-e-vista-aggregata).
export { closeOutcomeOnHire, memberT0, moveOutcome, recordFollowup, recordOutcome } from "./outcomes.server";
export { cohortDashboard, dashboardCsv, loadKpiMembers, type Dashboard } from "./kpi.server";
export { aggregatedEventView, eventForViewer, eventsForViewer, type AggregateViewer } from "./aggregate.server";
export { dueFollowupsOfEvent, eventHeading, memberOutcomesPage } from "./outcomes-queries.server";
export { aggregatedReportPdf } from "./aggregate-pdf.server";
export { getMemberPlanPage, getEventHours, listGroupSessions, standardRanges } from "./plans-queries.server";
// ocohort: the cohort (members, import, consents).
export { cohortEvent, cohortSites, getMemberView, listCohort, providerMembers, COHORT_PAGE_SIZE } from "./cohort.server";
export { giveConsent, revokeConsent } from "./consents.server";
export { getCohortImport, importCohort, listCohortImports, PRIORITY_MONTHS, readCohortFile } from "./import.server";
export type { CohortImportResult } from "./import.server";
// o15b: Excel lists, the employer's list and the re-import diff.
export {
  applyCohortImport,
  discardCohortImport,
  employerListUploads,
  MAX_COHORT_FILE_BYTES,
  readCohortUpload,
  receiveEmployerList,
  reviewEmployerList,
  waitingCohortImports,
} from "./import.server";
export type { CohortUpload } from "./import.server";
export {
  assignProvider,
  linkMemberCandidate,
  listProviderUsers,
  lockMember,
  markNoticeSent,
  recordContactAttempt,
  recordInfoSession,
  setPriorityWindow,
  transitionMember,
} from "./members.server";
export type { MemberScope } from "./members.server";
export { cohortTemplateCsv } from "./import";
export { eventInScope, eventScopeOf } from "./access.server";
export type { EventScope } from "./access.server";
export { createEvent, linkL68Record, lockEvent, transitionEvent, updateEvent, validateProposal } from "./events.server";
export type { EventSite } from "./events.server";
export {
  EVENT_PAGE_SIZE,
  countEventProposals,
  getEvent,
  listCoordinators,
  listEmployerEvents,
  listEmployerSuspensions,
  listEventEmployers,
  listEvents,
} from "./events-queries.server";
export type { EventView } from "./events-queries.server";
export {
  countDueMilestones,
  editMilestone,
  listDueMilestones,
  listEventMilestones,
  runOutplacementReminders,
  syncMilestones,
} from "./milestones.server";
export type { EventMilestoneRow } from "./milestones.server";
// o15a: plan signature upload, monthly check-ins, training absence bands, steering committee.
export { SIGNED_PLAN_MAX_BYTES, uploadSignedPlan } from "./plans.server";
export { listMissingCheckins, memberCheckinsPage, recordCheckin } from "./checkins.server";
export { proposeTrainingBand } from "./conditionality.server";
export { listSteeringMeetings, recordSteeringMeeting } from "./steering.server";
