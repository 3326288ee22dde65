/**
 * The one spreadsheet reader of Rosa (.xlsx, Office Open XML), on `read-excel-file`: it unzips the workbook and reads the
 * cells' values; formulas are never computed (their last saved value is read) and macros are never run (a .xlsx holds
 * none; .xlsm and the old .xls are refused). Rows come with their row number in the sheet, like `readCsv` gives lines,
 * so an error message points at the row Excel shows; empty rows are skipped (and counted).
 *
 * Before anything is unzipped the zip's directory is read: a password-protected workbook (an encrypted OLE container),
 * an old .xls, a file that is not a zip, or a workbook that would expand past `maxUncompressedBytes` (a "zip bomb")
 * is refused with an Italian message for the user. Server only.
 */
import { unzipSync } from "fflate";
import { readSheet } from "read-excel-file/node";
import type { CsvLine } from "./csv.server";

/** A workbook that cannot be read; the message is Italian, for the user. */
export class XlsxReadError extends Error {
  constructor(
    message: string,
    readonly code: "encrypted_or_xls" | "not_xlsx" | "too_large" | "unreadable" | "macro",
  ) {
    super(message);
    this.name = "XlsxReadError";
  }
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** True when the bytes look like a spreadsheet file (zip or OLE container) rather than text. */
export function looksLikeSpreadsheet(bytes: Uint8Array): boolean {
  return startsWith(bytes, ZIP_MAGIC) || startsWith(bytes, OLE_MAGIC);
}

/** A cell as the text a CSV would hold: dates as YYYY-MM-DD, booleans as «sì»/«no», integers without decimals. */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "" : v.toISOString().slice(0, 10);
  if (typeof v === "boolean") return v ? "sì" : "no";
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(15)));
  return String(v);
}

export interface ReadXlsxOptions {
  /** Refuse a workbook whose files would expand past this size (default 50 MB). */
  maxUncompressedBytes?: number;
}

/** The rows of the FIRST sheet of `bytes`, each with its row number, cells as text. Empty rows are left out. */
export async function readXlsx(bytes: Uint8Array, opts: ReadXlsxOptions = {}): Promise<CsvLine[]> {
  const maxUncompressed = opts.maxUncompressedBytes ?? 50 * 1_048_576;
  if (startsWith(bytes, OLE_MAGIC))
    throw new XlsxReadError(
      "Il file Excel è protetto da password o è nel vecchio formato .xls: togli la password (File › Informazioni › Proteggi cartella di lavoro) e salvalo come «Cartella di lavoro di Excel (.xlsx)», oppure come «CSV UTF-8»",
      "encrypted_or_xls",
    );
  if (!startsWith(bytes, ZIP_MAGIC))
    throw new XlsxReadError(
      "Il file non è un foglio Excel .xlsx: salvalo come «Cartella di lavoro di Excel (.xlsx)» o come «CSV UTF-8»",
      "not_xlsx",
    );
  let total = 0;
  let hasWorkbook = false;
  let hasMacros = false;
  try {
    // The filter sees each entry's declared size and keeps nothing: only the zip's directory is read.
    unzipSync(bytes, {
      filter: (f) => {
        total += f.originalSize;
        if (f.name === "xl/workbook.xml") hasWorkbook = true;
        if (f.name === "xl/vbaProject.bin") hasMacros = true;
        return false;
      },
    });
  } catch {
    throw new XlsxReadError("Il file Excel è danneggiato e non si può leggere: aprilo in Excel, salvalo di nuovo e riprova", "unreadable");
  }
  if (!hasWorkbook)
    throw new XlsxReadError(
      "Il file non è un foglio Excel .xlsx: salvalo come «Cartella di lavoro di Excel (.xlsx)» o come «CSV UTF-8»",
      "not_xlsx",
    );
  if (hasMacros)
    throw new XlsxReadError("Il file Excel contiene macro: salvalo come «Cartella di lavoro di Excel (.xlsx)», senza macro", "macro");
  if (total > maxUncompressed)
    throw new XlsxReadError(
      "Il file Excel è troppo grande una volta aperto: lascia nel file solo il foglio con l'elenco, oppure salvalo come «CSV UTF-8»",
      "too_large",
    );
  let rows: unknown[][];
  try {
    rows = (await readSheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 1)) as unknown[][];
  } catch {
    throw new XlsxReadError("Il file Excel è danneggiato e non si può leggere: aprilo in Excel, salvalo di nuovo e riprova", "unreadable");
  }
  const out: CsvLine[] = [];
  rows.forEach((row, i) => {
    const cells = row.map(cellText);
    if (cells.some((c) => c.trim() !== "")) out.push({ line: i + 1, cells });
  });
  return out;
}
