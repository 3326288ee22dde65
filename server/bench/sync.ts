/**
 * `npm run bench:sync [-- --count 1000000 --syncs 60 --indexing-threads 2 --variant 'prefixSearch="disabled"' …]`:
 * commit → searchable on one index of synthetic CVs (as bench:search: its own throwaway embedded PostgreSQL +
 * Meilisearch, 256 MiB, 1 indexing thread unless `--indexing-threads` says otherwise), first with the index settings of
 * the code, then after each `--variant SETTING=JSON` applied in turn to the same index, so every setting is compared on
 * the same data, the same day. Each run measures both kinds of change of sync-latency.ts: a new word, then words the
 * index already has. Prints each run's latency and Meilisearch's
 * own steps (lotti di indicizzazione), and how long each setting took to apply. A setting that Meilisearch applies by
 * reindexing every document (prefixSearch, for one) takes minutes at 200,000 and far longer at 1,000,000.
 * `--data-dir DIR` keeps (or reuses) the CVs and the index in DIR, as bench:match does, so the same index is measured
 * again in minutes.
 */
import { parseArgs } from "node:util";
import type { Settings } from "meilisearch";
import { getDb } from "~/db/db.server";
import { onEveryCommit } from "~/db/transaction.server";
import { indexUid } from "../../search/client.server";
import { kickSyncWorker, startSyncWorker, stopSyncWorker } from "../../search/sync.server";
import { checkKeepDir, prepareBenchCandidates, withBenchPlatform } from "./bench-platform";
import { describeSync, measureSync } from "./sync-latency";

const { values: args } = parseArgs({
  options: {
    count: { type: "string", default: "200000" },
    syncs: { type: "string", default: "60" },
    variant: { type: "string", multiple: true, default: [] },
    "indexing-threads": { type: "string", default: "1" },
    // The CVs and index of an earlier bench:sync or bench:match with the same --count, kept in this folder (see match.ts).
    "data-dir": { type: "string" },
  },
});
const COUNT = Number(args.count);
const SYNCS = Number(args.syncs);
if (!Number.isInteger(COUNT) || COUNT < 1000) throw new Error("--count deve essere un intero ≥ 1000");
if (!Number.isInteger(SYNCS) || SYNCS < 10) throw new Error("--syncs deve essere un intero ≥ 10");
const DATA_DIR = args["data-dir"];
// A variant changes the index settings for good: a kept folder would then measure something else next time.
if (DATA_DIR && args.variant.length) throw new Error("--variant non si usa con --data-dir: cambierebbe l'indice conservato");
checkKeepDir(DATA_DIR, COUNT);
const variants = args.variant.map((v) => {
  const eq = v.indexOf("=");
  if (eq < 1) throw new Error(`--variant ${v}: atteso IMPOSTAZIONE=JSON, es. prefixSearch="disabled"`);
  return { text: v, settings: { [v.slice(0, eq)]: JSON.parse(v.slice(eq + 1)) } as Settings };
});
// One invented word per measurement (never in a CV's text), far from each other: the CVs keep the certificates of
// every measurement (sync-latency.ts).
const WORDS = ["Sincronia", "Quarzolinea", "Zefiroprova", "Brumavetta", "Glicinetra", "Ormafutura", "Vetrolampo", "Nubecorsa"];
if (variants.length >= WORDS.length) throw new Error(`al massimo ${WORDS.length - 1} varianti`);
const fmt = new Intl.NumberFormat("it-IT");
const THREADS = args["indexing-threads"];

await withBenchPlatform(
  "rosa-bench-sync-",
  async (bench) => {
    const { db, meili } = bench;
    console.log(
      `Rosa — sincronizzazione commit → ricercabile: ${fmt.format(COUNT)} candidati sintetici, Meilisearch con ${THREADS} thread di indicizzazione`,
    );
    await prepareBenchCandidates(bench, COUNT, console.log);
    onEveryCommit(() => kickSyncWorker(getDb));
    startSyncWorker(getDb);
    const ids = (await db.selectFrom("candidates").select("id").orderBy("id").limit(SYNCS).execute()).map((r) => r.id);
    const index = meili.index(indexUid("candidates"));
    for (const [run, variant] of [undefined, ...variants].entries()) {
      if (variant) {
        const started = performance.now();
        const task = await index.updateSettings(variant.settings);
        // Polled by hand: a long waitForTask of the client leaves one abort listener per poll behind.
        let done = await meili.tasks.getTask(task.taskUid);
        while (done.status === "enqueued" || done.status === "processing") {
          await new Promise((res) => setTimeout(res, 2000));
          done = await meili.tasks.getTask(task.taskUid);
        }
        if (done.status !== "succeeded") throw new Error(`${variant.text}: ${done.error?.message ?? done.status}`);
        console.log(`Impostazione ${variant.text} applicata in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      }
      const label = variant ? `Con ${variant.text}` : "Impostazioni del codice";
      // Marked with this run: in a kept folder the CVs still hold the words of earlier runs.
      for (const line of describeSync(await measureSync(db, meili, ids, WORDS[run]), `${label}, parola nuova`).lines) console.log(line);
      for (const line of describeSync(await measureSync(db, meili, ids, WORDS[run], "knownWords"), `${label}, parole già indicizzate`)
        .lines)
        console.log(line);
    }
  },
  { beforeStop: stopSyncWorker, env: { EMBEDDED_MEILI_INDEXING_THREADS: THREADS }, keepDir: DATA_DIR },
);
