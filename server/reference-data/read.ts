/**
 * Readers for the vendored ISTAT reference classifications (see SOURCES.md).
 *
 * Node only (node:fs / node:url and the CSV reader). The CSV files are UTF-8, comma-separated,
 * quoted per RFC 4180.
 *
 * Parsing the three tables read at every start takes a few hundred milliseconds: given a cache folder
 * (`npm start` passes DATA_DIR/cache), each parsed table is kept there in V8's serialisation, named by a hash
 * of the CSV file and of this module, so that a changed file or reader is parsed again. A cache that cannot be
 * read or written is ignored: the table is parsed as without one.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { deserialize, serialize } from "node:v8";
import { readDataCsv } from "../../app/documents/csv.server";

export { parseCsv } from "../../app/documents/csv.server";

export interface Comune {
  /** ISTAT municipality code, 6 digits ("058091"). */
  istatCode: string;
  /** Official ISTAT name, Italian and foreign form when bilingual ("Bolzano/Bozen"). */
  name: string;
  /** Province / metropolitan city abbreviation ("RM"). */
  provinceCode: string;
  provinceName: string;
  regionName: string;
  /** Codice catastale (Belfiore), e.g. "H501"; empty string when unknown. */
  belfiore: string;
  lat: number | null;
  lon: number | null;
  /** Resident population (census 2011, adjusted for later mergers; see SOURCES.md). */
  population: number | null;
}

export type AtecoLevel = "section" | "division" | "group" | "class" | "category" | "subcategory";

export interface AtecoEntry {
  code: string;
  title: string;
  level: AtecoLevel;
  parentCode: string | null;
}

export type Cp2021Level = 1 | 2 | 3 | 4 | 5;

export interface Cp2021Entry {
  /** e.g. "2.1.1.4.1" */
  code: string;
  /** Italian title; empty string for the intermediate levels whose title is not vendored. */
  title: string;
  /** 1 = grande gruppo, 2 = gruppo, 3 = classe, 4 = categoria, 5 = unità professionale. */
  level: Cp2021Level;
  parentCode: string | null;
}

const ATECO_LEVELS: readonly AtecoLevel[] = ["section", "division", "group", "class", "category", "subcategory"];

export interface ReadOptions {
  /** Folder for the parsed tables (created when missing); none: parse every time. */
  cacheDir?: string;
}

const THIS_MODULE = fileURLToPath(import.meta.url);

/** The parsed form of `file` from the cache when its hash matches, otherwise parsed (and stored when there is a cache). */
function cached<T>(file: string, opts: ReadOptions, parse: (text: string) => T): T {
  const text = readFileSync(fileURLToPath(new URL(file, import.meta.url)), "utf8");
  if (!opts.cacheDir) return parse(text);
  const name = `reference-${basename(file, ".csv")}`;
  const hash = createHash("sha256").update(text).update(readFileSync(THIS_MODULE)).digest("hex").slice(0, 16);
  const cacheFile = join(opts.cacheDir, `${name}-${hash}.v8`);
  try {
    return deserialize(readFileSync(cacheFile)) as T;
  } catch {
    // Not cached yet (or unreadable): parse below.
  }
  const value = parse(text);
  try {
    mkdirSync(opts.cacheDir, { recursive: true });
    const partial = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(partial, serialize(value));
    renameSync(partial, cacheFile);
    for (const old of readdirSync(opts.cacheDir))
      if (/^[0-9a-f]{16}\.v8$/.test(old.slice(name.length + 1)) && old.startsWith(`${name}-`) && old !== basename(cacheFile)) rmSync(join(opts.cacheDir, old), { force: true });
  } catch {
    // A read-only or full disk only costs the parse at the next start.
  }
  return value;
}

function readTable(text: string, file: string, expectedHeader: readonly string[]): Record<string, string>[] {
  const [first, ...records] = readDataCsv(text, file);
  const header = first?.cells;
  if (!header || header.join(",") !== expectedHeader.join(",")) {
    throw new Error(`${file}: unexpected header ${JSON.stringify(header)}`);
  }
  return records.map(({ line, cells: values }) => {
    if (values.length !== header.length) {
      throw new Error(`${file}: line ${line} has ${values.length} fields, expected ${header.length}`);
    }
    const record: Record<string, string> = {};
    header.forEach((name, j) => {
      record[name] = values[j] ?? "";
    });
    return record;
  });
}

