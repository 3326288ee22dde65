/**
 * `npm run bench:lighthouse [-- --url http://host:port] [--runs 3] [--json out.json] [--lhr-dir dir]`: Lighthouse mobile scores
 * (performance, accessibility, best practices, SEO: simulated slow 4G and 4x CPU slowdown, Moto G Power screen) of
 * the home page, the job board and one vacancy page. Without --url it starts a portal of its own as bench:load does
 * (`server/index.ts` on a free loopback port, temporary DATA_DIR with the demo data, NODE_ENV=production; needs
 * `npm run build`). Chromium: /usr/bin/chromium or CHROMIUM_PATH. Each page is measured --runs times and the median
 * performance run is printed, with its FCP, LCP, TBT, CLS, Speed Index and bytes transferred, and figures that do not
 * depend on the machine's load (CSS/JS/font bytes, render-blocking and unused CSS, LCP element, layout shifts);
 * --lhr-dir keeps every run's full Lighthouse report (JSON).
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { boardVacancyId, startOwnPortal } from "./own-portal";

const { values: args } = parseArgs({
  options: { url: { type: "string" }, runs: { type: "string", default: "3" }, json: { type: "string" }, "lhr-dir": { type: "string" } },
});
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
  /** Figures that do not depend on the machine's load (from the median run). */
  fixed: {
    renderBlockingKiB: number;
    cssKiB: number;
    unusedCssKiB: number;
    jsKiB: number;
    fontKiB: number;
    fonts: string[];
    serverResponseMs: number;
    lcpElement: string;
    layoutShifts: string[];
  };
}

type Lhr = NonNullable<Awaited<ReturnType<typeof lighthouse>>>["lhr"];
type Item = Record<string, unknown>;
const itemsOf = (lhr: Lhr, id: string): Item[] => (lhr.audits[id]?.details as { items?: Item[] } | undefined)?.items ?? [];
const kib = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

/** Bytes transferred (compressed) by type, render-blocking bytes, unused CSS, the LCP element and what shifted. */
function fixedFigures(lhr: Lhr): Result["fixed"] {
  const requests = itemsOf(lhr, "network-requests");
  const bytesOf = (type: string) => requests.filter((r) => r.resourceType === type).reduce((n, r) => n + Number(r.transferSize ?? 0), 0);
  // The render-blocking audit fails with newer Chromium (trace format); the stylesheets fetched at the highest priority are those.
  const renderBlocking =
    lhr.audits["render-blocking-resources"]?.scoreDisplayMode === "error"
      ? requests
          .filter((r) => r.resourceType === "Stylesheet" && r.priority === "VeryHigh")
          .reduce((n, r) => n + Number(r.transferSize ?? 0), 0)
      : itemsOf(lhr, "render-blocking-resources").reduce((n, r) => n + Number(r.totalBytes ?? 0), 0);
  const unusedCss = itemsOf(lhr, "unused-css-rules").reduce((n, r) => n + Number(r.wastedBytes ?? 0), 0);
  const nodeOf = (item: Item | undefined) => (item?.node ?? item) as { snippet?: string; selector?: string } | undefined;
  const lcpTable = itemsOf(lhr, "largest-contentful-paint-element")[0] as { items?: Item[] } | undefined;
  const lcpNode = nodeOf(lcpTable?.items?.[0]);
  const shifts = itemsOf(lhr, "layout-shifts").map(
    (s) => `${Math.round(Number(s.score ?? 0) * 1000) / 1000} ${nodeOf(s)?.selector ?? nodeOf(s)?.snippet ?? "?"}`,
  );
  return {
    renderBlockingKiB: kib(renderBlocking),
    cssKiB: kib(bytesOf("Stylesheet")),
    unusedCssKiB: kib(unusedCss),
    jsKiB: kib(bytesOf("Script")),
    fontKiB: kib(bytesOf("Font")),
    fonts: requests.filter((r) => r.resourceType === "Font").map((r) => String(r.url).replace(/^.*\//, "")),
    serverResponseMs: Math.round(Number(lhr.audits["server-response-time"]?.numericValue ?? NaN)),
    lcpElement: lcpNode?.snippet ?? "?",
    layoutShifts: shifts,
  };
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
      const runs: Lhr[] = [];
      for (let i = 0; i < RUNS; i++) {
        const r = await lighthouse(`${portal.base}${page}`, {
          port: chrome.port,
          output: "json",
          logLevel: "error",
          formFactor: "mobile",
          screenEmulation: { mobile: true, width: 412, height: 823, deviceScaleFactor: 1.75, disabled: false },
          throttlingMethod: "simulate",
        });
        if (!r) throw new Error(`Lighthouse non ha prodotto un risultato per ${page}`);
        runs.push(r.lhr);
        if (args["lhr-dir"]) {
          fs.mkdirSync(args["lhr-dir"], { recursive: true });
          fs.writeFileSync(
            `${args["lhr-dir"]}/${page === "/" ? "home" : page.replace(/^\//, "").replace(/\//g, "_")}-${i + 1}.json`,
            JSON.stringify(r.lhr),
          );
        }
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
        fixed: fixedFigures(median),
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
    console.log(
      `${"".padEnd(48)} FCP ${s(r.fcpMs)} · LCP ${s(r.lcpMs)} · TBT ${r.tbtMs} ms · CLS ${r.cls} · Speed Index ${s(r.speedIndexMs)} · ${r.transferKiB} KiB trasferiti`,
    );
    const f = r.fixed;
    const k = (n: number) => `${n.toLocaleString("it-IT")} KiB`;
    console.log(
      `${"".padEnd(48)} CSS ${k(f.cssKiB)} (bloccanti il rendering ${k(f.renderBlockingKiB)}, inutilizzati ${k(f.unusedCssKiB)}) · JS ${k(f.jsKiB)} · font ${k(f.fontKiB)} (${f.fonts.join(", ")}) · risposta del server ${f.serverResponseMs} ms`,
    );
    if (f.lcpElement !== "?") console.log(`${"".padEnd(48)} elemento LCP: ${f.lcpElement.slice(0, 120)}`);
    if (f.layoutShifts.length) console.log(`${"".padEnd(48)} spostamenti del layout: ${f.layoutShifts.join(" · ").slice(0, 300)}`);
  }
  if (args.json) fs.writeFileSync(args.json, JSON.stringify(results, null, 2));
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
