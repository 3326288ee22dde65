import { expect, test } from "./fixtures";

/**
 * What a search engine, a feed reader and a phone on a slow network get from the public pages: robots.txt, the
 * sitemap (absolute addresses, only open published vacancies), the RSS alternate link, the home description, the
 * favicon, compressed text and long-cached fingerprinted assets, and no zod in the public pages' scripts.
 */

test("robots.txt names the sitemap; the sitemap lists the public pages and the open published vacancies only", async ({ request }) => {
  const robots = await request.get("/robots.txt");
  expect(robots.status()).toBe(200);
  const text = await robots.text();
  expect(text).toContain("User-agent: *");
  expect(text).toMatch(/^Disallow: \/operatore$/m);
  expect(text).toMatch(/^Sitemap: http:\/\/(localhost|127\.0\.0\.1):\d+\/sitemap\.xml$/m);

  const sitemap = await request.get("/sitemap.xml");
  expect(sitemap.status()).toBe(200);
  expect(sitemap.headers()["content-type"]).toContain("application/xml");
  const xml = await sitemap.text();
  const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
  expect(locs.every((l) => /^http:\/\/(localhost|127\.0\.0\.1):\d+\//.test(l))).toBe(true);
  const paths = locs.map((l) => new URL(l).pathname);
  expect(paths).toEqual(expect.arrayContaining(["/", "/offerte", "/informazioni"]));
  expect(paths.some((p) => p.startsWith("/informazioni/"))).toBe(true);
  // Only vacancies of the public feed (live and public), and each of them opens.
  const vacancies = paths.filter((p) => /^\/offerte\/[0-9a-f-]{36}$/.test(p));
  expect(vacancies.length).toBeGreaterThan(0);
  const feed = (await (await request.get("/api/offerte")).json()) as { items: { id: string }[] };
  const published = new Set(feed.items.map((i) => i.id));
  expect(vacancies.filter((p) => !published.has(p.slice("/offerte/".length)))).toEqual([]);
  for (const p of vacancies.slice(0, 3)) expect((await request.get(p)).status()).toBe(200);
  expect(paths.some((p) => /^\/(operatore|azienda|admin|candidato)/.test(p))).toBe(false);
});

test("the home page has a description, a favicon and the RSS alternate link; text is compressed and assets are cached", async ({
  page,
  request,
}) => {
  await page.goto("/");
  await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /Centri per l'Impiego/);
  const rss = page.locator('link[rel="alternate"][type="application/rss+xml"]');
  await expect(rss).toHaveAttribute("href", "/offerte/rss");
  expect((await request.get((await rss.getAttribute("href"))!)).status()).toBe(200);
  const icon = await page.locator('link[rel="icon"]').getAttribute("href");
  expect((await request.get(icon!)).headers()["content-type"]).toContain("image/svg+xml");
  expect((await request.get("/favicon.ico", { maxRedirects: 0 })).status()).toBe(301);

  for (const path of ["/", "/offerte"]) {
    const response = await request.get(path, { headers: { "Accept-Encoding": "gzip, br" } });
    expect(response.headers()["content-encoding"], path).toMatch(/^(br|gzip)$/);
    expect(response.headers()["vary"], path).toContain("Accept-Encoding");
  }
  const stylesheets = await page.locator('link[rel="stylesheet"]').evaluateAll((ls) => ls.map((l) => l.getAttribute("href")!));
  expect(stylesheets.length).toBeGreaterThan(1);
  for (const href of stylesheets) {
    expect(href).toMatch(/^\/build\/_assets\/.+-[A-Z0-9]{8}\.css$/);
    const css = await request.get(href, { headers: { "Accept-Encoding": "gzip, br" } });
    expect(css.headers()["content-encoding"]).toMatch(/^(br|gzip)$/);
    expect(css.headers()["cache-control"]).toContain("immutable");
  }
});

test("public pages load no zod and little script", async ({ page, request }) => {
  const board = await request.get("/api/offerte");
  const vacancyId = ((await board.json()) as { items: { id: string }[] }).items[0]!.id;
  for (const path of ["/", "/offerte", `/offerte/${vacancyId}`, "/informazioni", "/accedi", "/registrazione"]) {
    const scripts: Promise<number>[] = [];
    const zod: string[] = [];
    const listener = (response: import("@playwright/test").Response) => {
      if (response.request().resourceType() !== "script") return;
      scripts.push(
        response.body().then((body) => {
          // Strings of zod's own code that survive minification.
          if (/invalid_type|ZodError|\$ZodType/.test(body.toString("utf8"))) zod.push(response.url());
          return body.length;
        }),
      );
    };
    page.on("response", listener);
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    page.off("response", listener);
    const bytes = (await Promise.all(scripts)).reduce((a, b) => a + b, 0);
    expect(zod, `${path}: script con zod`).toEqual([]);
    // React, Remix and the page: ~300 KB before compression (zod alone would add ~450 KB).
    expect(bytes, `${path}: byte di script`).toBeLessThan(350_000);
  }
});
