import { readReferenceCsv } from "~/domain/reference/index.server";
import { groupBy } from "~/utils/collections";
import { normalizeText, STOP_WORDS, textKeys, wordKey, words } from "./morphology";

/**
 * The professions vocabulary: for each CP2021 unità professionale, its ISTAT
 * title and the ISTAT job titles (voci professionali, "Fonte: Istat", CC BY 4.0;
 * server/reference-data/SOURCES.md), plus the few everyday names and acronyms
 * ISTAT does not list. One vocabulary feeds the candidate and vacancy indexes
 * (every preference and experience carries its unit's job titles and their
 * inflection keys, app/domain/professions/morphology.ts) and the profession picker.
 */

/**
 * Everyday names that the ISTAT voci (a 2011 list) do not contain: acronyms of
 * regional qualifications (OSS, ASA, OSA), machine and safety roles (CNC, RSPP),
 * newer jobs (rider) and the licence that defines a driving job. Per unit, so a
 * word belongs to the professions it names; not a synonym graph.
 */
export const EXTRA_JOB_TITLES: Record<string, string[]> = {
  "5.3.1.1.0": ["OSS", "Operatore socio sanitario", "Operatrice socio sanitaria", "Operatore socio-sanitario"],
  "5.5.2.3.0": [
    "ASA",
    "Ausiliario socio assistenziale",
    "OSA",
    "Operatore socio assistenziale",
    "Assistente anziani",
    "Assistente domiciliare",
  ],
  "8.1.3.1.0": ["Traslocatore", "Addetto al carico e scarico"],
  "8.4.2.1.0": ["Manovale", "Manovale edile", "Operaio edile"],
  "6.2.3.1.1": ["Meccanico", "Meccanico auto", "Autoriparatore", "Meccanico di automobili"],
  "6.4.1.3.1": ["Manutentore del verde", "Giardiniere"],
  "8.2.2.1.0": ["Colf", "Collaboratrice domestica", "Domestica", "Addetta alle pulizie domestiche"],
  "7.2.1.1.0": ["CNC", "Operatore CNC", "Operatore macchine a controllo numerico", "Tornitore CNC", "Fresatore CNC", "Attrezzista CNC"],
  "3.1.8.2.0": ["RSPP", "ASPP", "HSE", "Responsabile del servizio di prevenzione e protezione", "Tecnico della sicurezza sul lavoro"],
  "8.1.3.3.0": ["Rider", "Fattorino", "Corriere espresso", "Driver consegne"],
  "8.1.3.2.0": ["Scaffalista", "Mulettista", "Carrellista", "Addetto al picking", "Operaio di magazzino"],
  "7.4.4.4.0": ["Mulettista", "Carrellista", "Carrellista muletto", "Conduttore di muletto"],
  "4.3.1.2.0": ["Magazziniere", "Addetto al magazzino", "Responsabile di magazzino"],
  "5.6.1.6.0": ["Vigilante", "Guardia giurata", "Addetto alla sicurezza", "Steward di sicurezza"],
  "5.5.2.2.0": ["Baby sitter", "Babysitter", "Tata"],
  "5.1.2.2.0": ["Addetto alle vendite", "Commesso", "Addetto vendita", "Sales assistant"],
  "5.1.2.4.0": ["Cassiere", "Addetto alla cassa"],
  "5.2.2.3.2": ["Cameriere", "Cameriere di sala", "Addetto di sala", "Chef de rang"],
  "5.2.2.1.0": ["Chef", "Capocuoco", "Pizzaiolo"],
  "5.2.2.4.0": ["Barman", "Bartender", "Barista"],
  "8.1.4.2.0": ["Lavapiatti", "Addetto al lavaggio stoviglie", "Aiuto cucina"],
  "7.4.2.3.0": ["Autista patente C", "Autista patente CE", "Autista di camion", "Camionista", "Autotrasportatore", "Autista mezzi pesanti"],
  "7.4.2.1.0": ["Autista patente B", "Autista di furgone", "Autista NCC", "Tassista"],
  "7.4.2.2.0": ["Autista patente D", "Autista di autobus", "Autista bus"],
  "4.2.2.2.0": ["Receptionist", "Addetto al ricevimento"],
  "2.7.1.1.1": ["Sviluppatore software", "Developer", "Programmatore"],
  "3.1.2.1.0": ["Programmatore", "Sviluppatore", "Developer"],
  "6.1.3.6.1": ["Idraulico", "Termoidraulico"],
  "6.1.3.7.0": ["Elettricista", "Elettricista civile"],
  "6.2.4.1.1": ["Elettricista industriale"],
  "4.1.1.1.0": ["Segretaria", "Impiegata di segreteria", "Addetta alla segreteria"],
  "8.1.4.3.0": ["Addetto alle pulizie", "Addetta alle pulizie", "Operatore di pulizia"],
};

