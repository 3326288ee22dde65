import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import postcss from "postcss";
import { describe, expect, it } from "vitest";
import postcssConfig, { PURGED_STYLESHEET, SAFELIST } from "../../postcss.config.js";

const require = createRequire(import.meta.url);
const ROOT = path.resolve(import.meta.dirname, "../..");
const BI_CSS = require.resolve("bootstrap-italia/dist/css/bootstrap-italia.min.css");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

const classesOf = (css: string) => new Set(Array.from(css.matchAll(/\.(-?[A-Za-z_][\w-]*)/g), (m) => m[1]!));

describe("Bootstrap Italia's stylesheet, purged at build time (postcss.config.js)", async () => {
  const full = fs.readFileSync(BI_CSS, "utf8");
  const purged = (await postcss(postcssConfig.plugins).process(full, { from: BI_CSS })).css;
  const fullClasses = classesOf(full);
  const purgedClasses = classesOf(purged);
  const sources = sourceFiles(path.join(ROOT, "app")).map((file) => ({
    file: path.relative(ROOT, file),
    text: fs.readFileSync(file, "utf8"),
  }));

  it("applies to Bootstrap Italia's file only, and makes it much smaller", async () => {
    expect(PURGED_STYLESHEET.test(BI_CSS)).toBe(true);
    const appCss = path.join(ROOT, "app/styles/app.css");
    const own = fs.readFileSync(appCss, "utf8");
    expect((await postcss(postcssConfig.plugins).process(own, { from: appCss })).css).toBe(own);
    expect(purged.length).toBeLessThan(full.length / 5);
  });

  it("names the metric-matched fallback right after Titillium Web in every font stack, and app.css declares it", () => {
    const stacks = Array.from(purged.matchAll(/(?:font-family|--bs-[\w-]*font[\w-]*):([^;}]*Titillium[^;}]*)/g), (m) => m[1]!);
    expect(stacks.length).toBeGreaterThan(0);
    for (const stack of stacks) expect(stack.replace(/\s/g, "")).toContain('"TitilliumWeb","TitilliumWebFallback"');
    expect(fs.readFileSync(path.join(ROOT, "app/styles/app.css"), "utf8")).toContain('font-family: "Titillium Web Fallback"');
  });

  it("keeps every Bootstrap Italia class written in a className of the app", () => {
    const missing = new Set<string>();
    for (const { file, text } of sources) {
      for (const m of text.matchAll(/className=(?:"([^"]*)"|\{`([^`]*)`\}|\{"([^"]*)"\})/g)) {
        const literal = (m[1] ?? m[2] ?? m[3] ?? "").replace(/\$\{[^}]*\}/g, " ");
        for (const cls of literal.split(/\s+/).filter(Boolean)) {
          if (fullClasses.has(cls) && !purgedClasses.has(cls)) missing.add(`${cls} (${file})`);
        }
      }
    }
    expect([...missing]).toEqual([]);
  });

  it("keeps the classes composed at run time: alert types, validation states, the current menu link", () => {
    for (const cls of ["alert-success", "alert-info", "alert-warning", "alert-danger", "is-invalid", "active"]) {
      expect(purgedClasses.has(cls), cls).toBe(true);
    }
    expect(purged).toContain(".form-control.is-invalid");
  });

  it("has every class built from pieces in the source (`x-${…}`) covered by the safelist", () => {
    const safelisted = (prefix: string) =>
      SAFELIST.some((s: string | RegExp) => (typeof s === "string" ? s.startsWith(prefix) : s.test(`${prefix}x`)));
    const uncovered: string[] = [];
    for (const { file, text } of sources) {
      for (const m of text.matchAll(/className=\{`([^`]*)`\}/g)) {
        for (const piece of m[1]!.matchAll(/([A-Za-z][\w-]*-)\$\{/g)) {
          if (!safelisted(piece[1]!)) uncovered.push(`${piece[1]}\${…} in ${file}`);
        }
      }
    }
    expect(uncovered, "add the pattern to SAFELIST in postcss.config.js").toEqual([]);
  });
});
