import { Meilisearch } from "meilisearch";
import { getEnv } from "~/utils/env.server";

// Shared through globalThis: the Remix build and the Express server hold separate module instances (stack-spike P11).
const holder = globalThis as unknown as { __rosaMeili?: { key: string; client: Meilisearch } };

/** Lazy: the server sets MEILI_URL only after starting the embedded Meilisearch. */
export function getMeili(): Meilisearch {
  const env = getEnv();
  if (!env.MEILI_URL) throw new Error("MEILI_URL non impostato: il server non ha avviato Meilisearch");
  const key = `${env.MEILI_URL}|${env.MEILI_MASTER_KEY ?? ""}`;
  if (!holder.__rosaMeili || holder.__rosaMeili.key !== key) {
    holder.__rosaMeili = { key, client: new Meilisearch({ host: env.MEILI_URL, apiKey: env.MEILI_MASTER_KEY, timeout: 10_000 }) };
  }
  return holder.__rosaMeili.client;
}

/** The real uid of a logical index (e.g. "candidates" → "rosa_candidates"). */
export function indexUid(name: string): string {
  return `${getEnv().MEILI_INDEX_PREFIX}${name}`;
}
