/**
 * Property-based fuzzing of every action in the authorization matrix, for every
 * role allowed on it (test/integration/fuzz-actions.test.ts with a short budget,
 * `npm run fuzz -- --minutes N` for a long run). Each generated request mixes the
 * field names the action reports as missing with hostile names and values:
 * prototype keys, NUL and control characters, huge and sparse indices, impossible
 * dates, oversized fields, duplicate keys, wrong content types and methods.
 *
 * Actions are called in-process through the same guard the server puts around
 * the Remix build (app/web/request-guard.server.ts), and after each request:
 * - no 500 (an error thrown out of the action, or a 5xx Response);
 * - Object.prototype and Array.prototype are unchanged;
 * - a refused request (4xx, or a redirect to the login page) changed no row
 *   (count and newest xmin of every table that holds user data);
 * - and after each route, the Express app (server/app.ts) still answers /healthz.
 */
import { insertAttestedInternship } from "./factories-internship-monitoring";
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { insertInternshipDocumentRows } from "./factories-internship-documents";
import { sql } from "kysely";
import fc from "fast-check";
import { getDb } from "~/db/db.server";
import { guardRouteModule } from "~/web/request-guard.server";
import { createApp } from "../../server/app";
import { cookieFor, createEmployer, createUserWithRole } from "./factories";
import { insertCandidateImport, setupCandidateMatrix } from "./factories-candidates";
import { insertL68Record } from "./factories-l68";
import { insertPresentedShortlist } from "./factories-shortlists";
import { insertEmployerServiceRows, insertVacancy } from "./factories-vacancies";
import { insertOutplacementPlanRows } from "./factories-outplacement-plans";
import { insertOutplacementRows } from "./factories-outplacement";
import { insertCohortRows } from "./factories-cohort";
import { insertPlacementRows } from "./factories-placement";
import { insertInternshipAddendumRows } from "./factories-internship-addenda";
import { insertInternshipRows } from "./factories-internships";
import type { Actor, Rule } from "./route-access/actors";

const supportDir = path.dirname(new URL(import.meta.url).pathname);
const routesDir = path.resolve(supportDir, "../../app/routes");

export interface FuzzFailure {
  route: string;
  role: Actor;
  method: string;
  contentType: string;
  body: string;
  problem: string;
}

export interface FuzzReport {
  targets: number;
  requests: number;
  byStatus: Record<number, number>;
  failures: FuzzFailure[];
  durationMs: number;
}

type Params = Record<string, string>;
interface World {
  users: Record<Actor, string | undefined>;
  params: Record<NonNullable<Rule["params"]>, Params>;
}

