/** «Sanità» → «Sanita»: the letters without their accents (NFD, then the combining marks dropped). Case is kept. */
export function foldAccents(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "");
}
