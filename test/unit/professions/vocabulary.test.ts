import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  jobTitlesOf,
  professionUnit,
  searchProfessions,
  searchText,
  unitsNamedBy,
  vocabulary,
  vocabularyKeys,
} from "~/domain/professions/vocabulary";

const first = (q: string, n = 3) => searchProfessions(q, n).map((o) => o.code);

describe("professions vocabulary", () => {
  it("carries the ISTAT job titles of the CP2021 units", () => {
    expect(vocabulary().units.size).toBe(813);
    expect(professionUnit("4.3.1.2.0")?.jobTitles).toEqual(expect.arrayContaining(["Magazziniere consegnatario", "Magazziniere"]));
    expect(jobTitlesOf(["5.5.2.3.0", "5.5.2.3.0"]).filter((t) => t === "Badante")).toHaveLength(1);
  });

  // The picker answers the words officers and employers type (vacancy form, CV form, job board).
  it.each([
    ["commesso", "5.1.2.2.0"],
    ["commessa", "5.1.2.2.0"],
    ["cameriere", "5.2.2.3.2"],
    ["cameriera", "5.2.2.3.2"],
    ["cuoco", "5.2.2.1.0"],
    ["saldatore", "6.2.1.2.0"],
    ["badante", "5.5.2.3.0"],
    ["panettiere", "6.5.1.2.1"],
    ["autista", "7.4.2.1.0"],
    ["muratore", "6.1.2.1.0"],
    ["magazziniere", "4.3.1.2.0"],
    ["carrellista", "7.4.4.4.0"],
    ["mulettista", "7.4.4.4.0"],
    ["oss", "5.3.1.1.0"],
    ["OSS", "5.3.1.1.0"],
    ["autista patente C", "7.4.2.3.0"],
    ["magaziniere", "4.3.1.2.0"],
    ["magazz", "4.3.1.2.0"],
  ])("«%s» → %s among the first options", (q, code) => {
    expect(first(q)).toContain(code);
  });

  it("still finds units by code prefix", () => {
    expect(first("5.1.2.2", 5)).toEqual(["5.1.2.2.0"]);
  });

  it("reads a search text as the index does: profession words as keys, other words as typed", () => {
    expect(searchText("magazziniera")).toBe(searchText("Magazzinieri"));
    expect(searchText("saldatrice")).toBe(searchText("saldatore"));
    expect(searchText("Zyxwvqa HACCP")).toBe("Zyxwvqa HACCP");
    expect(vocabularyKeys(["Magazziniere consegnatario"]).split(" ")).toContain(searchText("magazziniera"));
    // A typo keeps its own key, which Meilisearch matches with its typo tolerance.
    expect(searchText("comessa")).toBe("comess");
  });

  it("knows which units a text names, and that names and free words name none", () => {
    expect(unitsNamedBy("magazziniera")).toEqual(["4.3.1.2.0"]);
    expect(unitsNamedBy("autista patente C")).toEqual(["7.4.2.3.0"]);
    expect(unitsNamedBy("commesso part time")).toContain("5.1.2.2.0");
    expect(unitsNamedBy("Zyxwvqa")).toEqual([]);
  });

  it("answers the judged query set of bench:relevance with the expected unit among the first 5 options (≥ 95 %)", () => {
    const judged = JSON.parse(readFileSync("server/bench/relevance-queries.json", "utf8")) as { query: string; expectedCodes: string[] }[];
    expect(judged.length).toBeGreaterThanOrEqual(300);
    const found = judged.filter((j) => searchProfessions(j.query, 5).some((o) => j.expectedCodes.includes(o.code)));
    expect(found.length / judged.length).toBeGreaterThanOrEqual(0.95);
  });
});
