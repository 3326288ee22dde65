import { test as plain } from "@playwright/test";
import { expect, test } from "./fixtures";

/** The nonce named in the CSP header, and the nonces of the page's executable scripts. */
async function nonces(response: { headers(): Record<string, string>; text(): Promise<string> }) {
  const csp = response.headers()["content-security-policy"] ?? "";
  const header = /'nonce-([^']+)'/.exec(csp)?.[1];
  const html = await response.text();
  const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]).filter((attrs) => !/type="application\/ld\+json"/.test(attrs));
  return { csp, header, scripts: scripts.map((attrs) => /\bnonce="([^"]*)"/.exec(attrs)?.[1] ?? null) };
}

test("every HTML page carries a strict CSP whose per-request nonce is on each of its scripts", async ({ request }) => {
  const first = await nonces(await request.get("/"));
  const second = await nonces(await request.get("/"));
  expect(first.header).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  expect(second.header).not.toBe(first.header);
  expect(first.scripts.length).toBeGreaterThan(1);
  expect(first.scripts.every((n) => n === first.header)).toBe(true);
  expect(second.scripts.every((n) => n === second.header)).toBe(true);
  for (const directive of [
    "default-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "img-src 'self' data:",
    "style-src 'self'",
  ]) {
    expect(first.csp).toContain(directive);
  }
  expect(first.csp).not.toContain("unsafe-inline");
  expect(first.csp).not.toContain("unsafe-eval");

  const page = await request.get("/offerte");
  const headers = page.headers();
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["permissions-policy"]).toBe("camera=(), microphone=(), geolocation=()");
  // The E2E portal has no PUBLIC_URL, hence plain http: no HSTS there.
  expect(headers["strict-transport-security"]).toBeUndefined();
});

test("the public feeds never carry a forged Host header", async ({ request }) => {
  for (const path of ["/offerte/rss", "/api/offerte"]) {
    const response = await request.get(path, { headers: { Host: "evil.example" } });
    expect(response.status()).toBe(200);
    const body = await response.text();
    expect(body).not.toContain("evil.example");
    // Links come from PUBLIC_URL (the E2E portal sets it to its own address), never from the Host header.
    expect(body).toMatch(/http:\/\/(localhost|127\.0\.0\.1):\d+\//);
  }
});

plain("the browser refuses a script injected without the nonce, and the page still hydrates", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    // The same filter as the fixture: Chromium reports each refusal as a console error.
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto("/accedi");
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  const ran = await page.evaluate(async () => {
    const script = document.createElement("script");
    script.textContent = "window.__injected = true";
    document.body.append(script);
    await new Promise((r) => setTimeout(r, 50));
    return (window as unknown as { __injected?: boolean }).__injected === true;
  });
  expect(ran).toBe(false);
  await expect.poll(() => violations.length).toBeGreaterThan(0);
});
