/**
 * The one PDF writer of Rosa: every document Rosa prints (the rosa for the employer, the needs
 * assessment, the art. 17 certificate, the nulla osta, the demo documents) is an A4 flow of text
 * drawn by this module, in the embedded Unicode font of `pdf-fonts.server.ts`. pdf-lib has no
 * layout engine: this module wraps lines to the page width, breaks pages, draws headings,
 * «label: value» rows and tables, and replaces what the font cannot draw. The documents only say
 * what to print; none of them measures text or cleans characters itself.
 *
 * Server only (reads the font from disk); imports no domain code.
 */
import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { embedUnicodeFonts, printable, type PdfFonts } from "./pdf-fonts.server";

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const INK = rgb(0.1, 0.1, 0.1);
const RULE = rgb(0.6, 0.6, 0.6);
const LEADING = 1.35;

export interface TextStyle {
  /** Font size in points (default 10.5). */
  size?: number;
  bold?: boolean;
  /** Extra space after the block, in points. */
  gap?: number;
}

export interface TableColumn {
  header: string;
  /** Share of the text width (the shares of a table add up to 1). */
  width: number;
}

export interface DocumentInfo {
  title: string;
  author?: string;
}

/** Splits `text` into lines no wider than `width`; a word longer than a line is cut where it overflows. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const out: string[] = [];
  const fits = (s: string) => font.widthOfTextAtSize(s, size) <= width;
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (let word of paragraph.split(" ")) {
      const next = line ? `${line} ${word}` : word;
      if (fits(next)) {
        line = next;
        continue;
      }
      if (line) out.push(line);
      // A word wider than the line (a long e-mail address or code): cut it.
      while (!fits(word)) {
        let cut = word.length - 1;
        while (cut > 1 && !fits(word.slice(0, cut))) cut--;
        out.push(word.slice(0, cut));
        word = word.slice(cut);
      }
      line = word;
    }
    out.push(line);
  }
  return out;
}

export class PdfWriter {
  private page: PDFPage;
  private y: number;
  /** Width of the text column, in points. */
  readonly width = A4[0] - 2 * MARGIN;

  private constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: PdfFonts,
  ) {
    this.page = doc.addPage(A4);
    this.y = A4[1] - MARGIN;
  }

  /** A new A4 document in Italian, with its title (shown by PDF readers) and author. */
  static async create(info: DocumentInfo): Promise<PdfWriter> {
    const doc = await PDFDocument.create();
    doc.setTitle(info.title);
    doc.setLanguage("it-IT");
    if (info.author) doc.setAuthor(info.author);
    return new PdfWriter(doc, await embedUnicodeFonts(doc));
  }

  private font(bold?: boolean) {
    return bold ? this.fonts.bold : this.fonts.regular;
  }

  /** Room for `height` points on this page, or a new page. */
  private room(height: number) {
    if (this.y - height < MARGIN) {
      this.page = this.doc.addPage(A4);
      this.y = A4[1] - MARGIN;
    }
  }

  /** A paragraph (line breaks in `text` start new lines), wrapped to the page width. */
  text(text: string, style: TextStyle = {}): this {
    const size = style.size ?? 10.5;
    const font = this.font(style.bold);
    for (const line of wrap(printable(font, text), font, size, this.width)) {
      this.room(size);
      this.page.drawText(line, { x: MARGIN, y: this.y - size, size, font, color: INK });
      this.y -= size * LEADING;
    }
    return this.space(style.gap ?? 0);
  }

  /** A heading: level 1 is the document title, 2 a section, 3 a sub-section (e.g. one person of a list). */
  heading(text: string, level: 1 | 2 | 3 = 2, gap = 2): this {
    const size = { 1: 17, 2: 12.5, 3: 11.5 }[level];
    this.room(size * 3); // never alone at the bottom of a page
    return this.text(text, { size, bold: true, gap });
  }

  /** Rows of «label: value», the label in bold, the value wrapped under itself. */
  keyValue(rows: readonly (readonly [string, string | number])[], style: Omit<TextStyle, "bold"> = {}): this {
    const size = style.size ?? 10.5;
    const { bold, regular } = this.fonts;
    for (const [key, value] of rows) {
      const label = `${printable(bold, key)}: `;
      const indent = Math.min(bold.widthOfTextAtSize(label, size), this.width / 2);
      const lines = wrap(printable(regular, String(value)), regular, size, this.width - indent);
      lines.forEach((line, i) => {
        this.room(size);
        if (i === 0) this.page.drawText(label, { x: MARGIN, y: this.y - size, size, font: bold, color: INK });
        this.page.drawText(line, { x: MARGIN + indent, y: this.y - size, size, font: regular, color: INK });
        this.y -= size * LEADING;
      });
    }
    return this.space(style.gap ?? 0);
  }

  /** A table with a bold header row (repeated on each new page), cells wrapped within their column, rules between rows. */
  table(columns: readonly TableColumn[], rows: readonly (readonly (string | number)[])[], style: Omit<TextStyle, "bold"> = {}): this {
    const size = style.size ?? 9.5;
    const pad = 4;
    const xs = columns.reduce<number[]>((acc, c, i) => [...acc, acc[i]! + c.width * this.width], [MARGIN]);
    const drawRow = (cells: readonly (string | number)[], bold: boolean) => {
      const font = this.font(bold);
      const wrapped = columns.map((_, i) => wrap(printable(font, String(cells[i] ?? "")), font, size, xs[i + 1]! - xs[i]! - pad));
      const height = Math.max(...wrapped.map((l) => l.length)) * size * LEADING + pad;
      return { wrapped, height, font };
    };
    const draw = (row: ReturnType<typeof drawRow>) => {
      row.wrapped.forEach((lines, i) =>
        lines.forEach((line, j) =>
          this.page.drawText(line, { x: xs[i]!, y: this.y - size - j * size * LEADING, size, font: row.font, color: INK }),
        ),
      );
      this.y -= row.height;
      this.page.drawLine({
        start: { x: MARGIN, y: this.y + pad / 2 },
        end: { x: MARGIN + this.width, y: this.y + pad / 2 },
        thickness: 0.5,
        color: RULE,
      });
      this.y -= pad;
    };
    const header = drawRow(
      columns.map((c) => c.header),
      true,
    );
    let needsHeader = true;
    for (const cells of rows) {
      const row = drawRow(cells, false);
      const before = this.page;
      this.room((needsHeader ? header.height + pad : 0) + row.height);
      if (needsHeader || this.page !== before) draw(header);
      needsHeader = false;
      draw(row);
    }
    if (needsHeader) draw(header);
    return this.space(style.gap ?? 0);
  }

  /** Vertical space, in points. */
  space(points: number): this {
    this.y -= points;
    return this;
  }

  save(): Promise<Uint8Array> {
    return this.doc.save();
  }
}

/**
 * A PDF as a download (written here or stored): never rendered inline, never sniffed, never cached
 * by proxies (the documents hold personal and company data). Any file name is safe in the header:
 * an ASCII fallback in `filename`, the real name in `filename*`.
 */
export function pdfDownload(bytes: Uint8Array, filename: string, opts: { etag?: string } = {}): Response {
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${filename.replace(/[^\x20-\x7e]|["\\]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      ...(opts.etag ? { ETag: `"${opts.etag}"` } : {}),
    },
  });
}