/** The same records as the authorization matrix: two employers, a vacancy, a shortlist, an L. 68 record, a candidate. */
export async function setupFuzzWorld(): Promise<World> {
  const own = await createEmployer();
  const other = await createEmployer();
  const vacancyId = (await insertVacancy(own.id, { status: "submitted" })).id;
  const shortlistId = await insertPresentedShortlist(own.id, vacancyId);
  const l68 = await insertL68Record(own.id);
  const candidateUser = await createUserWithRole("candidate");
  const matrixCandidates = await setupCandidateMatrix(candidateUser.id);
  const candidateId = matrixCandidates.otherCandidateId;
  const users: World["users"] = {
    anonymous: undefined,
    legalRep: (await createUserWithRole("employer", { employerId: own.id, employerRole: "legal_rep" })).id,
    colleague: (await createUserWithRole("employer", { employerId: own.id, employerRole: "colleague" })).id,
    consultant: (await createUserWithRole("employer", { employerId: own.id, employerRole: "delegate", alsoDelegatedBy: [other.id] })).id,
    preselection: (await createUserWithRole("preselection_officer")).id,
    placement: (await createUserWithRole("placement_officer")).id,
    admin: (await createUserWithRole("admin")).id,
    candidate: candidateUser.id,
    provider: (await createUserWithRole("outplacement_provider")).id,
    union: (await createUserWithRole("union_representative")).id,
  };
  return {
    users,
    params: {
      employerId: { employerId: other.id },
      vacancyId: { vacancyId },
      candidateId: { candidateId },
      shortlistId: { shortlistId },
      l68Record: { ...l68 },
      token: { token: "x".repeat(32) },
      // An account of its own, so that an administrator's generated request (e.g. disable) locks nobody the other routes use.
      userId: { userId: (await createUserWithRole("preselection_officer")).id },
      ...(await insertEmployerServiceRows(own.id, users.preselection!)),
      ...(await insertPlacementRows(own.id, users.placement!)),
      ...(await insertCandidateImport(users.preselection!)),
      ...(await insertOutplacementRows(own.id, users.preselection!)),
      ...(await insertOutplacementPlanRows(own.id, users.provider!)),
      ...(await insertCohortRows(own.id, users.preselection!, users.provider!)),
      ...(await insertInternshipDocumentRows(own.id)),
      ...(await insertAttestedInternship(own.id, matrixCandidates.ownCandidateId, users.preselection!)),
      ...(await insertInternshipRows(own.id, matrixCandidates.ownCandidateId)),
      ...(await insertInternshipAddendumRows(own.id, matrixCandidates.ownCandidateId)),
    },
  };
}

async function loadMatrix(): Promise<Record<string, Rule>> {
  const dir = path.join(supportDir, "route-access");
  const matrix: Record<string, Rule> = {};
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".ts") && f !== "actors.ts")) {
    const mod = (await import(path.join(dir, file))) as { ROUTE_ACCESS?: Record<string, Rule> };
    Object.assign(matrix, mod.ROUTE_ACCESS ?? {});
  }
  return matrix;
}

function urlFor(file: string, params: Params): string {
  const segments = file
    .replace(/\.(tsx?|jsx?)$/, "")
    .split(".")
    .filter((s) => s !== "_index")
    .map((s) => (s.startsWith("$") ? (params[s.slice(1)] ?? "x") : s));
  return "/" + segments.join("/");
}

// ---- generated requests -------------------------------------------------------------

const HOSTILE_KEYS = [
  "__proto__.toString",
  "__proto__.redirectTo",
  "__proto__.shareContacts",
  "__proto__",
  "constructor",
  "constructor.prototype.polluted",
  "prototype.x",
  "sites.0.__proto__.x",
  "a.constructor.name",
  "education.4294967294.title",
  "education.50000000.title",
  "education.100.studyLevel",
  "figures.99999999.occupation",
  "requirements.1e3.kind",
  "list.0",
  "list.length",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "a\u0000b",
  "x\r\ny",
  "intent",
  "version",
  "_action",
  "",
];

const OVERSIZED = "x".repeat(70_000);
const HOSTILE_VALUES = [
  "\u0000",
  "a\u0000b",
  "\u0007\u001b[31mrosso",
  "riga\r\nSet-Cookie: x=1",
  "\t",
  "2026-02-31",
  "2025-02-29",
  "0000-01-01",
  "9999-12-31",
  "2026-13-45",
  "31/02/2026",
  "2026-02-31T25:61",
  "-1",
  "0",
  "1e309",
  "NaN",
  "Infinity",
  "99999999999999999999",
  "1.5",
  "0x10",
  "on",
  "true",
  "\uD800",
  "\uFFFF",
  "%00",
  "../../etc/passwd",
  "'; select pg_sleep(5);--",
  "/\t/evil.example",
  "//evil.example",
  "00000000-0000-0000-0000-000000000000",
  "not-a-uuid",
  "MI",
  "5.1.2.2.0",
  OVERSIZED,
];

type BodyKind = "urlencoded" | "multipart" | "json" | "text" | "none" | "multipart-broken" | "garbage-type" | "huge";

interface FuzzCase {
  method: string;
  kind: BodyKind;
  entries: [string, string][];
  duplicate: boolean;
}

