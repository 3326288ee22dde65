/** The server side of during-and-after (docs/decisions/tirocini.md «Durante e dopo»), reached through ../index.server.ts. */
export {
  addDossierItem,
  attestationHash,
  closeWithoutAttestation,
  completeDueInternships,
  concludeInternship,
  declareOutcome,
  ensureOutcomeRows,
  evaluateOutcomes,
  extendInternship,
  interruptInternship,
  issueAttestation,
  recordAttendance,
  recordServiceTime,
  recordUnilavFiled,
  resumeInternship,
  suspendInternship,
} from "./commands.server";
export type { AttendanceInput, DossierInput, ExtendInput, InterruptInput, ServiceTimeInput, SuspendInput } from "./commands.server";
export { attendanceTotals, hoursLabel, internshipFigures, internshipMonitoring } from "./queries.server";
export type { AttendanceTotals, InternshipMonitoring, MonitoringScope } from "./queries.server";
export { attestationPdf } from "./attestation-pdf.server";
export { runInternshipJob } from "./job.server";
