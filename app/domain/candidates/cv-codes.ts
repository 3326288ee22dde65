import { LANGUAGE_OF_ISO, LANGUAGES } from "~/domain/reference";

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