function caseArbitrary(knownFields: string[]): fc.Arbitrary<FuzzCase> {
  const field = knownFields.length ? fc.constantFrom(...knownFields) : fc.constantFrom("nome", "email");
  const text = fc.string({ maxLength: 30, unit: "binary" });
  const value = fc.oneof(fc.constantFrom(...HOSTILE_VALUES), text, fc.integer().map(String));
  const entry = fc.oneof(
    fc.tuple(field, value),
    fc.tuple(fc.constantFrom(...HOSTILE_KEYS), value),
    fc.tuple(
      field.map((f) => `${f}.__proto__`),
      value,
    ),
    fc.tuple(fc.string({ maxLength: 20, unit: "binary" }), text),
  ) as fc.Arbitrary<[string, string]>;
  return fc.record({
    method: fc.constantFrom("POST", "POST", "POST", "POST", "PUT", "PATCH", "DELETE"),
    kind: fc.constantFrom<BodyKind>(
      "urlencoded",
      "urlencoded",
      "urlencoded",
      "multipart",
      "json",
      "text",
      "none",
      "multipart-broken",
      "garbage-type",
      "huge",
    ),
    entries: fc.array(entry, { maxLength: 8 }),
    duplicate: fc.boolean(),
  });
}

function buildRequest(url: string, cookie: string | undefined, c: FuzzCase): { request: Request; contentType: string; body: string } {
  const entries = c.duplicate && c.entries.length ? [...c.entries, [c.entries[0][0], "duplicato"] as [string, string]] : c.entries;
  const headers = new Headers();
  if (cookie) headers.set("Cookie", cookie);
  let body: BodyInit | undefined;
  let shown: string;
  switch (c.kind) {
    case "urlencoded":
    case "huge": {
      const params = new URLSearchParams(entries);
      if (c.kind === "huge") params.append("riempimento", "x".repeat(1_100_000));
      headers.set("Content-Type", "application/x-www-form-urlencoded");
      body = params.toString();
      shown = body;
      break;
    }
    case "multipart": {
      const fd = new FormData();
      for (const [k, v] of entries) fd.append(k, v);
      body = fd;
      shown = `multipart ${JSON.stringify(entries)}`;
      break;
    }
    case "multipart-broken":
      headers.set("Content-Type", "multipart/form-data; boundary=----rosa");
      body = `------rosa\r\nContent-Disposition: form-data; name="${entries[0]?.[0] ?? "a"}"\r\n\r\n${entries[0]?.[1] ?? ""}`;
      shown = body;
      break;
    case "json":
      headers.set("Content-Type", "application/json");
      body = JSON.stringify(Object.fromEntries(entries));
      shown = body;
      break;
    case "text":
      headers.set("Content-Type", "text/plain");
      body = entries.map(([k, v]) => `${k}=${v}`).join("\n");
      shown = body;
      break;
    case "garbage-type":
      headers.set("Content-Type", "application/x-www-form-urlencoded; charset=utf-16, text/html");
      body = new URLSearchParams(entries).toString();
      shown = body;
      break;
    case "none":
      shown = entries.length ? new URLSearchParams(entries).toString() : "";
      // Bytes, so that no Content-Type is added.
      body = entries.length ? new TextEncoder().encode(shown) : undefined;
      break;
  }
  const request = new Request(`http://localhost${url}`, { method: c.method, headers, body });
  return {
    request,
    contentType: request.headers.get("Content-Type") ?? "(nessuno)",
    body: shown.length > 400 ? `${shown.slice(0, 400)}… (${shown.length} caratteri)` : shown,
  };
}

// ---- observations -------------------------------------------------------------------

type Handler = (args: { request: Request; params: Params; context: unknown }) => unknown;

