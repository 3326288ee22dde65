/**
 * Draws the internship documents (documents.ts) as PDFs and computes the fingerprint that freezes them for signature
 * (docs/decisions/tirocini.md#convenzioni-pfi-firme-e-co). The fingerprint is the SHA-256 of the document's content,
 * not of the PDF bytes (those carry the time of writing): every copy of the same version has the same fingerprint,
 * printed at the foot of the document and written in the PDF's «Subject» as `rosa-sha256:<hex>`, where an uploaded
 * signed copy is read back to tell which version was signed.
 */
import { createHash } from "node:crypto";
import { PDFDocument } from "pdf-lib";
import { PdfWriter } from "~/documents/pdf.server";
import type { DocumentContent } from "./documents";

const SUBJECT_PREFIX = "rosa-sha256:";

/** SHA-256 (hex) of the document's content: the same content, the same fingerprint. */
export function documentHash(content: DocumentContent): string {
  return createHash("sha256").update(JSON.stringify(content)).digest("hex");
}

/** The writer of an internship document, written by the promoter (the CPI). */
export function internshipPdf(title: string, author = "Centro per l'Impiego"): Promise<PdfWriter> {
  return PdfWriter.create({ title, author });
}

/** The foot of an internship document: a note in small print (when given), then the fingerprint of its content. */
export function printFingerprint(pdf: PdfWriter, hash: string, note?: string) {
  if (note) pdf.space(18).text(note, { size: 8 });
  pdf.text(`Impronta del documento (SHA-256): ${hash}`, { size: 8 });
}

export async function renderDocumentPdf(content: DocumentContent, footer: string): Promise<Uint8Array> {
  const hash = documentHash(content);
  const pdf = await internshipPdf(content.title);
  for (const b of content.blocks) {
    if (b.kind === "heading") pdf.heading(b.text, b.level, b.level === 1 ? 8 : 2);
    else if (b.kind === "text") pdf.text(b.text, { bold: b.bold, gap: 4 });
    else if (b.kind === "keyValue") pdf.keyValue(b.rows, { gap: 4 });
    else
      for (const party of b.parties) {
        pdf.space(14).text(`${party}: ______________________________   data: ____________`);
      }
  }
  printFingerprint(pdf, hash, footer);
  // PdfWriter has no «Subject»: add it on a second pass (keeps the shared writer unchanged).
  const doc = await PDFDocument.load(await pdf.save());
  doc.setSubject(`${SUBJECT_PREFIX}${hash}`);
  return doc.save();
}

/** The fingerprint written by Rosa in a PDF (kept by signing tools that sign in place), or null (a scan, another file). */
export async function readDocumentHash(bytes: Uint8Array): Promise<string | null> {
  try {
    const doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
    const subject = doc.getSubject() ?? "";
    const found = new RegExp(`${SUBJECT_PREFIX}([0-9a-f]{64})`).exec(subject);
    return found ? found[1]! : null;
  } catch {
    return null;
  }
}

/** True when the bytes look like a PDF (the upload of a signed copy). */
export const looksLikePdf = (bytes: Uint8Array) => bytes.length > 4 && Buffer.from(bytes.subarray(0, 5)).toString("latin1") === "%PDF-";
