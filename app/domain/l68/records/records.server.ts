import { absoluteUrl } from "~/utils/public-url.server";
/**
 * Commands on the L. 68 records (docs/architecture.md#service-s): file one with its document, decide it (office),
 * withdraw it (employer), add documents. Each runs in the caller's transaction, moves the record
 * only along its kind's table (`states.ts`), audits, and recomputes quota and coverage when the
 * record affects them — so the decision and its effect commit together or not at all.
 */
import type { Trx } from "~/db/db.server";
import type { L68RecordKind, L68RecordStatus } from "~/db/tables/l68";
import { recordAudit, type Actor } from "~/domain/audit/index.server";
import { DomainError } from "~/domain/errors";
import { enqueueMail } from "~/domain/mail/index.server";
import { applyTransition, lockRow } from "~/domain/workflow/index.server";
import { recomputeFile } from "../file/commands.server";
import { addDays, addMonths } from "../calculator/dates";
import { checkFiling, isReferral, linkObligations, unlinkObligations, withContribution } from "./record-effects.server";
import type { RecordEventForm, RecordForm } from "./record-schema";
import { EVENT_SIDE, nextRecordStatus, OPEN_STATUSES, RECORD_KIND_LABELS, RECORD_STATUS_LABELS, type RecordSide } from "./states";
import { lockFile } from "../file/workforce.server";

/** Largest document accepted (PDF): supporting papers are scans, rarely above a few MB. */
export const DOCUMENT_MAX_BYTES = 10 * 1_048_576;

export interface StoredPdf {
  filename: string;
  bytes: Uint8Array;
  sha256: string;
}

/** Collective dismissals with at least 5 dismissed extend the suspension by the re-hiring priority (docs/legal/l68.md#s1-9). */
const PRIORITY_MONTHS = 6;
const PRIORITY_MIN_DISMISSALS = 5;

const auditRecord = (trx: Trx, actor: Actor, employerId: string, action: string, recordId: string, details: Record<string, unknown>) =>
  recordAudit(trx, actor, { action, entityType: "l68_record", entityId: recordId, employerId, details });