/** Calls an action as Remix would and returns the status; an error thrown out of it is a 500. */
async function invoke(
  handler: Handler,
  request: Request,
  params: Params,
): Promise<{ status: number; location: string | null; error?: unknown }> {
  let result: unknown;
  try {
    // A TEST-NET address: the fuzzer's failed logins must not lock out other tests (per-IP limit).
    result = await handler({ request, params, context: { clientIp: "192.0.2.77" } });
  } catch (thrown) {
    result = thrown;
  }
  if (result instanceof Response) return { status: result.status, location: result.headers.get("Location") };
  const maybeData = result as { type?: string; init?: { status?: number } | null };
  if (maybeData && maybeData.type === "DataWithResponseInit") return { status: maybeData.init?.status ?? 200, location: null };
  if (result instanceof Error) return { status: 500, location: null, error: result };
  return { status: 200, location: null };
}

const NOT_FINGERPRINTED = new Set([
  // Written by every request or asynchronously, whatever the outcome.
  "sessions",
  "login_attempts",
  "search_outbox",
  "search_reindex_targets",
  // Reference data no action writes; large, so skipped for speed.
  "comuni",
  "ateco",
  "occupations",
]);

/** Count and newest row version (xmin) of every table with user data: any insert, update or delete changes it. */
async function fingerprintQuery(): Promise<string> {
  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(
    getDb(),
  );
  return tables.rows
    .map((t) => t.table_name)
    .filter((t) => !NOT_FINGERPRINTED.has(t))
    .map((t) => {
      // A refused login is recorded as an attempt by design (lockout): not a changed row.
      const where = t === "audit_log" ? ` where action <> 'auth.login_failed'` : "";
      return `select '${t}' as t, count(*)::text as n, coalesce(max(xmin::text::bigint), 0)::text as x from "${t}"${where}`;
    })
    .join(" union all ");
}

async function fingerprint(query: string): Promise<string> {
  const { rows } = await sql.raw<{ t: string; n: string; x: string }>(query).execute(getDb());
  return rows.map((r) => `${r.t}:${r.n}:${r.x}`).join(" ");
}

function diff(a: string, b: string): string {
  const before = new Set(a.split(" "));
  return b
    .split(" ")
    .filter((p) => !before.has(p))
    .map((p) => p.split(":")[0])
    .join(", ");
}

function prototypeSnapshot(): string {
  const describe = (o: object) =>
    Reflect.ownKeys(o)
      .map((k) => `${String(k)}:${typeof (o as Record<PropertyKey, unknown>)[k]}`)
      .join(",");
  return `${describe(Object.prototype)}|${describe(Array.prototype)}|${Object.getPrototypeOf({}) === Object.prototype}`;
}

