import type { Db, Trx } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { CsvReadError, readCsv, type CsvLine } from "~/documents/csv.server";
import { looksLikeSpreadsheet, readXlsx, XlsxReadError } from "~/documents/xlsx.server";
import type { Actor } from "~/domain/audit/index.server";
import { recordAudit } from "~/domain/audit/index.server";
import { candidateByTaxCode, checkWorkerCv, createWorkerCandidate, CANDIDATES_INDEX } from "~/domain/candidates/index.server";
import type { CandidateInput } from "~/domain/candidates";
import { DomainError } from "~/domain/errors";
import { enqueueMail } from "~/domain/mail/index.server";
import { comuneLabelByCode, findOccupation, resolveComune } from "~/domain/reference/index.server";
import { addMonths, todayInItaly } from "~/utils/dates";
import { formatNumber } from "~/utils/format";
import { plural, pluralWord } from "~/utils/plural";
import { absoluteUrl } from "~/utils/public-url.server";
import { enqueueSearchSync } from "../../../search/outbox.server";
import {
  checkCohortHeader,
  CohortFileError,
  cohortErrorReportCsv,
  cohortRecord,
  MAX_COHORT_ROWS,
  validateCohortRecord,
  type CohortRecord,
  type CohortRowError,
  type CohortRowInput,
  type CohortSite,
} from "./import";
import { memberChanges, withoutValues, type CohortDiff, type FieldChange, type MemberListValues } from "./import-diff";

/** How long the «ricollocazione» priority lasts after t0 (or after the import, if t0 is still ahead). */
export const PRIORITY_MONTHS = 12;

/** The largest list accepted, CSV or Excel. */
export const MAX_COHORT_FILE_BYTES = 5 * 1_048_576;

/** The workers' list as uploaded: a CSV in UTF-8, or an Excel workbook (.xlsx, its first sheet). */
export type CohortUpload = { name: string; bytes: Uint8Array } | { name: string; text: string };

export type CohortFileFormat = "csv" | "xlsx";

interface ReadyRow {
  row: CohortRowInput;
  comuneCode: string;
  province: string;
  candidateId: string | null;
  newCv: CandidateInput | null;
}

type StoredMember = Awaited<ReturnType<typeof cohortMembers>>[number];

interface ExistingRow {
  row: CohortRowInput;
  comuneCode: string;
  member: StoredMember;
  changes: FieldChange[];
}

interface Analysis {
  errors: CohortRowError[];
  warnings: CohortRowError[];
  /** Workers not yet in the cohort. */
  ready: ReadyRow[];
  /** Workers of the cohort the list names again (officer's analysis only). */
  existing: ExistingRow[];
  /** Workers of the cohort the list does not name. */
  missing: StoredMember[];
}

export type CohortImportResult =
  | { status: "done"; importId: string; imported: number; linked: number; created: number; dropped: string[]; warnings: number }
  | { status: "failed"; importId: string; errors: number; badRows: number; dropped: string[] }
  | { status: "preview"; importId: string; added: number; changed: number; missing: number; dropped: string[] };

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

type EventRow = Awaited<ReturnType<typeof loadEvent>>;

async function loadEvent(db: Db | Trx, eventId: string) {
  const event = await db
    .selectFrom("outplacement_events")
    .select(["id", "employer_id", "sites", "agreement_on", "state", "title", "coordinator_user_id"])
    .where("id", "=", eventId)
    .executeTakeFirst();
  if (!event) throw new DomainError("Evento di ricollocazione non trovato", "_form", "not_found");
  if (event.state === "cancelled" || event.state === "closed")
    throw new DomainError("L'evento è chiuso o annullato: non si importano altri lavoratori", "file", "conflict");
  return event;
}

/** The records of a read table (header first), dropped columns already gone. */
function recordsOf(table: CsvLine[]) {
  if (table.length === 0) throw new CohortFileError("Il file è vuoto");
  const header = checkCohortHeader(table[0]!.cells);
  if (table.length === 1) throw new CohortFileError("Il file non contiene righe di lavoratori");
  if (table.length - 1 > MAX_COHORT_ROWS)
    throw new CohortFileError(`Al massimo ${formatNumber(MAX_COHORT_ROWS)} lavoratori per file: dividilo in più file`);
  return { header, records: table.slice(1).map(({ line, cells }) => cohortRecord(header, line, cells)) };
}

