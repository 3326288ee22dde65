/**
 * Commit → searchable, through the real outbox and after-commit worker: one CV changed per transaction (a certificate
 * with a unique word), then the officer's index polled every 5 ms until that CV is the first hit for the word. With
 * Meilisearch's own trace of the batches (indexing-trace.ts), so the time splits into the engine's steps and ours
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

/**
 * `word` must differ (by more than two letters) from the words of earlier calls in the same run: the CVs keep the
 * certificates of every call, and a typo-tolerant match on an older word would end the wait too early. Each call adds
 * six random letters, so that the calls of earlier runs on a kept index (`--data-dir`) never match either.
 */
export async function measureSync(db: Db, meili: Meilisearch, ids: string[], word: string): Promise<SyncLatency> {
  const index = meili.index(indexUid("candidates"));
  const lastBatchBefore = await latestBatchUid(meili);
  const syncMs: number[] = [];
  const mark = Array.from(randomBytes(6), (b) => String.fromCharCode(97 + (b % 26))).join("");
  for (let i = 0; i < ids.length; i++) {
    const token = `${word}${mark}${i}qz`;
    await withTransaction(async (trx) => {
      await trx.insertInto("candidate_certificates").values({ candidate_id: ids[i], name: token }).execute();
      await trx.updateTable("candidates").set({ cv_updated_at: new Date() }).where("id", "=", ids[i]).execute();
      await enqueueSearchSync(trx, "candidates", [ids[i]]);
    });
    const committed = performance.now();
    for (;;) {
      const r = await index.search(token, { limit: 1, attributesToRetrieve: ["id"] });
      if (r.hits[0]?.id === ids[i]) break;
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
