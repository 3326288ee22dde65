import { createHash } from "node:crypto";
import { DomainError } from "~/domain/errors";
import { formatMegabytes } from "~/utils/format";
import type { ValidatedPdf } from "./commands.server";
import { extractPdfText, UNREADABLE } from "./pdf-text.server";
import { log } from "~/utils/logger.server";

/**
 * Checks that an upload is a real PDF within the size limit and extracts its
 * text with pdfjs-dist (Mozilla's maintained PDF engine, legacy build for Node)
 * in the worker pool of `pdf-text.server.ts`, within its time, memory and page limits.
 * Runs before the transaction: parsing is CPU work that must not hold locks.
 */
export async function validatePdfUpload(file: { name: string; bytes: Uint8Array }, maxBytes: number): Promise<ValidatedPdf> {
  const field = "cv";
  const checked = checkPdfFile(file, maxBytes, { field, what: "il CV", fallbackName: "cv" });
  let parsed: { text: string; pageCount: number };
  try {
    parsed = await extractPdfText(file.bytes);
  } catch (e) {
    if (e instanceof DomainError) throw e;
    // A worker that failed for another reason: the file is what we cannot read, the server is fine.
    log().error({ err: e }, "[cv] lettura del testo del PDF non riuscita");
    throw new DomainError(UNREADABLE, field);
  }
  return { ...checked, text: parsed.text, pageCount: parsed.pageCount };
}

/**
 * The checks every stored PDF passes (CVs, L. 68 documents): not empty, within the size limit,
 * starting with the `%PDF-` signature; returns a safe file name and the sha256 of the bytes.
 */
export function checkPdfFile(
  file: { name: string; bytes: Uint8Array },
  maxBytes: number,
  opts: { field: string; what: string; fallbackName: string },
): { filename: string; bytes: Uint8Array; sha256: string } {
  const { field } = opts;
  if (file.bytes.length === 0) throw new DomainError("Scegli un file PDF da caricare", field);
  if (file.bytes.length > maxBytes)
    throw new DomainError(
      `Il file è troppo grande: al massimo ${formatMegabytes(maxBytes)} (questo è ${formatMegabytes(file.bytes.length)})`,
      field,
    );
  if (Buffer.from(file.bytes.subarray(0, 5)).toString("latin1") !== "%PDF-")
    throw new DomainError(`Il file non è un PDF: carica ${opts.what} in formato PDF`, field);
  return {
    filename: safeFilename(file.name, opts.fallbackName),
    bytes: file.bytes,
    sha256: createHash("sha256").update(file.bytes).digest("hex"),
  };
}

/** Keeps the name readable for the download header, without paths or control characters. */
export function safeFilename(name: string, fallback = "cv"): string {
  const base = name.split(/[\\/]/).pop() ?? `${fallback}.pdf`;
  const clean = base
    .replace(/[^\p{L}\p{N} ._()-]/gu, "_")
    .slice(0, 120)
    .trim();
  return clean.toLowerCase().endsWith(".pdf") ? clean : `${clean || fallback}.pdf`;
}