/** The file's records, dropped columns already gone; a file that cannot be read at all throws CohortFileError. */
export function readCohortFile(text: string) {
  let table;
  try {
    table = readCsv(text);
  } catch (e) {
    throw e instanceof CsvReadError ? new CohortFileError(e.message) : e;
  }
  return recordsOf(table);
}

/**
 * A CSV or an Excel list: an .xlsx name or a zip/OLE signature is read as a workbook (row numbers of the sheet), anything
 * else as CSV in UTF-8. Same header, same rows, same checks after this point.
 */
export async function readCohortUpload(file: CohortUpload) {
  if ("text" in file) return { format: "csv" as CohortFileFormat, ...readCohortFile(file.text) };
  if (file.bytes.length > MAX_COHORT_FILE_BYTES) throw new CohortFileError("Il file è troppo grande: al massimo 5 MB");
  if (/\.xls[xm]?$/i.test(file.name) || looksLikeSpreadsheet(file.bytes)) {
    let table: CsvLine[];
    try {
      table = await readXlsx(file.bytes);
    } catch (e) {
      throw e instanceof XlsxReadError ? new CohortFileError(e.message) : e;
    }
    return { format: "xlsx" as CohortFileFormat, ...recordsOf(table) };
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(file.bytes);
  } catch {
    throw new CohortFileError("Il file non è un CSV in UTF-8: salvalo da Excel come «CSV UTF-8» oppure carica il file .xlsx");
  }
  return { format: "csv" as CohortFileFormat, ...readCohortFile(text) };
}

