/**
 * `npm run bench:search [-- --count 200000 --queries 240] [--no-baseline | --baseline-sample N]`: the candidate
 * search benchmark, on its own throwaway embedded PostgreSQL + Meilisearch
 * (same flags as production: 1 indexing thread, 256 MiB) in a temp folder.
 * Prints indexing throughput, index size, query latency with 1 and 8
 * clients, where the time goes (each part of the officer's page asked of Meilisearch alone),
 * commit→searchable latency and the PostgreSQL-only baseline (skipped with --no-baseline; with
 * --baseline-sample N only N of the queries run on PostgreSQL, on the same data). With --import-during N it also
 * measures the officer's search while N more CVs are imported as the CSV import does (one transaction, then the outbox).
 * `--data-dir DIR` keeps the CVs and the index in DIR for the next run with the same --count, as bench:match does (the
 * same folder serves both; not with --import-during).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import { Meilisearch } from "meilisearch";
import { getDb, type Db } from "~/db/db.server";
import { onEveryCommit } from "~/db/transaction.server";
import { obsoleteCutoff } from "~/domain/candidates/freshness";
import { searchCandidates, type SearchStep } from "~/domain/candidates/search.server";
import { buildCandidateSearch, type CandidateSearchInput, type SearchContext } from "~/domain/candidates/search-query";
import { searchText, unitsNamedBy } from "~/domain/professions/vocabulary";
import { comunePoints, comuniWithin } from "~/domain/reference/places.server";
import { resolveComune } from "~/domain/reference/queries.server";
import { getEnv } from "~/utils/env.server";
import { createMeiliClient, indexUid } from "../../search/client.server";
import { kickSyncWorker, startSyncWorker, stopSyncWorker } from "../../search/sync.server";
import { checkKeepDir, prepareBenchCandidates, withBenchPlatform } from "./bench-platform";
import { generateCandidates, generatorToday } from "../seed/candidate-writer";
import { buildPgBaseline, pgSearch } from "./pg-baseline";
import { benchQueries } from "./search-queries";
import { evenSample, searchParts } from "./search-parts";
import { describeSync, measureSync, pct } from "./sync-latency";

const { values: args } = parseArgs({
  options: {
    count: { type: "string", default: "200000" },
    queries: { type: "string", default: "240" },
    syncs: { type: "string", default: "100" },
    json: { type: "string" },
    "no-baseline": { type: "boolean", default: false },
    "baseline-sample": { type: "string" },
    "import-during": { type: "string" },
    // As bench:match and bench:sync: keep the CVs and the index in this folder, reused by a later run with the same
    // --count (at 1,000,000 writing and indexing take ~35 minutes).
    "data-dir": { type: "string" },
  },
});
const COUNT = Number(args.count);
const QUERIES = Math.max(200, Number(args.queries));
const SYNCS = Number(args.syncs);
if (!Number.isInteger(COUNT) || COUNT < 1000) throw new Error("--count deve essere un intero ≥ 1000");
const BASELINE_SAMPLE = args["baseline-sample"] === undefined ? undefined : Number(args["baseline-sample"]);
if (BASELINE_SAMPLE !== undefined && (!Number.isInteger(BASELINE_SAMPLE) || BASELINE_SAMPLE < 10))
  throw new Error("--baseline-sample deve essere un intero ≥ 10 (numero di query eseguite anche su PostgreSQL)");
const IMPORT_DURING = args["import-during"] === undefined ? 0 : Number(args["import-during"]);
if (!Number.isInteger(IMPORT_DURING) || IMPORT_DURING < 0) throw new Error("--import-during deve essere un intero ≥ 0 (CV importati)");
if (BASELINE_SAMPLE !== undefined && args["no-baseline"]) throw new Error("--no-baseline e --baseline-sample si escludono");
// The import adds CVs: a kept folder would no longer hold the --count it is marked with.
if (IMPORT_DURING && args["data-dir"]) throw new Error("--import-during e --data-dir si escludono");
checkKeepDir(args["data-dir"], COUNT);

const ms = (x: number) => `${x.toFixed(1)} ms`;
const log = (...a: unknown[]) => console.log(...a);
const fmt = new Intl.NumberFormat("it-IT");

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await fn();
  return [r, performance.now() - t];
}

/** Runs `queries` with `clients` concurrent clients, each going through the whole list from its own offset. */
async function latencies(queries: CandidateSearchInput[], clients: number, run: (q: CandidateSearchInput) => Promise<unknown>) {
  const out: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      for (let i = 0; i < queries.length; i++) {
        const q = queries[(i + c * 31) % queries.length];
        const [, t] = await timed(() => run(q));
        out.push(t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { p50: pct(out, 50), p95: pct(out, 95), p99: pct(out, 99), qps: out.length / seconds, n: out.length };
}

function duBytes(dir: string): number {
  try {
    return Number(execFileSync("du", ["-sb", dir]).toString().split(/\s/)[0]);
  } catch {
    return NaN;
  }
}

/**
 * The officer's search (1 client, the same queries in a loop) while `IMPORT_DURING` CVs arrive as the CSV import writes
 * them (app/domain/candidates/import.server.ts: one transaction, the outbox, then the sync worker), until every imported
 * CV is searchable: the indexing budget (1 thread, 256 MiB) against search latency.
 */
async function searchDuringImport(
  db: Db,
  meili: Meilisearch,
  queries: CandidateSearchInput[],
  run: (q: CandidateSearchInput) => Promise<unknown>,
  quietP95: number,
) {
  const index = meili.index(indexUid("candidates"));
  const before = (await index.getStats()).numberOfDocuments;
  const times: number[] = [];
  let importing = true;
  const searching = (async () => {
    for (let i = 0; importing; i++) {
      const [, t] = await timed(() => run(queries[i % queries.length]));
      times.push(t);
    }
  })();
  const started = performance.now();
  await generateCandidates(db, {
    count: IMPORT_DURING,
    seed: "rosa-bench-import",
    today: generatorToday(),
    createdBy: null,
    enqueue: true,
    atomic: true,
    batchSize: 2000,
  });
  const committed = performance.now();
  kickSyncWorker(getDb);
  for (;;) {
    const stats = await index.getStats();
    if (stats.numberOfDocuments >= before + IMPORT_DURING && !stats.isIndexing) break;
    if (performance.now() - committed > 30 * 60_000) throw new Error("importazione non ricercabile dopo 30 minuti");
    await new Promise((res) => setTimeout(res, 100));
  }
  const searchable = performance.now();
  importing = false;
  await searching;
  const result = {
    cvs: IMPORT_DURING,
    commitSeconds: (committed - started) / 1000,
    searchableSeconds: (searchable - started) / 1000,
    searches: times.length,
    p50: pct(times, 50),
    p95: pct(times, 95),
    p99: pct(times, 99),
    quietP95,
  };
  log(
    `Ricerca durante un'importazione di ${fmt.format(IMPORT_DURING)} CV (commit in ${result.commitSeconds.toFixed(1)} s, tutti ricercabili dopo ${result.searchableSeconds.toFixed(1)} s): ${fmt.format(times.length)} ricerche, p50 ${ms(result.p50)}  p95 ${ms(result.p95)}  p99 ${ms(result.p99)} (a indice fermo p95 ${ms(quietP95)})`,
  );
  return result;
}

async function main() {
  await withBenchPlatform(
    "rosa-bench-",
    async (bench) => {
      const { db, meili, dir } = bench;
      const report: Record<string, unknown> = { count: COUNT, cpus: os.cpus().length, node: process.version };
      log(`Rosa — benchmark della ricerca candidati: ${fmt.format(COUNT)} candidati sintetici, ${os.cpus().length} core, ${dir}`);
      const prepared = await prepareBenchCandidates(bench, COUNT, log);
      if (prepared)
        report.indexing = {
          docsPerSecond: Math.round(prepared.documents / prepared.seconds),
          secondsToSearchable: prepared.seconds,
          drainSeconds: prepared.drainSeconds,
          documents: prepared.documents,
        };
      const stats = await meili.getStats();
      const diskBytes = duBytes(path.join(dir, "meili"));
      report.size = { indexBytes: stats.indexes[indexUid("candidates")]?.indexSize ?? null, databaseBytes: stats.databaseSize, diskBytes };
      log(
        `Dimensione: database Meilisearch ${(stats.databaseSize / 2 ** 20).toFixed(0)} MiB, cartella su disco ${(diskBytes / 2 ** 20).toFixed(0)} MiB`,
      );

      // The query set, anchored on the 40 most populous comuni.
      const big = await db.selectFrom("comuni").select(["name", "province_code"]).orderBy("population", "desc").limit(40).execute();
      const queries = benchQueries(
        QUERIES,
        big.map((c) => ({ label: `${c.name} (${c.province_code})`, provinceCode: c.province_code })),
      );
      const officer = { role: "preselection_officer" as const };
      const run = (q: CandidateSearchInput) => searchCandidates(db, meili, officer, q);
      // Warm-up: caches of both systems, as in steady state.
      for (const q of queries.slice(0, 30)) await run(q);
      const hitsSeen = (await Promise.all(queries.slice(0, 20).map(run))).map((r) => r.total);
      const one = await latencies(queries, 1, run);
      const eight = await latencies(queries, 8, run);
      // The page's own steps (SearchStep), the same queries again with 1 client: which part of the page beyond its
      // first multi-search grows (the rest of a named profession's page, distance order, PostgreSQL reads, labels).
      const stepTimes = new Map<SearchStep, number[]>();
      const traced = await latencies(queries, 1, (q) =>
        searchCandidates(db, meili, officer, q, new Date(), (step, t) =>
          (stepTimes.get(step) ?? stepTimes.set(step, []).get(step)!).push(t),
        ),
      );

      // Meilisearch alone (the multi-search HTTP call), to separate it from our server's own work.
      const freshSince = obsoleteCutoff(new Date(), getEnv().CV_OBSOLETE_MONTHS);
      const centers = new Map<string, { lat: number; lon: number } | null>();
      for (const q of queries) {
        if (!q.comune || centers.has(q.comune)) continue;
        const c = await resolveComune(db, q.comune);
        centers.set(q.comune, (c && (await comunePoints(db)).get(c.istatCode)) || null);
      }
      // The comuni of each radius, as the page computes them (nearest first), so this measures the same request.
      const nearbyOf = new Map<string, string[]>();
      for (const q of queries) {
        const c = q.comune ? centers.get(q.comune) : null;
        if (!c || nearbyOf.has(`${q.comune}|${q.radiusKm}`)) continue;
        nearbyOf.set(
          `${q.comune}|${q.radiusKm}`,
          (await comuniWithin(db, c, q.radiusKm)).map((r) => r.code),
        );
      }
      const contextOf = (q: CandidateSearchInput): SearchContext => ({
        canSeeProtected: false,
        freshSince: Math.floor(freshSince.getTime() / 1000),
        center: q.comune ? centers.get(q.comune)! : null,
        nearby: (q.comune && nearbyOf.get(`${q.comune}|${q.radiusKm}`)) || null,
        indexUid: indexUid("candidates"),
        queryText: searchText(q.q),
        professionUnits: unitsNamedBy(q.q),
      });
      const meiliOnly = (q: CandidateSearchInput) =>
        meili.multiSearch({
          queries: buildCandidateSearch(q, contextOf(q)).queries as never,
        });
      const engine1 = await latencies(queries, 1, meiliOnly);
      report.search = {
        queries: queries.length,
        oneClient: one,
        eightClients: eight,
        meiliOnlyOneClient: engine1,
        sampleTotals: hitsSeen.slice(0, 10),
      };
      log(`Ricerca (${queries.length} query da operatore: testo + filtri + raggio, con conteggi dei filtri), pagina completa lato server:`);
      log(`  1 client:  p50 ${ms(one.p50)}  p95 ${ms(one.p95)}  p99 ${ms(one.p99)}  (${one.qps.toFixed(0)} query/s)`);
      log(`  8 client:  p50 ${ms(eight.p50)}  p95 ${ms(eight.p95)}  p99 ${ms(eight.p99)}  (${eight.qps.toFixed(0)} query/s)`);
      log(`  solo Meilisearch, 1 client: p50 ${ms(engine1.p50)}  p95 ${ms(engine1.p95)}  p99 ${ms(engine1.p99)}`);
      const stepLabels: Record<SearchStep, string> = {
        comune: "centro e comuni del raggio (PostgreSQL)",
        ricerca: "prima ricerca multipla",
        resto: "resto della pagina dopo la professione",
        distanza: "pagine dell'ordine per distanza",
        etichette: "etichette, titoli degli eventi, hit",
      };
      report.pageSteps = { page: { p50: traced.p50, p95: traced.p95 } };
      log(
        `Passi della pagina (1 client, altra passata: pagina p50 ${ms(traced.p50)}  p95 ${ms(traced.p95)}; n = query in cui il passo c'è):`,
      );
      for (const [step, label] of Object.entries(stepLabels) as [SearchStep, string][]) {
        const times = stepTimes.get(step) ?? [];
        if (!times.length) continue;
        const summary = {
          n: times.length,
          p50: pct(times, 50),
          p95: pct(times, 95),
          mean: times.reduce((a, b) => a + b, 0) / times.length,
        };
        (report.pageSteps as Record<string, unknown>)[step] = summary;
        log(
          `  ${label.padEnd(44)} n ${String(summary.n).padStart(4)}  p50 ${ms(summary.p50).padStart(9)}  p95 ${ms(summary.p95).padStart(9)}`,
        );
      }

      // Where the time goes: each part of the page's multi-search asked of Meilisearch alone, one at a time.
      const parts = searchParts(queries, (q) => buildCandidateSearch(q, contextOf(q)));
      report.breakdown = {};
      log(`Dove va il tempo (solo Meilisearch, 1 client, ogni parte da sola; n = query in cui la parte c'è):`);
      for (const part of parts) {
        const times: number[] = [];
        for (const request of part.requests) {
          const [, t] = await timed(() => meili.multiSearch({ queries: [request] as never }));
          times.push(t);
        }
        const summary = {
          n: times.length,
          p50: pct(times, 50),
          p95: pct(times, 95),
          mean: times.reduce((a, b) => a + b, 0) / times.length,
        };
        (report.breakdown as Record<string, unknown>)[part.name] = summary;
        log(
          `  ${part.label.padEnd(44)} n ${String(summary.n).padStart(4)}  p50 ${ms(summary.p50).padStart(9)}  p95 ${ms(summary.p95).padStart(9)}`,
        );
      }

      // Lever: uncompressed answers over loopback (search/client.server.ts) against the gzip fetch asks for by default,
      // the same page multi-search alternating between the two clients, so both see the same machine state; both over
      // fetch, so that only the compression differs (the transport is bench:match's --compare-fetch-client).
      const plainClient = createMeiliClient(meili.config.host, meili.config.apiKey, 120_000, "fetch");
      const gzipClient = new Meilisearch({
        host: meili.config.host,
        apiKey: meili.config.apiKey,
        requestInit: { headers: { Connection: "close" } },
      });
      const plainTimes: number[] = [];
      const gzipTimes: number[] = [];
      for (const [i, q] of queries.entries()) {
        const request = { queries: buildCandidateSearch(q, contextOf(q)).queries as never };
        for (const client of i % 2 ? [plainClient, gzipClient] : [gzipClient, plainClient]) {
          const [, t] = await timed(() => client.multiSearch(request));
          (client === plainClient ? plainTimes : gzipTimes).push(t);
        }
      }
      report.compression = {
        identity: { p50: pct(plainTimes, 50), p95: pct(plainTimes, 95) },
        gzip: { p50: pct(gzipTimes, 50), p95: pct(gzipTimes, 95) },
      };
      log(
        `Pagina intera, solo Meilisearch: risposte non compresse (loopback) p50 ${ms(pct(plainTimes, 50))} p95 ${ms(pct(plainTimes, 95))} · compresse gzip p50 ${ms(pct(gzipTimes, 50))} p95 ${ms(pct(gzipTimes, 95))}`,
      );

      // Commit → searchable, through the real outbox and after-commit worker.
      onEveryCommit(() => kickSyncWorker(getDb));
      startSyncWorker(getDb);
      const ids = (await db.selectFrom("candidates").select("id").orderBy("id").limit(SYNCS).execute()).map((r) => r.id);
      const sync = describeSync(await measureSync(db, meili, ids, "Sincronia"), "Commit → ricercabile, parola nuova");
      report.sync = sync.report;
      for (const line of sync.lines) log(line);
      const known = describeSync(
        await measureSync(db, meili, ids, "Sincronia", "knownWords"),
        "Commit → ricercabile, parole già indicizzate",
      );
      report.syncKnownWords = known.report;
      for (const line of known.lines) log(line);
      if (IMPORT_DURING) report.importDuring = await searchDuringImport(db, meili, queries, run, one.p95);
      stopSyncWorker();

      if (args["no-baseline"]) {
        log("Riferimento solo PostgreSQL: saltato (--no-baseline)");
        if (args.json) fs.writeFileSync(args.json, JSON.stringify(report, null, 2));
        return;
      }
      // PostgreSQL-only baseline on the same data and the same queries (or an even sample of them).
      const [, buildMs] = await timed(() => buildPgBaseline(db));
      const pgRun = (q: CandidateSearchInput) => pgSearch(db, q, q.comune ? centers.get(q.comune)! : null, freshSince);
      const pgQueries = BASELINE_SAMPLE ? evenSample(queries, BASELINE_SAMPLE) : queries;
      if (BASELINE_SAMPLE) log(`Riferimento solo PostgreSQL su ${pgQueries.length} delle ${queries.length} query (--baseline-sample)`);
      for (const q of pgQueries.slice(0, Math.min(30, Math.ceil(pgQueries.length / 4)))) await pgRun(q);
      const pg1 = await latencies(pgQueries, 1, pgRun);
      const ratio = pg1.p95 / one.p95;
      const tableBytes = await sql<{ n: string }>`select pg_total_relation_size('bench_search') as n`.execute(db);
      report.postgres = {
        buildSeconds: buildMs / 1000,
        oneClient: pg1,
        bytes: Number(tableBytes.rows[0].n),
        p95Ratio: ratio,
        queries: pgQueries.length,
      };
      log(
        `Riferimento solo PostgreSQL (tsvector/GIN + pg_trgm + distanza in SQL; costruzione ${(buildMs / 1000).toFixed(1)} s, ${(Number(tableBytes.rows[0].n) / 2 ** 20).toFixed(0)} MiB):`,
      );
      log(`  1 client:  p50 ${ms(pg1.p50)}  p95 ${ms(pg1.p95)}  p99 ${ms(pg1.p99)}`);
      log(`  rapporto dei p95 (PostgreSQL / Rosa con Meilisearch): ${ratio.toFixed(1)}×`);
      const ok = (b: boolean) => (b ? "OK" : "NON RAGGIUNTO");
      log(
        `Obiettivi: p95 1 client ≤ 50 ms: ${ok(one.p95 <= 50)} · ≥ 5× PostgreSQL al p95: ${ok(ratio >= 5)} · sincronizzazione p95 ≤ 1 s: ${ok(sync.report.p95 <= 1000)}`,
      );
      if (args.json) fs.writeFileSync(args.json, JSON.stringify(report, null, 2));
    },
    { beforeStop: stopSyncWorker, keepDir: args["data-dir"] },
  );
}

await main();
