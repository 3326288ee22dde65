import { DomainError } from "~/domain/errors";
import { type LimitedMultipart, MalformedBodyError, readMultipartWithLimit } from "~/web/body.server";
import { pdfDownload } from "~/documents/pdf.server";
import { formatMegabytes } from "~/utils/format";
import type { ValidatedPdf } from "~/domain/candidates/commands.server";
import { validatePdfUpload } from "~/domain/candidates/pdf.server";
import { cvSettings } from "~/domain/candidates/policy.server";

/** Room for the multipart boundaries and the other fields of an upload form. */
const MULTIPART_SLACK_BYTES = 65_536;

export interface Upload {
  /** The fields read: all of them, or those before the point where the upload went over its limit. */
  form: FormData;
  file: { name: string; bytes: Uint8Array } | null;
  /** Why there is no file (nothing chosen, over the limit, unreadable body). */
  error?: DomainError;
}

/**
 * Reads a multipart form with one file, streaming it to its size limit (`readMultipartWithLimit`): nothing past the
 * limit is read or kept, and the fields before the file are returned so the form can show them again.
 */
export async function readUpload(request: Request, field: string, maxBytes: number, tooBig: string): Promise<Upload> {
  let read: LimitedMultipart;
  try {
    read = await readMultipartWithLimit(request, { maxBytes: maxBytes + MULTIPART_SLACK_BYTES, maxPartBytes: maxBytes });
  } catch (e) {
    if (!(e instanceof MalformedBodyError)) throw e;
    return {
      form: new FormData(),
      file: null,
      error: new DomainError("Caricamento non riuscito: scegli di nuovo il file e riprova", field),
    };
  }
  const { form } = read;
  const file = form.get(field);
  form.delete(field);
  if (read.tooLarge || (file instanceof File && file.size > maxBytes))
    return { form, file: null, error: new DomainError(tooBig, field, "too_large") };
  if (!file || typeof file === "string" || file.size === 0)
    return { form, file: null, error: new DomainError("Scegli un file da caricare", field) };
  return { form, file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } };
}

/** `readUpload` for forms with nothing but the file: the reason there is none is thrown. */
export async function readUploadedFile(
  request: Request,
  field: string,
  maxBytes: number,
  tooBig: string,
): Promise<{ name: string; bytes: Uint8Array }> {
  const upload = await readUpload(request, field, maxBytes, tooBig);
  if (!upload.file) throw upload.error ?? new DomainError("Scegli un file da caricare", field);
  return upload.file;
}

/** Serves a stored PDF as a download: never rendered inline, never sniffed, never cached by proxies. */
export function pdfResponse(file: { filename: string; content: Buffer; sha256: string }): Response {
  return pdfDownload(file.content, file.filename, { etag: file.sha256 });
}

/** The PDF CV of an upload form (candidate's or officer's), checked for size and content; the caller stores it. */
export async function readCvUpload(request: Request): Promise<ValidatedPdf> {
  const { maxUploadBytes } = cvSettings();
  const file = await readUploadedFile(
    request,
    "cv",
    maxUploadBytes,
    `Il file è troppo grande: al massimo ${formatMegabytes(maxUploadBytes)}`,
  );
  return validatePdfUpload(file, maxUploadBytes);
}