async function resolveResidence(db: Db | Trx, text: string) {
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

function cohortMembers(db: Db | Trx, eventId: string) {
  return db
    .selectFrom("outplacement_members")
    .select([
      "id",
      "codice_fiscale",
      "first_name",
      "last_name",
      "residence_comune_code",
      "site",
      "qualification",
      "cp2021_code",
      "level",
      "ccnl",
      "situation",
      "dismissal_on",
      "cigs_from",
      "cigs_to",
      "hours_reduction_pct",
      "naspi",
      "t0_on",
      "phone",
      "email",
      "state",
      "version",
    ])
    .where("event_id", "=", eventId)
    .orderBy("last_name")
    .orderBy("first_name")
    .execute();
}

const listValuesOf = (m: StoredMember): MemberListValues => ({
  last_name: m.last_name,
  first_name: m.first_name,
  residence_comune_code: m.residence_comune_code,
  site: m.site,
  qualification: m.qualification,
  cp2021_code: m.cp2021_code,
  level: m.level,
  ccnl: m.ccnl,
  situation: m.situation,
  dismissal_on: m.dismissal_on,
  cigs_from: m.cigs_from,
  cigs_to: m.cigs_to,
  hours_reduction_pct: m.hours_reduction_pct,
  naspi: m.naspi,
  t0_on: m.t0_on,
  phone: m.phone,
  email: m.email,
});

const rowValuesOf = (r: CohortRowInput, comuneCode: string): MemberListValues => ({
  last_name: r.lastName,
  first_name: r.firstName,
  residence_comune_code: comuneCode,
  site: r.site,
  qualification: r.qualification,
  cp2021_code: r.cp2021Code,
  level: r.level,
  ccnl: r.ccnl,
  situation: r.situation,
  dismissal_on: r.dismissalOn,
  cigs_from: r.cigsFrom,
  cigs_to: r.cigsTo,
  hours_reduction_pct: r.hoursReductionPct,
  naspi: r.naspi,
  t0_on: r.t0On,
  phone: r.phone,
  email: r.email,
});

/**
 * Every row against the schema, the event's sites, the comuni, the CP2021 codes and the other rows. The officer's
 * analysis («officer») also compares with the cohort (a worker already in it is a change, not an error), links or
 * prepares the CV; the employer's («employer») stops at what its own file says: it never learns who is in the
 * cohort or in the CV database.
 */
async function analyse(
  db: Db | Trx,
  event: EventRow,
  columns: readonly string[],
  records: CohortRecord[],
  today: string,
  mode: "officer" | "employer",
): Promise<Analysis> {
  const ctx = { sites: sitesOf(event.sites), agreementOn: event.agreement_on, today };
  const errors: CohortRowError[] = [];
  const warnings: CohortRowError[] = [];
  const ready: ReadyRow[] = [];
  const existing: ExistingRow[] = [];
  const seen = new Map<string, number>();
  const members = mode === "officer" ? await cohortMembers(db, event.id) : [];
  const byTaxCode = new Map(members.map((m) => [m.codice_fiscale, m]));
  for (const record of records) {
    const result = validateCohortRecord(record, ctx);
    const taxCode = (record.values.codice_fiscale ?? "").replace(/\s+/g, "").toUpperCase();
    const first = taxCode ? seen.get(taxCode) : undefined;
    const err = (column: string, message: string) => errors.push({ line: record.line, taxCode, column, message });
    if (first) err("codice_fiscale", `Codice fiscale ripetuto (già alla riga ${first})`);
    else if (taxCode) seen.set(taxCode, record.line);
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
    if (!residence || first || mode === "employer") continue;
    const member = byTaxCode.get(row.taxCode);
    if (member) {
      existing.push({
        row,
        comuneCode: residence.code,
        member,
        changes: memberChanges(listValuesOf(member), rowValuesOf(row, residence.code), columns),
      });
      continue;
    }
    const found = await candidateByTaxCode(db, row.taxCode);
    let newCv: CandidateInput | null = null;
    if (found) {
      if (found.last_name.toLowerCase() !== row.lastName.toLowerCase() || found.first_name.toLowerCase() !== row.firstName.toLowerCase())
        warnings.push({
          line: record.line,
          taxCode,
          column: "cognome",
          message: `Il CV già in Rosa con questo codice fiscale è intestato a ${found.first_name} ${found.last_name}: controlla i dati`,
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
    ready.push({ row, comuneCode: residence.code, province: residence.province, candidateId: found?.id ?? null, newCv });
  }
  const named = new Set(existing.map((e) => e.member.id));
  const missing = members.filter((m) => !named.has(m.id) && !seen.has(m.codice_fiscale));
  return { errors, warnings, ready, existing, missing };
}

function diffOf(a: Analysis): CohortDiff {
  return {
    added: a.ready.map((r) => ({
      line: r.row.line,
      taxCode: r.row.taxCode,
      name: `${r.row.lastName} ${r.row.firstName}`,
      site: r.row.site,
    })),
    changed: a.existing
      .filter((e) => e.changes.length)
      .map((e) => ({
        line: e.row.line,
        memberId: e.member.id,
        taxCode: e.row.taxCode,
        name: `${e.member.last_name} ${e.member.first_name}`,
        changes: e.changes,
      })),
    unchanged: a.existing.filter((e) => !e.changes.length).length,
    missing: a.missing.map((m) => ({ memberId: m.id, taxCode: m.codice_fiscale, name: `${m.last_name} ${m.first_name}`, state: m.state })),
  };
}

const refusal = (badRows: number, total: number) =>
  `${plural(badRows, "riga", "righe")} su ${formatNumber(total)} ${pluralWord(badRows, "ha", "hanno")} errori: nessun lavoratore è stato importato. Correggi il file e caricalo di nuovo.`;

const previewMessage = (d: CohortDiff) =>
  `Da confermare: ${plural(d.added.length, "lavoratore nuovo", "lavoratori nuovi")}, ${plural(d.changed.length, "lavoratore con dati cambiati", "lavoratori con dati cambiati")}, ${plural(d.missing.length, "lavoratore della coorte assente", "lavoratori della coorte assenti")} dall'elenco.`;

interface ImportMeta {
  source: "officer" | "employer";
  format: CohortFileFormat;
  filename: string;
  total: number;
  dropped: string[];
}

async function recordRefusal(db: Db | Trx, actor: AnyActor, event: EventRow, meta: ImportMeta, errors: CohortRowError[]) {
  const badRows = new Set(errors.map((e) => e.line)).size;
  const row = await db
    .insertInto("outplacement_imports")
    .values({
      event_id: event.id,
      filename: meta.filename.slice(0, 200),
      status: "failed",
      source: meta.source,
      file_format: meta.format,
      total_rows: meta.total,
      dropped_columns: meta.dropped,
      error_count: errors.length,
      error_report: cohortErrorReportCsv(errors),
      message: refusal(badRows, meta.total),
      created_by: actor.userId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await recordAudit(db, actor, {
    action: "outplacement.cohort_import_refused",
    entityType: "outplacement_import",
    entityId: row.id,
    employerId: event.employer_id,
    details: {
      eventId: event.id,
      source: meta.source,
      format: meta.format,
      rows: meta.total,
      errors: errors.length,
      droppedColumns: meta.dropped,
    },
  });
  return { status: "failed" as const, importId: row.id, errors: errors.length, badRows, dropped: meta.dropped };
}

type AnyActor = Actor & { userId: string | null };

/**
 * Writes an analysed list in the caller's transaction: the new members (with the CVs to create or link), the changed
 * fields of the members named again, and the flag on the members the list no longer names (never deleted).
 */
async function applyAnalysis(
  trx: Trx,
  actor: AnyActor,
  eventId: string,
  importId: string,
  a: Analysis,
  today: string,
  flagMissing: boolean,
) {
  let linked = 0;
  let created = 0;
  const candidateIds: string[] = [];
  for (const r of a.ready) {
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
        import_id: importId,
        created_by: actor.userId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("outplacement_member_history")
      .values({ member_id: member.id, event: "import", from_state: null, to_state: "imported", created_by: actor.userId })
      .execute();
  }
  for (const e of a.existing) {
    const set: Record<string, unknown> = { missing_from_import_id: null };
    if (e.changes.length) {
      const values = rowValuesOf(e.row, e.comuneCode);
      for (const c of e.changes) set[c.field] = values[c.field];
      if (set.residence_comune_code) {
        const p = await trx.selectFrom("comuni").select("province_code").where("istat_code", "=", e.comuneCode).executeTakeFirst();
        if (p) set.residence_province = p.province_code;
      }
      set.version = e.member.version + 1;
      set.updated_at = new Date();
      await trx
        .insertInto("outplacement_member_history")
        .values({
          member_id: e.member.id,
          event: "list_update",
          from_state: e.member.state,
          to_state: e.member.state,
          note: `Dati aggiornati dall'elenco: ${e.changes.map((c) => c.label).join(", ")}`.slice(0, 2000),
          created_by: actor.userId,
        })
        .execute();
    }
    await trx.updateTable("outplacement_members").set(set).where("id", "=", e.member.id).execute();
  }
  if (flagMissing && a.missing.length)
    await trx
      .updateTable("outplacement_members")
      .set({ missing_from_import_id: importId })
      .where(
        "id",
        "in",
        a.missing.map((m) => m.id),
      )
      .execute();
  await enqueueSearchSync(trx, CANDIDATES_INDEX, candidateIds);
  return { linked, created };
}

async function finishImport(
  trx: Trx,
  actor: AnyActor,
  event: EventRow,
  importId: string,
  a: Analysis,
  today: string,
  diff: CohortDiff | null,
  flagMissing = true,
) {
  const { linked, created } = await applyAnalysis(trx, actor, event.id, importId, a, today, flagMissing);
  const changed = a.existing.filter((e) => e.changes.length).length;
  const parts = [
    `${plural(a.ready.length, "lavoratore importato", "lavoratori importati")}: ${plural(linked, "collegato a un CV già presente", "collegati a CV già presenti")}, ${plural(created, "CV creato", "CV creati")}`,
  ];
  if (diff) {
    parts.push(`${plural(changed, "lavoratore aggiornato", "lavoratori aggiornati")}`);
    if (a.missing.length)
      parts.push(
        flagMissing
          ? `${plural(a.missing.length, "lavoratore assente", "lavoratori assenti")} dall'elenco, segnalati`
          : `elenco parziale: ${plural(a.missing.length, "lavoratore assente", "lavoratori assenti")} non segnalati`,
      );
  }
  const message = `${parts.join("; ")}.`;
  await trx
    .updateTable("outplacement_imports")
    .set({
      status: "done",
      imported_rows: a.ready.length,
      linked_candidates: linked,
      created_candidates: created,
      warning_count: a.warnings.length,
      warning_report: a.warnings.length ? cohortErrorReportCsv(a.warnings) : null,
      message,
      records: null,
      diff: diff ? JSON.stringify(withoutValues(diff)) : null,
    })
    .where("id", "=", importId)
    .execute();
  await recordAudit(trx, actor, {
    action: "outplacement.cohort_imported",
    entityType: "outplacement_import",
    entityId: importId,
    employerId: event.employer_id,
    details: { eventId: event.id, rows: a.ready.length, linked, created, changed, missing: a.missing.length, warnings: a.warnings.length },
  });
  return { imported: a.ready.length, linked, created, warnings: a.warnings.length };
}

/**
 * Imports the workers' list of an event (CSV or Excel): every row is checked (schema, sites, comuni, CP2021 codes,
 * duplicates in the file, the CV to create); if any row has a problem NOTHING is written but the import record with its
 * error report by line of the file. A cohort without workers gets them at once, in ONE transaction. A cohort that
 * already has workers gets a preview instead («preview»: new workers, changed fields, workers no longer on the list),
 * written only when the officer confirms it (`applyCohortImport`). Columns the services must not keep (family burden,
 * selection scores…) are never read past the header: the result names them.
 */
export async function importCohort(
  db: Db,
  actor: AnyActor,
  eventId: string,
  file: CohortUpload,
  now: Date = new Date(),
  /** The demo seed imports inside its own transaction. */
  inTransaction?: Trx,
): Promise<CohortImportResult> {
  const event = await loadEvent(db, eventId);
  const { header, records, format } = await readCohortUpload(file);
  const today = todayInItaly(now);
  const dropped = header.dropped;
  const meta: ImportMeta = { source: "officer", format, filename: file.name, total: records.length, dropped };
  const a = await analyse(inTransaction ?? db, event, header.columns, records, today, "officer");
  if (a.errors.length) return recordRefusal(db, actor, event, meta, a.errors);

  const write = inTransaction ? <T>(fn: (trx: Trx) => Promise<T>) => fn(inTransaction) : withTransaction;
  return write(async (trx) => {
    const waiting = a.existing.length > 0 || a.missing.length > 0;
    const diff = waiting ? diffOf(a) : null;
    const imp = await trx
      .insertInto("outplacement_imports")
      .values({
        event_id: eventId,
        filename: file.name.slice(0, 200),
        status: waiting ? "preview" : "done",
        source: "officer",
        file_format: format,
        total_rows: records.length,
        dropped_columns: dropped,
        message: diff ? previewMessage(diff) : "",
        records: waiting ? JSON.stringify({ columns: header.columns, records }) : null,
        diff: diff ? JSON.stringify(diff) : null,
        created_by: actor.userId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (diff) {
      await recordAudit(trx, actor, {
        action: "outplacement.cohort_import_previewed",
        entityType: "outplacement_import",
        entityId: imp.id,
        employerId: event.employer_id,
        details: { eventId, format, added: diff.added.length, changed: diff.changed.length, missing: diff.missing.length },
      });
      return {
        status: "preview" as const,
        importId: imp.id,
        added: diff.added.length,
        changed: diff.changed.length,
        missing: diff.missing.length,
        dropped,
      };
    }
    const done = await finishImport(trx, actor, event, imp.id, a, today, null);
    return { status: "done" as const, importId: imp.id, ...done, dropped };
  });
}

/** JSON with the keys of every object sorted: a diff read back from jsonb (which reorders keys) compares equal. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === "object" && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([p], [q]) => (p < q ? -1 : 1)))
      : x,
  );
}

interface StoredRecords {
  columns: string[];
  records: CohortRecord[];
}

/** A waiting import of the event, locked: `pending` (the employer's list) or `preview` (a diff to confirm). */
async function lockWaiting(trx: Trx, eventId: string, importId: string, status: "pending" | "preview") {
  const imp = await trx
    .selectFrom("outplacement_imports")
    .selectAll()
    .where("id", "=", importId)
    .where("event_id", "=", eventId)
    .forUpdate()
    .executeTakeFirst();
  if (!imp) throw new DomainError("Importazione non trovata", "_form", "not_found");
  if (imp.status !== status || !imp.records)
    throw new DomainError(
      imp.status === "done"
        ? "Questo elenco è già stato importato"
        : imp.status === "discarded"
          ? "Questo elenco è stato scartato: caricalo di nuovo"
          : "Questo elenco non è più in attesa: ricarica la pagina",
      "_form",
      "conflict",
    );
  return { imp, stored: imp.records as StoredRecords };
}

/**
 * The officer checks a list the employer uploaded: the full analysis against the cohort. A list with problems is
 * refused (its report is the officer's; the employer reads only «non acquisito»); otherwise it becomes a preview the
 * officer confirms like any other re-import — even for an empty cohort, so nothing the employer sent is written unseen.
 */
export async function reviewEmployerList(db: Db, actor: AnyActor, eventId: string, importId: string, now: Date = new Date()) {
  const today = todayInItaly(now);
  return withTransaction(async (trx) => {
    const event = await loadEvent(trx, eventId);
    const { imp, stored } = await lockWaiting(trx, eventId, importId, "pending");
    const a = await analyse(trx, event, stored.columns, stored.records, today, "officer");
    const common = { reviewed_by: actor.userId, reviewed_at: new Date() };
    if (a.errors.length) {
      const badRows = new Set(a.errors.map((e) => e.line)).size;
      await trx
        .updateTable("outplacement_imports")
        .set({
          ...common,
          status: "failed",
          records: null,
          error_count: a.errors.length,
          error_report: cohortErrorReportCsv(a.errors),
          message: refusal(badRows, imp.total_rows),
        })
        .where("id", "=", imp.id)
        .execute();
      await recordAudit(trx, actor, {
        action: "outplacement.cohort_import_refused",
        entityType: "outplacement_import",
        entityId: imp.id,
        employerId: event.employer_id,
        details: { eventId, source: "employer", rows: imp.total_rows, errors: a.errors.length },
      });
      return { status: "failed" as const, errors: a.errors.length };
    }
    const diff = diffOf(a);
    await trx
      .updateTable("outplacement_imports")
      .set({ ...common, status: "preview", diff: JSON.stringify(diff), message: previewMessage(diff) })
      .where("id", "=", imp.id)
      .execute();
    await recordAudit(trx, actor, {
      action: "outplacement.cohort_import_previewed",
      entityType: "outplacement_import",
      entityId: imp.id,
      employerId: event.employer_id,
      details: { eventId, source: "employer", added: diff.added.length, changed: diff.changed.length, missing: diff.missing.length },
    });
    return { status: "preview" as const, added: diff.added.length, changed: diff.changed.length, missing: diff.missing.length };
  });
}

/**
 * The officer confirms a preview: the rows kept with it are analysed again against the cohort as it is now; if the
 * differences are not those the officer saw (another list applied meanwhile, a worker added by hand), nothing is
 * written and the officer is asked to check again. Otherwise new workers, changes and flags in one transaction. A
 * partial list (`flagMissing: false`: a few workers added) leaves the workers it does not name unflagged.
 */
export async function applyCohortImport(
  db: Db,
  actor: AnyActor,
  eventId: string,
  importId: string,
  opts: { flagMissing?: boolean } = {},
  now: Date = new Date(),
) {
  const today = todayInItaly(now);
  return withTransaction(async (trx) => {
    const event = await loadEvent(trx, eventId);
    await trx.selectFrom("outplacement_events").select("id").where("id", "=", eventId).forUpdate().execute();
    const { imp, stored } = await lockWaiting(trx, eventId, importId, "preview");
    const a = await analyse(trx, event, stored.columns, stored.records, today, "officer");
    const diff = diffOf(a);
    if (a.errors.length || canonical(diff) !== canonical(imp.diff))
      throw new DomainError(
        "La coorte è cambiata dopo l'anteprima (un altro elenco importato o un lavoratore modificato): scarta questa anteprima e carica di nuovo il file",
        "_form",
        "conflict",
      );
    await trx
      .updateTable("outplacement_imports")
      .set({ reviewed_by: actor.userId, reviewed_at: new Date() })
      .where("id", "=", imp.id)
      .execute();
    return finishImport(trx, actor, event, imp.id, a, today, diff, opts.flagMissing ?? true);
  });
}

/** Sets a waiting list aside (pending or preview): its rows are erased, the record and its counts stay. */
export async function discardCohortImport(db: Db, actor: AnyActor, eventId: string, importId: string) {
  return withTransaction(async (trx) => {
    const imp = await trx
      .selectFrom("outplacement_imports")
      .select(["id", "status", "diff"])
      .where("id", "=", importId)
      .where("event_id", "=", eventId)
      .forUpdate()
      .executeTakeFirst();
    if (!imp) throw new DomainError("Importazione non trovata", "_form", "not_found");
    if (imp.status !== "pending" && imp.status !== "preview")
      throw new DomainError("Questo elenco non è più in attesa: ricarica la pagina", "_form", "conflict");
    const event = await trx.selectFrom("outplacement_events").select("employer_id").where("id", "=", eventId).executeTakeFirstOrThrow();
    await trx
      .updateTable("outplacement_imports")
      .set({
        status: "discarded",
        records: null,
        diff: imp.diff ? JSON.stringify(withoutValues(imp.diff as CohortDiff)) : null,
        message: "Elenco scartato dall'operatore: nessun dato importato.",
        reviewed_by: actor.userId,
        reviewed_at: new Date(),
      })
      .where("id", "=", imp.id)
      .execute();
    await recordAudit(trx, actor, {
      action: "outplacement.cohort_import_discarded",
      entityType: "outplacement_import",
      entityId: imp.id,
      employerId: event.employer_id,
      details: { eventId, was: imp.status },
    });
  });
}

/**
 * The dismissing employer uploads its list (L. 223/1991 art. 4 c. 9) from its area: the file is checked for what the
 * file itself says (columns, rows, sites, dates, comuni, CP2021 codes, repeated codici fiscali). With problems, the
 * employer gets the report of its own rows and nothing is kept but that report; without, the list waits for the
 * officer («pending») and the L223-LIST deadline is marked as received today. The employer never sees the officer's
 * analysis (who is already in the cohort, who has a CV).
 */
export async function receiveEmployerList(
  db: Db,
  actor: AnyActor,
  employerId: string,
  eventId: string,
  file: CohortUpload,
  now: Date = new Date(),
  /** The demo seed sends its list inside its own transaction. */
  inTransaction?: Trx,
) {
  const event = await loadEvent(inTransaction ?? db, eventId);
  if (event.employer_id !== employerId) throw new DomainError("Procedura non trovata", "_form", "not_found");
  const { header, records, format } = await readCohortUpload(file);
  const today = todayInItaly(now);
  const meta: ImportMeta = { source: "employer", format, filename: file.name, total: records.length, dropped: header.dropped };
  const a = await analyse(inTransaction ?? db, event, header.columns, records, today, "employer");
  if (a.errors.length) return recordRefusal(inTransaction ?? db, actor, event, meta, a.errors);
  const write = inTransaction ? <T>(fn: (trx: Trx) => Promise<T>) => fn(inTransaction) : withTransaction;
  return write(async (trx) => {
    const imp = await trx
      .insertInto("outplacement_imports")
      .values({
        event_id: eventId,
        filename: file.name.slice(0, 200),
        status: "pending",
        source: "employer",
        file_format: format,
        total_rows: records.length,
        dropped_columns: header.dropped,
        message: `Elenco ricevuto dall'azienda: ${plural(records.length, "lavoratore", "lavoratori")}, da verificare.`,
        records: JSON.stringify({ columns: header.columns, records }),
        created_by: actor.userId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const milestone = await trx
      .updateTable("outplacement_event_milestones")
      .set({
        done_on: today,
        note: `Elenco ricevuto dall'azienda in Rosa (${file.name.slice(0, 100)})`,
        edited_by: actor.userId,
        edited_at: new Date(),
        updated_at: new Date(),
      })
      .where("event_id", "=", eventId)
      .where("rule_id", "=", "L223-LIST")
      .where("member_id", "is", null)
      .where("done_on", "is", null)
      .returning("id")
      .executeTakeFirst();
    if (event.coordinator_user_id) {
      const to = await trx.selectFrom("users").select("email").where("id", "=", event.coordinator_user_id).executeTakeFirst();
      if (to)
        await enqueueMail(trx, {
          to: to.email,
          subject: "Rosa: elenco dei lavoratori ricevuto dall'azienda",
          body: `L'azienda ha caricato l'elenco dei lavoratori dell'evento «${event.title}» (${plural(records.length, "lavoratore", "lavoratori")}). Verificalo e applicalo: ${absoluteUrl(`/operatore/ricollocazione/${eventId}/importa`)}`,
        });
    }
    await recordAudit(trx, actor, {
      action: "outplacement.employer_list_received",
      entityType: "outplacement_import",
      entityId: imp.id,
      employerId: event.employer_id,
      details: { eventId, format, rows: records.length, droppedColumns: header.dropped, milestoneMarked: Boolean(milestone) },
    });
    return {
      status: "pending" as const,
      importId: imp.id,
      rows: records.length,
      dropped: header.dropped,
      milestoneMarked: Boolean(milestone),
    };
  });
}

/** The employer's uploads for an event, newest first, as the employer may read them (its own rows' errors only). */
export async function employerListUploads(db: Db, employerId: string, eventId: string) {
  const rows = await db
    .selectFrom("outplacement_imports as i")
    .innerJoin("outplacement_events as e", "e.id", "i.event_id")
    .select([
      "i.id",
      "i.filename",
      "i.status",
      "i.total_rows",
      "i.error_count",
      "i.error_report",
      "i.reviewed_at",
      "i.created_at",
      "i.dropped_columns",
    ])
    .where("i.event_id", "=", eventId)
    .where("e.employer_id", "=", employerId)
    .where("i.source", "=", "employer")
    .orderBy("i.created_at", "desc")
    .limit(10)
    .execute();
  return rows.map((r) => {
    // A list refused at upload: the rows of the employer's own file. Refused later by the officer: no details.
    const ownErrors = r.status === "failed" && !r.reviewed_at;
    return {
      id: r.id,
      filename: r.filename,
      status: (r.status === "preview" ? "pending" : r.status) as "pending" | "done" | "failed" | "discarded",
      refusedAtUpload: ownErrors,
      rows: r.total_rows,
      errorCount: ownErrors ? r.error_count : 0,
      errors:
        ownErrors && r.error_report
          ? readCsv(r.error_report)
              .slice(1, 51)
              .map((l) => l.cells.slice(0, 4))
          : [],
      createdAt: r.created_at,
      reviewedAt: r.reviewed_at,
      dropped: r.dropped_columns,
    };
  });
}

/** The lists waiting for the officer on an event: the employer's to check, the previews to confirm. */
export async function waitingCohortImports(db: Db, eventId: string) {
  const rows = await db
    .selectFrom("outplacement_imports")
    .select(["id", "filename", "status", "source", "file_format", "total_rows", "diff", "message", "created_at"])
    .where("event_id", "=", eventId)
    .where("status", "in", ["pending", "preview"])
    .orderBy("created_at", "desc")
    .execute();
  return rows.map((r) => ({ ...r, diff: (r.diff ?? null) as CohortDiff | null }));
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
