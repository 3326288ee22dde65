import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admissionControl } from "../../server/admission";

// A real Express server: at most 2 requests inside the handler, the rest in arrival order.
let base: string;
let inside = 0;
let most = 0;
const started: string[] = [];
let server: ReturnType<ReturnType<typeof express>["listen"]>;

beforeAll(async () => {
  const app = express();
  app.use(admissionControl(2));
  app.get("/slow/:n", async (req, res) => {
    inside++;
    most = Math.max(most, inside);
    started.push(req.params.n);
    await new Promise((r) => setTimeout(r, 60));
    inside--;
    res.send(req.params.n);
  });
  await new Promise<void>((resolve) => (server = app.listen(0, "127.0.0.1", () => resolve())));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("admission control", () => {
  it("lets at most `limit` requests in at once, the others in arrival order, and skips clients that left", async () => {
    const get = (n: number, signal?: AbortSignal) => fetch(`${base}/slow/${n}`, { signal }).then((r) => r.text());
    const first = [get(1), get(2)];
    await new Promise((r) => setTimeout(r, 10));
    const gone = new AbortController();
    const leaving = get(3, gone.signal).catch(() => "aborted");
    await new Promise((r) => setTimeout(r, 10));
    const rest = [get(4), get(5)];
    gone.abort();
    expect(await Promise.all([...first, leaving, ...rest])).toEqual(["1", "2", "aborted", "4", "5"]);
    expect(most).toBe(2);
    expect(started).toEqual(["1", "2", "4", "5"]);
  });
});

describe("admission control under overload", () => {
  let shedBase: string;
  let shedServer: ReturnType<ReturnType<typeof express>["listen"]>;
  beforeAll(async () => {
    const app = express();
    app.use(admissionControl(1, { maxWaitMs: 100 }));
    app.get(["/slow", "/api/slow"], async (_req, res) => {
      await new Promise((r) => setTimeout(r, 150));
      res.send("ok");
    });
    await new Promise<void>((resolve) => (shedServer = app.listen(0, "127.0.0.1", () => resolve())));
    shedBase = `http://127.0.0.1:${(shedServer.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => shedServer.close(() => resolve())));

  it("a request that waited longer than the bound gets a 503 in Italian with Retry-After, not a late page", async () => {
    const first = fetch(`${shedBase}/slow`);
    await new Promise((r) => setTimeout(r, 10));
    const second = await fetch(`${shedBase}/slow`, { headers: { Accept: "text/html" } });
    expect((await first).status).toBe(200);
    expect(second.status).toBe(503);
    expect(second.headers.get("retry-after")).toBe("5");
    expect(second.headers.get("cache-control")).toBe("no-store");
    const page = await second.text();
    expect(page).toContain('<html lang="it">');
    expect(page).toContain("<h1>Servizio momentaneamente sovraccarico</h1>");
  });

  it("once requests are known to take longer than the bound, a queued one is refused at once (JSON for the API)", async () => {
    const first = fetch(`${shedBase}/slow`);
    await new Promise((r) => setTimeout(r, 10));
    const startedAt = performance.now();
    const refused = await fetch(`${shedBase}/api/slow`);
    expect(performance.now() - startedAt).toBeLessThan(100);
    expect(refused.status).toBe(503);
    expect(((await refused.json()) as { error: string }).error).toMatch(/^Il servizio è momentaneamente sovraccarico/);
    expect((await first).status).toBe(200);
    expect(await (await fetch(`${shedBase}/slow`)).text()).toBe("ok");
  });
});
