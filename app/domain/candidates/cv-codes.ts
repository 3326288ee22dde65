import {
  ALBI,
  DRIVING_LICENCES,
  LANGUAGE_OF_ISO,
  LANGUAGES,
  LICENCE_CODE_OF_CATEGORY,
  PATENTINI,
  type LicenceCategory,
} from "~/domain/reference";

/**
 * The national codes the CV speaks (docs/legal/national-systems.md#cv-codes), and the conversions of the values that older
 * CSV files carry. Pure and client-safe.
 */

/**
 * A language typed in a CSV file: the ministerial code (lingue.csv, «001», «SPA», any case) or, for files written before
 * the national codes, an ISO 639-1 code («en») converted through its one-to-one pair. What matches neither is returned as
 * typed, upper case, for the schema to refuse with its message.
 */
export function cvLanguageCode(typed: string): string {
  const value = typed.trim();
  const upper = value.toUpperCase();
  if (Object.hasOwn(LANGUAGES, upper)) return upper;
  return LANGUAGE_OF_ISO[value.toLowerCase()] ?? upper;
}

/**
 * The EU categories a CV may add as detail of a ministerial licence: the vacancy's list and B1 (heavy quadricycles), which
 * the old CV form offered and which falls under «Patente B».
 */
export const CV_LICENCE_CATEGORIES = ["AM", "A1", "A2", "A", "B1", "B", "BE", "C1", "C1E", "C", "CE", "D1", "D1E", "D", "DE"] as const;
export type CvLicenceCategory = (typeof CV_LICENCE_CATEGORIES)[number];

/** The ministerial licence (patenti.csv) an EU category falls under. */
export const cvLicenceCodeOfCategory = (category: string): string | undefined =>
  category === "B1" ? "02" : LICENCE_CODE_OF_CATEGORY[category as LicenceCategory];

/** «Patente B», «Patente C (C1)», «Patente E (CE)»: the category only when it says more than the ministerial letter. */
export function cvLicenceLabel(code: string, category?: string | null): string {
  const licence = DRIVING_LICENCES[code] ?? `Patente ${code}`;
  return category && licence !== `Patente ${category}` ? `${licence} (${category})` : licence;
}

/**
 * The old CV values that are not driving licences (the driver qualification card, the CAP for taxi and hire drivers):
 * since the national codes they are certificates with this text (docs/legal/national-systems.md#cv-codes).
 */
export const LICENCE_CERTIFICATES: Readonly<Record<string, string>> = {
  CQC_MERCI: "CQC merci (carta di qualificazione del conducente)",
  CQC_PERSONE: "CQC persone (carta di qualificazione del conducente)",
  KA: "CAP KA (certificato di abilitazione professionale)",
  KB: "CAP KB (certificato di abilitazione professionale)",
};

/**
 * One item of the CSV «patenti» column: the ministerial code with an optional EU category («02», «03:CE») or, as files
 * written before the national codes have it, an EU category alone («B», «CE»: the code is the one it falls under), or one
 * of CQC_MERCI, CQC_PERSONE, KA, KB, which becomes a certificate. The schema refuses what is neither.
 */
export function cvLicenceFromCsv(typed: string): { code: string; category: string } | { certificate: string } {
  const value = typed.trim().toUpperCase().replace(/\s+/g, "_");
  const certificate = LICENCE_CERTIFICATES[value];
  if (certificate) return { certificate };
  const [first = "", category = ""] = value.split(":").map((x) => x.trim());
  if (/^[0-9]{1,2}$/.test(first)) return { code: first.padStart(2, "0"), category };
  return { code: cvLicenceCodeOfCategory(first) ?? "", category: first };
}

/**
 * The official paper a CV certificate may name beside the person's words: a patentino/abilitazione (patentini.csv) or a
 * professional register (albi.csv), written «patentino:07» / «albo:0001» in the form's select and in the CSV file
 * (docs/legal/national-systems.md#cv-codes).
 */
export type CertificateCode = { patentinoCode: string | null; alboCode: string | null };

/** «patentino:07», «albo:0001» (any case, spaces around the colon); null when it is neither form or the code is not listed. */
export function certificateCodeOf(typed: string): CertificateCode | null {
  const m = /^\s*(patentino|albo)\s*:\s*([0-9]{1,4})\s*$/i.exec(typed);
  if (!m) return null;
  const kind = m[1]!.toLowerCase();
  if (kind === "patentino") {
    const code = m[2]!.padStart(2, "0");
    return Object.hasOwn(PATENTINI, code) ? { patentinoCode: code, alboCode: null } : null;
  }
  const code = m[2]!.padStart(4, "0");
  return Object.hasOwn(ALBI, code) ? { patentinoCode: null, alboCode: code } : null;
}

/** The select's value of a stored certificate («patentino:07»), "" without a code. */
export const certificateCodeValue = (c: { patentino_code?: string | null; albo_code?: string | null }): string =>
  c.patentino_code ? `patentino:${c.patentino_code}` : c.albo_code ? `albo:${c.albo_code}` : "";

/** «Abilitazione: Impianti termici…», «Iscrizione all'albo: Biologo», as a vacancy's requirement says it; null without a code. */
export function certificateCodeLabel(c: { patentino_code?: string | null; albo_code?: string | null }): string | null {
  if (c.patentino_code) return `Abilitazione: ${PATENTINI[c.patentino_code] ?? c.patentino_code}`;
  if (c.albo_code) return `Iscrizione all'albo: ${ALBI[c.albo_code] ?? c.albo_code}`;
  return null;
}

/** The form's select, grouped: patentini, then albi. */
export const CERTIFICATE_CODE_GROUPS: { label: string; options: [string, string][] }[] = [
  { label: "Patentini e abilitazioni", options: Object.entries(PATENTINI).map(([c, l]) => [`patentino:${c}`, l]) },
  { label: "Albi professionali", options: Object.entries(ALBI).map(([c, l]) => [`albo:${c}`, l]) },
];

/** The person's words and, when the certificate names one, the official paper: «Caldaie (Abilitazione: Impianti termici…)». */
export function certificateText(c: { name: string; patentino_code?: string | null; albo_code?: string | null }): string {
  const official = certificateCodeLabel(c);
  if (!official) return c.name;
  const bare = c.patentino_code ? PATENTINI[c.patentino_code] : c.albo_code ? ALBI[c.albo_code] : undefined;
  return c.name === bare ? official : `${c.name} (${official})`;
}

/**
 * One item of the CSV «certificati» column: free text («HACCP»), the official code alone («patentino:07», «albo:0001»), or
 * both, the code in brackets at the end («Conduzione caldaie (patentino:07)»). Only digits make a code, so older files'
 * text stays text; an unlisted code goes to the schema, which refuses it with its message.
 */
export function certificateFromCsv(typed: string): { name: string; official: string } {
  const m = /^(.*?)\s*\(?\s*\b(patentino|albo)\s*:\s*([0-9]{1,4})\s*\)?\s*$/i.exec(typed.trim());
  if (!m) return { name: typed.trim(), official: "" };
  const kind = m[2]!.toLowerCase();
  const code = m[3]!.padStart(kind === "patentino" ? 2 : 4, "0");
  return { name: m[1]!.trim(), official: `${kind}:${code}` };
}
