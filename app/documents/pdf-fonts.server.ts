/**
 * The font of every PDF Rosa writes (used by `pdf.server.ts` only). The 14 standard PDF fonts only speak WinAnsi, so a company or person name with «Ș»,
 * «Ł», «ő» or Greek made pdf-lib throw; DejaVu Sans (npm `dejavu-fonts-ttf`, Bitstream Vera licence
 * with DejaVu changes in the public domain: free to embed and redistribute) covers Latin, Greek and
 * Cyrillic. Only the glyphs used are embedded (subset), so a one-page PDF stays small.
 */
import fontkit from "@pdf-lib/fontkit";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { PDFDocument, PDFFont } from "pdf-lib";

const require = createRequire(import.meta.url);

let bytes: { regular: Uint8Array; bold: Uint8Array } | undefined;

function fontBytes() {
  bytes ??= {
    regular: readFileSync(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf")),
    bold: readFileSync(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf")),
  };
  return bytes;
}

export interface PdfFonts {
  regular: PDFFont;
  bold: PDFFont;
}

/** Embeds the Unicode regular and bold fonts in `pdf`. */
export async function embedUnicodeFonts(pdf: PDFDocument): Promise<PdfFonts> {
  pdf.registerFontkit(fontkit);
  const { regular, bold } = fontBytes();
  return {
    regular: await pdf.embedFont(regular, { subset: true }),
    bold: await pdf.embedFont(bold, { subset: true }),
  };
}

const charsets = new WeakMap<PDFFont, Set<number>>();

/**
 * `text` as `font` can draw it: a tab becomes a space, CR LF a line break, and what DejaVu lacks (a control
 * character, a stray NUL, Chinese or Japanese script) becomes U+FFFD («�», the replacement
 * character), so that drawing never throws on user text and a missing letter shows as missing.
 * Line breaks are kept for the text flow.
 */
export function printable(font: PDFFont, text: string): string {
  let supported = charsets.get(font);
  if (!supported) charsets.set(font, (supported = new Set(font.getCharacterSet())));
  let out = "";
  for (const ch of text.replace(/\r\n?/g, "\n").replace(/\t/g, " ")) {
    out += ch === "\n" || supported.has(ch.codePointAt(0)!) ? ch : "\uFFFD";
  }
  return out;
}