function optionalNumber(value: string, what: string): number | null {
  if (value === "") return null;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new Error(`invalid ${what}: ${JSON.stringify(value)}`);
  return n;
}

export function readComuni(opts: ReadOptions = {}): Comune[] {
  return cached("./comuni.csv", opts, (text) => comuniOf(text));
}

function comuniOf(text: string): Comune[] {
  return readTable(text, "./comuni.csv", [
    "istat_code",
    "name",
    "province_code",
    "province_name",
    "region_name",
    "belfiore",
    "lat",
    "lon",
    "population",
  ]).map((r) => ({
    istatCode: r.istat_code,
    name: r.name,
    provinceCode: r.province_code,
    provinceName: r.province_name,
    regionName: r.region_name,
    belfiore: r.belfiore,
    lat: optionalNumber(r.lat, "lat"),
    lon: optionalNumber(r.lon, "lon"),
    population: optionalNumber(r.population, "population"),
  }));
}

export function readAteco(opts: ReadOptions = {}): AtecoEntry[] {
  return cached("./ateco.csv", opts, (text) => atecoOf(text));
}

function atecoOf(text: string): AtecoEntry[] {
  return readTable(text, "./ateco.csv", ["code", "title", "level", "parent_code"]).map((r) => {
    if (!(ATECO_LEVELS as readonly string[]).includes(r.level)) {
      throw new Error(`ateco.csv: invalid level ${JSON.stringify(r.level)} for ${r.code}`);
    }
    return { code: r.code, title: r.title, level: r.level as AtecoLevel, parentCode: r.parent_code || null };
  });
}

/**
 * The CP2021 classification, with the titles of the level-3 classi that cp2021.csv leaves empty taken from
 * national/cp2021_titoli_livello3.csv (see national/SOURCES.md). Levels 2 and 4 keep the empty titles that no
 * vendored source fills (listed in docs/legal/national-systems.md).
 */
export function readCp2021(opts: ReadOptions = {}): Cp2021Entry[] {
  const entries = cached("./cp2021.csv", opts, (text) => cp2021Of(text));
  const level3 = cached("./national/cp2021_titoli_livello3.csv", opts, (text) => cp2021Level3TitlesOf(text));
  const byCode = new Map(entries.map((e) => [e.code, e]));
  for (const { code, title } of level3) {
    const entry = byCode.get(code);
    if (!entry || entry.level !== 3) throw new Error(`cp2021_titoli_livello3.csv: ${code} is not a CP2021 level-3 code`);
    if (entry.title.trim() === "") entry.title = title;
  }
  return entries;
}

function cp2021Level3TitlesOf(text: string): { code: string; title: string }[] {
  return readTable(text, "./national/cp2021_titoli_livello3.csv", ["code", "title", "level", "parent_code"]).map((r) => {
    if (r.level !== "3" || r.title.trim() === "") throw new Error(`cp2021_titoli_livello3.csv: invalid row for ${r.code}`);
    return { code: r.code, title: r.title.trim() };
  });
}

function cp2021Of(text: string): Cp2021Entry[] {
  return readTable(text, "./cp2021.csv", ["code", "title", "level", "parent_code"]).map((r) => {
    const level = Number(r.level);
    if (!Number.isInteger(level) || level < 1 || level > 5) {
      throw new Error(`cp2021.csv: invalid level ${JSON.stringify(r.level)} for ${r.code}`);
    }
    return { code: r.code, title: r.title, level: level as Cp2021Level, parentCode: r.parent_code || null };
  });
}

export interface Cp2021JobTitle {
  /** CP2021 level-5 unit ("4.3.1.2.0"). */
  code: string;
  /** An ISTAT voce professionale ("Magazziniere consegnatario"). */
  title: string;
  /** How the CP2011 unit was carried onto CP2021 (see SOURCES.md). */
  mapping: string;
}

/** ISTAT job titles (voci professionali) per CP2021 unit: cp2021-job-titles.csv, see SOURCES.md. */
export function readCp2021JobTitles(opts: ReadOptions = {}): Cp2021JobTitle[] {
  return cached("./cp2021-job-titles.csv", opts, (text) => cp2021JobTitlesOf(text));
}

function cp2021JobTitlesOf(text: string): Cp2021JobTitle[] {
  return readTable(text, "./cp2021-job-titles.csv", ["code", "example_title", "cp2011_code", "cp2011_voce_id", "mapping"]).map((r) => ({
    code: r.code,
    title: r.example_title,
    mapping: r.mapping,
  }));
}
