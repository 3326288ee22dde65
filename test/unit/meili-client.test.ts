import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMeiliClient } from "../../search/client.server";

// A stand-in HTTP server on loopback that records what the client sends (the engine itself is not needed here).
let server: http.Server;
let port: number;
const seen: http.IncomingHttpHeaders[] = [];
beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push(req.headers);
    res.setHeader("Content-Type", "application/json");
    res.end(JSON.stringify({ status: "available" }));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("Meilisearch client on loopback", () => {
  it("asks for uncompressed answers on a fresh connection each time (no gzip over a local socket, no Nagle delay)", async () => {
    const client = createMeiliClient(`http://127.0.0.1:${port}`, "chiave-di-prova-lunga-16");
    expect((await client.health()).status).toBe("available");
    expect(seen.at(-1)?.["accept-encoding"]).toBe("identity");
    expect(seen.at(-1)?.connection).toBe("close");
  });
});
