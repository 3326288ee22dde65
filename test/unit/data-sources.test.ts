import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DATA_SOURCE_GROUPS, DATA_SOURCES } from "~/domain/reference";

/** The table behind the public page /fonti-dati names every vendored reference table, and only existing files. */
const ROOT = join(__dirname, "../../server/reference-data");
const csvFiles = (dir: string) =>
  readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith(".csv"))
    .map((f) => (dir ? `${dir}/${f}` : f));

describe("the list of data sources", () => {
  const listed = DATA_SOURCES.flatMap((s) => s.files);

  it("lists every vendored CSV exactly once, and each listed file exists", () => {
    for (const file of listed) expect(existsSync(join(ROOT, file)), file).toBe(true);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual([...csvFiles(""), ...csvFiles("national")].sort());
  });

  it("gives every table a source, a licence and a date, and credits every ISTAT classification «Fonte: Istat»", () => {
    for (const s of DATA_SOURCES) {
      for (const text of [s.name, s.usedFor, s.publisher, s.licence, s.dataDate]) expect(text.trim(), s.name).not.toBe("");
      expect(
        DATA_SOURCE_GROUPS.map((g) => g.group),
        s.name,
      ).toContain(s.group);
      if (s.group === "istat") expect(s.credit, s.name).toBe("Fonte: Istat");
    }
    expect(DATA_SOURCE_GROUPS.map((g) => DATA_SOURCES.filter((s) => s.group === g.group).length).every((n) => n > 0)).toBe(true);
  });
});