export interface ProfessionUnit {
  code: string;
  /** ISTAT title of the unit ("Addetti alla gestione dei magazzini e professioni assimilate"). */
  title: string;
  /** ISTAT voci professionali of the unit, then the EXTRA_JOB_TITLES. */
  jobTitles: string[];
}

interface Vocabulary {
  units: Map<string, ProfessionUnit>;
}

const cache = globalThis as unknown as { __rosaProfessions?: Vocabulary };

export function vocabulary(): Vocabulary {
  if (cache.__rosaProfessions) return cache.__rosaProfessions;
  const units = new Map<string, ProfessionUnit>();
  for (const r of readReferenceCsv("cp2021.csv")) if (r.level === "5") units.set(r.code, { code: r.code, title: r.title, jobTitles: [] });
  for (const r of readReferenceCsv("cp2021-job-titles.csv")) units.get(r.code)?.jobTitles.push(r.example_title);
  for (const [code, titles] of Object.entries(EXTRA_JOB_TITLES)) {
    const unit = units.get(code);
    if (!unit) throw new Error(`EXTRA_JOB_TITLES: ${code} non è un'unità professionale CP2021`);
    for (const t of titles) if (!unit.jobTitles.some((j) => normalizeText(j) === normalizeText(t))) unit.jobTitles.push(t);
  }
  cache.__rosaProfessions = { units };
  return cache.__rosaProfessions;
}

export function professionUnit(code: string): ProfessionUnit | undefined {
  return vocabulary().units.get(code);
}

/** The job titles of these units, each once: what a candidate or vacancy document carries for its professions. */
export function jobTitlesOf(codes: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const code of codes) for (const t of professionUnit(code)?.jobTitles ?? []) out.add(t);
  return [...out];
}

export interface ProfessionOption {
  code: string;
  title: string;
  label: string;
  /** The ISTAT job title that matched, when it was not the unit title. */
  matched?: string;
}

interface PickerEntry {
  unit: ProfessionUnit;
  /** Keys of the unit title's words, and of each job title's words. */
  titleKeys: Set<string>;
  jobTitleKeys: { title: string; keys: string[] }[];
  allKeys: Set<string>;
}

interface PickerIndex {
  entries: PickerEntry[];
  allKeys: string[];
  keySet: Set<string>;
  headKeys: Set<string>;
  /** Key → indexes of the entries holding it (inverted index: only matching units are scored). */
  entriesByKey: Map<string, number[]>;
  /** Keys by first letter, for typo look-ups (like Meilisearch, a typo on the first letter is not tolerated cheaply). */
  keysByInitial: Map<string, string[]>;
}

const pickerCache = globalThis as unknown as { __rosaProfessionPicker?: PickerIndex };

function pickerIndex() {
  if (pickerCache.__rosaProfessionPicker) return pickerCache.__rosaProfessionPicker;
  const entries: PickerEntry[] = [];
  const every = new Set<string>();
  // Head words: the first word of a title names the job («Commesso di banco», «Autista di taxi»);
  // words never in that position («part», «time», «supermercato») only qualify it.
  const headKeys = new Set<string>();
  // Each key → the indexes of the entries that hold it.
  const entriesByKey = new Map<string, number[]>();
  for (const unit of vocabulary().units.values()) {
    const titleKeys = new Set(textKeys(unit.title));
    const jobTitleKeys = unit.jobTitles.map((title) => ({ title, keys: textKeys(title) }));
    for (const keys of [[...titleKeys], ...jobTitleKeys.map((j) => j.keys)]) if (keys[0]) headKeys.add(keys[0]);
    const allKeys = new Set([...titleKeys, ...jobTitleKeys.flatMap((j) => j.keys)]);
    for (const k of allKeys) {
      every.add(k);
      const holders = entriesByKey.get(k);
      if (holders) holders.push(entries.length);
      else entriesByKey.set(k, [entries.length]);
    }
    entries.push({ unit, titleKeys, jobTitleKeys, allKeys });
  }
  const keysByInitial = groupBy(every, (k) => k[0]);
  pickerCache.__rosaProfessionPicker = { entries, allKeys: [...every], keySet: every, headKeys, entriesByKey, keysByInitial };
  return pickerCache.__rosaProfessionPicker;
}

