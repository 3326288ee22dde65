import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Decisions live in the repository (docs/architecture.md, docs/decisions/, docs/legal/): code comments cite
 * `docs/<file>.md#anchor`, never documents a newcomer does not have (the research files outside the repository,
 * issue numbers, the stack spike). This test keeps it so: every cited docs file and anchor exists, every relative link
 * between the docs resolves, and no source file cites an outside document. Migrations are frozen and not scanned.
 * The other way round, every path and file name the README and the docs give a newcomer (`app/domain/l68/file/`,
 * `operatore.registro.nuovo.tsx`) still exists after a move.
 */
const root = path.resolve(import.meta.dirname, "../..");
const SOURCE_DIRS = ["app", "server", "search", "test"];

function walk(dir: string, ext: RegExp, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, ext, out);
    else if (ext.test(entry.name)) out.push(full);
  }
  return out;
}

const self = path.join(root, "test/unit/docs-citations.test.ts");
const sources = SOURCE_DIRS.flatMap((d) => walk(path.join(root, d), /\.(ts|tsx|mjs|js)$/)).filter(
  (f) => f !== self && !f.includes(`${path.sep}reference-data${path.sep}`),
);
const docs = walk(path.join(root, "docs"), /\.md$/);

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

const anchorsCache = new Map<string, Set<string>>();
function anchorsOf(file: string): Set<string> {
  let anchors = anchorsCache.get(file);
  if (!anchors) {
    const text = fs.readFileSync(file, "utf8");
    anchors = new Set([...text.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1]!));
    for (const m of text.matchAll(/^#{1,6}\s+(.+)$/gm)) anchors.add(slug(m[1]!));
    anchorsCache.set(file, anchors);
  }
  return anchors;
}

/** `docs/x.md#a, #b` → [["docs/x.md", "a"], ["docs/x.md", "b"]]: the bare anchors that follow a cited file on one line. */
function citationsIn(line: string): Array<[string, string | null]> {
  const found: Array<[string, string | null]> = [];
  for (const m of line.matchAll(/(docs\/[\w./-]+\.md)(#[\w-]+)?((?:,\s*#[\w-]+)*)/g)) {
    found.push([m[1]!, m[2] ? m[2].slice(1) : null]);
    for (const extra of (m[3] ?? "").matchAll(/#([\w-]+)/g)) found.push([m[1]!, extra[1]!]);
  }
  return found;
}

describe("docs cited by the code", () => {
  it("every docs/…md#anchor cited in app/, server/, search/ and test/ exists", () => {
    const missing: string[] = [];
    let count = 0;
    for (const file of sources) {
      fs.readFileSync(file, "utf8")
        .split("\n")
        .forEach((line, i) => {
          for (const [doc, anchor] of citationsIn(line)) {
            count++;
            const target = path.join(root, doc);
            const where = `${path.relative(root, file)}:${i + 1}`;
            if (!fs.existsSync(target)) missing.push(`${where} cites ${doc}, which does not exist`);
            else if (anchor && !anchorsOf(target).has(anchor)) missing.push(`${where} cites ${doc}#${anchor}: no such anchor`);
          }
        });
    }
    expect(missing).toEqual([]);
    expect(count).toBeGreaterThan(100);
  });

  it("every relative link between the docs (and from the README) resolves", () => {
    const broken: string[] = [];
    for (const file of [...docs, path.join(root, "README.md")]) {
      for (const m of fs.readFileSync(file, "utf8").matchAll(/\]\(([^)\s]+)\)/g)) {
        const href = m[1]!;
        if (/^[a-z]+:/i.test(href)) continue;
        const [rel, anchor] = href.split("#");
        const target = rel ? path.resolve(path.dirname(file), rel) : file;
        const where = path.relative(root, file);
        if (!fs.existsSync(target)) broken.push(`${where} → ${href}: no such file`);
        else if (anchor && target.endsWith(".md") && !anchorsOf(target).has(anchor)) broken.push(`${where} → ${href}: no such anchor`);
      }
    }
    expect(broken).toEqual([]);
  });

  it("no source file cites a document outside the repository or an issue number", () => {
    const outside =
      /\.\.\/shared\/|shared\/(domain|engineering|standards)\/|l68-quota-rules|stack-spike|national-interchange\.md|italian-pa-ecosystem\.md|\b[Rr]ules file\b|\b[Ii]ssue \d+/;
    const offenders: string[] = [];
    for (const file of sources) {
      fs.readFileSync(file, "utf8")
        .split("\n")
        .forEach((line, i) => {
          if (outside.test(line)) offenders.push(`${path.relative(root, file)}:${i + 1}: ${line.trim().slice(0, 120)}`);
        });
    }
    expect(offenders).toEqual([]);
  });

  it("every app/…, server/…, search/…, test/… and migrations/… path the README and the docs name exists", () => {
    // A newcomer follows these paths to the code: after a move they must follow it. Patterns (`*`, `…`, `<contesto>`,
    // `YYYY`) are not paths; `{a,b}` names several.
    const stale: string[] = [];
    let count = 0;
    for (const file of [...docs, path.join(root, "README.md")]) {
      fs.readFileSync(file, "utf8")
        .split("\n")
        .forEach((line, i) => {
          for (const m of line.matchAll(/(?<![\w./~-])((?:app|server|search|test|migrations)\/[\w.$/{},*…<>-]*)/g)) {
            const cited = m[1]!.replace(/[.,:]+$/, "");
            if (/[*…<>]|YYYY/.test(cited)) continue;
            const braces = /\{([^}]*)\}/.exec(cited);
            const paths = braces ? braces[1]!.split(",").map((part) => cited.replace(braces[0], part)) : [cited];
            for (const p of paths) {
              count++;
              if (!fs.existsSync(path.join(root, p))) stale.push(`${path.relative(root, file)}:${i + 1}: ${p}`);
            }
          }
        });
    }
    expect(stale).toEqual([]);
    expect(count).toBeGreaterThan(100);
  });

  it("every route or module file the README and the docs name by itself (`operatore.registro.nuovo.tsx`) exists", () => {
    const names = new Set(SOURCE_DIRS.flatMap((d) => walk(path.join(root, d), /\.(ts|tsx)$/)).map((f) => path.basename(f)));
    const missing: string[] = [];
    for (const file of [...docs, path.join(root, "README.md")]) {
      fs.readFileSync(file, "utf8")
        .split("\n")
        .forEach((line, i) => {
          for (const m of line.matchAll(/`([a-z_][\w$.-]*\.[\w$-]+\.tsx?)`/g)) {
            if (!names.has(m[1]!)) missing.push(`${path.relative(root, file)}:${i + 1}: ${m[1]}`);
          }
        });
    }
    expect(missing).toEqual([]);
  });

  it("every route prefix the README and the docs give (`operatore.ricollocazione.*`) names at least one route file", () => {
    const routes = fs.readdirSync(path.join(root, "app/routes"));
    const empty: string[] = [];
    for (const file of [...docs, path.join(root, "README.md")]) {
      fs.readFileSync(file, "utf8")
        .split("\n")
        .forEach((line, i) => {
          for (const m of line.matchAll(/`([a-z][\w$.-]*)\*`/g)) {
            if (!routes.some((r) => r.startsWith(m[1]!))) empty.push(`${path.relative(root, file)}:${i + 1}: ${m[1]}*`);
          }
        });
    }
    expect(empty).toEqual([]);
  });
});
