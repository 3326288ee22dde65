/**
 * `npm run -s bench:relevance -- [--queries FILE] [--count N] [--data-dir DIR] [--json]`: does the
 * officer search find the people who are there? On its own throwaway embedded
 * PostgreSQL + Meilisearch (as bench:search), with synthetic candidates from the
 * generator (all CP2021 units) plus at least MIN_PER_UNIT candidates for every unit
 * FILE names; with `--data-dir`, on the `--count` CVs of bench:search and bench:match kept in DIR (written there first
 * if the folder is empty), so that relevance is measured on the same data as the latency at 200,000 and 1,000,000.
 * Runs each judged query through the same code path as the officer
 * search page (searchCandidates) and measures:
 *   precision@20 = share of the first 20 hits with a preference or experience in an expected unit;
 *   recall       = share of the candidates with an expected unit that the search returns;
 *   zero-result queries; and the profession picker (expected unit among its first 5 options).
 * FILE: JSON array of {"query": "magazziniere", "expectedCodes": ["4.3.1.2.0"]} (CP2021 level-5 codes).
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import type { Meilisearch } from "meilisearch";
import type { Db } from "~/db/db.server";
import { COUNT_FACET, exactTotal } from "~/domain/candidates";
import { obsoleteCutoffSeconds } from "~/domain/candidates/freshness";
import { searchCandidates } from "~/domain/candidates/search.server";
import { buildCandidateSearch, CandidateSearchSchema } from "~/domain/candidates/search-query";
import { searchProfessions, searchText } from "~/domain/professions/vocabulary";
import { getEnv } from "~/utils/env.server";
import { indexUid } from "../../search/client.server";
import { reindex } from "../../search/reindex.server";
import { checkKeepDir, prepareBenchCandidates, withBenchPlatform, type BenchPlatform } from "./bench-platform";
import { generateCandidates, generatorToday } from "../seed/candidate-writer";

const MIN_PER_UNIT = 20;
const TOP = 20;

const { values: args } = parseArgs({
  options: {
    queries: { type: "string", default: path.join(path.dirname(new URL(import.meta.url).pathname), "relevance-queries.json") },
    count: { type: "string", default: "20000" },
    "data-dir": { type: "string" },
    json: { type: "boolean", default: false },
  },
});
const COUNT = Number(args.count);
if (!Number.isInteger(COUNT) || COUNT < 0) throw new Error("--count deve essere un intero ≥ 0");
const DATA_DIR = args["data-dir"];
checkKeepDir(DATA_DIR, COUNT);
const FileSchema = z.array(z.object({ query: z.string().min(1), expectedCodes: z.array(z.string().regex(/^\d(\.\d){4}$/)).min(1) }));
const judged = FileSchema.parse(JSON.parse(fs.readFileSync(args.queries!, "utf8")));
// With --json, stdout carries only the JSON object; progress goes to stderr.
const log = (...a: unknown[]) => (args.json ? console.error(...a) : console.log(...a));

const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0);
const round = (x: number) => Math.round(x * 1000) / 1000;

async function main() {
  await withBenchPlatform(
    "rosa-relevance-",
    async (bench) => {
      const { db, meili } = bench;
      const units = new Set((await db.selectFrom("occupations").select("code").where("level", "=", 5).execute()).map((r) => r.code));
      const written = DATA_DIR ? await keptCandidates(bench) : await relevanceCandidates(db, meili, units);
      await measure(db, meili, units, written);
    },
    { keepDir: DATA_DIR },
  );
}

/** The bench CVs of a kept folder, as bench:search and bench:match measure them. */
async function keptCandidates(bench: BenchPlatform): Promise<number> {
  await prepareBenchCandidates(bench, COUNT, log);
  log(`Rosa — pertinenza della ricerca candidati: ${COUNT} candidati di ${bench.dir} (nessun candidato aggiunto per le unità citate)`);
  return COUNT;
}