/** Levenshtein distance between a and b is at most `max` (small max: a banded check is enough). */
export function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      rowMin = Math.min(rowMin, cur[j]);
    }
    if (rowMin > max) return false;
    prev = cur;
  }
  return prev[b.length] <= max;
}

/**
 * What one typed word stands for among the vocabulary keys: the word's own key
 * if known; else the keys it begins (the user is still typing, ≥ 3 letters); else
 * the keys one or two typos away (as in the search index).
 */
function expandQueryWord(word: string, last: boolean, index: PickerIndex): { keys: Set<string>; quality: number } {
  const key = wordKey(word);
  if (index.keySet.has(key) || index.keySet.has(word)) return { keys: new Set([key, word].filter((k) => index.keySet.has(k))), quality: 1 };
  if (last && word.length >= 3) {
    const prefixed = (index.keysByInitial.get(key[0]) ?? []).filter((k) => k.startsWith(key) || k.startsWith(word));
    if (prefixed.length) return { keys: new Set(prefixed), quality: 0.8 };
  }
  const near = typoNeighbours(word, key, index);
  return near.length ? { keys: new Set(near), quality: 0.6 } : { keys: new Set(), quality: 0 };
}

/** Vocabulary keys within the search index's typo budget (CANDIDATE_SETTINGS.typoTolerance: 1 from 5 letters, 2 from 9). */
function typoNeighbours(word: string, key: string, index: PickerIndex): string[] {
  if (word.length < 5) return [];
  const budget = word.length >= 9 ? 2 : 1;
  return (index.keysByInitial.get(key[0]) ?? []).filter((k) => Math.abs(k.length - key.length) <= budget && withinEdits(k, key, budget));
}

/**
 * The profession picker: CP2021 units by code prefix ("5.1.2") or by the words
 * people type («commessa», «autista patente C», «oss»), matched on the unit
 * title and its ISTAT job titles with the morphology of the search index.
 * Ranking: the typed words matched, each weighted by how specific it is; then a
 * job title or unit title made of the query words alone (an exact name beats a mention); then the unit title over a
 * job title; then the code.
 */
export function searchProfessions(q: string, limit = 15): ProfessionOption[] {
  return rankProfessions(q, limit).map((r) => r.option);
}

/** searchProfessions with the scores (the search uses them to know which units a query names). */
export function rankProfessions(
  q: string,
  limit = 15,
  opts: { complete?: boolean } = {},
): { option: ProfessionOption; score: number; headMatched: boolean }[] {
  const text = q.trim().split(/\s+—\s+/)[0];
  if (text.length < 2) return [];
  const { units } = vocabulary();
  const option = (unit: ProfessionUnit, matched?: string): ProfessionOption => ({
    code: unit.code,
    title: unit.title,
    label: `${unit.code} — ${unit.title}`,
    ...(matched ? { matched } : {}),
  });
  if (/^\d/.test(text)) {
    return [...units.values()]
      .filter((u) => u.code.startsWith(text))
      .slice(0, limit)
      .map((u) => ({ option: option(u), score: 0, headMatched: false }));
  }
  const typed = words(text).filter((w) => !STOP_WORDS.has(w));
  if (!typed.length) return [];
  const index = pickerIndex();
  const { entries, headKeys } = index;
  // While typing in the picker the last word may be unfinished («magazz»); a search text is complete.
  const expanded = typed.map((w, i) => expandQueryWord(w, !opts.complete && i === typed.length - 1, index));
  const entriesOf = expanded.map((e) => new Set([...e.keys].flatMap((k) => index.entriesByKey.get(k) ?? [])));
  // Specificity of each typed word: «esperto» or «addetto» name hundreds of units, «cuoco» a handful,
  // so in «cuoco esperto» the profession word decides (inverse document frequency over the units).
  const weights = expanded.map((e, i) => {
    const df = entriesOf[i].size;
    if (!df) return 0;
    // A qualifier («part time», «esperto» aside) can break a tie between professions but never outweigh one.
    return [...e.keys].some((k) => headKeys.has(k)) ? Math.log(1 + entries.length / df) : 0.3;
  });
  const scored: { entry: PickerEntry; score: number; matched?: string; headMatched: boolean }[] = [];
  const candidates = new Set(entriesOf.flatMap((set) => [...set]));
  for (const entryIndex of candidates) {
    const entry = entries[entryIndex];
    let matchedWords = 0;
    let quality = 0;
    expanded.forEach((e, i) => {
      // A qualifier counts only when typed in full: «time» is not the start of «timoniere».
      if (weights[i] <= 0.3 && e.quality < 1) return;
      if (entriesOf[i].has(entryIndex)) {
        matchedWords++;
        quality += e.quality * weights[i];
      }
    });
    if (!matchedWords) continue;
    // The best single title: how many query words it holds, and how few other words (an exact name wins).
    let best = { hits: 0, extra: Infinity, title: undefined as string | undefined, isUnit: false };
    const consider = (keys: string[], title: string | undefined, isUnit: boolean) => {
      const hits = expanded.filter((e) => keys.some((k) => e.keys.has(k))).length;
      const extra = keys.length - hits;
      if (hits > best.hits || (hits === best.hits && (extra < best.extra || (extra === best.extra && isUnit && !best.isUnit)))) {
        best = { hits, extra, title, isUnit };
      }
    };
    consider([...entry.titleKeys], undefined, true);
    for (const j of entry.jobTitleKeys) consider(j.keys, j.title, false);
    const headMatched = expanded.some((_, i) => weights[i] > 0.3 && entriesOf[i].has(entryIndex));
    const score = quality * 100 + best.hits * 5 - Math.min(best.extra, 8) * 0.5 + (best.isUnit ? 0.3 : 0);
    scored.push({ entry, score, matched: best.isUnit ? undefined : best.title, headMatched });
  }
  scored.sort((a, b) => b.score - a.score || a.entry.unit.code.localeCompare(b.entry.unit.code));
  return scored.slice(0, limit).map((s) => ({ option: option(s.entry.unit, s.matched), score: s.score, headMatched: s.headMatched }));
}

