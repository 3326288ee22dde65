import zlib from "node:zlib";
import { PDFDocument, StandardFonts } from "pdf-lib";

/** A one-page PDF with `text` on it, as a CV export would be. */
export async function textPdf(text: string, pages = 1): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) doc.addPage().drawText(`${text} ${i + 1}`, { x: 50, y: 700, size: 12, font });
  return doc.save();
}

/**
 * A small, valid PDF whose single page has a content stream of `decodedBytes` bytes of text operators, compressed
 * with zlib: under 1 MB on disk, hundreds of megabytes and millions of text items once decoded. This is the kind of
 * file that kept the server's event loop busy for tens of seconds when pdfjs ran on the main thread.
 */
export async function compressedBombPdf(decodedBytes: number, op = "BT /F1 12 Tf (x) Tj ET\n"): Promise<Uint8Array> {
  const unit = Buffer.from(op);
  const chunk = Buffer.alloc(1_048_576);
  for (let i = 0; i < chunk.length; i++) chunk[i] = unit[i % unit.length];
  const deflate = zlib.createDeflate({ level: 9 });
  const out: Buffer[] = [];
  deflate.on("data", (d: Buffer) => out.push(d));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on("end", resolve);
    deflate.on("error", reject);
  });
  for (let written = 0; written < decodedBytes; written += chunk.length) {
    if (!deflate.write(chunk)) await new Promise((r) => deflate.once("drain", r));
  }
  deflate.end();
  await done;
  const stream = Buffer.concat(out);
  const objects: Buffer[] = [
    Buffer.from("<< /Type /Catalog /Pages 2 0 R >>"),
    Buffer.from("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
    Buffer.from("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"),
    Buffer.concat([Buffer.from(`<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`), stream, Buffer.from("\nendstream")]),
    Buffer.from("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
  ];
  const parts = [Buffer.from("%PDF-1.7\n")];
  const offsets: number[] = [];
  let position = parts[0].length;
  objects.forEach((body, i) => {
    offsets.push(position);
    const object = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from("\nendobj\n")]);
    parts.push(object);
    position += object.length;
  });
  const xref =
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` +
    offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("") +
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${position}\n%%EOF\n`;
  parts.push(Buffer.from(xref));
  return new Uint8Array(Buffer.concat(parts));
}

/** The multipart body of one file field, split around the file bytes so a test can stream filler in between. */
export function multipartParts(field: string, filename: string, fields: Record<string, string> = {}) {
  const boundary = `----rosa-test-${Math.random().toString(16).slice(2)}`;
  const head =
    Object.entries(fields)
      .map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
      .join("") +
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`;
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    head: new TextEncoder().encode(head),
    tail: new TextEncoder().encode(`\r\n--${boundary}--\r\n`),
  };
}
