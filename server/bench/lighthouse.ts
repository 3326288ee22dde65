/**
 * `npm run bench:lighthouse [-- --url http://host:port] [--runs 3] [--json out.json]`: Lighthouse mobile scores
 * (performance, accessibility, best practices, SEO: simulated slow 4G and 4x CPU slowdown, Moto G Power screen) of
 * the home page, the job board and one vacancy page. Without --url it starts a portal of its own as bench:load does
 * (`server/index.ts` on a free loopback port, temporary DATA_DIR with the demo data, NODE_ENV=production; needs
 * `npm run build`). Chromium: /usr/bin/chromium or CHROMIUM_PATH. Each page is measured --runs times and the median
 * performance run is printed, with its FCP, LCP, TBT, CLS, Speed Index and bytes transferred.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const { values: args } = parseArgs({ options: { url: { type: "string" }, runs: { type: "string", default: "3" }, json: { type: "string" } } });
const RUNS = Number(args.runs);
if (!Number.isInteger(RUNS) || RUNS < 1 || RUNS > 10) throw new Error("--runs: un intero tra 1 e 10");

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

async function ownPortal(): Promise<{ base: string; stop: () => Promise<void> }> {
  const root = path.resolve(import.meta.dirname, "../..");
  if (!fs.existsSync(path.join(root, "build/index.js"))) throw new Error("manca la build dell'interfaccia: esegui prima `npm run build`");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rosa-lighthouse-"));
  fs.chmodSync(dir, 0o755);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // Only our own settings: an exported DATABASE_URL/MEILI_URL must not point the bench at real data.
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? dir, NODE_ENV: "production", PUBLIC_URL: base, DATA_DIR: dir, PORT: String(port), HOST: "127.0.0.1", SEED_DEMO: "true" };
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (d: Buffer) => (output += d));
  child.stderr!.on("data", (d: Buffer) => (output += d));
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const until = Date.now() + 180_000;
  while (!(await fetch(`${base}/healthz`).then((r) => r.ok, () => false))) {
    if (child.exitCode !== null || Date.now() > until) {
      await stop();
      throw new Error(`il portale non si è avviato:\n${output.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return { base, stop };
}

/** A vacancy of the public board (the demo vacancies reach it once the search index has caught up with the seed). */
async function someVacancyPath(base: string): Promise<string> {
  for (let i = 0; i < 120; i++) {
    const id = /href="\/offerte\/([0-9a-f-]{36})"/.exec(await (await fetch(`${base}/offerte`)).text())?.[1];
    if (id) return `/offerte/${id}`;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("nessuna offerta pubblicata sulla bacheca");
}

interface Result {
  page: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  speedIndexMs: number;
  transferKiB: number;
  runs: number[];
}

async function main() {
  const portal = args.url ? { base: args.url.replace(/\/+$/, ""), stop: async () => {} } : await ownPortal();
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  const results: Result[] = [];
  try {
    const pages = ["/", "/offerte", await someVacancyPath(portal.base)];
    for (const page of pages) {
      const runs: NonNullable<Awaited<ReturnType<typeof lighthouse>>>["lhr"][] = [];
      for (let i = 0; i < RUNS; i++) {
        const r = await lighthouse(`${portal.base}${page}`, { port: chrome.port, output: "json", logLevel: "error", formFactor: "mobile", screenEmulation: { mobile: true, width: 412, height: 823, deviceScaleFactor: 1.75, disabled: false }, throttlingMethod: "simulate" });
        if (!r) throw new Error(`Lighthouse non ha prodotto un risultato per ${page}`);
        runs.push(r.lhr);
      }
      const score = (lhr: (typeof runs)[number], c: string) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
      runs.sort((a, b) => score(a, "performance") - score(b, "performance"));
      const median = runs[Math.floor(runs.length / 2)]!;
      const num = (id: string) => Number(median.audits[id]?.numericValue ?? NaN);
      results.push({
        page,
        performance: score(median, "performance"),
        accessibility: score(median, "accessibility"),
        bestPractices: score(median, "best-practices"),
        seo: score(median, "seo"),
        fcpMs: Math.round(num("first-contentful-paint")),
        lcpMs: Math.round(num("largest-contentful-paint")),
        tbtMs: Math.round(num("total-blocking-time")),
        cls: Math.round(num("cumulative-layout-shift") * 1000) / 1000,
        speedIndexMs: Math.round(num("speed-index")),
        transferKiB: Math.round(num("total-byte-weight") / 1024),
        runs: runs.map((r) => score(r, "performance")),
      });
    }
  } finally {
    await chrome.kill();
    await portal.stop();
  }
  const s = (ms: number) => `${(ms / 1000).toLocaleString("it-IT", { minimumFractionDigits: 1, maximumFractionDigits: 1 })} s`;
  console.log(`Lighthouse (mobile, 4G lento simulato, CPU 4x), mediana di ${RUNS} ${RUNS === 1 ? "misura" : "misure"} per pagina`);
  for (const r of results) {
    console.log(
      `${r.page.padEnd(48)} prestazioni ${r.performance} (misure ${r.runs.join(", ")}) · accessibilità ${r.accessibility} · buone pratiche ${r.bestPractices} · SEO ${r.seo}`,
    );
    console.log(`${"".padEnd(48)} FCP ${s(r.fcpMs)} · LCP ${s(r.lcpMs)} · TBT ${r.tbtMs} ms · CLS ${r.cls} · Speed Index ${s(r.speedIndexMs)} · ${r.transferKiB} KiB trasferiti`);
  }
  if (args.json) fs.writeFileSync(args.json, JSON.stringify(results, null, 2));
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
