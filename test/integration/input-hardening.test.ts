import type { AddressInfo } from "node:net";
import type { ServerBuild } from "@remix-run/node";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setEnv } from "~/utils/env.server";
import { getDb } from "~/db/db.server";
import * as disponibilitaRoute from "~/routes/candidato.disponibilita";
import * as informazioniRoute from "~/routes/informazioni._index";
import * as loginRoute from "~/routes/accedi";
import * as newCandidateRoute from "~/routes/operatore.candidati.nuovo";
import * as quotaApiRoute from "~/routes/api.v1.l68.quota";
import * as registerRoute from "~/routes/operatore.registro.nuovo";
import * as registrationRoute from "~/routes/registrazione";
import { guardHandler, guardRouteModule } from "~/web/request-guard.server";
import { createApp } from "../../server/app";
import { TEST_PASSWORD, cookieFor, createEmployer, createUserWithRole } from "../support/factories";
import { createPlacementOfficer, jsonRequest } from "../support/factories-l68";
import { callRoute, formErrorsOf } from "../support/routes";

/** Regression tests for the findings of the security review on user input (see README, «Validazione degli input»). */

const login = guardRouteModule(loginRoute);
const registration = guardRouteModule(registrationRoute);
const disponibilita = guardRouteModule(disponibilitaRoute);
const informazioni = guardRouteModule(informazioniRoute);
const newCandidate = guardRouteModule(newCandidateRoute);
const register = guardRouteModule(registerRoute);
const quotaApi = guardRouteModule(quotaApiRoute);

function post(path: string, body: string, opts: { cookie?: string; type?: string } = {}): Request {
  const headers = new Headers({ "Content-Type": opts.type ?? "application/x-www-form-urlencoded" });
  if (opts.cookie) headers.set("Cookie", opts.cookie);
  return new Request(`http://localhost${path}`, { method: "POST", headers, body });
}

const prototypeNames = () => Object.getOwnPropertyNames(Object.prototype).sort().join(",");
const before = prototypeNames();

afterAll(() => {
  expect(prototypeNames()).toBe(before);
});

describe("prototype pollution from anonymous form posts", () => {
  it("__proto__.toString at /registrazione is a 400 and Object.prototype is untouched", async () => {
    const outcome = await callRoute(registration.action!, post("/registrazione", "__proto__.toString=x"));
    expect(outcome.status).toBe(400);
    expect(String(outcome.body)).toMatch(/non è ammesso/);
    expect(prototypeNames()).toBe(before);
    expect(`${{}}`).toBe("[object Object]");
  });

  it("__proto__.redirectTo at /accedi is a 400 and the next login is not redirected away", async () => {
    const user = await createUserWithRole("preselection_officer");
    const body = new URLSearchParams({ "__proto__.redirectTo": "/\t/evil.example", email: user.email, password: TEST_PASSWORD });
    const polluted = await callRoute(login.action!, post("/accedi", body.toString()));
    expect(polluted.status).toBe(400);
    expect(({} as Record<string, unknown>).redirectTo).toBeUndefined();
    const next = await callRoute(
      login.action!,
      post("/accedi", new URLSearchParams({ email: user.email, password: TEST_PASSWORD }).toString()),
    );
    expect(next.status).toBe(302);
    expect(next.location).toBe("/operatore");
  });

  it("__proto__.shareContacts at /candidato/disponibilita is a 400 and consent is never inherited", async () => {
    const candidate = await createUserWithRole("candidate");
    const outcome = await callRoute(
      disponibilita.action!,
      post("/candidato/disponibilita", "__proto__.shareContacts=on", { cookie: await cookieFor(candidate.id) }),
    );
    expect(outcome.status).toBe(400);
    expect(({} as Record<string, unknown>).shareContacts).toBeUndefined();
  });
});

