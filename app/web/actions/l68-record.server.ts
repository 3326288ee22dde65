import { todayInItaly } from "~/utils/dates";
import { isMultipart } from "~/web/action.server";
/**
 * The actions behind the record pages, shared by the employer's and the officer's routes: read the
 * upload (`readUpload` + `checkPdfFile`, the CV helpers), validate with zod through conform, run the
 * command in one transaction, and turn rule violations into conform's reply (messages by field, the
 * values typed, the status), which the page passes to its form as `lastResult`.
 */
import { checkPdfFile } from "~/domain/candidates/pdf.server";
import { readUpload } from "~/web/upload.server";
import { formatMegabytes } from "~/utils/format";
import { withTransaction } from "~/db/transaction.server";
import type { Trx } from "~/db/db.server";
import type { Actor } from "~/domain/audit/commands.server";
import { z } from "zod";
import { DomainError } from "~/domain/errors";
import { statusOf } from "~/web/errors.server";
import { parseForm } from "~/web/conform";
import { emptySubmission, replyDomainError, replyInvalid } from "~/web/conform.server";
import { RECORD_FORM_SCHEMAS, RecordEventSchema, RecordKindSchema, type RecordEvent, type RecordSide } from "~/domain/l68";
import { addRecordDocument, changeRecordStatus, DOCUMENT_MAX_BYTES, fileRecord, type StoredPdf } from "~/domain/l68/records/index.server";

type Reply = ReturnType<typeof replyInvalid>;
export type RecordActionResult = { ok: true; message: string; recordId: string } | { ok: false; reply: Reply };

const DOCUMENT_FIELD = "documento";

/** The form with no other field than the document («Allega il documento»): its reply names it so the page shows it there. */
export const DOCUMENT_INTENT = "document";

const refuse = (reply: Reply): RecordActionResult => ({ ok: false, reply });

/** The uploaded PDF, or the form without it and the reason (so the other fields are still checked). */
async function readDocument(request: Request): Promise<{ form: FormData; doc: StoredPdf | null; error?: DomainError }> {
  const upload = await readUpload(
    request,
    DOCUMENT_FIELD,
    DOCUMENT_MAX_BYTES,
    `Il file è troppo grande: al massimo ${formatMegabytes(DOCUMENT_MAX_BYTES)}`,
  );
  if (!upload.file) return { form: upload.form, doc: null, error: upload.error };
  try {
    const doc = checkPdfFile(upload.file, DOCUMENT_MAX_BYTES, { field: DOCUMENT_FIELD, what: "il documento", fallbackName: "documento" });
    return { form: upload.form, doc };
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    return { form: upload.form, doc: null, error: e };
  }
}

/** How an officer received a record filed on the employer's behalf. */
export const RECEIVED_VIA = { pec: "PEC", sportello: "Allo sportello" } as const;
const ReceivedViaSchema = z.enum(["pec", "sportello"], { error: "Indica come è arrivato il documento (PEC o sportello)" });

/** What a page that files a record for its own purpose adds: details to record and a step in the same transaction. */
export interface NewRecordExtras {
  details?: Record<string, unknown>;
  /** Runs after the record is filed, in its transaction (a DomainError undoes both and is shown on the form). */
  inTransaction?: (trx: Trx, recordId: string, form: FormData) => Promise<void>;
}

/**
 * Files a new record (multipart: the fields and the PDF document). `onBehalf`: a placement officer
 * enters a record received by PEC or at the desk; the form must say which (`receivedVia`).
 */
export async function handleNewRecord(
  request: Request,
  actor: Actor,
  employerId: string,
  onBehalf = false,
  extras: NewRecordExtras = {},
): Promise<RecordActionResult> {
  if (!isMultipart(request))
    return refuse(replyInvalid(emptySubmission(), { fieldErrors: { [DOCUMENT_FIELD]: "Allega il documento della pratica in PDF" } }));
  const { form, doc, error } = await readDocument(request);
  const kind = RecordKindSchema.safeParse(form.get("kind"));
  if (!kind.success) return refuse(replyInvalid(parseForm(form, z.object({})), { formError: "Tipo di pratica non valido" }));
  const submission = parseForm(form, RECORD_FORM_SCHEMAS[kind.data]);
  const fieldErrors: Record<string, string> = {};
  if (error) fieldErrors[error.field] = error.message;
  const via = onBehalf ? ReceivedViaSchema.safeParse(form.get("receivedVia")) : null;
  if (via && !via.success) fieldErrors.receivedVia = via.error.issues[0]?.message ?? "Valore non valido";
  if (submission.status !== "success" || Object.keys(fieldErrors).length)
    return refuse(replyInvalid(submission, { status: error ? statusOf(error) : 400, fieldErrors }));
  // The channel travels in the details (jsonb): the record schemas describe what the employer types.
  const record = via?.success
    ? ({
        ...submission.value,
        details: { ...submission.value.details, receivedVia: via.data, enteredByOffice: true, ...extras.details },
      } as unknown as typeof submission.value)
    : submission.value;
  try {
    const recordId = await withTransaction(async (trx) => {
      const id = await fileRecord(trx, actor, employerId, record, doc, todayInItaly());
      if (extras.inTransaction) await extras.inTransaction(trx, id, form);
      return id;
    });
    return {
      ok: true,
      message: onBehalf
        ? "Pratica registrata per conto dell'azienda con il documento ricevuto."
        : "Pratica presentata con il documento allegato.",
      recordId,
    };
  } catch (e) {
    return refuse(replyDomainError(e, submission));
  }
}

const EVENT_MESSAGES: Record<RecordEvent, string> = {
  approve: "Pratica accolta: quota e copertura ricalcolate.",
  reject: "Pratica respinta: l'azienda riceve il motivo.",
  withdraw: "Pratica ritirata.",
  close: "Pratica chiusa: quota e copertura ricalcolate.",
};

/** On an existing record: a further document (multipart) or a state change (`event`). */
export async function handleRecordAction(
  request: Request,
  actor: Actor,
  side: RecordSide,
  employerId: string,
  recordId: string,
): Promise<RecordActionResult> {
  const today = todayInItaly();
  if (isMultipart(request)) {
    const { form, doc, error } = await readDocument(request);
    // Named by its intent whatever was posted: the page shows the message next to the document field.
    form.set("intent", DOCUMENT_INTENT);
    const submission = parseForm(form, z.object({ intent: z.string() }));
    if (error || !doc) return refuse(replyDomainError(error ?? new DomainError("Scegli un file da caricare", DOCUMENT_FIELD), submission));
    try {
      await withTransaction((trx) => addRecordDocument(trx, actor, employerId, recordId, doc));
      return { ok: true, message: "Documento allegato alla pratica.", recordId };
    } catch (e) {
      return refuse(replyDomainError(e, submission));
    }
  }
  const submission = parseForm(await request.formData(), RecordEventSchema);
  if (submission.status !== "success") return refuse(replyInvalid(submission));
  const decision = submission.value;
  try {
    await withTransaction((trx) => changeRecordStatus(trx, actor, side, employerId, recordId, decision, today));
    return { ok: true, message: EVENT_MESSAGES[decision.event], recordId };
  } catch (e) {
    return refuse(replyDomainError(e, submission));
  }
}