async function startHealthServer() {
  const app = createApp({
    getBuild: () => Promise.reject(new Error("the fuzzer calls actions in-process")),
    mode: "test",
    health: async () => {
      const database = await getDb()
        .selectNoFrom((eb) => eb.val(1).as("one"))
        .execute()
        .then(
          () => true,
          () => false,
        );
      const search = await fetch(`${process.env.MEILI_URL}/health`).then(
        (r) => r.ok,
        () => false,
      );
      return { ok: database && search, database, search };
    },
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    healthz: async () => {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      return response.status === 200 && ((await response.json()) as { ok: boolean }).ok === true;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// ---- the run ------------------------------------------------------------------------

const MIN_RUNS = 3;

export interface FuzzOptions {
  /** Total time budget, shared evenly by the route × role targets. */
  budgetMs: number;
  /** Upper bound of generated requests per target (the budget usually stops first). */
  maxRunsPerTarget?: number;
  seed?: number;
  onProgress?: (line: string) => void;
}

export async function fuzzActions(world: World, options: FuzzOptions): Promise<FuzzReport> {
  const started = performance.now();
  const matrix = await loadMatrix();
  const targets: { file: string; role: Actor; rule: Rule }[] = [];
  for (const [file, rule] of Object.entries(matrix)) for (const role of rule.action ?? []) targets.push({ file, role, rule });
  const report: FuzzReport = { targets: targets.length, requests: 0, byStatus: {}, failures: [], durationMs: 0 };
  const perTarget = options.budgetMs / Math.max(1, targets.length);
  const maxRuns = options.maxRunsPerTarget ?? Number.MAX_SAFE_INTEGER;
  const seed = options.seed ?? 1;
  const query = await fingerprintQuery();
  const prototypeBefore = prototypeSnapshot();
  const health = await startHealthServer();
  try {
    for (const [i, { file, role, rule }] of targets.entries()) {
      const mod = guardRouteModule((await import(path.join(routesDir, file))) as { action?: Handler; loader?: Handler }, file);
      const action = mod.action as Handler;
      const params = rule.params ? world.params[rule.params] : {};
      const url = urlFor(file, params);
      const userId = world.users[role];
      const cookie = userId ? await cookieFor(userId) : undefined;
      const fail = (c: { method: string; contentType: string; body: string }, problem: string) =>
        report.failures.push({ route: file, role, method: c.method, contentType: c.contentType, body: c.body, problem });

      // The fields the form asks for: an empty post answers with their errors.
      let probe: unknown;
      try {
        probe = await action({
          request: buildRequest(url, cookie, { method: "POST", kind: "urlencoded", entries: [], duplicate: false }).request,
          params,
          context: { clientIp: "192.0.2.77" },
        });
      } catch (e) {
        probe = e;
      }
      const probeErrors = (probe as { data?: { errors?: Record<string, string> } })?.data?.errors ?? {};
      const knownFields = Object.keys(probeErrors).filter((k) => k !== "_form");

      // fast-check generates the cases; the loop runs them until this target's share of the budget is spent
      // (at least MIN_RUNS each), recording every failure rather than stopping at the first.
      const deadline = performance.now() + perTarget;
      const arbitrary = caseArbitrary(knownFields);
      let runs = 0;
      for (let chunk = 0; runs < maxRuns && (runs < MIN_RUNS || performance.now() < deadline); chunk++) {
        for (const c of fc.sample(arbitrary, { numRuns: 25, seed: seed + i * 7919 + chunk })) {
          if (runs >= maxRuns || (runs >= MIN_RUNS && performance.now() >= deadline)) break;
          runs++;
          const built = buildRequest(url, cookie, c);
          const shown = { method: c.method, contentType: built.contentType, body: built.body };
          const before = await fingerprint(query);
          const outcome = await invoke(action, built.request, params);
          report.requests++;
          report.byStatus[outcome.status] = (report.byStatus[outcome.status] ?? 0) + 1;
          if (outcome.status >= 500)
            fail(
              shown,
              outcome.error
                ? `eccezione: ${String((outcome.error as Error).stack ?? outcome.error)
                    .split("\n")
                    .slice(0, 3)
                    .join(" | ")}`
                : `risposta ${outcome.status}`,
            );
          const refused =
            outcome.status >= 400 || (outcome.status >= 300 && outcome.status < 400 && !!outcome.location?.startsWith("/accedi"));
          if (refused) {
            const changed = diff(before, await fingerprint(query));
            if (changed) fail(shown, `richiesta rifiutata (${outcome.status}) ma righe modificate in: ${changed}`);
          }
          if (prototypeSnapshot() !== prototypeBefore) {
            fail(shown, "Object.prototype o Array.prototype modificati: il processo è compromesso, il fuzzing si ferma");
            return { ...report, durationMs: performance.now() - started };
          }
        }
      }
      if (!(await health.healthz()))
        report.failures.push({ route: file, role, method: "GET", contentType: "", body: "/healthz", problem: "/healthz non risponde 200" });
      options.onProgress?.(
        `[${i + 1}/${targets.length}] ${file} come ${role}: ${report.requests} richieste finora, ${report.failures.length} problemi`,
      );
    }
  } finally {
    await health.close();
  }
  report.durationMs = performance.now() - started;
  return report;
}