describe("the L. 68 JSON API", () => {
  it("accepts JSON but refuses prototype keys in it with a 400", async () => {
    const officer = await createPlacementOfficer();
    const body =
      '{"date":"2026-03-01","employer":{"type":"private","__proto__":{"polluted":true}},"workforce":[{"count":20,"contract":"indeterminato"}]}';
    const outcome = await callRoute(quotaApi.action!, jsonRequest("/api/v1/l68/quota", body, officer.cookie));
    expect(outcome.status).toBe(400);
    expect(String(outcome.body)).toMatch(/__proto__.*non è ammessa/);
    const ok = await callRoute(
      quotaApi.action!,
      jsonRequest(
        "/api/v1/l68/quota",
        { date: "2026-03-01", employer: { type: "private" }, workforce: [{ count: 20, contract: "indeterminato" }] },
        officer.cookie,
      ),
    );
    expect(ok.status).toBe(200);
  });
});

describe("HTTP 500s from user input", () => {
  it.each([
    ["application/json", "{}"],
    ["text/plain", "email=a@b.it"],
    ["application/xml", "<a/>"],
  ])("a %s body at /accedi is a 415 with an Italian message", async (type, body) => {
    const outcome = await callRoute(login.action!, post("/accedi", body, { type }));
    expect(outcome.status).toBe(415);
    expect(String(outcome.body)).toMatch(/Formato della richiesta non supportato/);
  });

  it("a multipart body that cannot be parsed is a 400", async () => {
    const outcome = await callRoute(
      login.action!,
      post("/accedi", '--x\r\nContent-Disposition: form-data; name="email"', { type: "multipart/form-data; boundary=y" }),
    );
    expect(outcome.status).toBe(400);
  });

  it("GET /informazioni?q=%00 is a 400, not a PostgreSQL error", async () => {
    const outcome = await callRoute(informazioni.loader!, new Request("http://localhost/informazioni?q=%00"));
    expect(outcome.status).toBe(400);
    expect(String(outcome.body)).toMatch(/caratteri di controllo/);
  });

  it("NUL bytes in form text never reach PostgreSQL", async () => {
    const outcome = await callRoute(login.action!, post("/accedi", "email=a%00b%40example.it&password=%00"));
    expect(outcome.status).toBe(400);
  });

  it("an impossible date in the service register is a 400 on the field", async () => {
    const officer = await createUserWithRole("preselection_officer");
    const employer = await createEmployer();
    const body = new URLSearchParams({
      employerId: employer.id,
      standardCode: "4A",
      deliveredOn: "2026-02-31",
      minutes: "30",
      modality: "office",
      output: "Colloquio svolto con l'azienda",
    });
    const outcome = await callRoute(
      register.action!,
      post("/operatore/registro/nuovo", body.toString(), { cookie: await cookieFor(officer.id) }),
    );
    expect(outcome.status).toBe(400);
    expect(formErrorsOf(outcome.body).deliveredOn).toMatch(/inesistente/);
  });

  it.each(["education.4294967294.title=x", "education.50000000.title=x"])("the huge index in %s is refused at once", async (body) => {
    const officer = await createUserWithRole("preselection_officer");
    const cookie = await cookieFor(officer.id);
    const started = performance.now();
    const outcome = await callRoute(newCandidate.action!, post("/operatore/candidati/nuovo", body, { cookie }));
    expect(outcome.status).toBe(400);
    expect(String(outcome.body)).toMatch(/indice troppo grande/);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("a PostgreSQL data exception thrown from an action is a logged 400; other errors stay errors", async () => {
    const badCast = guardHandler("action", async () => sql`select ${"non un numero"}::int`.execute(getDb()));
    const outcome = await callRoute(badCast as never, post("/prova", "a=1"));
    expect(outcome.status).toBe(400);
    expect(String(outcome.body)).toMatch(/non è nel formato atteso/);
    const bug = guardHandler("action", async () => sql`select 1 / 0`.execute(getDb()));
    await expect(callRoute(bug as never, post("/prova", "a=1"))).rejects.toThrow(/division by zero/);
  });
});

describe("redirectTo at login", () => {
  it("a newline is dropped instead of making an invalid Location header", async () => {
    const user = await createUserWithRole("admin");
    const body = new URLSearchParams({ email: user.email, password: TEST_PASSWORD, redirectTo: "/admin\r\nSet-Cookie: x=1" });
    const outcome = await callRoute(login.action!, post("/accedi", body.toString()));
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe("/admin");
  });

  it("/accedi?redirectTo=%2F%09%2Fevil.example never leaves the site", async () => {
    const page = await callRoute(login.loader!, new Request("http://localhost/accedi?redirectTo=%2F%09%2Fevil.example"));
    expect((page.body as { redirectTo: string }).redirectTo).toBe("");
    const user = await createUserWithRole("admin");
    for (const redirectTo of ["/\t/evil.example", "/.//evil.example", "/\\evil.example"]) {
      const outcome = await callRoute(
        login.action!,
        post("/accedi", new URLSearchParams({ email: user.email, password: TEST_PASSWORD, redirectTo }).toString()),
      );
      expect(outcome.location, redirectTo).toBe("/admin");
    }
  });
});

describe("through Express (server/app.ts)", () => {
  let base: string;
  let close: () => Promise<void>;
  let actionCalls = 0;

  beforeAll(async () => {
    // A one-route build: enough for Remix's own request handling (its origin check, resource routes).
    const build = {
      mode: "production",
      publicPath: "/build/",
      assetsBuildDirectory: "public/build",
      isSpaMode: false,
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_lazyRouteDiscovery: true,
        v3_singleFetch: true,
      },
      entry: { module: { default: () => new Response("documento") } },
      assets: { entry: { imports: [], module: "" }, routes: {}, url: "", version: "1" },
      routes: {
        root: { id: "root", path: "", module: {} },
        "routes/prova": {
          id: "routes/prova",
          parentId: "root",
          path: "prova",
          module: {
            loader: ({ request }: { request: Request }) => new Response(`q=${new URL(request.url).searchParams.get("q")}`),
            action: () => {
              actionCalls++;
              return new Response("fatto");
            },
          },
        },
      },
    } as unknown as ServerBuild;
    const app = createApp({
      getBuild: async () => build,
      mode: "production",
      health: async () => ({ ok: true, database: true, search: true }),
    });
    const server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise((resolve) => server.close(() => resolve()));
  });
  afterAll(async () => {
    await close();
  });

  it("a proxy that rewrites Host makes Remix's origin check a 403, not a 500", async () => {
    setEnv({ PUBLIC_URL: "https://rosa.example.it" });
    try {
      const response = await fetch(`${base}/prova`, {
        method: "POST",
        headers: { Origin: "https://rosa.example.it", "Content-Type": "application/x-www-form-urlencoded" },
        body: "a=1",
      });
      expect(response.status).toBe(403);
      expect(await response.text()).toMatch(/non corrisponde/);
      expect(actionCalls).toBe(0);
    } finally {
      setEnv({ PUBLIC_URL: undefined });
    }
  });

  it("a same-origin post still reaches the action", async () => {
    const response = await fetch(`${base}/prova`, {
      method: "POST",
      headers: { Origin: base, "Content-Type": "application/x-www-form-urlencoded" },
      body: "a=1",
    });
    expect(response.status).toBe(200);
    expect(actionCalls).toBe(1);
  });

  it("the build is guarded: ?q=%00 is a 400 and JSON posts a 415; /healthz answers", async () => {
    expect((await fetch(`${base}/prova?q=%00`)).status).toBe(400);
    expect(await (await fetch(`${base}/prova?q=ok`)).text()).toBe("q=ok");
    const json = await fetch(`${base}/prova`, {
      method: "POST",
      headers: { Origin: base, "Content-Type": "application/json" },
      body: "{}",
    });
    expect(json.status).toBe(415);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});
