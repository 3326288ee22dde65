import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, inject, it } from "vitest";
import { MeilisearchRequestError, MeilisearchRequestTimeOutError } from "meilisearch";
import { freePort } from "../../server/embedded-services";
import { createMeiliClient, isMeiliUnreachable, meiliAnswerError } from "../../search/client.server";

/**
 * The loopback transport (node:http instead of fetch) keeps what the rest of Rosa relies on: Meilisearch's own
 * errors stay its answers, a server that is down or silent is "unreachable", and requests carry the right headers
 * and bytes. Real Meilisearch for the answers; a bare socket server for what Meilisearch cannot be made to do.
 */
const meili = () => createMeiliClient(inject("meiliUrl"), inject("meiliKey"));
const servers: http.Server[] = [];

async function listen(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterAll(() => {
  for (const s of servers) s.closeAllConnections();
  return Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

describe("Meilisearch over the loopback transport", () => {
  it("gives back Meilisearch's error answers with their code, not as an outage", async () => {
    const uid = `transport_${Date.now()}`;
    await meili().createIndex(uid, { primaryKey: "id" }).waitTask();
    const missing = await meili()
      .index(uid)
      .getDocument("nessuno")
      .catch((e: unknown) => e);
    expect(meiliAnswerError(missing)?.cause?.code).toBe("document_not_found");
    expect(meiliAnswerError(missing)?.response.status).toBe(404);
    expect(isMeiliUnreachable(missing)).toBe(false);

    const badFilter = await meili()
      .index(uid)
      .search("", { filter: "nonFiltrabile = 1" })
      .catch((e: unknown) => e);
    expect(meiliAnswerError(badFilter)?.cause?.code).toBe("invalid_search_filter");
    expect(isMeiliUnreachable(badFilter)).toBe(false);
    await meili().deleteIndex(uid).waitTask();
  });

  it("carries text in any script both ways, whatever the chunking of the answer", async () => {
    const uid = `transport_text_${Date.now()}`;
    const notes = `Perché più città: àèìòù «ß» 中文 ${"€".repeat(40_000)}`;
    await meili()
      .index(uid)
      .addDocuments([{ id: "1", notes }], { primaryKey: "id" })
      .waitTask();
    expect(await meili().index(uid).getDocument("1")).toEqual({ id: "1", notes });
    await meili().deleteIndex(uid).waitTask();
  });

  it("reports a stopped Meilisearch as unreachable", async () => {
    const down = createMeiliClient(`http://127.0.0.1:${await freePort()}`, "key");
    const e = await down.health().catch((err: unknown) => err);
    expect(e).toBeInstanceOf(MeilisearchRequestError);
    expect(meiliAnswerError(e)).toBeUndefined();
    expect(isMeiliUnreachable(e)).toBe(true);
  });

  it("gives up on a silent server after the timeout and reports it as unreachable", async () => {
    const silent = await listen(() => {});
    const started = performance.now();
    const e = await createMeiliClient(silent, "key", 300)
      .health()
      .catch((err: unknown) => err);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(e).toBeInstanceOf(MeilisearchRequestError);
    expect((e as Error).cause).toBeInstanceOf(MeilisearchRequestTimeOutError);
    expect(isMeiliUnreachable(e)).toBe(true);
  });

  it("sends the key, the JSON body and a closing, uncompressed connection", async () => {
    let seen: { method?: string; headers: http.IncomingHttpHeaders; body: string } | undefined;
    const echo = await listen((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        seen = { method: req.method, headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify({ results: [] }));
      });
    });
    await createMeiliClient(echo, "chiave-di-prova").multiSearch({ queries: [{ indexUid: "x", q: "saldatore è" }] });
    expect(seen?.method).toBe("POST");
    expect(seen?.headers).toMatchObject({
      authorization: "Bearer chiave-di-prova",
      "content-type": "application/json",
      connection: "close",
      "accept-encoding": "identity",
    });
    expect(JSON.parse(seen!.body)).toEqual({ queries: [{ indexUid: "x", q: "saldatore è" }] });
    expect(Number(seen?.headers["content-length"])).toBe(Buffer.byteLength(seen!.body));
  });
});
