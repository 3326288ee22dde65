/**
 * Italian plurals (it-IT, CLDR via Intl.PluralRules): «1 candidato», «2 candidati», «0 candidati».
 * Client-safe: used by routes, components, e-mails, PDFs and CSV messages alike.
 * Italian has "one" and "other" (CLDR also has "many" for round millions: treated as "other").
 */
import { formatNumber } from "./format";

const rules = new Intl.PluralRules("it-IT");

/** The word alone, agreeing with n: pluralWord(1, "volta", "volte") → "volta". */
export function pluralWord(n: number | bigint, one: string, other: string): string {
  return rules.select(Number(n)) === "one" ? one : other;
}

/** The number (it-IT, thousands separator) followed by the agreeing words: plural(1500, "riga", "righe") → "1.500 righe". */
export function plural(n: number | bigint, one: string, other: string): string {
  return `${formatNumber(Number(n))} ${pluralWord(n, one, other)}`;
}
