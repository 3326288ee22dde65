import type { Db, Trx } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { CsvReadError, readCsv } from "~/documents/csv.server";
import type { Actor } from "~/domain/audit/index.server";
import { recordAudit } from "~/domain/audit/index.server";
import { candidateByTaxCode, checkWorkerCv, createWorkerCandidate, CANDIDATES_INDEX } from "~/domain/candidates/index.server";
import type { CandidateInput } from "~/domain/candidates";
import { DomainError } from "~/domain/errors";
import { comuneLabelByCode, findOccupation, resolveComune } from "~/domain/reference/index.server";
import { addMonths, todayInItaly } from "~/utils/dates";
import { formatNumber } from "~/utils/format";
import { plural, pluralWord } from "~/utils/plural";
import { enqueueSearchSync } from "../../../search/outbox.server";
import {
  checkCohortHeader,
  CohortFileError,
  cohortErrorReportCsv,
  cohortRecord,
  MAX_COHORT_ROWS,
  validateCohortRecord,
  type CohortRowError,
  type CohortRowInput,
  type CohortSite,
} from "./import";

/** How long the «ricollocazione» priority lasts after t0 (or after the import, if t0 is still ahead). */
export const PRIORITY_MONTHS = 12;

interface ReadyRow {
  row: CohortRowInput;
  comuneCode: string;
  province: string;
  candidateId: string | null;
  newCv: CandidateInput | null;
}

export type CohortImportResult =
  | { status: "done"; importId: string; imported: number; linked: number; created: number; dropped: string[]; warnings: number }
  | { status: "failed"; importId: string; errors: number; badRows: number; dropped: string[] };

/** The event's sites as the list must name them (label, comune, production unit). */
function sitesOf(raw: unknown): CohortSite[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((s: Record<string, unknown>) => {
    const comune = typeof s.comune === "string" ? s.comune : "";
    const name = typeof s.label === "string" ? s.label : "";
    const label = name && comune && name !== comune ? `${name} — ${comune}` : name || comune;
    const unitId = typeof s.unitId === "string" ? s.unitId : typeof s.id === "string" ? s.id : null;
    return comune || label ? [{ label, comune: comune || label, unitId }] : [];
  });
}

async function loadEvent(db: Db | Trx, eventId: string) {
  const event = await db
    .selectFrom("outplacement_events")
    .select(["id", "employer_id", "sites", "agreement_on", "state", "title"])
    .where("id", "=", eventId)
    .executeTakeFirst();
  if (!event) throw new DomainError("Evento di ricollocazione non trovato", "_form", "not_found");
  if (event.state === "cancelled" || event.state === "closed")
    throw new DomainError("L'evento è chiuso o annullato: non si importano altri lavoratori", "file", "conflict");
  return event;
}

/** The file's records, dropped columns already gone; a file that cannot be read at all throws CohortFileError. */
export function readCohortFile(text: string) {
  let table;
  try {
    table = readCsv(text);
  } catch (e) {
    throw e instanceof CsvReadError ? new CohortFileError(e.message) : e;
  }
  if (table.length === 0) throw new CohortFileError("Il file è vuoto");
  const header = checkCohortHeader(table[0]!.cells);
  if (table.length === 1) throw new CohortFileError("Il file non contiene righe di lavoratori");
  if (table.length - 1 > MAX_COHORT_ROWS)
    throw new CohortFileError(`Al massimo ${formatNumber(MAX_COHORT_ROWS)} lavoratori per file: dividilo in più file`);
  return { header, records: table.slice(1).map(({ line, cells }) => cohortRecord(header, line, cells)) };
}

async function resolveResidence(db: Db, text: string) {
  const t = text.trim();
  if (/^\d{6}$/.test(t)) {
    const label = await comuneLabelByCode(db, t);
    const row = label
      ? await db.selectFrom("comuni").select(["istat_code", "province_code"]).where("istat_code", "=", t).executeTakeFirst()
      : null;
    return row && label ? { code: row.istat_code, province: row.province_code, label } : null;
  }
  if (/^[A-Z]\d{3}$/i.test(t)) {
    const row = await db
      .selectFrom("comuni")
      .select(["istat_code", "province_code"])
      .where("belfiore", "=", t.toUpperCase())
      .executeTakeFirst();
    const label = row ? await comuneLabelByCode(db, row.istat_code) : null;
    return row && label ? { code: row.istat_code, province: row.province_code, label } : null;
  }
  const c = await resolveComune(db, t);
  return c ? { code: c.istatCode, province: c.provinceCode, label: c.label } : null;
}

