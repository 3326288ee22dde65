import { DomainError } from "~/domain/errors";
import type { ValidatedPdf } from "./commands.server";
import { validatePdfUpload } from "./pdf.server";
import { cvSettings } from "./policy.server";

/**
 * Reads one uploaded file from a multipart request. The declared length is
 * checked first so an oversized upload is refused before it is buffered.
 */
export async function readUploadedFile(request: Request, field: string, maxBytes: number, tooBig: string): Promise<{ name: string; bytes: Uint8Array; form: FormData }> {
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  // Multipart overhead (boundaries, other fields) is small: 64 KB of slack.
  if (declared > maxBytes + 65_536) throw new DomainError(tooBig, field);
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new DomainError("Caricamento non riuscito: scegli di nuovo il file e riprova", field);
  }
  const file = form.get(field);
  if (!file || typeof file === "string" || file.size === 0) throw new DomainError("Scegli un file da caricare", field);
  if (file.size > maxBytes) throw new DomainError(tooBig, field);
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()), form };
}

export function megabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toLocaleString("it-IT", { maximumFractionDigits: 1 })} MB`;
}

/** Serves a stored PDF as a download: never rendered inline, never sniffed, never cached by proxies. */
export function pdfResponse(file: { filename: string; content: Buffer; sha256: string }): Response {
  return new Response(new Uint8Array(file.content), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${file.filename.replace(/"/g, "")}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      ETag: `"${file.sha256}"`,
    },
  });
}

/** The PDF CV of an upload form (candidate's or officer's), checked for size and content; the caller stores it. */
export async function readCvUpload(request: Request): Promise<ValidatedPdf> {
  const { maxUploadBytes } = cvSettings();
  const file = await readUploadedFile(request, "cv", maxUploadBytes, `Il file è troppo grande: al massimo ${megabytes(maxUploadBytes)}`);
  return validatePdfUpload(file, maxUploadBytes);
}
