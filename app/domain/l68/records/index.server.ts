/** The server entry of the L. 68 records, for the web tier, the routes and the server (client-safe parts: ../index.ts). */
export { DOCUMENT_MAX_BYTES, addRecordDocument, changeRecordStatus, fileRecord } from "./records.server";
export type { StoredPdf } from "./records.server";
export { getDocument, getRecord, listRecords, listRecordsForExport, recordEmployerId } from "./records-queries.server";
export type { RecordRow, RecordView } from "./records-queries.server";
