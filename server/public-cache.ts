import crypto from "node:crypto";
import zlib from "node:zlib";
import type { NextFunction, Request, RequestHandler, Response } from "express";

/**
 * Short in-process cache of the public job board pages, for anonymous visitors only.
 *
 * The board and the vacancy pages are the same for every anonymous visitor and are what search engines,
 * aggregators and link previews hit in bursts; rendering them is most of their cost (the React render
 * took more than half of a board request under load). A response is cached when:
 *  - the request is a GET with no Cookie header at all (no session, no flash message: a page that
 *    depends on who you are is never stored nor served from here);
 *  - the path is one of PUBLIC_PATHS, the status is 200 and the response sets no cookie.
 * Fresh for FRESH_MS; for STALE_MS more, one request re-renders while the others get the stale copy (no
 * stampede when 200 connections arrive as an entry expires). Vacancy changes clear the cache once the
 * search index has applied them (`invalidatePublicPages`, called by the sync worker), so the board
 * never re-caches the old state; other instances behind the same proxy rely on the TTL.
 *
 * Browsers and proxies get `Cache-Control: public, max-age=…, stale-while-revalidate=…`, `Vary: Cookie`
 * and a strong ETag (If-None-Match → 304). Pages with a session keep the default (no public caching).
 * Headers are stored with the body, so a per-response header tied to the body (e.g. a CSP nonce) is
 * replayed with the very body it belongs to. The body is stored uncompressed (this middleware sits after the
 * compression one in server/app.ts); its gzip and Brotli forms are made once per entry, at the first hit that asks
 * for them, so a replay costs no compression (each has an ETag of its own).
 *
 * Hits are answered by `publicPageHits`, mounted right after the request log in server/app.ts: a stored page
 * already carries the security headers (and CSP nonce) of the response it was taken from, so a hit needs none of
 * the middleware in between (docs/performance.md).
 */
const PUBLIC_PATHS = [/^\/offerte\/?$/, /^\/offerte\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/?$/i];
const FRESH_MS = 10_000;
const STALE_MS = 50_000;
const MAX_ENTRIES = 500;
const MAX_BODY_BYTES = 1_048_576;
export const PUBLIC_CACHE_CONTROL = `public, max-age=${FRESH_MS / 1000}, stale-while-revalidate=${STALE_MS / 1000}`;
/** Per-response headers that are not part of the cached representation. */
const SKIP_HEADERS = new Set([
  "date",
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
  "etag",
  "cache-control",
  "vary",
  "content-encoding",
  // This request's own id (request log), not the one of the request the page was taken from.
  "x-request-id",
  "x-rosa-cache",
]);
/** Below this size a response is sent as it is: here and in the compression middleware (server/app.ts). */
export const COMPRESS_MIN_BYTES = 1024;
type Encoding = "br" | "gzip";

interface Entry {
  status: number;
  headers: [string, string | string[]][];
  body: Buffer;
  etag: string;
  storedAt: number;
  refreshing: boolean;
  /** The body compressed, made at the first hit that asks for each encoding. */
  encoded: Partial<Record<Encoding, Buffer>>;
}

const cache = new Map<string, Entry>();
let generation = 0;

/** Drops every cached page (a vacancy changed). */
export function invalidatePublicPages(): void {
  cache.clear();
  generation++;
}

export function isCacheableRequest(req: Pick<Request, "method" | "path" | "headers">): boolean {
  return req.method === "GET" && !req.headers.cookie && !req.headers.authorization && PUBLIC_PATHS.some((p) => p.test(req.path));
}

function encode(e: Entry, encoding: Encoding): Buffer {
  return (e.encoded[encoding] ??=
    encoding === "br"
      ? zlib.brotliCompressSync(e.body, {
          params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 6, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: e.body.length },
        })
      : zlib.gzipSync(e.body, { level: 6 }));
}

function send(req: Request, res: Response, e: Entry, state: "HIT" | "STALE") {
  const compressible = e.body.length >= COMPRESS_MIN_BYTES;
  // Brotli whenever the client takes it (as the compression middleware prefers it), else gzip, else as it is.
  const acceptEncoding = compressible ? req.headers["accept-encoding"] : undefined;
  const encoding: Encoding | undefined = !acceptEncoding
    ? undefined
    : req.acceptsEncodings("br") === "br"
      ? "br"
      : req.acceptsEncodings("gzip") === "gzip"
        ? "gzip"
        : undefined;
  const etag = encoding ? `${e.etag.slice(0, -1)}-${encoding}"` : e.etag;
  res.status(e.status);
  for (const [name, value] of e.headers) res.setHeader(name, value);
  res.setHeader("Cache-Control", PUBLIC_CACHE_CONTROL);
  res.setHeader("Vary", compressible ? "Cookie, Accept-Encoding" : "Cookie");
  res.setHeader("ETag", etag);
  res.setHeader("X-Rosa-Cache", state);
  if (req.headers["if-none-match"] === etag) {
    res.status(304).end();
    return;
  }
  const body = encoding ? encode(e, encoding) : e.body;
  if (encoding) res.setHeader("Content-Encoding", encoding);
  res.setHeader("Content-Length", body.length);
  res.end(body);
}