/**
 * Imports the workers' list of an event: every row is checked (schema, sites, comuni, CP2021 codes, duplicates in the
 * file and in the cohort, the CV to create); if any row has a problem NOTHING is written but the import record with its
 * error report by line of the file. Otherwise every member, the CVs to create and the links to existing CVs are written
 * in ONE transaction. Columns the services must not keep (family burden, selection scores…) are never read past the
 * header: the result names them.
 */
export async function importCohort(
  db: Db,
  actor: Actor & { userId: string | null },
  eventId: string,
  file: { name: string; text: string },
  now: Date = new Date(),
  /** The demo seed imports inside its own transaction. */
  inTransaction?: Trx,
): Promise<CohortImportResult> {
  const event = await loadEvent(db, eventId);
  const { header, records } = readCohortFile(file.text);
  const today = todayInItaly(now);
  const ctx = { sites: sitesOf(event.sites), agreementOn: event.agreement_on, today };

  const errors: CohortRowError[] = [];
  const warnings: CohortRowError[] = [];
  const ready: ReadyRow[] = [];
  const seen = new Map<string, number>();
  const inCohort = new Set(
    (await db.selectFrom("outplacement_members").select("codice_fiscale").where("event_id", "=", eventId).execute()).map(
      (r) => r.codice_fiscale,
    ),
  );
  for (const record of records) {
    const result = validateCohortRecord(record, ctx);
    const taxCode = (record.values.codice_fiscale ?? "").replace(/\s+/g, "").toUpperCase();
    const first = taxCode ? seen.get(taxCode) : undefined;
    const err = (column: string, message: string) => errors.push({ line: record.line, taxCode, column, message });
    if (first) err("codice_fiscale", `Codice fiscale ripetuto (già alla riga ${first})`);
    else if (taxCode) seen.set(taxCode, record.line);
    if (taxCode && inCohort.has(taxCode)) err("codice_fiscale", "Lavoratore già nella coorte di questo evento");
    if (!result.ok) {
      errors.push(...result.errors);
      continue;
    }
    const row = result.input;
    const residence = await resolveResidence(db, row.comune);
    if (!residence)
      err("comune_residenza", `Comune «${row.comune}» non trovato: scrivi «Nome (XX)», il codice ISTAT o il codice catastale`);
    if (row.cp2021Code && !(await findOccupation(db, row.cp2021Code)))
      err("cp2021_code", `Codice CP2021 «${row.cp2021Code}» non trovato nella classificazione ISTAT delle professioni`);
    if (!residence || first || inCohort.has(taxCode)) continue;
    const existing = await candidateByTaxCode(db, row.taxCode);
    let newCv: CandidateInput | null = null;
    if (existing) {
      if (
        existing.last_name.toLowerCase() !== row.lastName.toLowerCase() ||
        existing.first_name.toLowerCase() !== row.firstName.toLowerCase()
      )
        warnings.push({
          line: record.line,
          taxCode,
          column: "cognome",
          message: `Il CV già in Rosa con questo codice fiscale è intestato a ${existing.first_name} ${existing.last_name}: controlla i dati`,
        });
    } else if (row.cp2021Code && row.educationTitle && row.eqfLevel) {
      const cv = await checkWorkerCv(db, {
        taxCode: row.taxCode,
        firstName: row.firstName,
        lastName: row.lastName,
        birthDate: row.birthDate,
        comuneLabel: residence.label,
        phone: row.phone,
        email: row.email,
        educationTitle: row.educationTitle,
        eqfLevel: row.eqfLevel,
        cp2021Code: row.cp2021Code,
        qualification: row.qualification,
      });
      if (!cv.ok) {
        for (const e of cv.errors) err(e.column, e.message);
        continue;
      }
      newCv = cv.input;
    } else {
      warnings.push({
        line: record.line,
        taxCode,
        column: row.cp2021Code ? "titolo_studio" : "cp2021_code",
        message:
          "Nessun CV in Rosa e dati insufficienti per crearlo (servono cp2021_code, titolo_studio e livello_eqf): completalo al colloquio",
      });
    }
    ready.push({ row, comuneCode: residence.code, province: residence.province, candidateId: existing?.id ?? null, newCv });
  }

  const dropped = header.dropped;
  if (errors.length) {
    const badRows = new Set(errors.map((e) => e.line)).size;
    const message = `${plural(badRows, "riga", "righe")} su ${formatNumber(records.length)} ${pluralWord(badRows, "ha", "hanno")} errori: nessun lavoratore è stato importato. Correggi il file e caricalo di nuovo.`;
    const row = await db
      .insertInto("outplacement_imports")
      .values({
        event_id: eventId,
        filename: file.name.slice(0, 200),
        status: "failed",
        total_rows: records.length,
        dropped_columns: dropped,
        error_count: errors.length,
        error_report: cohortErrorReportCsv(errors),
        message,
        created_by: actor.userId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(db, actor, {
      action: "outplacement.cohort_import_refused",
      entityType: "outplacement_import",
      entityId: row.id,
      employerId: event.employer_id,
      details: { eventId, rows: records.length, errors: errors.length, droppedColumns: dropped },
    });
    return { status: "failed", importId: row.id, errors: errors.length, badRows, dropped };
  }

  const write = inTransaction ? <T>(fn: (trx: Trx) => Promise<T>) => fn(inTransaction) : withTransaction;
  return write(async (trx) => {
    const imp = await trx
      .insertInto("outplacement_imports")
      .values({
        event_id: eventId,
        filename: file.name.slice(0, 200),
        status: "done",
        total_rows: records.length,
        dropped_columns: dropped,
        message: "",
        created_by: actor.userId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    let linked = 0;
    let created = 0;
    const candidateIds: string[] = [];
    for (const r of ready) {
      let candidateId = r.candidateId;
      if (candidateId) linked++;
      else if (r.newCv) {
        candidateId = await createWorkerCandidate(trx, actor, r.newCv);
        created++;
      }
      if (candidateId) candidateIds.push(candidateId);
      const t0 = r.row.t0On;
      const member = await trx
        .insertInto("outplacement_members")
        .values({
          event_id: eventId,
          candidate_id: candidateId,
          codice_fiscale: r.row.taxCode,
          first_name: r.row.firstName,
          last_name: r.row.lastName,
          birth_date: r.row.birthDate,
          sex: r.row.sex,
          email: r.row.email,
          phone: r.row.phone,
          residence_comune_code: r.comuneCode,
          residence_province: r.province,
          site: r.row.site,
          qualification: r.row.qualification,
          cp2021_code: r.row.cp2021Code,
          level: r.row.level,
          ccnl: r.row.ccnl,
          situation: r.row.situation,
          t0_on: t0,
          dismissal_on: r.row.dismissalOn,
          cigs_from: r.row.cigsFrom,
          cigs_to: r.row.cigsTo,
          hours_reduction_pct: r.row.hoursReductionPct,
          naspi: r.row.naspi,
          priority_from: today,
          priority_to: addMonths(t0 && t0 > today ? t0 : today, PRIORITY_MONTHS),
          import_id: imp.id,
          created_by: actor.userId,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("outplacement_member_history")
        .values({ member_id: member.id, event: "import", from_state: null, to_state: "imported", created_by: actor.userId })
        .execute();
    }
    const message = `${plural(ready.length, "lavoratore importato", "lavoratori importati")}: ${plural(linked, "collegato a un CV già presente", "collegati a CV già presenti")}, ${plural(created, "CV creato", "CV creati")}.`;
    await trx
      .updateTable("outplacement_imports")
      .set({
        imported_rows: ready.length,
        linked_candidates: linked,
        created_candidates: created,
        warning_count: warnings.length,
        warning_report: warnings.length ? cohortErrorReportCsv(warnings) : null,
        message,
      })
      .where("id", "=", imp.id)
      .execute();
    await enqueueSearchSync(trx, CANDIDATES_INDEX, candidateIds);
    await recordAudit(trx, actor, {
      action: "outplacement.cohort_imported",
      entityType: "outplacement_import",
      entityId: imp.id,
      employerId: event.employer_id,
      details: { eventId, rows: ready.length, linked, created, warnings: warnings.length, droppedColumns: dropped },
    });
    return { status: "done" as const, importId: imp.id, imported: ready.length, linked, created, dropped, warnings: warnings.length };
  });
}

/** An import of the event (result page, error report); another event's import is not found. */
export async function getCohortImport(db: Db, eventId: string, importId: string) {
  const row = await db
    .selectFrom("outplacement_imports")
    .selectAll()
    .where("id", "=", importId)
    .where("event_id", "=", eventId)
    .executeTakeFirst();
  if (!row) throw new DomainError("Importazione non trovata", "_form", "not_found");
  return row;
}

/** The latest imports of the event, newest first. */
export function listCohortImports(db: Db, eventId: string) {
  return db
    .selectFrom("outplacement_imports")
    .select(["id", "filename", "status", "total_rows", "imported_rows", "error_count", "warning_count", "message", "created_at"])
    .where("event_id", "=", eventId)
    .orderBy("created_at", "desc")
    .limit(10)
    .execute();
}
