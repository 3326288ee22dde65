/** The server entry of the employer's L. 68 file, for the web tier, the routes and the server (client-safe parts: ../index.ts). */
export { certificateEmployerId, certificatePdfResponse } from "./certificate-pdf.server";
export { checkCompliance, requestCertificate } from "./certificate.server";
export { addProtectedWorker, addWorkforceGroup, recordWorkerLeft, removeWorkforceGroup, setEmployerType } from "./commands.server";
export { getProspetto, lateFiling, prospettoDue, submitProspetto } from "./prospetto.server";
export type { ProspettoDraft } from "./prospetto.server";
export { getEmployerHeader, getFileView, listCertificates, listProvinceEmployers } from "./queries.server";
export type { FileView } from "./queries.server";
