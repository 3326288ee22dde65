import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setEnv } from "~/utils/env.server";
import * as checkRoute from "~/routes/api.v1.tirocini.check";
import { startHttpApp } from "../support/http-app";

/** POST /api/v1/tirocini/check through the portal's real Express app (guard, CSRF check, rate limits). */
const routes = [{ id: "routes/api.v1.tirocini.check", path: "api/v1/tirocini/check", module: checkRoute }];
const PATH = "/api/v1/tirocini/check";

const valid = {
  date: "2026-03-01",
  region: "lombardia",
  host: { employeesPermanent: 21, employeesFixedTermCounting: 0, activeTrainees: 2 },
  trainee: { disabled: false, disadvantaged: false },
  plannedMonths: 6,
  weeklyHours: 40,
  dailyHours: 8,
  mealVouchers: true,
  monthlyIndemnity: 400,
  eqfLevel: 3,
};

const saved = process.env.RATE_LIMIT_PUBLIC_PER_MINUTE;
let app: Awaited<ReturnType<typeof startHttpApp>>;
beforeAll(async () => {
  setEnv({ RATE_LIMIT_PUBLIC_PER_MINUTE: "40" });
  app = await startHttpApp(routes);
});
afterAll(async () => {
  await app.close();
  setEnv({ RATE_LIMIT_PUBLIC_PER_MINUTE: saved });
});

/** Each test its own client address, so the rate limit of one does not reach another. */
async function post(ip: string, body: BodyInit | null, contentType: string | null = "application/json", query = "") {
  const headers: Record<string, string> = { "x-forwarded-for": ip };
  if (contentType) headers["content-type"] = contentType;
  const response = await fetch(`${app.origin}${PATH}${query}`, { method: "POST", headers, body });
  const text = await response.text();
  return { status: response.status, type: response.headers.get("content-type"), text, json: () => JSON.parse(text) as unknown };
}

describe("POST /api/v1/tirocini/check", () => {
  it("200 with the check, without an account", async () => {
    const r = await post("198.51.100.1", JSON.stringify(valid));
    expect(r.status).toBe(200);
    expect(r.type).toContain("application/json");
    expect(r.json()).toEqual({
      maxSimultaneousTrainees: 3,
      allowed: true,
      violations: [],
      minMonthlyIndemnity: "400.00",
      maxDurationMonths: 6,
    });
  });

  it("200 also when the internship may not be activated, with the violations and (?spiega=1) their Italian messages", async () => {
    const r = await post(
      "198.51.100.2",
      JSON.stringify({ ...valid, plannedMonths: 7, host: { employeesPermanent: 21, activeTrainees: 3 } }),
      "application/json",
      "?spiega=1",
    );
    expect(r.status).toBe(200);
    const body = r.json() as { allowed: boolean; violations: string[]; messages: { code: string; message: string; rule: string }[] };
    expect(body.allowed).toBe(false);
    expect(body.violations).toEqual(["DURATION_TOO_LONG", "HOST_LIMIT_EXCEEDED"]);
    expect(body.messages.map((m) => m.code)).toEqual(body.violations);
    expect(body.messages[0].rule).toContain("DGR X/7763 del 17/1/2018");
  });

  it("accepts the JSON media types with parameters (charset) or a +json suffix", async () => {
    for (const type of ["application/json; charset=utf-8", "application/vnd.rosa+json"]) {
      expect((await post("198.51.100.7", JSON.stringify(valid), type)).status, type).toBe(200);
    }
  });

  it("400 with the exact rejection for bad input: invalid fields, unknown region", async () => {
    const bad = await post("198.51.100.3", JSON.stringify({ ...valid, date: "2026-02-29" }));
    expect(bad.status).toBe(400);
    expect(bad.type).toContain("application/json");
    expect(bad.json()).toEqual({ rejected: true, error: "INVALID_INPUT" });
    const region = await post("198.51.100.3", JSON.stringify({ ...valid, region: "narnia" }));
    expect(region.status).toBe(400);
    expect(region.json()).toEqual({ rejected: true, error: "UNKNOWN_REGION" });
  });

  it("400 INVALID_INPUT, never 415 or 500, for bodies that are not a JSON document", async () => {
    const cases: [BodyInit | null, string | null][] = [
      ["{not json", "application/json"],
      ["", "application/json"],
      [null, null],
      ["date=2026-03-01&region=IT", "application/x-www-form-urlencoded"],
      [JSON.stringify(valid), "text/plain"],
      ["<check/>", "application/xml"],
      [new Uint8Array([0xff, 0xfe, 0x00]), "application/octet-stream"],
      ['{"__proto__": {"x": 1}}', "application/json"],
      ["x".repeat(70_000), "application/json"],
    ];
    // A valid document under another type is refused too: the contract is a JSON body.
    cases.push([JSON.stringify(valid), null]);
    for (const [body, type] of cases) {
      const r = await post("198.51.100.4", body, type);
      expect(r.status, `${type}: ${r.text}`).toBe(400);
      expect(r.json()).toEqual({ rejected: true, error: "INVALID_INPUT" });
    }
    const form = new FormData();
    form.set("date", "2026-03-01");
    const multipart = await post("198.51.100.4", form, null);
    expect(multipart.status).toBe(400);
    expect(multipart.json()).toEqual({ rejected: true, error: "INVALID_INPUT" });
  });

  it("405 in JSON for GET", async () => {
    const r = await fetch(`${app.origin}${PATH}`, { headers: { "x-forwarded-for": "198.51.100.5" } });
    expect(r.status).toBe(405);
    expect(r.headers.get("allow")).toBe("POST");
    expect(((await r.json()) as { error: string }).error).toMatch(/^Usa il metodo POST/);
  });

  it("is rate-limited like the other public API endpoints: 429 in Italian past the limit", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 41; i++) statuses.push((await post("198.51.100.6", JSON.stringify(valid))).status);
    expect(statuses.slice(0, 40).every((s) => s === 200)).toBe(true);
    expect(statuses[40]).toBe(429);
    const over = await post("198.51.100.6", JSON.stringify(valid));
    expect(over.json()).toEqual({ error: expect.stringMatching(/^Troppe richieste da questo indirizzo/) });
  });
});
