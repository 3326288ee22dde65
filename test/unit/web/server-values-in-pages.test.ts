// Remix's compiler replaces every `*.server` module with an empty one in the browser bundle: a value a
// page component takes from such a module is `undefined` once the page hydrates, so the browser renders
// something else than the server did (a hydration mismatch, as «entro NaN giorni» on /azienda/offerte).
// Loaders and actions may use them; the components (everything after `export default function`) may not.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const roots = ["app/routes", "app/components"].map((d) => path.resolve(d));
const files = roots.flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".tsx"))
    .map((f) => path.join(dir, f)),
);

/** Value (not type) names a file imports from `*.server` modules. */
function serverValues(source: string): string[] {
  const names: string[] = [];
  for (const m of source.matchAll(/import\s+(type\s+)?\{([^}]*)\}\s*from\s*"[^"]*\.server"/g)) {
    if (m[1]) continue;
    for (const part of m[2]!.split(",")) {
      const name = part.trim();
      if (!name || name.startsWith("type ")) continue;
      names.push(
        name
          .split(/\s+as\s+/)
          .pop()!
          .trim(),
      );
    }
  }
  return names;
}

describe("page components use no value of a .server module", () => {
  it("reads the routes and components", () => expect(files.length).toBeGreaterThan(100));

  it("finds none", () => {
    const offenders = files.flatMap((file) => {
      const source = readFileSync(file, "utf8");
      const component = source.indexOf("export default function");
      if (component < 0) return [];
      const body = source.slice(component);
      return serverValues(source)
        .filter((name) => new RegExp(`\\b${name.replace(/\$/g, "\\$")}\\b`).test(body))
        .map((name) => `${path.relative(process.cwd(), file)}: ${name}`);
    });
    expect(offenders).toEqual([]);
  });

  it("would catch the bug it was written for", () => {
    const page = `import { EXPIRING_DAYS } from "~/domain/vacancies/queries.server";\nexport default function P() { return <p>{EXPIRING_DAYS}</p>; }`;
    expect(serverValues(page)).toEqual(["EXPIRING_DAYS"]);
  });
});
