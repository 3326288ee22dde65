import { describe, expect, it } from "vitest";
import { cnelLabel, cnelProblem, cnelSectorsForCo, lookupCnel } from "~/domain/reference/index.server";
import { sectorNames } from "~/domain/reference/ccnl-cnel.server";
import { allCodes, codeEntry } from "~/domain/reference/national.server";
import { ServerHireSchema } from "~/domain/shortlists/hire.server";
import { VacancySchema } from "~/domain/vacancies/schema";

describe("the CNEL table", () => {
  it("holds 1,008 contracts with 4-character codes, every one a valid choice", () => {
    const all = allCodes("ccnlCnel");
    expect(all).toHaveLength(1008);
    expect(all.every((e) => /^[A-Z0-9]{4}$/.test(e.code))).toBe(true);
    expect(all.every((e) => cnelProblem(e.code) === null)).toBe(true);
    expect(codeEntry("ccnlCnel", "E015")?.label).toBe("CCNL Area Alimentazione-Panificazione");
  });
});

describe("CO sector → CNEL sector, by name only", () => {
  it("splits a CNEL sector into the names it answers to", () => {
    expect(sectorNames("CREDITO E ASSICURAZIONI")).toEqual(["CREDITO E ASSICURAZIONI", "CREDITO", "ASSICURAZIONI"]);
    expect(sectorNames("EDILIZIA, LEGNO E ARREDAMENTO")).toEqual([
      "EDILIZIA, LEGNO E ARREDAMENTO",
      "EDILIZIA",
      "LEGNO E ARREDAMENTO",
      "LEGNO",
      "ARREDAMENTO",
    ]);
    expect(sectorNames("ISTRUZIONE, SANITA', ASSISTENZA, CULTURA, ENTI")).toContain("SANITA");
    expect(sectorNames("")).toEqual([]);
  });

  it("matches the CO sectors whose name a CNEL sector carries", () => {
    expect(codeEntry("ccnl", "011")?.group).toBe("Agricoltura");
    expect(cnelSectorsForCo("011")).toEqual(["AGRICOLTURA"]);
    expect(cnelSectorsForCo("051")).toEqual(["CREDITO E ASSICURAZIONI"]);
    expect(cnelSectorsForCo("018")).toEqual(["CREDITO E ASSICURAZIONI"]);
    // The lookup's text («011 — C.c.n.l. …») and lower case are read too.
    expect(cnelSectorsForCo("011 ")).toEqual(["AGRICOLTURA"]);
  });

  it("derives nothing where the names differ: no guessing «Alimentari» = «ALIMENTARISTI» or «Panificazione»", () => {
    expect(codeEntry("ccnl", "013")?.group).toBe("Alimentari");
    expect(cnelSectorsForCo("013")).toEqual([]);
    expect(cnelSectorsForCo("176")).toEqual([]);
    expect(cnelSectorsForCo("042")).toEqual([]);
    expect(cnelSectorsForCo("ND")).toEqual([]);
    expect(cnelSectorsForCo("XYZ")).toEqual([]);
    expect(cnelSectorsForCo(null)).toEqual([]);
  });
});

describe("the CNEL lookup", () => {
  it("finds by code prefix, words of the title or the signatories", () => {
    expect(lookupCnel("E015")[0]).toMatchObject({ code: "E015", suggested: false });
    expect(lookupCnel("E015")[0]!.label).toBe(
      "E015 — CCNL Area Alimentazione-Panificazione (CNA Agroalimentare; CONFARTIGIANATO Alimentazione…)",
    );
    expect(lookupCnel("panificazione confartigianato").map((o) => o.code)).toContain("E015");
    expect(lookupCnel("p")).toEqual([]);
  });

  it("puts the contracts of the CO code's sector first, and keeps the others", () => {
    // «cooperative» is in agricultural and in other sectors' titles.
    const free = lookupCnel("cooperative", null, 50);
    const withCo = lookupCnel("cooperative", "011", 50);
    expect(free.some((o) => o.suggested)).toBe(false);
    expect(new Set(withCo.map((o) => o.code))).toEqual(new Set(free.map((o) => o.code)));
    const firstOther = withCo.findIndex((o) => !o.suggested);
    expect(firstOther).toBeGreaterThan(0);
    expect(withCo.slice(0, firstOther).every((o) => codeEntry("ccnlCnel", o.code)?.group === "AGRICOLTURA")).toBe(true);
    expect(withCo.slice(firstOther).some((o) => o.suggested)).toBe(false);
  });

  it("labels a stored code with its title, an unknown one as it is", () => {
    expect(cnelLabel("E015")).toBe("E015 — CCNL Area Alimentazione-Panificazione");
    expect(cnelLabel("ZZZZ")).toBe("ZZZZ");
    expect(cnelLabel(null)).toBeNull();
  });
});

describe("validation of a CNEL code (Italian messages)", () => {
  it("refuses a malformed or unknown code and a CNEL contract beside «ND»", () => {
    expect(cnelProblem("E15")).toMatch(/^Codice CNEL non valido/);
    expect(cnelProblem("ZZZZ")).toMatch(/^Codice CNEL sconosciuto/);
    expect(cnelProblem("E015", "ND")).toMatch(/non si applica alcun contratto \(ND\)/);
    expect(cnelProblem("E015", "176")).toBeNull();
  });

  it("the vacancy schema takes the lookup's text and keeps the code only", () => {
    const field = VacancySchema.shape.ccnlCnel;
    expect(field.parse("e015 — CCNL Area Alimentazione-Panificazione (CNA…)")).toBe("E015");
    expect(field.parse(undefined)).toBe("");
    const bad = field.safeParse("E01");
    expect(bad.success ? null : bad.error.issues[0]!.message).toBe(
      "Codice CNEL non valido: 4 lettere o cifre (es. E015); sceglilo dall'elenco",
    );
  });

  it("the hire schema checks the table and the contradiction with ND", () => {
    const base = {
      intent: "hire",
      rowId: "4f9d8c4e-0000-4000-8000-000000000001",
      version: "1",
      contractType: "A.01.00",
      startDate: "2027-01-11",
      workingTime: "F",
      ccnl: "176 — Panettieri artigiani.",
      contractLevel: "A3",
      qualification: "6.5.1.2.1.2",
      workComune: "Segrate (MI)",
    };
    const ok = ServerHireSchema.safeParse({ ...base, ccnlCnel: "E015 — CCNL Area Alimentazione-Panificazione (CNA…)" });
    expect(ok.success && ok.data.ccnlCnel).toBe("E015");
    const empty = ServerHireSchema.safeParse(base);
    expect(empty.success && empty.data.ccnlCnel).toBeNull();
    const issues = (input: Record<string, string>) => {
      const r = ServerHireSchema.safeParse({ ...base, ...input });
      return r.success ? [] : r.error.issues.filter((i) => i.path[0] === "ccnlCnel").map((i) => i.message);
    };
    expect(issues({ ccnlCnel: "E15" })[0]).toMatch(/^Codice CNEL non valido/);
    expect(issues({ ccnlCnel: "ZZZZ" })[0]).toMatch(/^Codice CNEL sconosciuto/);
    expect(issues({ ccnl: "ND", ccnlCnel: "E015" })[0]).toMatch(/\(ND\)/);
  });
});
