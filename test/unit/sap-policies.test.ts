import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { validateNationalXml } from "~/documents/xsd.server";
import { fiscalCheckCharacter, policyIdentifier, SAP_MAPPINGS, sapXml } from "~/domain/sap";

describe("SAP identificativo_politica", () => {
  it("reproduces the documented example: H501X000004 + A02 + 20170101 → B", () => {
    expect(fiscalCheckCharacter("H501X000004A0220170101")).toBe("B");
  });

  it("is the codice fiscale check character on a real tax code", () => {
    // RSSMRA85T10A562S: the last letter is the check character of the first 15.
    expect(fiscalCheckCharacter("RSSMRA85T10A562")).toBe("S");
  });

  it("builds sender + 8 hexadecimal digits + check character, as in the guide's validated example", () => {
    const id = policyIdentifier("13", 0x00a1b2c3, "L219C000001", "A02", "2026-03-02");
    expect(id).toBe(`1300A1B2C3${fiscalCheckCharacter("L219C000001A0220260302")}`);
    expect(id).toMatch(/^[0-9]{2}[0-9A-F]{8}[A-Z]$/);
    expect(readFileSync("test/fixtures/national/sap_politica_attiva_minimal.xml", "utf8")).toContain(
      `<identificativo_politica>1300A1B2C3${fiscalCheckCharacter("L219C000001A0220260302")}</identificativo_politica>`,
    );
  });

  it("refuses a sender that is not two digits and a sequence beyond 8 hexadecimal digits", () => {
    expect(() => policyIdentifier("1", 1, "L219C000001", "A02", "2026-03-02")).toThrow();
    expect(() => policyIdentifier("10", 2 ** 32, "L219C000001", "A02", "2026-03-02")).toThrow();
  });
});

describe("the mapping of Rosa's services to SAP codes", () => {
  it("maps only to codes a stored source confirms, and says why the others are not exported", () => {
    const sources = readFileSync("server/reference-data/national/sap_tipo_attivita_parziale.csv", "utf8");
    for (const m of SAP_MAPPINGS) {
      expect(m.source.length).toBeGreaterThan(10);
      if (m.sap) expect(sources).toContain(`${m.sap},`);
      else expect(m.status).not.toBe("mapped");
    }
    expect(SAP_MAPPINGS.filter((m) => m.status === "mapped").map((m) => m.sap)).toEqual(["A02", "C06"]);
  });
});

describe("the SAP policy section", () => {
  it("validates against Rev009_SAP.xsd with a started internship and a signed pact", async () => {
    const enteCode = "F205C000001";
    const xml = sapXml({
      updatedOn: "2026-12-06",
      enteCode,
      birthDate: "1990-05-14",
      policies: [
        {
          activity: "A02",
          title: null,
          proposedOn: "2026-03-02",
          startOn: "2026-03-02",
          endOn: "2026-03-02",
          description: "Patto di attivazione & profiling",
          enteCode,
          identifier: policyIdentifier("10", 1, enteCode, "A02", "2026-03-02"),
          event: "ended",
          durationMonths: null,
        },
        {
          activity: "C06",
          title: "Tirocinio <addetto> magazzino",
          proposedOn: "2026-04-01",
          startOn: "2026-05-01",
          endOn: "2026-10-31",
          description: "Tirocinio extracurricolare presso Panificio Lombardo S.r.l.",
          enteCode,
          identifier: policyIdentifier("10", 2, enteCode, "C06", "2026-04-01"),
          event: "started",
          durationMonths: 6,
        },
      ],
    });
    expect(await validateNationalXml("sap", xml)).toEqual({ valid: true });
    expect(xml).toContain("<evento>02</evento><data_evento>2026-05-01</data_evento>");
    expect(xml).toContain("<evento>10</evento><data_evento>2026-03-02</data_evento>");
  });

  it("validates with no policy at all (only the sending data)", async () => {
    expect(
      await validateNationalXml("sap", sapXml({ updatedOn: "2026-12-06", enteCode: "F205C000001", birthDate: "1990-05-14", policies: [] })),
    ).toEqual({
      valid: true,
    });
  });
});
