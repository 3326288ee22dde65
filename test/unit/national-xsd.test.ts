import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { validateNationalXml } from "~/documents/xsd.server";

const example = (name: string) => readFileSync(`test/fixtures/national/${name}`, "utf8");

describe("offline validation against the national XSDs", () => {
  it("accepts the minimal and the full ClicLavoro vacancy examples", async () => {
    expect(await validateNationalXml("cliclavoroVacancy", example("vacancy_minimal.xml"))).toEqual({ valid: true });
    expect(await validateNationalXml("cliclavoroVacancy", example("vacancy_full.xml"))).toEqual({ valid: true });
  });

  it("accepts the SAP active-policy example", async () => {
    expect(await validateNationalXml("sap", example("sap_politica_attiva_minimal.xml"))).toEqual({ valid: true });
  });

  it("reports where a document breaks the schema (elements out of order)", async () => {
    const xml = example("vacancy_minimal.xml");
    // Swap the first two children of the root: the schema fixes their order.
    const broken = xml.replace(/(<DatoreLavoro>[\s\S]*?<\/DatoreLavoro>)(\s*)(<Richiesta>[\s\S]*?<\/Richiesta>)/, "$3$2$1");
    expect(broken).not.toBe(xml);
    const result = await validateNationalXml("cliclavoroVacancy", broken);
    expect(result.valid).toBe(false);
    if (!result.valid) expect(result.problems[0].message).toMatch(/not expected/);
  });
});
