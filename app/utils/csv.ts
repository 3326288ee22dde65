/**
 * RFC 4180 CSV as Italian Excel opens it: ";" separated, CRLF, a UTF-8 BOM so
 * accents open correctly, and formula injection neutralised (a text cell that
 * starts with = + - @, a tab or CR is prefixed with ' so spreadsheets show it
 * as text instead of running it). Null is an empty cell. `quoteAll` quotes every cell.
 */
export function toCsv(header: string[], rows: (string | number | null)[][], opts: { quoteAll?: boolean } = {}): string {
  const cell = (v: string | number | null) => {
    const s = v === null ? "" : String(v);
    const safe = typeof v === "string" && /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
    return opts.quoteAll || /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return "\uFEFF" + [header, ...rows].map((r) => r.map(cell).join(";")).join("\r\n") + "\r\n";
}

/** A CSV as a download. Never cached: the exports hold personal and company data. */
export function csvDownload(csv: string, filename: string): Response {
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
