import { setMaxListeners } from "node:events";
import http from "node:http";
import { Meilisearch, MeilisearchApiError, MeilisearchRequestError } from "meilisearch";
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
 * (docs/performance.md), and they travel over `node:http` instead of fetch (see loopbackHttp).
 */
export function createMeiliClient(
  host: string,
  apiKey: string | undefined,
  timeout = 10_000,
  // bench:match compares the two transports on loopback.
  loopbackTransport: "node:http" | "fetch" = "node:http",
): Meilisearch {
  const loopback = /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:|\/|$)/.test(host);
  return new Meilisearch({
    host,
    apiKey,
    timeout,
    ...(loopback
      ? {
          requestInit: { headers: { Connection: "close", "Accept-Encoding": "identity" } },
          ...(loopbackTransport === "node:http" ? { httpClient: loopbackHttp } : {}),
        }
      : {}),
  });
}

/**
 * The loopback transport: one `node:http` request on a new connection. fetch (undici) spends about twice the CPU of
 * this process on each request in its WHATWG layers (1,000 multi-searches on loopback, 07/12/2026: 1.1–1.9 → 0.5–0.6
 * ms of CPU and 1.7–2.0 → 1.25 ms per request; explained top 50 at 1,000,000 CVs: README, *Prestazioni*).
 *
 * meilisearch-js wraps whatever a custom transport throws in a `MeilisearchRequestError`: a refused connection or
 * the timeout (the library aborts `init.signal` with its own reason, given back as is) as with fetch, and an answer
 * that is not 2xx as the `MeilisearchApiError` fetch would have given, which `meiliAnswerError` finds again.
 *
 * The hook (`httpClient`) is marked deprecated in meilisearch-js 0.62, which may keep it with another contract. The
 * library is pinned in package.json, and test/integration/meili-transport.test.ts fails if an upgrade changes what
 * this relies on. Code that expects an answer (a document that is not there) reads it with `meiliAnswerError`.
 */
export async function loopbackHttp(input: string | URL | Request, init: RequestInit = {}): Promise<unknown> {
  const signal = init.signal ?? undefined;
  signal?.throwIfAborted();
  // waitForTask polls with one signal and meilisearch-js leaves one listener on it per poll (ours is removed):
  // the same allowance fetch gives itself, so that a long wait does not warn of a leak.
  if (signal) setMaxListeners(1500, signal);
  const body = init.body;
  // meilisearch-js serialises every body it sends (JSON, or the text given to addDocumentsFromString).
  if (body != null && typeof body !== "string") throw new TypeError("loopbackHttp: solo corpi di testo");
  const headers: Record<string, string> = {};
  new Headers(init.headers).forEach((value, name) => (headers[name] = value));
  if (body != null) headers["content-length"] = String(Buffer.byteLength(body));
  const url = input instanceof Request ? input.url : input;
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: init.method ?? "GET", headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("error", reject);
      res.on("end", () => {
        try {
          resolve(parsed(res.statusCode ?? 0, res.statusMessage ?? "", Buffer.concat(chunks).toString("utf8")));
        } catch (e) {
          reject(e);
        }
      });
    });
    const abort = () => {
      reject(signal!.reason);
      req.destroy();
    };
    signal?.addEventListener("abort", abort, { once: true });
    req.on("close", () => signal?.removeEventListener("abort", abort));
    req.on("error", reject);
    req.end(body ?? undefined);
  });
}

function parsed(status: number, statusText: string, text: string): unknown {
  const json: unknown = text === "" ? undefined : JSON.parse(text);
  if (status >= 200 && status < 300) return json;
  throw new MeilisearchApiError(new Response(null, { status, statusText }), json as never);
}

/** What Meilisearch answered when a request failed with an answer (not 2xx), whichever transport carried it. */
export function meiliAnswerError(e: unknown): MeilisearchApiError | undefined {
  if (e instanceof MeilisearchApiError) return e;
  if (e instanceof MeilisearchRequestError && e.cause instanceof MeilisearchApiError) return e.cause;
  return undefined;
}

/** Meilisearch could not be asked or did not answer in time (not: it answered with an error). */
export function isMeiliUnreachable(e: unknown): boolean {
  if (meiliAnswerError(e)) return false;
  const msg = `${(e as Error)?.name ?? ""} ${(e as Error)?.message ?? ""} ${String((e as { cause?: unknown })?.cause ?? "")}`;
  return /fetch failed|ECONNREFUSED|ECONNRESET|MeilisearchRequestError|timeout|timed out|MEILI_URL|socket/i.test(msg);
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
