/**
 * The one CSV reader of Rosa (candidate import, vendored reference classifications), on `csv-parse`:
 * RFC 4180 quoting (separators, doubled quotes and line breaks inside quoted cells), a UTF-8 BOM,
 * CRLF or LF, ";" (what Excel writes with Italian settings) or ",". Every record carries the line of
 * the file where it starts, counted as an editor counts them: blank lines and the extra lines of a
 * cell written on several lines included, so an error message points at the right place.
 *
 * Server only (csv-parse uses Node's Buffer). Writing CSV stays in `app/utils/csv.ts` (`toCsv`).
 */
import { CsvError, parse } from "csv-parse/sync";

export interface CsvLine {
  /** Line of the file (1-based) where the record starts. */
  line: number;
  cells: string[];
}

export type CsvDelimiter = ";" | ",";

/** A file that cannot be read as CSV; `line` is the line of the file to check. The message is Italian, for the user. */
export class CsvReadError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly code: "unclosed_quote" | "bad_quote" | "unreadable",
  ) {
    super(message);
    this.name = "CsvReadError";
  }
}

/** ";" unless the first line holds more commas than semicolons. */
export function detectDelimiter(text: string): CsvDelimiter {
  const first = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  return (first.match(/;/g)?.length ?? 0) >= (first.match(/,/g)?.length ?? 0) ? ";" : ",";
}

const newlines = (s: string) => s.split("\n").length - 1;

/**
 * The records of `text`, each with the line where it starts. Lines holding nothing but spaces or
 * separators are skipped (and counted). Rows may have fewer or more cells than the header: the caller decides.
 */
export function readCsv(text: string, opts: { delimiter?: CsvDelimiter } = {}): CsvLine[] {
  // One line break per line, whatever wrote the file: CRLF (and a lone CR) become LF, inside quoted cells too.
  const src = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const delimiter = opts.delimiter ?? detectDelimiter(src);
  let lastEnd = 0;
  try {
    const records = parse(src, {
      delimiter,
      record_delimiter: "\n",
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      info: true,
      on_record: (record, context) => {
        lastEnd = context.lines;
        return record;
      },
    }) as unknown as { record: string[]; info: { lines: number } }[];
    // csv-parse counts the lines read when a record ends: its first line is that minus the breaks inside its cells.
    return records.map(({ record, info }) => ({ line: info.lines - record.reduce((n, c) => n + newlines(c), 0), cells: record }));
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    if (e.code === "CSV_QUOTE_NOT_CLOSED") {
      // The open cell runs to the end of the file: it starts on the first non-blank line after the last record read.
      const lines = src.split("\n");
      let line = lastEnd + 1;
      while (line < lines.length && lines[line - 1]!.split(delimiter).every((c) => c.trim() === "")) line++;
      throw new CsvReadError(`Virgolette non chiuse: controlla la riga ${line} del file`, line, "unclosed_quote");
    }
    const line = Number((e as CsvError & { lines?: number }).lines) || lastEnd + 1;
    if (e.code === "CSV_INVALID_CLOSING_QUOTE")
      throw new CsvReadError(
        `Virgolette non valide alla riga ${line}: dopo le virgolette che chiudono una cella viene il separatore (per scrivere « " » in una cella raddoppialo: « "" »)`,
        line,
        "bad_quote",
      );
    throw new CsvReadError(`Il file non si legge come CSV: controlla la riga ${line}`, line, "unreadable");
  }
}

/**
 * A comma-separated data file Rosa ships (the vendored ISTAT classifications, the national tables): a broken one
 * is a developer's mistake, so the error is in English and names the file and the line.
 */
export function readDataCsv(text: string, file = "CSV"): CsvLine[] {
  try {
    return readCsv(text, { delimiter: "," });
  } catch (e) {
    if (e instanceof CsvReadError && e.code === "unclosed_quote") throw new Error(`${file}: unterminated quoted field at line ${e.line}`);
    if (e instanceof CsvReadError) throw new Error(`${file}: unreadable CSV at line ${e.line}`);
    throw e;
  }
}

/** A data file's rows of cells (see readDataCsv). */
export function parseCsv(text: string, file = "CSV"): string[][] {
  return readDataCsv(text, file).map((r) => r.cells);
}
