import fs from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

// The server loads @remix-run/router's CommonJS build (through @remix-run/server-runtime): that is the file
// server/vendor-patches/ changes, applied by `patch-package` after every `npm ci` (docs/performance.md).
const require = createRequire(import.meta.url);
const routerFile = require.resolve("@remix-run/router");
const { matchRoutes } = require("@remix-run/router") as typeof import("@remix-run/router");

const routes = [
  {
    id: "root",
    path: "",
    children: [
      { id: "home", index: true },
      { id: "search", path: "operatore/candidati" },
      { id: "candidate", path: "operatore/candidati/:candidateId" },
      { id: "edit", path: "operatore/candidati/:candidateId/modifica" },
      { id: "vacancy", path: "offerte/:vacancyId?" },
      { id: "Upper", path: "Maiuscole", caseSensitive: true },
      { id: "splat", path: "*" },
    ],
  },
];

const ids = (path: string) => matchRoutes(routes, path)?.map((m) => [m.route.id, m.params]);

describe("route matching with the cached branches and patterns", () => {
  it("is the patched file the server loads", () => {
    expect(fs.readFileSync(routerFile, "utf8")).toContain("Rosa patch (docs/performance.md)");
  });

  it("matches the same way on every call, params, optional segments, case and splat included", () => {
    for (let round = 0; round < 3; round++) {
      expect(ids("/")).toEqual([
        ["root", {}],
        ["home", {}],
      ]);
      expect(ids("/operatore/candidati")).toEqual([
        ["root", {}],
        ["search", {}],
      ]);
      expect(ids("/operatore/candidati/abc/")).toEqual([
        ["root", { candidateId: "abc" }],
        ["candidate", { candidateId: "abc" }],
      ]);
      expect(ids("/operatore/candidati/x%20y/modifica")?.[1]).toEqual(["edit", { candidateId: "x y" }]);
      expect(ids("/offerte")?.[1]).toEqual(["vacancy", { vacancyId: undefined }]);
      expect(ids("/offerte/42")?.[1]).toEqual(["vacancy", { vacancyId: "42" }]);
      expect(ids("/Maiuscole")?.[1]).toEqual(["Upper", {}]);
      expect(ids("/maiuscole")?.[1]).toEqual(["splat", { "*": "maiuscole" }]);
      expect(ids("/operatore/altro/pagina")?.[1]).toEqual(["splat", { "*": "operatore/altro/pagina" }]);
    }
  });

  it("ranks a new route tree of its own, not the cached one of another tree", () => {
    const other = [{ id: "only", path: "operatore/candidati" }];
    expect(matchRoutes(other, "/operatore/candidati")?.map((m) => m.route.id)).toEqual(["only"]);
    expect(matchRoutes(other, "/offerte")).toBeNull();
    expect(ids("/offerte")?.[1]?.[0]).toBe("vacancy");
  });
});
