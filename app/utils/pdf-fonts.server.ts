/**
 * The one font loader of every PDF Rosa writes (rosa, needs assessment, L. 68 certificate, demo
 * documents). The 14 standard PDF fonts only speak WinAnsi, so a company or person name with «Ș»,
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

/**
 * What no font can draw: control characters (a pasted tab or a stray NUL) and characters
 * DejaVu lacks are replaced, so that drawing never throws on user text.
 */
const charsets = new WeakMap<PDFFont, Set<number>>();

export function drawable(font: PDFFont, text: string): string {
  let supported = charsets.get(font);
  if (!supported) charsets.set(font, (supported = new Set(font.getCharacterSet())));
  let out = "";
  for (const ch of text.replace(/[\t\r]/g, " ")) {
    const code = ch.codePointAt(0)!;
    out += ch === "\n" || supported.has(code) ? ch : "?";
  }
  return out;
}
