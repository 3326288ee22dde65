import http from "node:http";
import type { AddressInfo } from "node:net";
import type { ServerBuild } from "@remix-run/node";
import { getDb } from "~/db/db.server";
import { createApp } from "../../server/app";

export interface TestRoute {
  /** The route id, as the Remix compiler names it (`routes/candidato._index`). */
  id: string;
  /** The URL path without the leading slash (`operatore/candidati/:candidateId`). */
  path: string;
  index?: boolean;
  module: Record<string, unknown>;
}

/**
 * A real HTTP server for tests that need one (event-loop stalls, streamed bodies, connections): the portal's Express
 * app (`server/app.ts`) and Remix's request handler over a server build made of the given route modules. Only the
 * HTML rendering is replaced: a document request answers with the action's (or loaders') data as JSON, so a test reads
 * the same `{ errors, values }` the page would show. `/healthz` runs a query on the real database, as in production.
 */
export async function startHttpApp(routes: TestRoute[]): Promise<{ origin: string; port: number; close(): Promise<void> }> {
  const build: ServerBuild = {
    mode: "production",
    entry: {
      module: {
        default: (_request, status, headers, context) => {
          // The data of the route that answered (the action's, or the deepest loader's).
          const { actionData, loaderData } = context.staticHandlerContext;
          const data = actionData ? Object.values(actionData)[0] : Object.values(loaderData).at(-1);
          headers.set("Content-Type", "application/json; charset=utf-8");
          return new Response(JSON.stringify(data ?? null), { status, headers });
        },
      },
    },
    routes: {
      root: { id: "root", path: "", module: { default: () => null } } as ServerBuild["routes"][string],
      ...Object.fromEntries(
        routes.map((r) => [
          r.id,
          {
            id: r.id,
            parentId: "root",
            path: r.path,
            index: r.index,
            caseSensitive: false,
            module: r.module,
          } as unknown as ServerBuild["routes"][string],
        ]),
      ),
    },
    assets: {
      entry: { module: "/build/entry.client.js", imports: [] },
      routes: {},
      url: "/build/manifest.js",
      version: "test",
    } as unknown as ServerBuild["assets"],
    publicPath: "/build/",
    assetsBuildDirectory: "public/build",
    future: {
      v3_fetcherPersist: true,
      v3_relativeSplatPath: true,
      v3_throwAbortReason: true,
      v3_lazyRouteDiscovery: true,
      v3_singleFetch: true,
    } as ServerBuild["future"],
    isSpaMode: false,
  };
  const app = createApp({
    getBuild: async () => build,
    mode: "production",
    health: async () => {
      const database = await getDb()
        .selectNoFrom((eb) => eb.val(1).as("one"))
        .execute()
        .then(
          () => true,
          () => false,
        );
      return { ok: database, database, search: true };
    },
  });
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface RawResponse {
  status: number;
  body: string;
  /** Milliseconds from the first byte sent to the response headers. */
  respondedAfterMs: number;
  /** Bytes of the body the client managed to hand to the connection before it ended. */
  bytesSent: number;
  /** The client could not send the whole body: the server closed the connection. */
  cutOff: boolean;
}

/**
 * A POST over node:http that streams `totalBytes` of body (head, then filler, then tail), chunked unless
 * `contentLength` is given, and resolves once the response is read (or the connection is closed), so a test can see
 * how much of a large body the server accepted and when it answered.
 */
export function rawPost(
  url: string,
  opts: { headers: Record<string, string>; head: Uint8Array; fillerBytes: number; tail?: Uint8Array; contentLength?: boolean },
): Promise<RawResponse> {
  const tail = opts.tail ?? new Uint8Array();
  const total = opts.head.length + opts.fillerBytes + tail.length;
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.contentLength) headers["Content-Length"] = String(total);
  else headers["Transfer-Encoding"] = "chunked";
  const startedAt = performance.now();
  return new Promise((resolve, reject) => {
    let bytesSent = 0;
    let response: { status: number; chunks: Buffer[]; at: number } | null = null;
    const req = http.request(url, { method: "POST", headers, agent: false });
    req.on("response", (res) => {
      const r = (response = { status: res.statusCode ?? 0, chunks: [] as Buffer[], at: performance.now() - startedAt });
      res.on("data", (c: Buffer) => r.chunks.push(c));
      res.on("error", () => undefined);
    });
    // An EPIPE or reset once the server has answered is the point of some tests: 'close' reports it.
    req.on("error", () => undefined);
    req.on("close", () => {
      if (!response) return reject(new Error(`connection ended without a response (sent ${bytesSent} of ${total} bytes)`));
      resolve({
        status: response.status,
        body: Buffer.concat(response.chunks).toString("utf8"),
        respondedAfterMs: response.at,
        bytesSent,
        cutOff: bytesSent < total,
      });
    });
    const filler = Buffer.alloc(65_536, 0x41);
    let fillerLeft = opts.fillerBytes;
    const send = (chunk: Uint8Array) => {
      bytesSent += chunk.length;
      return req.write(chunk);
    };
    send(opts.head);
    const pump = () => {
      while (fillerLeft > 0) {
        if (req.destroyed) return;
        const n = Math.min(fillerLeft, filler.length);
        fillerLeft -= n;
        if (!send(n === filler.length ? filler : filler.subarray(0, n))) return void req.once("drain", pump);
      }
      if (req.destroyed) return;
      send(tail);
      req.end();
    };
    pump();
  });
}
