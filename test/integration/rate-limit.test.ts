import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setEnv } from "~/utils/env.server";
import { startHttpApp } from "../support/http-app";

/** Resource routes standing in for the real ones: only the limits in front of them are under test. */
const ok = () => Response.json({ ok: true });
const routes = [
  { id: "routes/api.offerte", path: "api/offerte", module: { loader: ok } },
  { id: "routes/offerte.rss", path: "offerte/rss", module: { loader: ok } },
  { id: "routes/disponibilita.$token", path: "disponibilita/:token", module: { loader: ok, action: ok } },
  { id: "routes/privacy", path: "privacy", module: { loader: ok } },
];

const saved = { ...process.env };
let app: Awaited<ReturnType<typeof startHttpApp>>;
beforeAll(async () => {
  setEnv({ RATE_LIMIT_PUBLIC_PER_MINUTE: "3", RATE_LIMIT_LINKS_PER_15_MINUTES: "2", RATE_LIMIT_API_CLIENT_PER_MINUTE: "4" });
  app = await startHttpApp(routes);
});
afterAll(async () => {
  await app.close();
  setEnv({
    RATE_LIMIT_PUBLIC_PER_MINUTE: saved.RATE_LIMIT_PUBLIC_PER_MINUTE,
    RATE_LIMIT_LINKS_PER_15_MINUTES: saved.RATE_LIMIT_LINKS_PER_15_MINUTES,
    RATE_LIMIT_API_CLIENT_PER_MINUTE: saved.RATE_LIMIT_API_CLIENT_PER_MINUTE,
  });
});

/** The test client is on loopback, which TRUST_PROXY trusts by default: X-Forwarded-For names the client. */
const from = (ip: string, init: RequestInit = {}) => ({
  ...init,
  headers: { ...(init.headers as Record<string, string>), "x-forwarded-for": ip },
});

describe("rate limits", () => {
  it("answer 429 in Italian, as JSON, with Retry-After, once a client exceeds the public API limit", async () => {
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await fetch(`${app.origin}/api/offerte`, from("203.0.113.10"))).status);
    expect(statuses).toEqual([200, 200, 200]);
    const over = await fetch(`${app.origin}/api/offerte`, from("203.0.113.10"));
    expect(over.status).toBe(429);
    expect(Number(over.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(over.headers.get("ratelimit-policy")).toContain("3;w=60");
    expect(await over.json()).toEqual({ error: "Troppe richieste da questo indirizzo: per sicurezza riprova tra 1 minuto." });
    // The feeds share the public budget of that address.
    expect((await fetch(`${app.origin}/offerte/rss`, from("203.0.113.10"))).status).toBe(429);
  });

  it("count an integrator's calls per token, apart from its address (docs/decisions/open-api.md)", async () => {
    const bearer = (token: string) => from("203.0.113.30", { headers: { Authorization: `Bearer ${token}` } });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await fetch(`${app.origin}/api/offerte`, bearer("rosa_token-uno"))).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    const over = await fetch(`${app.origin}/api/offerte`, bearer("rosa_token-uno"));
    expect(await over.json()).toEqual({ error: "Troppe richieste con questo token: per sicurezza riprova tra 1 minuto." });
    // Another token from the same address has its own budget, and the address's anonymous budget is untouched.
    expect((await fetch(`${app.origin}/api/offerte`, bearer("rosa_token-due"))).status).toBe(200);
    expect((await fetch(`${app.origin}/api/offerte`, from("203.0.113.30"))).status).toBe(200);
  });

  it("count each client address (the trusted proxy's X-Forwarded-For) on its own", async () => {
    expect((await fetch(`${app.origin}/api/offerte`, from("203.0.113.11"))).status).toBe(200);
  });

  it("leave pages that are not public endpoints alone", async () => {
    for (let i = 0; i < 5; i++) expect((await fetch(`${app.origin}/privacy`, from("203.0.113.10"))).status).toBe(200);
  });

  it("limit the availability link, GET and POST together, with a plain Italian text", async () => {
    const client = "198.51.100.20";
    expect((await fetch(`${app.origin}/disponibilita/token-uno`, from(client))).status).toBe(200);
    expect(
      (
        await fetch(
          `${app.origin}/disponibilita/token-due`,
          from(client, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "response=available" }),
        )
      ).status,
    ).toBe(200);
    const over = await fetch(`${app.origin}/disponibilita/token-tre`, from(client, { headers: { accept: "text/html" } }));
    expect(over.status).toBe(429);
    expect(over.headers.get("content-type")).toMatch(/^text\/plain; charset=utf-8/);
    expect(await over.text()).toMatch(/^Troppe richieste da questo indirizzo: per sicurezza riprova tra 1[45] minuti\.$/);
  });
});
