import { DRIVING_LICENCES, LANGUAGE_OF_ISO, LANGUAGES, LICENCE_CODE_OF_CATEGORY, type LicenceCategory } from "~/domain/reference";

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
