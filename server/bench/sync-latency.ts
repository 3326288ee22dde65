/**
 * Commit → searchable, through the real outbox and after-commit worker: one CV changed per transaction, then the
 * officer's index polled every 5 ms until the change is found. Two kinds of change:
 * - `newWord` (the worst case): a certificate with a word that no CV has, found by searching that word. Every change
 *   adds a word to the index, so Meilisearch rebuilds its word FST and, when the word falls under a frequent prefix
 *   (several hundred words starting with «s»), the docids of that prefix;
 * - `knownWords` (an ordinary edit: availability confirmed, a field corrected with words the index already has): the
 *   CV's update time set to a second of the past hour that no other CV has, found by a filter on that second.
 * With Meilisearch's own trace of the batches (indexing-trace.ts), so the time splits into the engine's steps and ours
 * (outbox, PostgreSQL read, HTTP). Shared by bench:search and bench:sync.
 */
import { randomBytes } from "node:crypto";
import type { Meilisearch } from "meilisearch";
import type { Db } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { indexUid } from "../../search/client.server";
import { enqueueSearchSync } from "../../search/outbox.server";
import { indexingTrace, latestBatchUid, type IndexingTrace } from "./indexing-trace";

export const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const ms = (x: number) => `${x.toFixed(1)} ms`;

export type SyncLatency = { syncMs: number[]; trace: IndexingTrace };
export type SyncChange = "newWord" | "knownWords";

/**
 * `word` must differ (by more than two letters) from the words of earlier calls in the same run: the CVs keep the
 * certificates of every call, and a typo-tolerant match on an older word would end the wait too early. Each call adds
 * six random letters, so that the calls of earlier runs on a kept index (`--data-dir`) never match either.
 */
export async function measureSync(
  db: Db,
  meili: Meilisearch,
  ids: string[],
  word: string,
  change: SyncChange = "newWord",
): Promise<SyncLatency> {
  const index = meili.index(indexUid("candidates"));
  const lastBatchBefore = await latestBatchUid(meili);
  const syncMs: number[] = [];
  const mark = Array.from(randomBytes(6), (b) => String.fromCharCode(97 + (b % 26))).join("");
  // Seconds of the past hour, one per change: the generated CVs were updated days ago.
  const firstSecond = Math.floor(Date.now() / 1000) - 3600;
  for (let i = 0; i < ids.length; i++) {
    const token = `${word}${mark}${i}qz`;
    const second = firstSecond + i;
    await withTransaction(async (trx) => {
      if (change === "newWord") await trx.insertInto("candidate_certificates").values({ candidate_id: ids[i], name: token }).execute();
      const updatedAt = change === "newWord" ? new Date() : new Date(second * 1000);
      await trx.updateTable("candidates").set({ cv_updated_at: updatedAt }).where("id", "=", ids[i]).execute();
      await enqueueSearchSync(trx, "candidates", [ids[i]]);
    });
    const committed = performance.now();
    for (;;) {
      const r =
        change === "newWord"
          ? await index.search(token, { limit: 1, attributesToRetrieve: ["id"] })
          : // Another CV may keep that second from a run less than an hour earlier on a kept index: any of the hits will do.
            await index.search("", { filter: `cvUpdatedAt = ${second}`, limit: 10, attributesToRetrieve: ["id"] });
      if (r.hits.some((h) => h.id === ids[i])) break;
      if (performance.now() - committed > 30_000) throw new Error("sincronizzazione oltre 30 s");
      await new Promise((res) => setTimeout(res, 5));
    }
    syncMs.push(performance.now() - committed);
    await new Promise((res) => setTimeout(res, 20));
  }
  return { syncMs, trace: await indexingTrace(meili, lastBatchBefore, ids.length + 10) };
}

/** The figures of a measurement for a JSON report, and its lines for the console (Italian, as the benches print). */
export function describeSync({ syncMs, trace }: SyncLatency, label = "Sincronizzazione commit → ricercabile") {
  const significant = trace.steps.filter((s) => pct(s.times, 50) >= 1).slice(0, 14);
  const report = {
    n: syncMs.length,
    p50: pct(syncMs, 50),
    p95: pct(syncMs, 95),
    max: Math.max(...syncMs),
    meiliBatches: trace.batches,
    meiliBatchP50: pct(trace.durations, 50),
    meiliBatchP95: pct(trace.durations, 95),
    meiliSteps: Object.fromEntries(significant.map((s) => [s.step, { p50: pct(s.times, 50), p95: pct(s.times, 95) }])),
  };
  const lines = [
    `${label} (${syncMs.length} modifiche): p50 ${ms(report.p50)}  p95 ${ms(report.p95)}  max ${ms(report.max)}`,
    `  di cui lotti di indicizzazione di Meilisearch (${trace.batches}): p50 ${ms(report.meiliBatchP50)}  p95 ${ms(report.meiliBatchP95)}; passi (p50 / p95):`,
    ...significant.map((s) => `    ${s.step}: ${ms(pct(s.times, 50))} / ${ms(pct(s.times, 95))}`),
  ];
  return { report, lines };
}
