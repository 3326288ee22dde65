import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import express from "express";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { invalidatePublicPages, PUBLIC_CACHE_CONTROL, publicPageCache, publicPageHits } from "../../server/public-cache";

const VACANCY = "/offerte/8bc0a22c-e162-4c91-ba6e-b8b4987688e2";
let renders = 0;
let server: Server;
let base: string;

/** A stand-in for the Remix handler: streams the page in chunks, slowly, and counts renders. */
beforeAll(async () => {
  const app = express();
  app.use(publicPageCache());
  app.get("/offerte", async (req, res) => {
    renders++;
    await new Promise((r) => setTimeout(r, 50));
    if (req.query.flash) res.setHeader("Set-Cookie", "rosa_flash=; Max-Age=0");
    res.status(200).type("text/html");
    res.write("<html>bacheca ");
    res.end(`n. ${renders}</html>`);
  });
  app.get("/offerte/:id", (_req, res) => {
    renders++;
    res.status(404).send("non trovata");
  });
  app.get("/operatore/candidati", (_req, res) => {
    renders++;
    res.send("privata");
  });
  server = app.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  invalidatePublicPages();
  renders = 0;
});

describe("public page cache", () => {
  it("anonymous board: rendered once for a burst, then served with ETag, public Cache-Control and Vary: Cookie; 304 on If-None-Match", async () => {
    const burst = await Promise.all(
      Array.from({ length: 20 }, () => fetch(`${base}/offerte`).then(async (r) => ({ status: r.status, body: await r.text() }))),
    );
    expect(renders).toBe(1);
    expect(new Set(burst.map((b) => b.body))).toEqual(new Set(["<html>bacheca n. 1</html>"]));
    const again = await fetch(`${base}/offerte`);
    expect(again.headers.get("cache-control")).toBe(PUBLIC_CACHE_CONTROL);
    expect(PUBLIC_CACHE_CONTROL).toMatch(/^public, max-age=\d+, stale-while-revalidate=\d+$/);
    expect(again.headers.get("vary")).toBe("Cookie");
    const etag = again.headers.get("etag");
    expect(etag).toMatch(/^".+"$/);
    const notModified = await fetch(`${base}/offerte`, { headers: { "If-None-Match": etag! } });
    expect(notModified.status).toBe(304);
    expect(renders).toBe(1);
  });

  it("never for a request with a cookie (session or flash), nor public headers on it", async () => {
    await fetch(`${base}/offerte`);
    const withSession = await fetch(`${base}/offerte`, { headers: { Cookie: "rosa_session=abc" } });
    expect(await withSession.text()).toBe("<html>bacheca n. 2</html>");
    expect(withSession.headers.get("cache-control")).toBeNull();
    expect(renders).toBe(2);
  });

  it("does not store responses that set a cookie, errors, or other paths", async () => {
    await fetch(`${base}/offerte?flash=1`);
    const second = await fetch(`${base}/offerte?flash=1`);
    expect(second.headers.get("cache-control")).toBeNull();
    await fetch(`${base}${VACANCY}`);
    expect((await fetch(`${base}${VACANCY}`)).status).toBe(404);
    await fetch(`${base}/operatore/candidati`);
    const priv = await fetch(`${base}/operatore/candidati`);
    expect(priv.headers.get("cache-control")).toBeNull();
    expect(renders).toBe(6);
  });

  it("a vacancy change (index synced) drops the cached pages", async () => {
    await fetch(`${base}/offerte`);
    await fetch(`${base}/offerte`);
    expect(renders).toBe(1);
    invalidatePublicPages();
    expect(await (await fetch(`${base}/offerte`)).text()).toBe("<html>bacheca n. 2</html>");
  });
});

describe("hits answered before the rest of the pipeline (publicPageHits)", () => {
  let hitServer: Server;
  let hitBase: string;
  let headerRuns = 0;
  beforeAll(async () => {
    const app = express();
    app.use((_req, res, next) => {
      res.setHeader("X-Request-Id", `req-${Math.random()}`);
      next();
    });
    app.use(publicPageHits());
    // Stands for the security headers: a per-response nonce, in the header and in the page.
    app.use((_req, res, next) => {
      headerRuns++;
      res.locals.nonce = `n${headerRuns}`;
      res.setHeader("Content-Security-Policy", `script-src 'nonce-${res.locals.nonce}'`);
      next();
    });
    app.use(publicPageCache());
    app.get("/offerte", (_req, res) => {
      res.type("text/html").send(`<script nonce="${res.locals.nonce}"></script>`);
    });
    hitServer = app.listen(0, "127.0.0.1");
    await new Promise((r) => hitServer.once("listening", r));
    hitBase = `http://127.0.0.1:${(hitServer.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => hitServer.close(() => r())));

  it("replays the stored page with the headers it was sent with, its own request id, and skips what follows", async () => {
    invalidatePublicPages();
    headerRuns = 0;
    const miss = await fetch(`${hitBase}/offerte`);
    const page = await miss.text();
    const hit = await fetch(`${hitBase}/offerte`);
    expect(hit.headers.get("x-rosa-cache")).toBe("HIT");
    expect(await hit.text()).toBe(page);
    expect(hit.headers.get("content-security-policy")).toBe(miss.headers.get("content-security-policy"));
    expect(page).toContain(`nonce="n1"`);
    expect(hit.headers.get("x-request-id")).not.toBe(miss.headers.get("x-request-id"));
    expect(headerRuns).toBe(1);
  });
});