async function storeDocument(trx: Trx, actor: Actor, employerId: string, recordId: string, doc: StoredPdf) {
  const row = await trx
    .insertInto("l68_documents")
    .values({
      record_id: recordId,
      file_name: doc.filename,
      content_type: "application/pdf",
      size_bytes: doc.bytes.length,
      content: Buffer.from(doc.bytes),
      sha256: doc.sha256,
      uploaded_by: actor.userId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await auditRecord(trx, actor, employerId, "l68.record_document_added", recordId, {
    documentId: row.id,
    filename: doc.filename,
    size: doc.bytes.length,
    sha256: doc.sha256,
  });
}

/** Records that change quota or coverage; referral requests act on the obligations instead. */
const affectsQuota = (kind: L68RecordKind) => !isReferral(kind);

export async function fileRecord(
  trx: Trx,
  actor: Actor,
  employerId: string,
  form: RecordForm,
  doc: StoredPdf | null,
  today: string,
): Promise<string> {
  if (!doc) throw new DomainError("Allega il documento della pratica in PDF", "documento");
  await lockFile(trx, employerId);
  await checkFiling(trx, employerId, form.kind, today);
  let details: Record<string, unknown> = { ...form.details };
  if (form.kind === "esonero") details.requestedPercent = details.percent;
  details = await withContribution(trx, employerId, form.kind, details, form, today);
  const row = await trx
    .insertInto("l68_records")
    .values({
      employer_id: employerId,
      kind: form.kind,
      province_code: form.provinceCode,
      starts_on: form.startsOn,
      ends_on: form.endsOn,
      details: JSON.stringify({ ...details, notes: form.notes }),
      created_by: actor.userId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const obligationIds = await linkObligations(trx, actor, employerId, form.kind, Number(details.units ?? 0), today);
  if (obligationIds.length) {
    await trx
      .updateTable("l68_records")
      .set({ details: JSON.stringify({ ...details, notes: form.notes, obligationIds }) })
      .where("id", "=", row.id)
      .execute();
  }
  await auditRecord(trx, actor, employerId, "l68.record_filed", row.id, {
    kind: form.kind,
    startsOn: form.startsOn,
    endsOn: form.endsOn,
    obligationIds,
  });
  await storeDocument(trx, actor, employerId, row.id, doc);
  // A self-certification takes effect when filed (art. 5 c. 3-bis): recompute now.
  if (form.kind === "autocertificazione_60")
    await recomputeFile(trx, actor, employerId, today, `Presentata: ${RECORD_KIND_LABELS[form.kind]}`);
  return row.id;
}

/** Locks the record; `version` is the one the person saw (null: no check). */
async function lockRecord(trx: Trx, employerId: string, recordId: string, version: number | null) {
  const query = trx
    .selectFrom("l68_records")
    .select(["id", "kind", "status", "version", "details", "province_code", "starts_on", "ends_on"])
    .where("id", "=", recordId)
    .where("employer_id", "=", employerId);
  const row = await lockRow(query, version, "Pratica non trovata");
  return { ...row, details: row.details as Record<string, unknown>, ends_on: row.ends_on as string | null };
}

type LockedRecord = Awaited<ReturnType<typeof lockRecord>>;

/** The new end date when the office closes a record (early end, or the procedure's real end). */
function closedEnd(rec: LockedRecord, ev: RecordEventForm, today: string): string {
  const ended = ev.endedOn ?? today;
  if (ended < rec.starts_on) throw new DomainError("La data di conclusione non può precedere l'inizio della pratica", "endedOn");
  if (rec.details.suspensionType === "licenziamento_collettivo" && (ev.dismissals ?? 0) >= PRIORITY_MIN_DISMISSALS) {
    return addMonths(ended, PRIORITY_MONTHS);
  }
  return rec.ends_on && rec.ends_on < ended ? rec.ends_on : ended;
}

async function checkNoOverlap(trx: Trx, employerId: string, rec: LockedRecord) {
  const other = await trx
    .selectFrom("l68_records")
    .select("id")
    .where("employer_id", "=", employerId)
    .where("kind", "=", "esonero")
    .where("status", "=", "approved")
    .where("id", "!=", rec.id)
    .where((eb) => eb.or([eb("ends_on", "is", null), eb("ends_on", ">=", rec.starts_on)]))
    .where("starts_on", "<=", rec.ends_on ?? rec.starts_on)
    .executeTakeFirst();
  if (other)
    throw new DomainError(
      "Esiste già un esonero autorizzato per lo stesso periodo: chiudilo prima di autorizzarne un altro",
      "_form",
      "conflict",
    );
}

/** What the event changes in the record beyond its status. */
async function applyEvent(trx: Trx, actor: Actor, employerId: string, rec: LockedRecord, ev: RecordEventForm, today: string) {
  let details = rec.details;
  let endsOn = rec.ends_on;
  if (ev.event === "approve" && rec.kind === "esonero") {
    const requested = Number(details.requestedPercent);
    const granted = ev.grantedPercent ?? requested;
    if (granted > requested)
      throw new DomainError(`La percentuale autorizzata non può superare quella richiesta (${requested}%)`, "grantedPercent");
    await checkNoOverlap(trx, employerId, rec);
    details = { ...details, percent: granted };
  }
  if (ev.event === "close") {
    endsOn = closedEnd(rec, ev, today);
    if (ev.dismissals !== undefined) details = { ...details, dismissals: ev.dismissals };
  }
  if ((ev.event === "approve" || ev.event === "close") && (rec.kind === "esonero" || rec.kind === "autocertificazione_60")) {
    details = await withContribution(
      trx,
      employerId,
      rec.kind,
      details,
      { startsOn: rec.starts_on, endsOn, provinceCode: rec.province_code },
      today,
    );
  }
  if (ev.event === "reject" || ev.event === "withdraw")
    await unlinkObligations(trx, actor, (details.obligationIds as string[] | undefined) ?? [], today);
  return { details, endsOn };
}

/** Approve, reject or close (office) or withdraw (employer) one record of `employerId`. */
export async function changeRecordStatus(
  trx: Trx,
  actor: Actor,
  side: RecordSide,
  employerId: string,
  recordId: string,
  ev: RecordEventForm,
  today: string,
) {
  const rec = await lockRecord(trx, employerId, recordId, ev.version);
  if (EVENT_SIDE[ev.event] !== side)
    throw new DomainError(
      side === "employer" ? "Solo il collocamento mirato decide sulle pratiche" : "Solo l'azienda può ritirare la pratica",
      "_form",
    );
  const next = nextRecordStatus(rec.kind, rec.status, ev.event);
  if (!next) throw new DomainError(`Operazione non consentita: la pratica è «${RECORD_STATUS_LABELS[rec.status]}»`, "_form", "conflict");
  const { details, endsOn } = await applyEvent(trx, actor, employerId, rec, ev, today);
  const officer = side === "officer";
  await applyTransition(trx, {
    table: "l68_records",
    row: rec,
    patch: {
      status: next,
      details: JSON.stringify(details),
      ends_on: endsOn,
      decision_note: officer ? ev.note || null : undefined,
      decided_by: officer ? actor.userId : undefined,
      decided_at: officer ? new Date() : undefined,
    },
    audit: {
      actor,
      entry: {
        action: `l68.record_${ev.event}`,
        entityType: "l68_record",
        employerId,
        details: { kind: rec.kind, from: rec.status, to: next, note: ev.note || undefined, endsOn },
      },
    },
  });
  if (affectsQuota(rec.kind)) await recomputeAfter(trx, actor, employerId, rec, next, endsOn, today);
  if (officer) await notifyEmployer(trx, employerId, rec.kind, next, ev.note);
  return next;
}

async function recomputeAfter(
  trx: Trx,
  actor: Actor,
  employerId: string,
  rec: LockedRecord,
  next: L68RecordStatus,
  endsOn: string | null,
  today: string,
) {
  const reason = `${RECORD_KIND_LABELS[rec.kind]}: ${RECORD_STATUS_LABELS[next].toLowerCase()}`;
  const suspensionOver = rec.kind === "sospensione" && next === "closed" && endsOn !== null && endsOn < today;
  // The end of a suspension restarts the 60 days from the day after (docs/legal/l68.md#s1-6).
  if (suspensionOver) await recomputeFile(trx, actor, employerId, today, reason, "suspension_end", addDays(endsOn, 1));
  else await recomputeFile(trx, actor, employerId, today, reason);
}

async function notifyEmployer(trx: Trx, employerId: string, kind: L68RecordKind, status: L68RecordStatus, note: string) {
  const employer = await trx.selectFrom("employers").select("contact_email").where("id", "=", employerId).executeTakeFirstOrThrow();
  await enqueueMail(trx, {
    to: employer.contact_email,
    subject: `Rosa: ${RECORD_KIND_LABELS[kind]} — ${RECORD_STATUS_LABELS[status].toLowerCase()}`,
    body: `La pratica «${RECORD_KIND_LABELS[kind]}» è ora: ${RECORD_STATUS_LABELS[status].toLowerCase()}.${note ? `\n\nNota del collocamento mirato: ${note}` : ""}\n\nI dettagli sono nell'area Collocamento mirato di Rosa: ${absoluteUrl("/azienda/collocamento-mirato")}`,
  });
}

/** A further document (integration, decree, agreement) on a record that is still open. */
export async function addRecordDocument(trx: Trx, actor: Actor, employerId: string, recordId: string, doc: StoredPdf) {
  const rec = await lockRecord(trx, employerId, recordId, null);
  if (!OPEN_STATUSES.includes(rec.status))
    throw new DomainError(`La pratica è «${RECORD_STATUS_LABELS[rec.status]}»: non accetta altri documenti`, "documento", "conflict");
  await storeDocument(trx, actor, employerId, recordId, doc);
}