/** A stored page this request may get now: fresh, or stale while another request renders its successor. */
function servable(key: string): { entry: Entry; state: "HIT" | "STALE" } | undefined {
  const hit = cache.get(key);
  if (!hit) return undefined;
  const age = Date.now() - hit.storedAt;
  if (age < FRESH_MS) return { entry: hit, state: "HIT" };
  if (age < FRESH_MS + STALE_MS && hit.refreshing) return { entry: hit, state: "STALE" };
  return undefined;
}

/**
 * Answers the requests the cache can answer at once, before the security headers, compression, static files, origin
 * checks and rate limits of server/app.ts: the stored page carries its own headers. Everything else goes on to
 * `publicPageCache`, which renders, coalesces and stores.
 */
export function publicPageHits(): RequestHandler {
  return function publicPageHitsMiddleware(req, res, next) {
    if (!isCacheableRequest(req)) return next();
    const found = servable(req.originalUrl);
    if (!found) return next();
    send(req, res, found.entry, found.state);
  };
}

/** Renders in flight per key: concurrent cold requests wait for the first one instead of all rendering. */
const inflight = new Map<string, Promise<void>>();
// Longer than a client waits: under heavy load a render may take seconds, and giving up early would
// start the very stampede this prevents. If the first render is not cacheable, the waiters render.
const COALESCE_WAIT_MS = 30_000;

export function publicPageCache() {
  return function publicPageCacheMiddleware(req: Request, res: Response, next: NextFunction) {
    if (!isCacheableRequest(req)) return next();
    const key = req.originalUrl;
    const serve = (waited: boolean) => {
      const found = servable(key);
      if (found) return send(req, res, found.entry, found.state);
      const hit = cache.get(key);
      const pending = inflight.get(key);
      if (pending && !waited) {
        const timeout = new Promise<void>((r) => setTimeout(r, COALESCE_WAIT_MS).unref());
        void Promise.race([pending, timeout]).then(() => serve(true));
        return;
      }
      if (hit) hit.refreshing = true;
      let done!: () => void;
      if (!pending) inflight.set(key, new Promise<void>((r) => (done = r)));
      res.once("close", () => {
        if (!pending) {
          inflight.delete(key);
          done();
        }
      });
      capture(req, res, key, hit);
      next();
    };
    serve(false);
  };
}

/** Lets the response through to the client while keeping a copy of it for the cache. */
function capture(req: Request, res: Response, key: string, previous: Entry | undefined) {
  const startedGeneration = generation;
  const chunks: Buffer[] = [];
  let size = 0;
  let tooBig = false;
  const write = res.write.bind(res) as (...a: unknown[]) => boolean;
  const end = res.end.bind(res) as (...a: unknown[]) => Response;
  const keep = (chunk: unknown, encoding?: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === "function" || tooBig) return;
    const buf = Buffer.isBuffer(chunk)
      ? chunk
      : typeof chunk === "string"
        ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8")
        : Buffer.from(chunk as Uint8Array);
    size += buf.length;
    if (size > MAX_BODY_BYTES) tooBig = true;
    else chunks.push(buf);
  };
  // Headers go out with the first byte: decide then whether this response is public.
  let decided = false;
  let cacheable = false;
  const decide = () => {
    if (decided) return;
    decided = true;
    cacheable = res.statusCode === 200 && !res.getHeader("set-cookie") && !res.getHeader("cache-control");
    if (cacheable && !res.headersSent) {
      res.setHeader("Cache-Control", PUBLIC_CACHE_CONTROL);
      res.setHeader("Vary", "Cookie");
      res.setHeader("X-Rosa-Cache", "MISS");
    }
  };
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    decide();
    if (cacheable) keep(chunk, rest[0]);
    return write(chunk, ...rest);
  }) as typeof res.write;
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    decide();
    if (cacheable) keep(chunk, rest[0]);
    const done = end(chunk, ...rest);
    if (previous) previous.refreshing = false;
    if (cacheable && !tooBig && startedGeneration === generation) {
      const body = Buffer.concat(chunks);
      const headers = Object.entries(res.getHeaders())
        .filter(([name, value]) => value !== undefined && !SKIP_HEADERS.has(name.toLowerCase()))
        .map(([name, value]) => [name, Array.isArray(value) ? value : String(value)] as [string, string | string[]]);
      if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
      cache.set(key, {
        status: 200,
        headers,
        body,
        etag: `"${crypto.createHash("sha1").update(body).digest("base64url")}"`,
        storedAt: Date.now(),
        refreshing: false,
        encoded: {},
      });
    }
    return done;
  }) as typeof res.end;
  // A request that ends in an error must not keep the entry marked as refreshing forever.
  res.once("close", () => {
    if (previous) previous.refreshing = false;
  });
  void req;
}