/**
 * The CP2021 units a search text names, for ranking: the best-scoring units of
 * the picker, when the text holds a job word at all (names, skills and free
 * words name no unit). The officer search lists the candidates of these units
 * first (app/domain/candidates/search-query.ts).
 */
export function unitsNamedBy(q: string, max = 6): string[] {
  return memo(`u:${max}:${q}`, () => computeUnitsNamedBy(q, max));
}

function computeUnitsNamedBy(q: string, max: number): string[] {
  const ranked = rankProfessions(q, max + 1, { complete: true });
  if (!ranked.length || !ranked[0].headMatched) return [];
  const best = ranked[0].score;
  const tied = ranked.filter((r) => r.score >= best - 0.01).map((r) => r.option.code);
  return tied.length > max ? [] : tied;
}

/**
 * The search text as the index reads it: every word that is a word of the
 * professions vocabulary (or one typo from one) becomes its inflection key,
 * which the document carries in `professionKeys`; other words (names, skills,
 * codes) stay as typed. Same function for the query as for the document keys.
 */
export function searchText(q: string): string {
  return memo(`t:${q}`, () => computeSearchText(q));
}

function computeSearchText(q: string): string {
  const index = pickerIndex();
  const { keySet } = index;
  return q
    .split(/\s+/)
    .filter(Boolean)
    .map((raw) => {
      const parts = words(raw);
      if (parts.length !== 1) return raw;
      const w = parts[0];
      if (STOP_WORDS.has(w) || /\d/.test(w)) return raw;
      const key = wordKey(w);
      if (keySet.has(key)) return key;
      // A typo of a vocabulary word: hand Meilisearch the key, which it matches with its own typo tolerance.
      return typoNeighbours(w, key, index).length ? key : raw;
    })
    .join(" ");
}

/** The keys a document carries for these texts: only vocabulary keys (the only ones searchText produces). */
export function vocabularyKeys(texts: Iterable<string>): string {
  const { keySet } = pickerIndex();
  const out = new Set<string>();
  for (const t of texts)
    for (const w of words(t)) {
      if (STOP_WORDS.has(w)) continue;
      const k = wordKey(w);
      if (keySet.has(k)) out.add(k);
    }
  return [...out].join(" ");
}

/** Officers repeat searches (pages, filters): the reading of a text is computed once (bounded cache). */
const memoCache = new Map<string, unknown>();
function memo<T>(key: string, compute: () => T): T {
  if (memoCache.has(key)) return memoCache.get(key) as T;
  const value = compute();
  if (memoCache.size >= 2000) memoCache.delete(memoCache.keys().next().value!);
  memoCache.set(key, value);
  return value;
}
