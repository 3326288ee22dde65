import { Meilisearch } from "meilisearch";
import { getEnv } from "~/utils/env.server";

// Shared through globalThis: the Remix build and the Express server hold separate module instances (docs/engineering-notes.md#p11).
const holder = globalThis as unknown as { __rosaMeili?: { key: string; client: Meilisearch } };

/**
 * A client for one Meilisearch. On a loopback host (the embedded server) every
 * request closes its connection: Meilisearch writes a response's headers and
 * body separately without TCP_NODELAY, so on a kept-alive connection Nagle's
 * algorithm and the client's delayed ACK add ~40 ms to every answer larger
 * than one segment (measured: 44 ms → 5 ms). A new loopback connection costs
 * ~0.1 ms. Remote servers (TLS, proxies) keep their connections.
 *
 * On loopback the answers also come uncompressed (`Accept-Encoding: identity`; fetch asks for gzip by default):
 * over a local socket compressing them costs Meilisearch and then this process CPU and saves nothing
 * (docs/performance.md). Remote servers keep compression.
 */
export function createMeiliClient(host: string, apiKey: string | undefined, timeout = 10_000): Meilisearch {
  const loopback = /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:|\/|$)/.test(host);
  return new Meilisearch({
    host,
    apiKey,
    timeout,
    ...(loopback ? { requestInit: { headers: { Connection: "close", "Accept-Encoding": "identity" } } } : {}),
  });
}

/** Lazy: the server sets MEILI_URL only after starting the embedded Meilisearch. */
export function getMeili(): Meilisearch {
  const env = getEnv();
  if (!env.MEILI_URL) throw new Error("MEILI_URL non impostato: il server non ha avviato Meilisearch");
  const key = `${env.MEILI_URL}|${env.MEILI_MASTER_KEY ?? ""}`;
  if (!holder.__rosaMeili || holder.__rosaMeili.key !== key) {
    holder.__rosaMeili = { key, client: createMeiliClient(env.MEILI_URL, env.MEILI_MASTER_KEY) };
  }
  return holder.__rosaMeili.client;
}

/** The real uid of a logical index (e.g. "candidates" → "rosa_candidates"). */
export function indexUid(name: string): string {
  return `${getEnv().MEILI_INDEX_PREFIX}${name}`;
}
