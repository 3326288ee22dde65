import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import http from "node:http";
import zlib from "node:zlib";
import compression from "compression";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildRobotsTxt, buildSitemap } from "~/domain/site/sitemap";
import { invalidatePublicPages, publicPageCache } from "../../server/public-cache";

describe("robots.txt and sitemap", () => {
  it("robots.txt keeps crawlers out of the reserved areas, lets them read the feeds and names the absolute sitemap", () => {
    const robots = buildRobotsTxt("https://rosa.example.it");
    expect(robots).toMatch(/^User-agent: \*$/m);
    for (const area of ["/operatore", "/azienda", "/admin", "/candidato", "/accedi"]) expect(robots).toContain(`Disallow: ${area}\n`);
    expect(robots).toContain("Allow: /api/offerte\n");
    expect(robots).toMatch(/^Sitemap: https:\/\/rosa\.example\.it\/sitemap\.xml$/m);
  });

  it("the sitemap has absolute, escaped addresses and the day of the last change", () => {
    const xml = buildSitemap(
      [
        { path: "/" },
        { path: "/offerte/0b6f3c1e-0000-4000-8000-000000000001", lastModified: new Date("2026-12-01T23:30:00Z") },
        { path: "/informazioni/a&b" },
      ],
      "https://rosa.example.it",
    );
    expect(xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(xml).toContain("<loc>https://rosa.example.it/</loc>");
    expect(xml).toContain(
      "<loc>https://rosa.example.it/offerte/0b6f3c1e-0000-4000-8000-000000000001</loc>\n    <lastmod>2026-12-01</lastmod>",
    );
    expect(xml).toContain("<loc>https://rosa.example.it/informazioni/a&amp;b</loc>");
  });
});

/** The board behind compression, as in server/app.ts: cached once, replayed compressed as each client asks. */
describe("compression in front of the public page cache", () => {
  let server: Server;
  let port: number;
  const page = `<!DOCTYPE html><html>${"<p>Offerta di lavoro a Milano</p>".repeat(200)}</html>`;
  beforeAll(async () => {
    invalidatePublicPages();
    const app = express();
    app.use(compression({ threshold: 1024 }));
    app.use(publicPageCache());
    app.get("/offerte", (_req, res) => {
      res.status(200).type("text/html");
      res.write(page.slice(0, 1000));
      res.end(page.slice(1000));
    });
    server = app.listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  /** A raw request (fetch would decode the body itself). */
  const get = (acceptEncoding: string | null) =>
    new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const req = http.get(
        { host: "127.0.0.1", port, path: "/offerte", headers: acceptEncoding ? { "Accept-Encoding": acceptEncoding } : {} },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        },
      );
      req.on("error", reject);
    });

  it("miss and hits: gzip, Brotli or plain, always the same page", async () => {
    const miss = await get("gzip");
    expect(miss.headers["x-rosa-cache"]).toBe("MISS");
    expect(miss.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(miss.body).toString()).toBe(page);

    const br = await get("br");
    expect(br.headers["x-rosa-cache"]).toBe("HIT");
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers["vary"]).toMatch(/Cookie/);
    expect(br.headers["vary"]).toMatch(/Accept-Encoding/);
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(page);

    const browser = await get("gzip, deflate, br");
    expect(browser.headers["x-rosa-cache"]).toBe("HIT");
    expect(browser.headers["content-encoding"]).toBe("br");
    expect(zlib.brotliDecompressSync(browser.body).toString()).toBe(page);

    const gzipOnly = await get("gzip");
    expect(gzipOnly.headers["content-encoding"]).toBe("gzip");
    expect(gzipOnly.headers["etag"]).not.toBe(browser.headers["etag"]);
    expect(zlib.gunzipSync(gzipOnly.body).toString()).toBe(page);

    const plain = await get(null);
    expect(plain.headers["x-rosa-cache"]).toBe("HIT");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe(page);
    expect(plain.body.length).toBeGreaterThan(br.body.length * 5);
  });
});
