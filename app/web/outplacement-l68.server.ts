/**
 * The L. 68 suspension record filed from a redundancy event (docs/decisions/outplacement.md «Sospensione L. 68
 * dall'evento»): a placement officer files it for the dismissing employer with the event's computed window, and the
 * record is linked to the event in the same transaction. The web tier joins the two contexts (outplacement may not
 * reach the L. 68 records context itself).
 */
import { DomainError } from "~/domain/errors";
import type { Actor } from "~/domain/audit/index.server";
import { checkPdfFile } from "~/domain/candidates/pdf.server";
import { RECORD_FORM_SCHEMAS } from "~/domain/l68";
import { DOCUMENT_MAX_BYTES, fileRecord } from "~/domain/l68/records/index.server";
import { linkL68Record, type EventScope } from "~/domain/outplacement/index.server";
import { withTransaction } from "~/db/transaction.server";
import { todayInItaly } from "~/utils/dates";
import { formatMegabytes } from "~/utils/format";
import { type FieldErrors, type FormValues, formValues, parseFormData } from "~/utils/forms";
import { isMultipart } from "./action.server";
import { statusOf, type DomainErrorStatus } from "./errors.server";
import { readUpload } from "./upload.server";

const DOCUMENT_FIELD = "documento";

export type SuspensionResult =
  { ok: true; recordId: string } | { ok: false; errors: FieldErrors; values: FormValues; status: DomainErrorStatus };

export async function fileSuspensionFromEvent(
  request: Request,
  actor: Actor,
  scope: EventScope,
  event: { id: string; employer_id: string },
): Promise<SuspensionResult> {
  if (!isMultipart(request))
    return { ok: false, errors: { [DOCUMENT_FIELD]: "Allega il documento della pratica in PDF" }, values: {}, status: 400 };
  const upload = await readUpload(
    request,
    DOCUMENT_FIELD,
    DOCUMENT_MAX_BYTES,
    `Il file è troppo grande: al massimo ${formatMegabytes(DOCUMENT_MAX_BYTES)}`,
  );
  const values = formValues(upload.form);
  const errors: FieldErrors = {};
  let doc: ReturnType<typeof checkPdfFile> | null = null;
  if (upload.file)
    try {
      doc = checkPdfFile(upload.file, DOCUMENT_MAX_BYTES, { field: DOCUMENT_FIELD, what: "il documento", fallbackName: "documento" });
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      errors[e.field] = e.message;
    }
  else if (upload.error) errors[upload.error.field] = upload.error.message;
  const parsed = parseFormData(upload.form, RECORD_FORM_SCHEMAS.sospensione);
  if (!parsed.ok) Object.assign(errors, parsed.errors);
  const via = values.receivedVia === "pec" || values.receivedVia === "sportello" ? values.receivedVia : null;
  if (!via) errors.receivedVia = "Indica come è arrivato il documento (PEC o sportello)";
  const version = Number(values.eventVersion);
  if (!Number.isInteger(version) || version < 1) errors._form = "Versione dell'evento mancante: ricarica la pagina";
  if (!parsed.ok || !doc || Object.keys(errors).length)
    return { ok: false, errors, values, status: upload.error && !upload.file ? statusOf(upload.error) : 400 };
  const record = {
    ...parsed.data,
    details: { ...parsed.data.details, receivedVia: via, enteredByOffice: true, outplacementEventId: event.id },
  } as typeof parsed.data;
  try {
    const recordId = await withTransaction(async (trx) => {
      const id = await fileRecord(trx, actor, event.employer_id, record, doc, todayInItaly());
      await linkL68Record(trx, actor, scope, event.id, version, id);
      return id;
    });
    return { ok: true, recordId };
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    return { ok: false, errors: { [e.field]: e.message }, values, status: statusOf(e) };
  }
}
