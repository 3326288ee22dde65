import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCsv } from "~/documents/csv.server";
import { ateco2022Subcategory, cp2011For, resolveCp2011 } from "~/domain/reference/index.server";
import { deriveCp2011Mapping, toCsv, type JobTitleRow } from "../../../server/reference-data/build-cp2021-cp2011";

const table = (path: string) => {
  const [header, ...rows] = parseCsv(readFileSync(path, "utf8"));
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ""])));
};

describe("deriving CP2021 → CP2011", () => {
  const codes = new Set(["1.1.1.1.0.0", "1.1.1.1.0.1", "2.2.2.2.0.0", "2.2.2.2.0.1", "3.3.3.3.0.0", "3.3.3.3.0.1", "4.4.4.1.0.0"]);
  const t = (code: string, unit: string, voce: string, mapping: string): JobTitleRow => ({
    code,
    cp2011Code: unit,
    cp2011VoceId: voce,
    mapping,
  });

  it("marks one soundly carried unit certain, a best guess uncertain, a merge ambiguous, a new unit absent", () => {
    const rows = deriveCp2011Mapping(
      ["1.1.1.1.1", "2.2.2.2.0", "3.3.3.3.0", "4.4.4.1.1", "4.4.4.1.2"],
      [
        t("1.1.1.1.1", "1.1.1.1.0", "1.1.1.1.0.1", "recoded"),
        t("2.2.2.2.0", "2.2.2.2.0", "2.2.2.2.0.1", "manual-uncertain"),
        t("3.3.3.3.0", "3.3.3.3.0", "3.3.3.3.0.1", "same"),
        t("3.3.3.3.0", "2.2.2.2.0", "2.2.2.2.0.1", "recoded"),
        t("4.4.4.1.1", "4.4.4.1.0", "4.4.4.1.0.9", "same"),
      ],
      codes,
    );
    expect(rows.map((r) => [r.cp2021, r.certainty, r.defaultCode])).toEqual([
      ["1.1.1.1.1", "certa", "1.1.1.1.0.0"],
      ["2.2.2.2.0", "incerta", "2.2.2.2.0.0"],
      ["3.3.3.3.0", "ambigua", null],
      ["4.4.4.1.1", "certa", "4.4.4.1.0.0"],
      ["4.4.4.1.2", "assente", null],
    ]);
    expect(rows[0]!.candidates).toEqual(["1.1.1.1.0.0", "1.1.1.1.0.1"]);
    expect(rows[2]!.candidates).toEqual(["2.2.2.2.0.0", "3.3.3.3.0.0", "2.2.2.2.0.1", "3.3.3.3.0.1"]);
    // The new unit gets its sibling's CP2011 unit as candidate; unknown voci are dropped.
    expect(rows[4]!.candidates).toEqual(["4.4.4.1.0.0"]);
    expect(rows[3]!.candidates).toEqual(["4.4.4.1.0.0"]);
  });

  it("the vendored cp2021-cp2011.csv is what the build script gives from the vendored tables", () => {
    const units = table("server/reference-data/cp2021.csv")
      .filter((r) => r.level === "5")
      .map((r) => r.code!);
    const titles = table("server/reference-data/cp2021-job-titles.csv").map((r) =>
      t(r.code!, r.cp2011_code!, r.cp2011_voce_id!, r.mapping!),
    );
    const qualifications = new Set(table("server/reference-data/national/cp2011_qualifiche_co.csv").map((r) => r.code!));
    const rows = deriveCp2011Mapping(units, titles, qualifications);
    expect(toCsv(rows)).toBe(readFileSync("server/reference-data/cp2021-cp2011.csv", "utf8"));
    expect(rows).toHaveLength(813);
    // Every unit has at least one candidate, every candidate is a CO qualification.
    for (const r of rows) {
      expect(r.candidates.length, r.cp2021).toBeGreaterThan(0);
      for (const c of r.candidates) expect(qualifications.has(c), c).toBe(true);
    }
  });
});

describe("the mapping at run time", () => {
  it("exports the certain code, asks for a choice otherwise, and keeps only a choice among the candidates", () => {
    expect(cp2011For("5.1.2.2.0")).toMatchObject({ certainty: "certa", automatic: "5.1.2.2.0.0" });
    expect(resolveCp2011("5.1.2.2.0", null)).toBe("5.1.2.2.0.0");
    expect(resolveCp2011("5.1.2.2.0", "5.1.2.2.0.1")).toBe("5.1.2.2.0.1");
    // A choice made for another profession does not count.
    expect(resolveCp2011("5.1.2.2.0", "3.1.2.1.0.0")).toBe("5.1.2.2.0.0");
    const gis = cp2011For("3.1.2.7.0")!;
    expect(gis.certainty).toBe("assente");
    expect(gis.automatic).toBeNull();
    expect(resolveCp2011("3.1.2.7.0", null)).toBeNull();
    expect(resolveCp2011("3.1.2.7.0", gis.candidates[0]!.code)).toBe(gis.candidates[0]!.code);
    expect(gis.candidates[0]!.label).toMatch(/^3\.1\.2\.1\.0\.0 — [A-Z][a-z]/);
    expect(cp2011For("9.9.9.9.9")).toBeNull();
  });
});

describe("ATECO 2025 → the 2007/2022 subcategory ClicLavoro takes", () => {
  it("keeps a code that exists in both, resolves a category with one subcategory, refuses a general one", () => {
    expect(ateco2022Subcategory("10.71.10")).toBe("10.71.10");
    expect(ateco2022Subcategory("10.71.1")).toBe("10.71.10");
    expect(ateco2022Subcategory("55.10")).toBe("55.10.00");
    expect(ateco2022Subcategory("10")).toBeNull();
    expect(ateco2022Subcategory(null)).toBeNull();
    for (const c of ["10.71.10", "55.10.00", "49.41.00"]) expect(ateco2022Subcategory(c)).toMatch(/^\d{2}\.\d{2}\.\d{2}$/);
  });
});
