/**
 * Italian morphology of job titles, as pure functions: the same key is computed
 * for a word of the ISTAT vocabulary (indexing: the `professionKeys` of the
 * search documents, profession picker) and for a word the officer or employer types (query time), so that
 * «magazziniera», «magazzinieri» and «Magazziniere» are one word.
 *
 * Why not an npm stemmer: the Snowball Italian stemmer (packages `natural`,
 * `snowball-stemmers`) is built for running text, not for job titles: it cuts
 * derivational suffixes too («operatore» → «oper», «operazione» → «oper»,
 * «elettricista» → «elettric» = «elettrico»), so unrelated professions would
 * collapse into one key, and it does not join -tore with -trice. Job titles need
 * only inflection (gender and number), which is the small table below
 * (see docs/decisions/0017-job-title-morphology.md, server/reference-data/SOURCES.md).
 */
import { foldAccents } from "~/utils/text";

/** Lower case, no accents, apostrophes and punctuation as spaces. */
export function normalizeText(text: string): string {
  return foldAccents(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Words of a text, normalised («Addetto all'imballaggio» → addetto, all, imballaggio). */
export function words(text: string): string[] {
  const n = normalizeText(text);
  return n ? n.split(" ") : [];
}

/** Articles, prepositions and conjunctions: the candidate index ignores them (its `stopWords` setting). */
export const INDEX_STOP_WORDS: readonly string[] = [
  "a",
  "ad",
  "al",
  "allo",
  "alla",
  "ai",
  "agli",
  "alle",
  "da",
  "dal",
  "dallo",
  "dalla",
  "dai",
  "dagli",
  "dalle",
  "di",
  "del",
  "dello",
  "della",
  "dei",
  "degli",
  "delle",
  "in",
  "nel",
  "nello",
  "nella",
  "nei",
  "negli",
  "nelle",
  "su",
  "sul",
  "sullo",
  "sulla",
  "sui",
  "sugli",
  "sulle",
  "con",
  "per",
  "tra",
  "fra",
  "il",
  "lo",
  "la",
  "i",
  "gli",
  "le",
  "un",
  "uno",
  "una",
  "e",
  "ed",
  "o",
  "che",
];

/**
 * Never a profession word: the index's stop words, plus elided forms («dell», «l») and the filler words of ISTAT titles
 * («esclusi», «assimilati», «professioni»).
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  ...INDEX_STOP_WORDS,
  "all",
  "dall",
  "dell",
  "d",
  "nell",
  "sull",
  "l",
  "od",
  "non",
  "anche",
  "come",
  "esclusi",
  "escluse",
  "altri",
  "altre",
  "assimilati",
  "assimilate",
  "professioni",
  "vario",
  "genere",
]);

/**
 * The inflection key of one word: gender and number removed.
 *   -iere/-iera/-ieri/-iere → -ier      (magazziniere, cameriera)
 *   -ista/-isti/-iste       → -ist      (autista, barista)
 *   -tore/-trice/-tori/-trici → -tor    (operatore, operatrice, saldatrici)
 *   -oressa/-oresse        → -or        (dottoressa, professoressa)
 *   -co/-ca/-chi/-che       → -c        (cuoco, cuochi, tecniche)
 *   -go/-ga/-ghi/-ghe       → -g        (psicologo, psicologhe)
 *   -aio/-aia/-ai/-aie      → -a        (operaio, fornai)
 *   -o/-a/-i/-e             → stem      (commesso, commessa, commessi, commesse)
 * Short words (≤ 3 letters) and acronyms («oss», «cnc», «rspp») are left alone:
 * their key is the word itself.
 */
export function wordKey(word: string): string {
  const w = normalizeText(word).replace(/ /g, "");
  if (w.length <= 3 || /\d/.test(w)) return w;
  if (!/[aeiou]/.test(w.slice(0, -1)) || !/[aeiou]$/.test(w)) return w; // acronyms and words not ending in a vowel (rspp, bar, chef)
  let stem: string;
  if (/tric[ei]$/.test(w)) stem = w.replace(/tric[ei]$/, "tor");
  else if (/oress[ae]$/.test(w)) stem = w.replace(/ess[ae]$/, "");
  else if (/ai[aoe]?$/.test(w) && w.length > 4) stem = w.replace(/i[aoe]?$/, "");
  else stem = w.slice(0, -1);
  stem = stem.replace(/ch$/, "c").replace(/gh$/, "g");
  return stem.length >= 3 ? stem : w;
}

/** Keys of the words of a text, without stop words. */
export function textKeys(text: string): string[] {
  return words(text)
    .filter((w) => !STOP_WORDS.has(w))
    .map(wordKey);
}
