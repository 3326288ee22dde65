import { todayInItaly } from "~/utils/dates";
import { isMultipart } from "~/web/action.server";
/**
 * The actions behind the record pages, shared by the employer's and the officer's routes: read the
 * upload (`readUpload` + `checkPdfFile`, the CV helpers), validate with zod, run the command
 * in one transaction, and turn rule violations into form errors.
 */
import { checkPdfFile } from "~/domain/candidates/pdf.server";
import { readUpload } from "~/web/upload.server";
import { formatMegabytes } from "~/utils/format";
import { withTransaction } from "~/db/transaction.server";
import type { Actor } from "~/domain/audit/commands.server";
import { z } from "zod";
import { DomainError } from "~/domain/errors";
import { type DomainErrorStatus, statusOf } from "~/web/errors.server";
import { type FieldErrors, type FormValues, formValues, parseFormData } from "~/utils/forms";
import { RECORD_FORM_SCHEMAS, RecordEventSchema, RecordKindSchema, type RecordEvent, type RecordSide } from "~/domain/l68";
import { addRecordDocument, changeRecordStatus, DOCUMENT_MAX_BYTES, fileRecord, type StoredPdf } from "~/domain/l68/records/index.server";

export type RecordActionResult =
  { ok: true; message: string; recordId: string } | { ok: false; errors: FieldErrors; values: FormValues; status: DomainErrorStatus };

const DOCUMENT_FIELD = "documento";

const failure = (e: unknown, values: FormValues, errors: FieldErrors = {}): RecordActionResult => {
  if (!(e instanceof DomainError)) throw e;
  return { ok: false, errors: { ...errors, [e.field]: e.message }, values, status: statusOf(e) };
};

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

/**
 * Files a new record (multipart: the fields and the PDF document). `onBehalf`: a placement officer
 * enters a record received by PEC or at the desk; the form must say which (`receivedVia`).
 */
export async function handleNewRecord(request: Request, actor: Actor, employerId: string, onBehalf = false): Promise<RecordActionResult> {
  if (!isMultipart(request))
    return { ok: false, errors: { [DOCUMENT_FIELD]: "Allega il documento della pratica in PDF" }, values: {}, status: 400 };
  const { form, doc, error } = await readDocument(request);
  const values = formValues(form);
  const kind = RecordKindSchema.safeParse(values.kind);
  if (!kind.success) return { ok: false, errors: { _form: "Tipo di pratica non valido" }, values, status: 400 };
  const parsed = parseFormData(form, RECORD_FORM_SCHEMAS[kind.data]);
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
  if (error) errors[error.field] = error.message;
  const via = onBehalf ? ReceivedViaSchema.safeParse(values.receivedVia) : null;
  if (via && !via.success) errors.receivedVia = via.error.issues[0]?.message ?? "Valore non valido";
  if (!parsed.ok || error || (via && !via.success)) return { ok: false, errors, values, status: error ? statusOf(error) : 400 };
  // The channel travels in the details (jsonb): the record schemas describe what the employer types.
  const record = via?.success
    ? ({
        ...parsed.data,
        details: { ...parsed.data.details, receivedVia: via.data, enteredByOffice: true },
      } as unknown as typeof parsed.data)
    : parsed.data;
  try {
    const recordId = await withTransaction((trx) => fileRecord(trx, actor, employerId, record, doc, todayInItaly()));
    return {
      ok: true,
      message: onBehalf
        ? "Pratica registrata per conto dell'azienda con il documento ricevuto."
        : "Pratica presentata con il documento allegato.",
      recordId,
    };
  } catch (e) {
    return failure(e, values);
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
    const values = formValues(form);
    if (error || !doc) return failure(error ?? new DomainError("Scegli un file da caricare", DOCUMENT_FIELD), values);
    try {
      await withTransaction((trx) => addRecordDocument(trx, actor, employerId, recordId, doc));
      return { ok: true, message: "Documento allegato alla pratica.", recordId };
    } catch (e) {
      return failure(e, values);
    }
  }
  const form = await request.formData();
  const parsed = parseFormData(form, RecordEventSchema);
  if (!parsed.ok) return { ok: false, errors: parsed.errors, values: parsed.values, status: 400 };
  try {
    await withTransaction((trx) => changeRecordStatus(trx, actor, side, employerId, recordId, parsed.data, today));
    return { ok: true, message: EVENT_MESSAGES[parsed.data.event], recordId };
  } catch (e) {
    return failure(e, parsed.values);
  }
}