/** COUNT generated CVs plus MIN_PER_UNIT for every unit the judged queries name, written and indexed. */
async function relevanceCandidates(db: Db, meili: Meilisearch, units: Set<string>): Promise<number> {
  const named = [...new Set(judged.flatMap((j) => j.expectedCodes))].filter((c) => units.has(c)).sort();
  const forced = named.flatMap((code) => Array.from({ length: MIN_PER_UNIT }, () => code));
  const t0 = performance.now();
  const written = await generateCandidates(db, {
    count: COUNT,
    seed: "rosa-relevance",
    today: generatorToday(),
    createdBy: null,
    enqueue: false,
    batchSize: 5000,
    forcedOccupations: forced,
  });
  await reindex(db, meili, "candidates", { batchSize: 5000, maxInFlight: 3 });
  log(
    `Rosa — pertinenza della ricerca candidati: ${written} candidati (${COUNT} generati + ${forced.length} per le ${named.length} unità citate), indicizzati in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
  );
  return written;
}

/**
 * The candidates with a preference or an experience in one of `codes` (the truth, from PostgreSQL): how many in all, or
 * which of `among`.
 */
function withUnits(db: Db, codes: string[], among?: string[]) {
  const side = (table: "candidate_preferences" | "candidate_experiences") => {
    let q = db.selectFrom(table).select("candidate_id").where("occupation_code", "in", codes);
    if (among) q = q.where("candidate_id", "in", among);
    return q;
  };
  return side("candidate_preferences").union(side("candidate_experiences"));
}

async function measure(db: Db, meili: Meilisearch, units: Set<string>, written: number) {
  const officer = { role: "preselection_officer" as const };
  const freshSince = obsoleteCutoffSeconds(new Date(), getEnv().CV_OBSOLETE_MONTHS);
  const rows: {
    query: string;
    relevantInIndex: number;
    hits: number;
    precisionAt20: number;
    recall: number;
    pickerTop5: boolean;
    ms: number;
  }[] = [];
  const skipped: { query: string; reason: string }[] = [];
  for (const j of judged) {
    const expected = j.expectedCodes.filter((c) => units.has(c));
    if (!expected.length) {
      skipped.push({ query: j.query, reason: `codici non CP2021: ${j.expectedCodes.join(", ")}` });
      continue;
    }
    const { n } = await db
      .selectFrom(withUnits(db, expected).as("u"))
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    const relevantInIndex = Number(n);
    if (!relevantInIndex) {
      skipped.push({ query: j.query, reason: "nessun candidato delle unità attese" });
      continue;
    }
    // The officer page: same parsing, same search function, first page of 20.
    const input = CandidateSearchSchema.parse({ q: j.query });
    const started = performance.now();
    const result = await searchCandidates(db, meili, officer, input);
    const ms = performance.now() - started;
    const top = result.hits.slice(0, TOP);
    const topIds = top.map((h) => h.id);
    // Without a hit there is nothing to look up (an empty IN list is not valid SQL).
    const relevantTop = topIds.length ? (await withUnits(db, expected, topIds).execute()).length : 0;
    const precisionAt20 = topIds.length ? relevantTop / topIds.length : 0;
    // Recall: the same main query, restricted to the relevant candidates, counted by Meilisearch (exactly: the sum of
    // a facet, not totalHits, which stops at maxTotalHits).
    const main = buildCandidateSearch(input, {
      canSeeProtected: false,
      freshSince,
      center: null,
      nearby: null,
      indexUid: indexUid("candidates"),
      queryText: searchText(input.q),
    }).queries[0];
    const codes = expected.map((c) => JSON.stringify(c)).join(", ");
    const counted = await meili.index(indexUid("candidates")).search(main.q as string, {
      filter: `occupationCodes IN [${codes}] OR experienceCodes IN [${codes}]`,
      hitsPerPage: 0,
      page: 1,
      facets: [COUNT_FACET],
      ...(main.sort ? { sort: main.sort as string[] } : {}),
    });
    const returned = exactTotal(counted);
    const pickerTop5 = searchProfessions(j.query, 5).some((o) => expected.includes(o.code));
    rows.push({
      query: j.query,
      relevantInIndex,
      hits: result.total,
      precisionAt20: round(precisionAt20),
      recall: round(Math.min(1, returned / relevantInIndex)),
      pickerTop5,
      ms: Math.round(ms),
    });
  }
  const zero = rows.filter((r) => r.hits === 0).map((r) => r.query);
  const report = {
    meanPrecisionAt20: round(mean(rows.map((r) => r.precisionAt20))),
    meanRecall: round(mean(rows.map((r) => r.recall))),
    zeroResultQueries: zero,
    skipped,
    pickerTop5Share: round(mean(rows.map((r) => (r.pickerTop5 ? 1 : 0)))),
    candidates: written,
    queries: rows.map(({ query, relevantInIndex, hits, precisionAt20, recall, pickerTop5 }) => ({
      query,
      relevantInIndex,
      hits,
      precisionAt20,
      recall,
      pickerTop5,
    })),
  };
  if (args.json) {
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return;
  }
  log("query".padEnd(40), "pertinenti", "risultati", "P@20", "richiamo", "scelta≤5", "ms");
  for (const r of rows) {
    log(
      r.query.padEnd(40),
      String(r.relevantInIndex).padStart(10),
      String(r.hits).padStart(9),
      r.precisionAt20.toFixed(2).padStart(5),
      r.recall.toFixed(2).padStart(8),
      (r.pickerTop5 ? "sì" : "NO").padStart(8),
      String(r.ms).padStart(5),
    );
  }
  const ok = (b: boolean) => (b ? "OK" : "NON RAGGIUNTO");
  const zeroShare = rows.length ? zero.length / rows.length : 0;
  log(`\n${rows.length} query misurate, ${skipped.length} saltate.`);
  log(`Precisione@20 media: ${report.meanPrecisionAt20.toFixed(3)} (≥ 0,90: ${ok(report.meanPrecisionAt20 >= 0.9)})`);
  log(`Richiamo medio: ${report.meanRecall.toFixed(3)} (≥ 0,90: ${ok(report.meanRecall >= 0.9)})`);
  log(
    `Query senza risultati: ${zero.length} (${(zeroShare * 100).toFixed(1)} %; ≤ 2 %: ${ok(zeroShare <= 0.02)})${zero.length ? `: ${zero.join(", ")}` : ""}`,
  );
  log(
    `Selettore delle professioni, unità attesa tra le prime 5: ${(report.pickerTop5Share * 100).toFixed(1)} % (≥ 95 %: ${ok(report.pickerTop5Share >= 0.95)})`,
  );
  log(`Tempo per query (pagina completa): p50 ${[...rows].map((r) => r.ms).sort((a, b) => a - b)[Math.floor(rows.length / 2)] ?? 0} ms`);
}

await main();
