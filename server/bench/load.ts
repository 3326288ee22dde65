/**
 * `npm run bench:load [-- --duration 10 --connections 50,200 --json out.json]`: HTTP load on a portal of its
 * own. Starts `server/index.ts` as a child process on loopback (free port, temporary DATA_DIR with embedded
 * PostgreSQL and Meilisearch and the demo data, NODE_ENV=production), then drives it with autocannon from
 * this process: the public board `/offerte`, one vacancy page and the officer candidate search (logged in as
 * the demo preselection officer), each at every connection count, for a bounded time. Prints req/s,
 * p50/p95/p99 latency, errors, timeouts and non-2xx answers. Needs the UI build (`npm run build`).
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";

const { values: args } = parseArgs({
  options: { duration: { type: "string", default: "10" }, connections: { type: "string", default: "50,200" }, json: { type: "string" }, targets: { type: "string" } },
});
const DURATION = Number(args.duration);
const CONNECTIONS = args.connections.split(",").map(Number);
if (!Number.isFinite(DURATION) || DURATION < 1 || DURATION > 120) throw new Error("--duration: secondi tra 1 e 120");
if (CONNECTIONS.some((c) => !Number.isInteger(c) || c < 1 || c > 1000)) throw new Error("--connections: interi tra 1 e 1000, separati da virgole");

const log = (...a: unknown[]) => console.log(...a);
const fmt = (n: number, digits = 0) => n.toLocaleString("it-IT", { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

async function waitHealthy(base: string, child: ChildProcess, timeoutMs = 180_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`il portale è terminato (codice ${child.exitCode})`);
    const ok = await fetch(`${base}/healthz`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("il portale non è pronto entro 3 minuti");
}

async function login(base: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${base}/accedi`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base },
    body: new URLSearchParams({ email, password }),
  });
  const cookie = res.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c.startsWith("rosa_session="));
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

const pct = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);

/** One autocannon run; latencies collected per response (autocannon's summary has no p95). */
async function measure(base: string, t: Target, connections: number): Promise<Measure> {
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url: base + t.path, connections, duration: DURATION, headers: t.headers, timeout: 10 }, (err, res) => (err ? reject(err) : resolve(res)));
    instance.on("response", (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  times.sort((a, b) => a - b);
  return {
    target: t.name, connections, requests: result.requests.total, rps: result.requests.total / DURATION,
    p50: pct(times, 50), p95: pct(times, 95), p99: pct(times, 99), errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx,
  };
}

async function main() {
  const root = path.resolve(import.meta.dirname, "../..");
  if (!fs.existsSync(path.join(root, "build/index.js"))) throw new Error("manca la build dell'interfaccia: esegui prima `npm run build`");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rosa-load-"));
  fs.chmodSync(dir, 0o755);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // Only our own settings: an exported DATABASE_URL/MEILI_URL must not point the bench at real data.
  const childEnv: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? dir, NODE_ENV: "production", PUBLIC_URL: base, DATA_DIR: dir, PORT: String(port), HOST: "127.0.0.1", SEED_DEMO: "true" };
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], { cwd: root, env: childEnv, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (d: Buffer) => (output += d));
  child.stderr!.on("data", (d: Buffer) => (output += d));
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.once("SIGINT", () => void stop().then(() => process.exit(130)));
  const report: Measure[] = [];
  try {
    await waitHealthy(base, child);
    const officer = await login(base, "preselezione@rosa.demo", "RosaDemo2026!");
    // The demo vacancies reach the board once the search index has caught up with the seed.
    let vacancyId: string | undefined;
    for (let i = 0; i < 120 && !vacancyId; i++) {
      const board = await (await fetch(`${base}/offerte`)).text();
      vacancyId = board.match(/href="\/offerte\/([0-9a-f-]{36})"/)?.[1];
      if (!vacancyId) await new Promise((r) => setTimeout(r, 500));
    }
    if (!vacancyId) throw new Error("nessuna offerta pubblicata nei dati dimostrativi");
    const targets: Target[] = [
      { name: "bacheca /offerte", path: "/offerte" },
      { name: "offerta /offerte/<id>", path: `/offerte/${vacancyId}` },
      { name: "ricerca operatore", path: "/operatore/candidati?q=commesso&comune=Milano+%28MI%29&radiusKm=50", headers: { Cookie: officer } },
    ].filter((t) => !args.targets || args.targets.split(",").some((w) => t.name.includes(w)));
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
    console.error(`bench:load non riuscito: ${(e as Error).message}\n--- uscita del portale ---\n${output.slice(-4000)}`);
    process.exitCode = 1;
  } finally {
    await stop();
  }
}

void main();
