/**
 * Reading the L. 68 records. Every query is scoped: by the employer (its own records) or by the
 * officer's province (`employerInProvince`), so another company's record id gives nothing (404).
 * Records carry no health data: disability details stay in `l68_protected_workers`.
 */
import { sql } from "kysely";
import type { Db } from "~/db/db.server";
import type { L68RecordStatus } from "~/db/tables/l68";
import { employerInProvince } from "../policy.server";
import { romeDay } from "~/db/dates.server";

export type RecordScope = { employerId: string } | { province: string; employerId?: string };

/** The records this scope may read, with a status filter: the one scoping both the page and the export use. */
function scopedRecords(db: Db, scope: RecordScope, status?: L68RecordStatus) {
  let query = db
    .selectFrom("l68_records")
    .innerJoin("employers", "employers.id", "l68_records.employer_id")
    .innerJoin("comuni", "comuni.istat_code", "employers.legal_comune_code");
  if ("province" in scope) query = query.where(employerInProvince(scope.province));
  if (scope.employerId) query = query.where("l68_records.employer_id", "=", scope.employerId);
  if (status) query = query.where("l68_records.status", "=", status);
  return query.orderBy("l68_records.created_at", "desc");
}

const documentCount = sql<number>`(select count(*) from l68_documents where l68_documents.record_id = l68_records.id)`;

export async function listRecords(db: Db, scope: RecordScope, status?: L68RecordStatus) {
  const rows = await scopedRecords(db, scope, status)
    .select([
      "l68_records.id",
      "l68_records.employer_id",
      "employers.legal_name",
      "l68_records.kind",
      "l68_records.status",
      "l68_records.province_code",
      "l68_records.starts_on",
      "l68_records.ends_on",
      "l68_records.created_at",
      documentCount.as("documents"),
    ])
    .limit(200)
    .execute();
  return rows.map((r) => ({ ...r, ends_on: r.ends_on as string | null, documents: Number(r.documents ?? 0) }));
}

export type RecordRow = Awaited<ReturnType<typeof listRecords>>[number];

/** How many records the same scope and filter list (the desk's count of records to decide). */
export async function countRecords(db: Db, scope: RecordScope, status?: L68RecordStatus): Promise<number> {
  const r = await scopedRecords(db, scope, status)
    .clearOrderBy()
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * The records for the CSV export (`records-csv.ts`): same scope, filter and order as `listRecords`,
 * plus the facts of each record. No health data: records never hold any.
 */
export async function listRecordsForExport(db: Db, scope: RecordScope, status?: L68RecordStatus) {
  const rows = await scopedRecords(db, scope, status)
    .select([
      "employers.legal_name",
      "employers.tax_code",
      "l68_records.kind",
      "l68_records.status",
      "l68_records.province_code",
      "l68_records.starts_on",
      "l68_records.ends_on",
      "l68_records.details",
      "l68_records.decision_note",
      romeDay("l68_records.created_at").as("filed_on"),
      romeDay("l68_records.decided_at").as("decided_on"),
      documentCount.as("documents"),
    ])
    .limit(10_000)
    .execute();
  return rows.map((r) => ({
    ...r,
    ends_on: r.ends_on as string | null,
    filed_on: r.filed_on ?? "",
    details: r.details as Record<string, unknown>,
    documents: Number(r.documents ?? 0),
  }));
}

export type RecordExportRow = Awaited<ReturnType<typeof listRecordsForExport>>[number];

/** One record of `employerId` with its documents (metadata only, never the bytes). */
export async function getRecord(db: Db, employerId: string, recordId: string) {
  const record = await db
    .selectFrom("l68_records")
    .select([
      "id",
      "kind",
      "status",
      "province_code",
      "starts_on",
      "ends_on",
      "details",
      "decision_note",
      "decided_at",
      "created_at",
      "version",
    ])
    .where("id", "=", recordId)
    .where("employer_id", "=", employerId)
    .executeTakeFirst();
  if (!record) return null;
  const documents = await db
    .selectFrom("l68_documents")
    .select(["id", "file_name", "size_bytes", "sha256", "uploaded_at"])
    .where("record_id", "=", recordId)
    .orderBy("uploaded_at")
    .execute();
  return { ...record, ends_on: record.ends_on as string | null, details: record.details as Record<string, unknown>, documents };
}

export type RecordView = NonNullable<Awaited<ReturnType<typeof getRecord>>>;

/** The employer a record belongs to (for the officer's routes, which are keyed by record). */
export async function recordEmployerId(db: Db, recordId: string): Promise<string | null> {
  const row = await db.selectFrom("l68_records").select("employer_id").where("id", "=", recordId).executeTakeFirst();
  return row?.employer_id ?? null;
}

/** A stored document, scoped by employer and record. */
export async function getDocument(db: Db, employerId: string, recordId: string, documentId: string) {
  const row = await db
    .selectFrom("l68_documents")
    .innerJoin("l68_records", "l68_records.id", "l68_documents.record_id")
    .select(["l68_documents.file_name", "l68_documents.content", "l68_documents.sha256"])
    .where("l68_documents.id", "=", documentId)
    .where("l68_documents.record_id", "=", recordId)
    .where("l68_records.employer_id", "=", employerId)
    .executeTakeFirst();
  return row ? { filename: row.file_name, content: row.content, sha256: row.sha256 } : null;
}
