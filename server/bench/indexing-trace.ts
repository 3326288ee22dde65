/**
 * Where Meilisearch spends the time of its indexing batches: each batch reports, in `stats.progressTrace`, the
 * duration of every step it went through ("processing tasks > indexing > merging word caches", …; Meilisearch ≥ 1.14,
 * GET /batches). Used by bench:search to split commit→searchable into the engine's own steps.
 */
import type { Batch, Meilisearch } from "meilisearch";

async function batches(meili: Meilisearch, limit: number): Promise<Batch[]> {
  return (await meili.batches.getBatches({ limit })).results;
}

/** The uid of the latest batch: the trace is read for the batches after it. */
export async function latestBatchUid(meili: Meilisearch): Promise<number> {
  return (await batches(meili, 1))[0]?.uid ?? -1;
}

/** "1.23ms", "2.5s", "350µs" → milliseconds. */
function traceMs(text: string): number {
  const m = /^([\d.]+)(ns|µs|ms|s)$/.exec(text.trim());
  if (!m) return 0;
  const scale = { ns: 1e-6, µs: 1e-3, ms: 1, s: 1000 }[m[2] as "ns" | "µs" | "ms" | "s"];
  return Number(m[1]) * scale;
}

/** ISO 8601 duration of a batch ("PT0.123456S") → milliseconds. */
function durationMs(iso: string | null): number {
  const m = /^PT(?:(\d+)M)?([\d.]+)S$/.exec(iso ?? "");
  return m ? Number(m[1] ?? 0) * 60_000 + Number(m[2]) * 1000 : 0;
}

export type IndexingTrace = { batches: number; durations: number[]; steps: { step: string; times: number[] }[] };

/**
 * The document batches after `sinceUid` (at most `limit`; settings batches, such as the sync worker's first check,
 * are left out): their durations and each step's times, slowest step first.
 */
export async function indexingTrace(meili: Meilisearch, sinceUid: number, limit: number): Promise<IndexingTrace> {
  const recent = (await batches(meili, limit)).filter((b) => b.uid > sinceUid && b.stats.types?.documentAdditionOrUpdate);
  const steps = new Map<string, number[]>();
  for (const b of recent)
    for (const [step, text] of Object.entries(b.stats.progressTrace ?? {})) {
      const list = steps.get(step) ?? [];
      list.push(traceMs(text));
      steps.set(step, list);
    }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return {
    batches: recent.length,
    durations: recent.map((b) => durationMs(b.duration)),
    steps: [...steps]
      .map(([step, times]) => ({ step: step.replace(/^processing tasks > /, ""), times }))
      .sort((a, b) => mean(b.times) - mean(a.times)),
  };
}
