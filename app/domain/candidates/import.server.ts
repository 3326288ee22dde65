import type { Db } from "~/db/db.server";
import { currentInstanceId, isLiveInstance } from "~/db/instances.server";
import { withTransaction } from "~/db/transaction.server";
import type { Actor } from "~/domain/audit/index.server";
import { recordAudit } from "~/domain/audit/index.server";
import { DomainError } from "~/domain/errors";
import { comuneLabelByCode } from "~/domain/reference/index.server";
import { createCandidate, validateCvReferences } from "./commands.server";
import { csvRecords, errorReportCsv, validateCsvRecord, type CsvRecord, type RowError } from "./csv";
import type { CandidateInput } from "./schema";
import { formatNumber } from "~/utils/format";
import { plural, pluralWord } from "~/utils/plural";
import { log } from "~/utils/logger.server";

const PROGRESS_EVERY = 20;

/**
 * Starts a bulk import: the file is checked as a whole at once (header, size),
 * then a job validates every row and, only if all rows are valid, inserts them
 * in ONE transaction. Progress is written on separate connections so the page
 * can poll it; the rows commit all together or not at all.
 */
export async function startCandidateImport(
  db: Db,
  actor: Actor & { userId: string },
  file: { name: string; text: string },
  opts: { canSetProtectedCategory: boolean },
) {
  const records = csvRecords(file.text); // throws CsvFormatError: shown on the upload form
  const job = await db
    .insertInto("candidate_imports")
    .values({ filename: file.name.slice(0, 200), total_rows: records.length, created_by: actor.userId, instance_id: currentInstanceId() })
    .returning("id")
    .executeTakeFirstOrThrow();
  const done = runImport(db, actor, job.id, records, opts).catch(async (e) => {
    log().error({ err: e, importId: job.id }, "[candidate import] importazione interrotta da un errore imprevisto");
    await finish(db, job.id, {
      status: "failed",
      message: "Importazione interrotta da un errore imprevisto: nessun candidato è stato importato.",
    });
  });
  return { importId: job.id, done };
}

/**
 * Imports run inside a portal process: one that was still validating or
 * importing when its process stopped can never finish. Its rows were never
 * committed (one transaction), so it is closed as failed and the officer is
 * told to load the file again. With several portal processes on one database
 * only imports whose process is dead are closed (its instance lock is gone,
 * app/db/instances.server.ts); an import with no recorded process is closed
 * if it began before `startedBefore`. Runs at start and periodically.
 */
export async function failInterruptedImports(db: Db, startedBefore: Date): Promise<number> {
  const rows = await db
    .updateTable("candidate_imports")
    .set({
      status: "failed",
      finished_at: new Date(),
      message: "Importazione interrotta dal riavvio del servizio: nessun candidato è stato importato. Carica di nuovo il file.",
    })
    .where("status", "in", ["validating", "importing"])
    .where((eb) =>
      eb.or([
        eb.and([eb("instance_id", "is", null), eb("created_at", "<", startedBefore)]),
        eb.and([eb("instance_id", "is not", null), eb.not(isLiveInstance(eb.ref("instance_id")))]),
      ]),
    )
    .returning("id")
    .execute();
  return rows.length;
}

async function progress(db: Db, importId: string, status: "validating" | "importing", processed: number) {
  await db.updateTable("candidate_imports").set({ status, processed_rows: processed }).where("id", "=", importId).execute();
}

async function finish(
  db: Db,
  importId: string,
  set: { status: "done" | "failed"; message: string; imported_rows?: number; error_count?: number; error_report?: string },
) {
  await db
    .updateTable("candidate_imports")
    .set({ ...set, finished_at: new Date() })
    .where("id", "=", importId)
    .execute();
}

/** Every problem of every row, against the schema, the ISTAT tables, the database and the rest of the file. */
async function validateAll(db: Db, importId: string, records: CsvRecord[]) {
  const errors: RowError[] = [];
  const inputs: CandidateInput[] = [];
  const seen = new Map<string, number>();
  for (const [i, record] of records.entries()) {
    const code = record.values.comune_domicilio ?? "";
    if (/^\d{6}$/.test(code)) record.values.comune_domicilio = (await comuneLabelByCode(db, code)) ?? code;
    const result = validateCsvRecord(record);
    // A codice fiscale repeated in the file is reported even when the row has other problems.
    const taxCode = (record.values.codice_fiscale ?? "").trim().toUpperCase();
    const first = taxCode ? seen.get(taxCode) : undefined;
    if (first)
      errors.push({ line: record.line, taxCode, column: "codice_fiscale", message: `Codice fiscale ripetuto (già alla riga ${first})` });
    else if (taxCode) seen.set(taxCode, record.line);
    if (!result.ok) errors.push(...result.errors);
    else {
      const problems = await validateCvReferences(db, result.input);
      errors.push(...problems.map((p) => ({ line: record.line, taxCode: result.input.taxCode, ...p })));
      if (!problems.length && !first) inputs.push(result.input);
    }
    if ((i + 1) % PROGRESS_EVERY === 0) await progress(db, importId, "validating", i + 1);
  }
  return { errors, inputs };
}

async function runImport(db: Db, actor: Actor, importId: string, records: CsvRecord[], opts: { canSetProtectedCategory: boolean }) {
  const { errors, inputs } = await validateAll(db, importId, records);
  if (errors.length) {
    const badRows = new Set(errors.map((e) => e.line)).size;
    await finish(db, importId, {
      status: "failed",
      error_count: errors.length,
      error_report: errorReportCsv(errors),
      message: `${plural(badRows, "riga", "righe")} su ${formatNumber(records.length)} ${pluralWord(badRows, "ha", "hanno")} errori: nessun candidato è stato importato. Correggi il file e caricalo di nuovo.`,
    });
    await recordAudit(db, actor, {
      action: "candidate.import_refused",
      entityType: "candidate_import",
      entityId: importId,
      details: { rows: records.length, errors: errors.length },
    });
    return;
  }
  await progress(db, importId, "importing", 0);
  try {
    await withTransaction(async (trx) => {
      for (const [i, input] of inputs.entries()) {
        await createCandidate(trx, actor, input, { source: "import", canSetProtectedCategory: opts.canSetProtectedCategory });
        if ((i + 1) % PROGRESS_EVERY === 0) await progress(db, importId, "importing", i + 1);
      }
      await recordAudit(trx, actor, {
        action: "candidate.imported",
        entityType: "candidate_import",
        entityId: importId,
        details: { rows: inputs.length },
      });
    });
  } catch (e) {
    // A row that became invalid between validation and insert (e.g. the same codice fiscale created meanwhile).
    if (!(e instanceof DomainError)) throw e;
    await finish(db, importId, { status: "failed", error_count: 1, message: `${e.message}: nessun candidato è stato importato.` });
    return;
  }
  await finish(db, importId, {
    status: "done",
    imported_rows: inputs.length,
    message: `${plural(inputs.length, "candidato importato", "candidati importati")}.`,
  });
}
