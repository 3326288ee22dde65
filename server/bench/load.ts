/**
 * `npm run bench:load [-- --duration 10 --connections 50,200 --json out.json]`: HTTP load on a portal of its
 * own. Starts `server/index.ts` as a child process on loopback (free port, temporary DATA_DIR with embedded
 * PostgreSQL and Meilisearch and the demo data, NODE_ENV=production), then drives it with autocannon from
 * this process: the public board `/offerte`, one vacancy page and the officer candidate search (logged in as
 * the demo preselection officer), each at every connection count, for a bounded time. Prints req/s,
 * p50/p95/p99 latency, errors, timeouts and non-2xx answers. Needs the UI build (`npm run build`).
 */
import fs from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { boardVacancyId, startOwnPortal } from "./own-portal";

const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "50,200" },
    json: { type: "string" },
    targets: { type: "string" },
  },
});
const DURATION = Number(args.duration);
const CONNECTIONS = args.connections.split(",").map(Number);
if (!Number.isFinite(DURATION) || DURATION < 1 || DURATION > 120) throw new Error("--duration: secondi tra 1 e 120");
if (CONNECTIONS.some((c) => !Number.isInteger(c) || c < 1 || c > 1000))
  throw new Error("--connections: interi tra 1 e 1000, separati da virgole");

const log = (...a: unknown[]) => console.log(...a);
const fmt = (n: number, digits = 0) => n.toLocaleString("it-IT", { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function login(base: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${base}/accedi`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base },
    body: new URLSearchParams({ email, password }),
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => c.startsWith("rosa_session="));
  if (!cookie) throw new Error(`accesso di ${email} non riuscito (HTTP ${res.status})`);
  return cookie;
}

interface Target {
  name: string;
  path: string;
  headers?: Record<string, string>;
}

interface Measure {
  target: string;
  connections: number;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}

const pct = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;

/** One autocannon run; latencies collected per response (autocannon's summary has no p95). */
async function measure(base: string, t: Target, connections: number): Promise<Measure> {
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url: base + t.path, connections, duration: DURATION, headers: t.headers, timeout: 10 }, (err, res) =>
      err ? reject(err) : resolve(res),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  times.sort((a, b) => a - b);
  return {
    target: t.name,
    connections,
    requests: result.requests.total,
    rps: result.requests.total / DURATION,
    p50: pct(times, 50),
    p95: pct(times, 95),
    p99: pct(times, 99),
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
}

async function main() {
  const portal = await startOwnPortal("load");
  const base = portal.base;
  process.once("SIGINT", () => void portal.stop().then(() => process.exit(130)));
  const report: Measure[] = [];
  try {
    const officer = await login(base, "preselezione@rosa.demo", "RosaDemo2026!");
    const vacancyId = await boardVacancyId(base);
    const all: Target[] = [
      { name: "bacheca /offerte", path: "/offerte" },
      // As a browser asks: the cached page goes out in its Brotli form, made once per cached page.
      { name: "bacheca (br)", path: "/offerte", headers: { "Accept-Encoding": "gzip, deflate, br" } },
      { name: "offerta /offerte/<id>", path: `/offerte/${vacancyId}` },
      {
        name: "ricerca operatore",
        path: "/operatore/candidati?q=commesso&comune=Milano+%28MI%29&radiusKm=50",
        headers: { Cookie: officer },
      },
    ];
    const targets = all.filter((t) => !args.targets || args.targets.split(",").some((w) => t.name.includes(w)));
    log(`Rosa — carico HTTP su ${base}: ${os.cpus().length} core, ${DURATION} s per prova, connessioni ${CONNECTIONS.join(" e ")}`);
    for (const t of targets) {
      // A short warm-up: the first requests compile queries and fill caches.
      await autocannon({ url: base + t.path, connections: 10, duration: 2, headers: t.headers });
      for (const c of CONNECTIONS) {
        const m = await measure(base, t, c);
        report.push(m);
        log(
          `${t.name.padEnd(24)} ${String(c).padStart(4)} conn.  ${fmt(m.rps, 1).padStart(8)} req/s  p50 ${fmt(m.p50).padStart(5)} ms  p95 ${fmt(m.p95).padStart(5)} ms  p99 ${fmt(m.p99).padStart(5)} ms  errori ${m.errors}  timeout ${m.timeouts}  non 2xx ${m.non2xx}`,
        );
      }
    }
    if (args.json) fs.writeFileSync(args.json, JSON.stringify({ cpus: os.cpus().length, duration: DURATION, results: report }, null, 2));
  } catch (e) {
    console.error(`bench:load non riuscito: ${(e as Error).message}\n--- uscita del portale ---\n${portal.output().slice(-4000)}`);
    process.exitCode = 1;
  } finally {
    await portal.stop();
  }
}

void main();
