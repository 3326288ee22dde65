/**
 * `npm run bench:lighthouse [-- --url http://host:port] [--runs 3] [--json out.json]`: Lighthouse mobile scores
 * (performance, accessibility, best practices, SEO: simulated slow 4G and 4x CPU slowdown, Moto G Power screen) of
 * the home page, the job board and one vacancy page. Without --url it starts a portal of its own as bench:load does
 * (`server/index.ts` on a free loopback port, temporary DATA_DIR with the demo data, NODE_ENV=production; needs
 * `npm run build`). Chromium: /usr/bin/chromium or CHROMIUM_PATH. Each page is measured --runs times and the median
 * performance run is printed, with its FCP, LCP, TBT, CLS, Speed Index and bytes transferred.
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { boardVacancyId, startOwnPortal } from "./own-portal";

const { values: args } = parseArgs({ options: { url: { type: "string" }, runs: { type: "string", default: "3" }, json: { type: "string" } } });
const RUNS = Number(args.runs);
if (!Number.isInteger(RUNS) || RUNS < 1 || RUNS > 10) throw new Error("--runs: un intero tra 1 e 10");

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
  const portal = args.url ? { base: args.url.replace(/\/+$/, ""), stop: async () => {} } : await startOwnPortal("lighthouse");
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  const results: Result[] = [];
  try {
    const pages = ["/", "/offerte", `/offerte/${await boardVacancyId(portal.base)}`];
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
